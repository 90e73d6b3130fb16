package cli

import (
	"bytes"
	"testing"
	"time"

	"path/filepath"
	"tend/coach"
	"tend/store"
)

// The step after a write that changed only check-ins diffs only the
// months it touched (SYNC §6.3): each such write goes out that way, and
// the journal then says all the database holds (the whole diff finds
// nothing to send), so a device reading the folder holds what this one
// does — a day shared with a peer's contribution, a second session, an
// undo, a back-fill into another month, pain, a rest.
func TestSyncAfterWriteSendsOnlyWhatChanged(t *testing.T) {
	folder := t.TempDir()
	laptop, desktop := realStore(t), store.New(filepath.Join(t.TempDir(), "tend.db"))
	at := time.Date(2026, time.April, 2, 18, 0, 0, 0, time.UTC)
	var out bytes.Buffer
	if err := syncInit(syncEnv(laptop, at, &out), folder, "laptop"); err != nil {
		t.Fatal(err)
	}
	if err := syncInit(syncEnv(desktop, at, &out), folder, "desktop"); err != nil {
		t.Fatal(err)
	}
	day := func(n int) coach.Day { return coach.DayOf(2026, time.April, n) }
	goal := func(st *store.Store) uint64 { s, _ := st.Head(); return s.Goals[0].ID }
	if _, err := desktop.CheckIn(goal(desktop), coach.Entry{Day: day(2), Outcome: coach.Done, Amount: 4, At: at}, day(2)); err != nil {
		t.Fatal(err)
	}
	if err := SyncAfterWrite(syncEnv(desktop, at, &out)); err != nil {
		t.Fatal(err)
	}
	if err := syncNow(syncEnv(laptop, at, &out)); err != nil {
		t.Fatal(err)
	}
	writes := []func(now time.Time) error{
		func(now time.Time) error { // the day the desktop has a session on
			_, err := laptop.CheckIn(goal(laptop), coach.Entry{Day: day(2), Outcome: coach.Done, Note: "hills", At: now}, day(2))
			return err
		},
		func(now time.Time) error {
			_, err := laptop.CheckIn(goal(laptop), coach.Entry{Day: day(3), Outcome: coach.Done, Effort: coach.EffortHard, At: now}, day(3))
			return err
		},
		func(now time.Time) error { // a second session the same day
			_, err := laptop.CheckIn(goal(laptop), coach.Entry{Day: day(3), Outcome: coach.Done, Amount: 3, At: now}, day(3))
			return err
		},
		func(now time.Time) error { _, err := laptop.Undo(goal(laptop), day(3)); return err },
		func(now time.Time) error { // a back-fill into March
			_, err := laptop.CheckIn(goal(laptop), coach.Entry{Day: coach.DayOf(2026, time.March, 30), Outcome: coach.Done, At: now}, day(4))
			return err
		},
		func(now time.Time) error {
			_, err := laptop.CheckIn(goal(laptop), coach.Entry{Day: day(4), Outcome: coach.Done, Pain: coach.PainSore, At: now}, day(4))
			return err
		},
		func(now time.Time) error {
			_, err := laptop.CheckIn(goal(laptop), coach.Entry{Day: day(5), Outcome: coach.Rest, At: now}, day(5))
			return err
		},
	}
	for i, write := range writes {
		now := at.Add(time.Duration(i+1) * time.Hour)
		if err := write(now); err != nil {
			t.Fatalf("write %d: %v", i, err)
		}
		m, err := loadSyncMeta(laptop)
		if err != nil {
			t.Fatal(err)
		}
		if ok, err := sendChanged(syncEnv(laptop, now, &out), m); !ok || err != nil {
			t.Fatalf("write %d did not go out by its months: %v %v", i, ok, err)
		}
		f, err := readFolder(m.Dir, peerDevOf(t, laptop))
		if err != nil {
			t.Fatal(err)
		}
		if rest, _, _, err := pendingOut(syncEnv(laptop, now, &out), m, f); err != nil || len(rest) > 0 {
			t.Fatalf("after write %d the whole diff still sends %+v (%v)", i, rest, err)
		}
	}
	later := at.Add(24 * time.Hour)
	if err := syncNow(syncEnv(desktop, later, &out)); err != nil {
		t.Fatal(err)
	}
	a, _ := laptop.Archive()
	b, _ := desktop.Archive()
	if jsonText(a) != jsonText(b) {
		t.Errorf("the two devices differ:\n%s\n%s", jsonText(a), jsonText(b))
	}
	if cs := b.CheckIns[b.Goals[0].ID]; len(cs) != 4 || cs[1].Achieved != 14 || cs[1].Note != "hills" {
		t.Errorf("desktop's check-ins: %+v", cs)
	}
}
