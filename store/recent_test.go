package store

import (
	"errors"
	"reflect"
	"testing"

	"tend/coach"
)

// Recent hands out what Snapshot reads, a goal at a time: the same goals in
// the same order, each with the same window of check-ins, though every
// goal's are read into one lent array.
func TestRecentHandsOutTheSnapshotAGoalAtATime(t *testing.T) {
	s := newStore(t)
	walk := mustAdd(t, s, walkGoal(t, "Walk"))
	quiet := mustAdd(t, s, walkGoal(t, "Quiet"))
	yoga := mustAdd(t, s, walkGoal(t, "Yoga"))
	for _, d := range []coach.Day{created, today.AddDays(-3), today.AddDays(-2), today} {
		mustCheckIn(t, s, walk.ID, entry(d, coach.Done), today)
	}
	mustCheckIn(t, s, yoga.ID, entry(today.AddDays(-1), coach.Rest), today)
	from := today.AddDays(-3)
	want, err := s.Snapshot(from)
	if err != nil {
		t.Fatal(err)
	}
	var head coach.Snapshot
	got := map[uint64][]coach.CheckIn{}
	var order []uint64
	err = s.Recent(from, func(snap coach.Snapshot) error { head = snap; return nil }, func(g coach.Goal, cs []coach.CheckIn) error {
		order = append(order, g.ID)
		if len(cs) > 0 {
			got[g.ID] = append([]coach.CheckIn(nil), cs...) // lent: copied to keep
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(head.Goals, want.Goals) || head.DayStartHour != want.DayStartHour || len(head.CheckIns) != 0 {
		t.Errorf("head %+v, want the snapshot's goals and settings and no check-ins", head)
	}
	if wantOrder := []uint64{walk.ID, quiet.ID, yoga.ID}; !reflect.DeepEqual(order, wantOrder) {
		t.Errorf("goals handed out in order %v, want %v", order, wantOrder)
	}
	if !reflect.DeepEqual(got, want.CheckIns) {
		t.Errorf("windows %+v, want the snapshot's %+v", got, want.CheckIns)
	}
}

// With no database the head is empty, no goal is handed out and no file is
// made; an error from either callback ends the read and is returned.
func TestRecentOfNoFileAndItsErrors(t *testing.T) {
	s := newStore(t)
	heads, goals := 0, 0
	err := s.Recent(today, func(snap coach.Snapshot) error {
		heads++
		if len(snap.Goals) != 0 || snap.DayStartHour != coach.DefaultDayStartHour {
			t.Errorf("head of no file %+v, want empty with the default day start", snap)
		}
		return nil
	}, func(coach.Goal, []coach.CheckIn) error { goals++; return nil })
	if err != nil || heads != 1 || goals != 0 {
		t.Errorf("Recent of no file: %v, head called %d times, fn %d; want nil, 1, 0", err, heads, goals)
	}
	if ok, _ := s.Exists(); ok {
		t.Errorf("Recent made the file")
	}
	mustAdd(t, s, walkGoal(t, "Walk"))
	mustAdd(t, s, walkGoal(t, "Quiet"))
	stop := errors.New("stop")
	goals = 0
	err = s.Recent(today, func(coach.Snapshot) error { return nil }, func(coach.Goal, []coach.CheckIn) error { goals++; return stop })
	if !errors.Is(err, stop) || goals != 1 {
		t.Errorf("fn's error: Recent = %v after %d goals; want it back after 1", err, goals)
	}
	err = s.Recent(today, func(coach.Snapshot) error { return stop }, func(coach.Goal, []coach.CheckIn) error { t.Error("fn after head failed"); return nil })
	if !errors.Is(err, stop) {
		t.Errorf("head's error: Recent = %v, want it back", err)
	}
}
