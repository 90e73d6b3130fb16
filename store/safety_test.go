package store

import (
	"errors"
	"reflect"
	"testing"

	"tend/coach"
)

// planGoal is a goal on a built-in plan, made two weeks before today.
func planGoal(t *testing.T, name, plan string, perWeek int) coach.Goal {
	t.Helper()
	p, err := coach.PlanByID(plan)
	if err != nil {
		t.Fatal(err)
	}
	g, err := coach.NewGoal(name, p, nil, coach.Schedule{PerWeek: perWeek}, 0, created)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// A warning sign on one goal holds every exercise goal of the person, in
// the same transaction; Mindful minutes and an archived goal are left as
// they are (COACH R0, acceptance example 7).
func TestWarningHoldsEveryExerciseGoal(t *testing.T) {
	s := newStore(t)
	walk := mustAdd(t, s, walkGoal(t, "Walk"))
	run := mustAdd(t, s, planGoal(t, "Run", coach.WalkToRunID, 3))
	mind := mustAdd(t, s, planGoal(t, "Mind", coach.MindfulID, 7))
	old := mustAdd(t, s, planGoal(t, "Old", coach.YogaID, 4))
	if _, err := s.EditGoal(old.ID, func(g coach.Goal) (coach.Goal, error) {
		return g.SetStatus(coach.Archived, today.AddDays(-1)), nil
	}); err != nil {
		t.Fatal(err)
	}
	e := entry(today, coach.Done)
	e.Pain = coach.PainWarning
	mustCheckIn(t, s, walk.ID, e, today)
	for id, want := range map[uint64]coach.Status{walk.ID: coach.SafetyHold, run.ID: coach.SafetyHold,
		mind.ID: coach.Active, old.ID: coach.Archived} {
		if got := mustGoal(t, s, id).Status(); got != want {
			t.Errorf("goal %d after a warning on Walk: %s, want %s", id, got, want)
		}
	}
	// Walk to run is not offered: a session is refused while it is held.
	if _, err := s.CheckIn(run.ID, entry(today, coach.Done), today); !errors.Is(err, coach.ErrNotActive) {
		t.Errorf("a run after the warning: %v, want ErrNotActive", err)
	}
	if got := len(mustCheckIns(t, s, run.ID)); got != 0 {
		t.Errorf("the held goal got %d check-ins of its own", got)
	}
}

// Undoing the warning's check-in lifts the holds it set, on every goal.
func TestUndoingTheWarningLiftsItsHolds(t *testing.T) {
	s := newStore(t)
	walk := mustAdd(t, s, walkGoal(t, "Walk"))
	run := mustAdd(t, s, planGoal(t, "Run", coach.WalkToRunID, 3))
	e := entry(today, coach.Done)
	e.Pain = coach.PainWarning
	mustCheckIn(t, s, walk.ID, e, today)
	if _, err := s.Undo(walk.ID, today); err != nil {
		t.Fatal(err)
	}
	for _, id := range []uint64{walk.ID, run.ID} {
		if got := mustGoal(t, s, id).Status(); got != coach.Active {
			t.Errorf("goal %d after the undo: %s, want active", id, got)
		}
	}
}

// A second warning keeps every hold when the first one is undone.
func TestAnotherWarningKeepsTheHolds(t *testing.T) {
	s := newStore(t)
	yoga := mustAdd(t, s, planGoal(t, "Yoga", coach.YogaID, 4))
	mind := mustAdd(t, s, planGoal(t, "Mind", coach.MindfulID, 7))
	run := mustAdd(t, s, planGoal(t, "Run", coach.WalkToRunID, 3))
	e := entry(today.AddDays(-1), coach.Done)
	e.Pain = coach.PainWarning
	mustCheckIn(t, s, yoga.ID, e, today.AddDays(-1))
	// Mindful minutes carries on after a warning; a warning there holds too.
	e.Day = today
	mustCheckIn(t, s, mind.ID, e, today)
	if _, err := s.Undo(yoga.ID, today.AddDays(-1)); err != nil {
		t.Fatal(err)
	}
	if got := mustGoal(t, s, run.ID).Status(); got != coach.SafetyHold {
		t.Errorf("Run after one of two warnings is undone: %s, want safety-hold", got)
	}
}

// A back-filled warning holds too (COACH R0: "a back-filled one too"),
// though it makes no decision.
func TestBackFilledWarningHolds(t *testing.T) {
	s := newStore(t)
	walk := mustAdd(t, s, walkGoal(t, "Walk"))
	run := mustAdd(t, s, planGoal(t, "Run", coach.WalkToRunID, 3))
	mustCheckIn(t, s, walk.ID, entry(today, coach.Done), today)
	e := entry(today.AddDays(-3), coach.Done)
	e.Pain = coach.PainWarning
	mustCheckIn(t, s, walk.ID, e, today)
	for _, id := range []uint64{walk.ID, run.ID} {
		if got := mustGoal(t, s, id).Status(); got != coach.SafetyHold {
			t.Errorf("goal %d after a back-filled warning: %s, want safety-hold", id, got)
		}
	}
}

// An older day edited to a warning sign holds every exercise goal, as a
// back-filled warning does (COACH R0: "a back-filled one too"), and says
// the safety words; editing the warning away lifts the holds it set, as
// undoing it would.
func TestAnOlderDayEditedToAWarningHolds(t *testing.T) {
	s := newStore(t)
	walk := mustAdd(t, s, walkGoal(t, "Walk"))
	lift := mustAdd(t, s, planGoal(t, "Lift", coach.StrengthID, 2))
	yesterday := today.AddDays(-1)
	mustCheckIn(t, s, walk.ID, entry(yesterday, coach.Done), yesterday)
	mustCheckIn(t, s, walk.ID, entry(today, coach.Done), today)
	setPain := func(p coach.Pain) coach.Recorded {
		t.Helper()
		rec, err := s.EditCheckIn(walk.ID, yesterday, today, func(c coach.CheckIn) (coach.CheckIn, error) {
			c.Pain = p
			return c, nil
		})
		if err != nil {
			t.Fatalf("edit %s's pain to %v: %v", yesterday, p, err)
		}
		return rec
	}
	rec := setPain(coach.PainWarning)
	if rec.Message[:len("Stop now.")] != "Stop now." {
		t.Errorf("the edit to a warning says %q, want the safety words first", rec.Message)
	}
	for _, g := range []coach.Goal{walk, lift} {
		if st := mustGoal(t, s, g.ID).Status(); st != coach.SafetyHold {
			t.Errorf("%s is %v after an older day was edited to a warning, want safety-hold", g.Name, st)
		}
	}
	setPain(coach.PainNone)
	for _, g := range []coach.Goal{walk, lift} {
		if st := mustGoal(t, s, g.ID).Status(); st != coach.Active {
			t.Errorf("%s is %v after the warning was edited away, want active again", g.Name, st)
		}
	}
}

// An edit of the newest day that keeps its warning sign keeps the holds
// it set, from the day they began, as a second session on that day does:
// the warning never went (and a journal's replay of the edit's remove and
// add, SYNC §7.5, keeps them the same way).
func TestAnEditThatKeepsAWarningKeepsItsHolds(t *testing.T) {
	s := newStore(t)
	walk := mustAdd(t, s, walkGoal(t, "Walk"))
	lift := mustAdd(t, s, planGoal(t, "Lift", coach.StrengthID, 2))
	warn := entry(today.AddDays(-1), coach.Done)
	warn.Pain = coach.PainWarning
	mustCheckIn(t, s, walk.ID, warn, today.AddDays(-1))
	held := mustGoal(t, s, lift.ID).Statuses
	if _, err := s.EditCheckIn(walk.ID, today.AddDays(-1), today, func(c coach.CheckIn) (coach.CheckIn, error) {
		c.Note = "dizzy on the hill"
		return c, nil
	}); err != nil {
		t.Fatal(err)
	}
	if got := mustGoal(t, s, lift.ID).Statuses; !reflect.DeepEqual(got, held) {
		t.Errorf("Lift's statuses after the edit %+v, want them as the warning set them %+v", got, held)
	}
}
