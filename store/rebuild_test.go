package store

import (
	"strings"
	"testing"

	"tend/coach"
)

// A merge replays goals in the order of their creates, so a peer's goal
// made before this device's would take id 1. The rebuild keeps every
// goal's id here, or an app left open would check in on another goal
// (SYNC §7.5, DESIGN "Data": the goal id is the key of its history).
func TestRebuildKeepsEachGoalsID(t *testing.T) {
	s := newStore(t)
	walk, yoga := mustAdd(t, s, walkGoal(t, "Walk")), mustAdd(t, s, walkGoal(t, "Yoga"))
	mustCheckIn(t, s, walk.ID, entry(today, coach.Done), today)
	a, err := s.Archive()
	if err != nil {
		t.Fatal(err)
	}
	peer := walkGoal(t, "Calm")
	peer.UID = strings.Repeat("c", 32)
	replayed := coach.Archive{DayStartHour: a.DayStartHour, // numbered as a replay numbers them
		Goals:     []coach.Goal{withID(peer, 1), withID(walk, 2), withID(yoga, 3)},
		CheckIns:  map[uint64][]coach.CheckIn{2: a.CheckIns[walk.ID]},
		Decisions: map[uint64][]coach.Decision{2: a.Decisions[walk.ID]}}
	if err := s.Rebuild(replayed, []byte("{}")); err != nil {
		t.Fatal(err)
	}
	assertIDs(t, s, map[string]uint64{"Walk": walk.ID, "Yoga": yoga.ID, "Calm": 3})
	cs, err := s.CheckIns(walk.ID, today, today)
	if err != nil || len(cs) != 1 || cs[0].Outcome != coach.Done {
		t.Errorf("Walk's check-in after the rebuild: %v, %v", cs, err)
	}
	if cs, err := s.CheckIns(3, today, today); err != nil || len(cs) != 0 {
		t.Errorf("Calm (new here) took Walk's history: %v, %v", cs, err)
	}

	// Yoga is deleted on a peer and a new goal comes: it takes an id never
	// used, not Yoga's, so acting on Yoga's old id finds nothing.
	lift := walkGoal(t, "Lift")
	lift.UID = strings.Repeat("d", 32)
	next := coach.Archive{DayStartHour: a.DayStartHour,
		Goals:    []coach.Goal{withID(peer, 1), withID(walk, 2), withID(lift, 3)},
		CheckIns: map[uint64][]coach.CheckIn{2: a.CheckIns[walk.ID]}, Decisions: map[uint64][]coach.Decision{2: a.Decisions[walk.ID]}}
	if err := s.Rebuild(next, []byte("{}")); err != nil {
		t.Fatal(err)
	}
	assertIDs(t, s, map[string]uint64{"Walk": walk.ID, "Calm": 3, "Lift": 4})
	if added := mustAdd(t, s, walkGoal(t, "Swim")); added.ID != 5 {
		t.Errorf("a goal added after the rebuild has id %d, want 5 (after every id used)", added.ID)
	}
}

func withID(g coach.Goal, id uint64) coach.Goal { g.ID = id; return g }

func assertIDs(t *testing.T, s *Store, want map[string]uint64) {
	t.Helper()
	got := map[string]uint64{}
	for _, g := range mustGoals(t, s) {
		got[g.Name] = g.ID
	}
	if len(got) != len(want) {
		t.Errorf("goals after the rebuild: %v, want %v", got, want)
	}
	for name, id := range want {
		if got[name] != id {
			t.Errorf("%s has id %d after the rebuild, want %d (all: %v)", name, got[name], id, got)
		}
	}
}
