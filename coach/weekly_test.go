package coach_test

import (
	"strings"
	"testing"

	"tend/coach"
)

func TestWeeklyReviewSaysLastWeek(t *testing.T) {
	g := mustGoal(t, coach.DailyWalkID, coach.Schedule{PerWeek: 5}, lastMon.AddDays(-14))
	hist := history(g, coach.Done, lastMon, lastMon.AddDays(1), lastMon.AddDays(3))
	for i := range hist {
		hist[i].Achieved, hist[i].Target = 10, 10
	}
	line, ok := coach.WeeklyReview(g, mustPlan(t, coach.DailyWalkID), hist, mon)
	if !ok {
		t.Fatal("no weekly review")
	}
	for _, want := range []string{"Last week (23 February – 1 March): 3/5 sessions", "30 active minutes (20% of 150)", "habit strength"} {
		if !strings.Contains(line, want) {
			t.Errorf("%q lacks %q", line, want)
		}
	}
}

func TestWeeklyReviewWaitsForAGoalsFirstWeek(t *testing.T) {
	g := mustGoal(t, coach.DailyWalkID, coach.Schedule{PerWeek: 5}, mon)
	if _, ok := coach.WeeklyReview(g, mustPlan(t, coach.DailyWalkID), nil, wed); ok {
		t.Error("a goal made this week has a weekly review")
	}
}

func TestFirstVisitOfWeekEndsWithTheFirstCheckIn(t *testing.T) {
	s := coach.Snapshot{CheckIns: map[uint64][]coach.CheckIn{1: {{Day: lastSun, Outcome: coach.Done}}}}
	if !coach.FirstVisitOfWeek(s, tue) {
		t.Error("a check-in last week ended this week's first visit")
	}
	s.CheckIns[2] = []coach.CheckIn{{Day: mon, Outcome: coach.Rest}}
	if coach.FirstVisitOfWeek(s, tue) {
		t.Error("Monday's check-in did not end the first visit")
	}
}

func TestWeeklyReviewOfAQuietWeekHasNoZeros(t *testing.T) {
	g := mustGoal(t, coach.DailyWalkID, coach.Schedule{PerWeek: 5}, lastMon.AddDays(-14))
	line, ok := coach.WeeklyReview(g, mustPlan(t, coach.DailyWalkID), nil, mon)
	want := "Last week (23 February – 1 March) was a quiet one, and that happens. This week starts fresh."
	if !ok || line != want {
		t.Errorf("quiet week: %q, want %q", line, want)
	}
}
