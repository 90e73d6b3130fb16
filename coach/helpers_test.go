package coach_test

import (
	"testing"
	"time"

	"tend/coach"
)

// One fixed ISO week, Monday 2 March 2026 to Sunday 8 March 2026, and the
// week before it. Tests never read the clock.
var (
	mon = coach.DayOf(2026, time.March, 2)
	tue = mon.AddDays(1)
	wed = mon.AddDays(2)
	thu = mon.AddDays(3)
	fri = mon.AddDays(4)
	sat = mon.AddDays(5)
	sun = mon.AddDays(6)

	lastMon = mon.AddDays(-7)
	lastSun = mon.AddDays(-1)
	nextMon = mon.AddDays(7)
)

func mustPlan(t testing.TB, id string) coach.Plan {
	t.Helper()
	p, err := coach.PlanByID(id)
	if err != nil {
		t.Fatalf("PlanByID(%q): %v", id, err)
	}
	return p
}

// mustGoal makes a goal on a built-in plan with the plan's default start.
func mustGoal(t testing.TB, planID string, s coach.Schedule, created coach.Day) coach.Goal {
	t.Helper()
	g, err := coach.NewGoal("Test goal", mustPlan(t, planID), nil, s, 0, created)
	if err != nil {
		t.Fatalf("NewGoal(%s): %v", planID, err)
	}
	return g
}

// withStatus returns g with a status that takes effect on day from.
func withStatus(g coach.Goal, from coach.Day, s coach.Status) coach.Goal {
	g.Statuses = append(append([]coach.StatusChange(nil), g.Statuses...), coach.StatusChange{From: from, Status: s})
	return g
}

// ci is a check-in as the history holds it: an outcome on a day at the
// goal's current step, judged against that step's target (10 min for a
// new Daily walk). A done session achieved the target, a partial one 60%
// of it, a minimum the plan's minimum; rest, unwell and away nothing.
func ci(g coach.Goal, d coach.Day, o coach.Outcome) coach.CheckIn {
	c := coach.CheckIn{Day: d, Outcome: o, Level: g.Level, Variant: g.Variant, Bridge: g.Bridge}
	p, err := g.Plan()
	if err != nil {
		panic(err)
	}
	c.Target = p.Session(g.Level, g.Variant).Target
	switch o {
	case coach.Done:
		c.Achieved = c.Target
	case coach.Partial:
		c.Achieved = 0.6 * c.Target
	case coach.Minimum:
		c.Achieved = p.Minimum.Target
	}
	return c
}

// history makes check-ins with the same outcome on several days.
func history(g coach.Goal, o coach.Outcome, days ...coach.Day) []coach.CheckIn {
	out := make([]coach.CheckIn, len(days))
	for i, d := range days {
		out[i] = ci(g, d, o)
	}
	return out
}

func ptr[T any](v T) *T { return &v }
