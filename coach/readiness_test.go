package coach_test

import (
	"testing"

	"tend/coach"
)

func goalOn(t *testing.T, id uint64, plan string, custom *coach.Custom) coach.Goal {
	t.Helper()
	var p coach.Plan
	var err error
	if custom != nil {
		p, err = coach.CustomPlan("Mine", *custom)
	} else {
		p, err = coach.PlanByID(plan)
	}
	if err != nil {
		t.Fatal(err)
	}
	g, err := coach.NewGoal("Goal", p, custom, coach.Schedule{PerWeek: 3}, 0, coach.DayOf(2026, 3, 1))
	if err != nil {
		t.Fatal(err)
	}
	g.ID = id
	return g
}

// COACH R0: a warning holds every exercise goal not archived: every plan
// but Mindful minutes, custom ladders unless they count times.
func TestHeldByWarningIsEveryExerciseGoal(t *testing.T) {
	day := coach.DayOf(2026, 3, 2)
	goals := []coach.Goal{
		goalOn(t, 1, coach.DailyWalkID, nil),
		goalOn(t, 2, coach.WalkToRunID, nil),
		goalOn(t, 3, coach.MindfulID, nil),
		goalOn(t, 4, "", &coach.Custom{Unit: coach.Km, Start: 1, Step: 1, Max: 5, Every: 3}),
		goalOn(t, 5, "", &coach.Custom{Unit: coach.Times, Start: 1, Step: 1, Max: 5, Every: 3}),
		goalOn(t, 6, coach.StrengthID, nil).SetStatus(coach.Archived, day),
		goalOn(t, 7, coach.YogaID, nil).SetStatus(coach.Paused, day),
	}
	held := map[uint64]bool{}
	for _, g := range coach.HeldByWarning(goals, 1, day) {
		if g.Status() != coach.SafetyHold || g.StatusOn(day.AddDays(-1)) == coach.SafetyHold {
			t.Errorf("goal %d: %s from %v", g.ID, g.Status(), g.Statuses)
		}
		held[g.ID] = true
	}
	want := map[uint64]bool{2: true, 4: true, 7: true}
	for id := uint64(1); id <= 7; id++ {
		if held[id] != want[id] {
			t.Errorf("goal %d held %v, want %v", id, held[id], want[id])
		}
	}
}

func TestLiftHoldAndRestore(t *testing.T) {
	day := coach.DayOf(2026, 3, 2)
	g := goalOn(t, 1, coach.DailyWalkID, nil).SetStatus(coach.Paused, day.AddDays(-3)).SetStatus(coach.SafetyHold, day)
	if _, ok := g.LiftHold(day.AddDays(1)); ok {
		t.Error("lifted a hold that began before the warning")
	}
	lifted, ok := g.LiftHold(day)
	if !ok || lifted.Status() != coach.Paused {
		t.Errorf("lifted: %v %s, want paused again", ok, lifted.Status())
	}
	// Archiving never lifts a hold: restoring brings it back held.
	back := g.SetStatus(coach.Archived, day.AddDays(1)).Restore(day.AddDays(2))
	if back.Status() != coach.SafetyHold {
		t.Errorf("restored from archive: %s, want safety-hold", back.Status())
	}
	if got := goalOn(t, 2, coach.YogaID, nil).Restore(day); got.Status() != coach.Active {
		t.Errorf("restoring an active goal: %s", got.Status())
	}
}

// After a readiness yes, Walk to run and Strength wait for a doctor.
func TestNeedsClearance(t *testing.T) {
	for _, p := range coach.Plans() {
		want := p.ID == coach.WalkToRunID || p.ID == coach.StrengthID
		if p.NeedsClearance() != want {
			t.Errorf("%s needs clearance %v", p.ID, p.NeedsClearance())
		}
	}
}
