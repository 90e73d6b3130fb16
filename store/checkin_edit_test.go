package store

import (
	"errors"
	"reflect"
	"testing"

	"tend/coach"
)

// twoStores builds the same history in two databases, so that an edit in
// one can be compared with undo + check-in in the other.
func twoStores(t *testing.T, build func(s *Store, id uint64)) (a, b *Store, id uint64) {
	t.Helper()
	a, b = newStore(t), newStore(t)
	ga, gb := mustAdd(t, a, walkGoal(t, "Walk")), mustAdd(t, b, walkGoal(t, "Walk"))
	build(a, ga.ID)
	build(b, gb.ID)
	return a, b, ga.ID
}

// sameState compares two databases' goal, check-ins and decisions, all
// but the ids each file makes up for itself (the goal's uid, the device).
func sameState(t *testing.T, a, b *Store, id uint64) {
	t.Helper()
	ga, gb := mustGoal(t, a, id), mustGoal(t, b, id)
	ga.UID, gb.UID = "", ""
	if !reflect.DeepEqual(ga, gb) {
		t.Errorf("goal after the edit\n%+v\nwant as after undo + check-in\n%+v", ga, gb)
	}
	noDevice := func(cs []coach.CheckIn) []coach.CheckIn {
		for i := range cs {
			cs[i].Device = ""
		}
		return cs
	}
	if ca, cb := noDevice(mustCheckIns(t, a, id)), noDevice(mustCheckIns(t, b, id)); !reflect.DeepEqual(ca, cb) {
		t.Errorf("check-ins after the edit\n%+v\nwant\n%+v", ca, cb)
	}
	if da, db := mustDecisions(t, a, id), mustDecisions(t, b, id); !reflect.DeepEqual(da, db) {
		t.Errorf("decisions after the edit\n%+v\nwant\n%+v", da, db)
	}
}

// Editing the newest day decides it again, exactly as undoing it and
// checking it in with the new answers would: a fourth session edited down
// to 4 minutes of 10 is no longer a level-up.
func TestEditingTheNewestDayIsUndoPlusCheckIn(t *testing.T) {
	a, b, id := twoStores(t, func(s *Store, id uint64) {
		threeDone(t, s, id)
		mustCheckIn(t, s, id, entry(today, coach.Done), today)
	})
	if g := mustGoal(t, a, id); g.Level != 3 {
		t.Fatalf("level %d before the edit; want the advance to 3", g.Level)
	}
	rec, err := a.EditCheckIn(id, today, today, func(c coach.CheckIn) (coach.CheckIn, error) {
		c.Achieved, c.Effort, c.MoodAfter, c.Note = 4, coach.EffortHard, intp(6), "cut short by rain"
		return c, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.Undo(id, today); err != nil {
		t.Fatal(err)
	}
	mustCheckIn(t, b, id, coach.Entry{Day: today, Outcome: coach.Partial, Amount: 4, Effort: coach.EffortHard,
		MoodAfter: intp(6), Note: "cut short by rain", At: writeAt}, today)
	sameState(t, a, b, id)
	if rec.CheckIn.Outcome != coach.Partial || rec.Goal.Level != 2 || !rec.Decided {
		t.Errorf("edit gave %s at level %d (decided %v); want a partial that holds level 2", rec.CheckIn.Outcome, rec.Goal.Level, rec.Decided)
	}
}

// The same, for a change that only adds a mood and a note: nothing else
// about the day moves.
func TestEditingOnlyTheNoteKeepsTheDecision(t *testing.T) {
	a, b, id := twoStores(t, func(s *Store, id uint64) {
		threeDone(t, s, id)
		mustCheckIn(t, s, id, entry(today, coach.Done), today)
	})
	before := mustDecisions(t, a, id)
	if _, err := a.EditCheckIn(id, today, today, func(c coach.CheckIn) (coach.CheckIn, error) {
		c.Note, c.MoodBefore = "sunny", intp(4)
		return c, nil
	}); err != nil {
		t.Fatal(err)
	}
	b.Undo(id, today)
	mustCheckIn(t, b, id, coach.Entry{Day: today, Outcome: coach.Done, Amount: 10, Note: "sunny", MoodBefore: intp(4),
		Effort: coach.EffortOK, At: writeAt}, today)
	sameState(t, a, b, id)
	if after := mustDecisions(t, a, id); !reflect.DeepEqual(before, after) {
		t.Errorf("decisions moved on a note edit:\n%+v\nwas\n%+v", after, before)
	}
}

// An older day's check-in changes alone (COACH §6.2): its target, its
// decision and the goal stay as they were.
func TestEditingAnOlderDayChangesOnlyThatCheckIn(t *testing.T) {
	s := newStore(t)
	g := mustAdd(t, s, walkGoal(t, "Walk"))
	threeDone(t, s, g.ID)
	mustCheckIn(t, s, g.ID, entry(today, coach.Done), today)
	goal, decs := mustGoal(t, s, g.ID), mustDecisions(t, s, g.ID)
	day := today.AddDays(-2)
	rec, err := s.EditCheckIn(g.ID, day, today, func(c coach.CheckIn) (coach.CheckIn, error) {
		c.Achieved, c.Pain, c.MoodBefore, c.MoodAfter, c.Note = 25, coach.PainSore, intp(3), intp(8), "long loop"
		return c, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if rec.Decided {
		t.Errorf("an older day's edit made a decision: %+v", rec.Decision)
	}
	if got := mustGoal(t, s, g.ID); !reflect.DeepEqual(got, goal) {
		t.Errorf("goal moved:\n%+v\nwas\n%+v", got, goal)
	}
	if got := mustDecisions(t, s, g.ID); !reflect.DeepEqual(got, decs) {
		t.Errorf("decisions moved:\n%+v\nwere\n%+v", got, decs)
	}
	cs, _ := s.CheckIns(g.ID, day, day)
	want := coach.CheckIn{Day: day, Outcome: coach.Done, Achieved: 25, Target: 10, Effort: coach.EffortOK,
		Pain: coach.PainSore, MoodBefore: intp(3), MoodAfter: intp(8), Note: "long loop"}
	if len(cs) != 1 || cs[0].Achieved != want.Achieved || cs[0].Target != want.Target || cs[0].Pain != want.Pain ||
		*cs[0].MoodBefore != 3 || *cs[0].MoodAfter != 8 || cs[0].Note != want.Note || cs[0].Outcome != coach.Done {
		t.Errorf("the day reads %+v; want %+v", cs, want)
	}
}

// An amount below the target makes an older day partial, as a check-in
// would class it.
func TestEditingAnOlderDayBelowTheTargetIsPartial(t *testing.T) {
	s := newStore(t)
	g := mustAdd(t, s, walkGoal(t, "Walk"))
	threeDone(t, s, g.ID)
	day := today.AddDays(-3)
	rec, err := s.EditCheckIn(g.ID, day, today, func(c coach.CheckIn) (coach.CheckIn, error) {
		c.Achieved = 5
		return c, nil
	})
	if err != nil || rec.CheckIn.Outcome != coach.Partial {
		t.Errorf("edit gave %+v, %v; want a partial day", rec.CheckIn, err)
	}
}

// Refusals leave the file as it was, byte for byte.
func TestEditRefusalsChangeNothing(t *testing.T) {
	s := newStore(t)
	g := mustAdd(t, s, walkGoal(t, "Walk"))
	mustCheckIn(t, s, g.ID, entry(today.AddDays(-1), coach.Done), today)
	mustCheckIn(t, s, g.ID, entry(today, coach.Done), today)
	hash := fileHash(t, s.Path())
	keep := func(c coach.CheckIn) (coach.CheckIn, error) { return c, nil }
	cases := []struct {
		name string
		day  coach.Day
		edit func(coach.CheckIn) (coach.CheckIn, error)
		kind error
	}{
		{"a day with no check-in", today.AddDays(-5), keep, ErrNotFound},
		{"the edit says no", today, func(c coach.CheckIn) (coach.CheckIn, error) { return c, coach.ErrBadValue }, coach.ErrBadValue},
		{"mood out of range on an older day", today.AddDays(-1), func(c coach.CheckIn) (coach.CheckIn, error) {
			c.MoodAfter = intp(11)
			return c, nil
		}, coach.ErrBadValue},
		{"mood out of range today", today, func(c coach.CheckIn) (coach.CheckIn, error) {
			c.MoodAfter = intp(-1)
			return c, nil
		}, coach.ErrBadValue},
		{"no amount for an older session", today.AddDays(-1), func(c coach.CheckIn) (coach.CheckIn, error) {
			c.Achieved = 0
			return c, nil
		}, coach.ErrBadValue},
	}
	for _, tc := range cases {
		_, err := s.EditCheckIn(g.ID, tc.day, today, tc.edit)
		if !errors.Is(err, tc.kind) {
			t.Errorf("%s: %v; want %v", tc.name, err, tc.kind)
		}
		if fileHash(t, s.Path()) != hash {
			t.Errorf("%s: the file changed", tc.name)
		}
	}
}

// A rest on a day the goal was paused cannot be edited into a session,
// as a back-fill could not log one (DESIGN "Command line").
func TestEditingAPausedDayIntoASessionIsRefused(t *testing.T) {
	s := newStore(t)
	g := walkGoal(t, "Walk")
	g.Statuses = append(g.Statuses, coach.StatusChange{From: today.AddDays(-3), Status: coach.Paused},
		coach.StatusChange{From: today.AddDays(-1), Status: coach.Active})
	g = mustAdd(t, s, g)
	mustCheckIn(t, s, g.ID, entry(today.AddDays(-2), coach.Rest), today)
	mustCheckIn(t, s, g.ID, entry(today, coach.Done), today)
	hash := fileHash(t, s.Path())
	_, err := s.EditCheckIn(g.ID, today.AddDays(-2), today, func(c coach.CheckIn) (coach.CheckIn, error) {
		c.Outcome, c.Achieved = coach.Done, 10
		return c, nil
	})
	if !errors.Is(err, coach.ErrNotActive) || fileHash(t, s.Path()) != hash {
		t.Errorf("edit of a paused day into a session: %v (file changed: %v)", err, fileHash(t, s.Path()) != hash)
	}
	if _, err := s.EditCheckIn(g.ID, today.AddDays(-2), today, func(c coach.CheckIn) (coach.CheckIn, error) {
		c.Note = "knee rest"
		return c, nil
	}); err != nil {
		t.Errorf("a note on the paused day's rest: %v", err)
	}
}
