package coach_test

import (
	"testing"

	"tend/coach"
)

// A summary for someone else tallies each week against what the plan asked
// of it (COACH §6.2's N′): a week with a rest day asks one less, a paused
// or held stretch asks nothing of its days, a week before the goal began
// has nothing to tally, and the week still going counts only its days so far.
func TestWeekTallies(t *testing.T) {
	g := mustGoal(t, coach.DailyWalkID, coach.Schedule{PerWeek: 5}, lastMon.AddDays(-7))
	g = withStatus(g, lastMon, coach.Paused)
	g = withStatus(g, lastMon.AddDays(3), coach.Active)
	g = withStatus(g, wed, coach.SafetyHold)
	hist := append(history(g, coach.Done, lastMon.AddDays(-7), lastMon.AddDays(-6), lastMon.AddDays(-4),
		lastMon.AddDays(4), mon, tue),
		ci(g, lastMon.AddDays(-5), coach.Rest), ci(g, wed, coach.Done), ci(g, nextMon, coach.Done))
	weeks := coach.WeekTallies(g, hist, lastMon.AddDays(-14), thu)
	want := []coach.WeekTally{
		{Monday: lastMon.AddDays(-14)}, // before the goal
		{Monday: lastMon.AddDays(-7), Sessions: 3, Ask: 4, ActiveMin: 30, Skipped: 1, Exists: true},
		{Monday: lastMon, Sessions: 1, Ask: 2, ActiveMin: 10, Paused: 3, Exists: true},
		// Thursday is the last day asked about: the session after it is not read.
		{Monday: mon, Sessions: 3, Ask: 0, ActiveMin: 30, Held: 2, Exists: true},
	}
	if len(weeks) != len(want) {
		t.Fatalf("got %d weeks, want %d: %+v", len(weeks), len(want), weeks)
	}
	for i := range want {
		if weeks[i] != want[i] {
			t.Errorf("week of %s = %+v,\n want %+v", want[i].Monday, weeks[i], want[i])
		}
	}
	// A day logged before the goal was made (setting tend up) counts its week.
	early := coach.WeekTallies(g, append(hist, ci(g, lastMon.AddDays(-8), coach.Done)), lastMon.AddDays(-14), lastMon.AddDays(-8))
	if w := early[0]; !w.Exists || w.Sessions != 1 || w.Ask != 0 {
		t.Errorf("a week with a session logged before the goal began = %+v, want it shown with its session", w)
	}
	if got := coach.WeekTallies(g, hist, thu, mon); got != nil {
		t.Errorf("a backwards range gives %+v, want nothing", got)
	}
}
