package coach_test

import (
	"testing"

	"tend/coach"
)

// Every session going well, the Daily walk climbs a rung after each four
// sessions: 5 a week moves it on about once a week.
func TestPreviewDailyWalkClimbsWeekly(t *testing.T) {
	g := mustGoal(t, coach.DailyWalkID, coach.Schedule{PerWeek: 5}, mon)
	weeks, err := coach.Preview(g, 4)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"10 min", "12 min", "15 min", "18 min"}
	for i, w := range weeks {
		if w.Label != want[i] || w.Week != i+1 {
			t.Errorf("week %d: %q, want %q", w.Week, w.Label, want[i])
		}
	}
	if weeks[0].Text != "Walk 10 minutes" {
		t.Errorf("first week's words %q", weeks[0].Text)
	}
}

// Walk to run from P1: three sessions a week, one rung a week.
func TestPreviewWalkToRunFollowsTheWeeks(t *testing.T) {
	g := mustGoal(t, coach.WalkToRunID, coach.Schedule{PerWeek: 3}, mon)
	weeks, err := coach.Preview(g, 6)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"10 min walk", "15 min walk", "20 min walk", "walk with jogs", "NHS week 1", "NHS week 2"}
	for i, w := range weeks {
		if w.Label != want[i] {
			t.Errorf("week %d: %q, want %q", w.Week, w.Label, want[i])
		}
	}
}
