package store

import (
	"testing"

	"tend/coach"
)

// A schema-1 file, as tend wrote it before ids: its goals gain a uid each
// and the file a device id on the first open, and check-ins written after
// that name the device (IMPORT §7.1, SYNC §2).
func TestSchema2GivesGoalsUIDsAndTheFileADeviceID(t *testing.T) {
	s := newStore(t)
	a, b := walkGoal(t, "Walk"), walkGoal(t, "Swim")
	a.ID, b.ID = 1, 2
	writeOldFile(t, s.Path(), 1, oldHistory{goals: []coach.Goal{a, b}})

	gs := mustGoals(t, s)
	if len(gs) != 2 || gs[0].ID != a.ID || gs[1].ID != b.ID {
		t.Fatalf("goals after migrating: %+v", gs)
	}
	for _, g := range gs {
		if !isHex(g.UID, goalUIDLen) {
			t.Errorf("%s has uid %q after the migration, want 32 hex digits", g.Name, g.UID)
		}
	}
	if gs[0].UID == gs[1].UID {
		t.Errorf("two goals got the same uid %s", gs[0].UID)
	}
	dev, err := s.DeviceID()
	if err != nil || !isHex(dev, deviceIDLen) {
		t.Fatalf("DeviceID() = %q, %v; want 16 hex digits", dev, err)
	}
	rec := mustCheckIn(t, s, a.ID, entry(today, coach.Done), today)
	if rec.CheckIn.Device != dev || mustCheckIns(t, s, a.ID)[0].Device != dev {
		t.Errorf("a check-in's device is %q, want this file's %q", rec.CheckIn.Device, dev)
	}
	if again := mustGoals(t, s); again[0].UID != gs[0].UID {
		t.Errorf("a goal's uid changed from %s to %s on a later read", gs[0].UID, again[0].UID)
	}
}

// A new file gets its ids when it is made, and each new goal its own uid.
func TestANewFileHasADeviceIDAndEachGoalAUID(t *testing.T) {
	s := newStore(t)
	a := mustAdd(t, s, walkGoal(t, "Walk"))
	b := mustAdd(t, s, walkGoal(t, "Swim"))
	if !isHex(a.UID, goalUIDLen) || !isHex(b.UID, goalUIDLen) || a.UID == b.UID {
		t.Errorf("uids %q and %q, want two different 32-hex-digit ids", a.UID, b.UID)
	}
	if dev, err := s.DeviceID(); err != nil || !isHex(dev, deviceIDLen) {
		t.Errorf("DeviceID() = %q, %v", dev, err)
	}
}
