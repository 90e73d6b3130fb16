package tui

import (
	"strings"
	"testing"

	"tend/coach"
)

// The anchor ("After I …") is a cue for a session still to do: after an
// unwell, rest or away day it is not glued onto that day's Z line (issue 11).
func TestAnchorIsNotGluedToALoggedDaysReason(t *testing.T) {
	p, err := coach.PlanByID(coach.DailyWalkID)
	if err != nil {
		t.Fatal(err)
	}
	day := coach.DayOf(2026, 3, 2)
	g, err := coach.NewGoal("Walk", p, nil, coach.Schedule{PerWeek: 7}, 0, day.AddDays(-7))
	if err != nil {
		t.Fatal(err)
	}
	g.Anchor = "make coffee"
	for _, o := range []coach.Outcome{coach.Unwell, coach.Rest, coach.Away} {
		today, err := coach.TodayFor(g, []coach.CheckIn{{Day: day, Outcome: o}}, day)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range []door{onScreen, inShell} {
			target, reason := itemWords(today, d)
			if strings.Contains(target+reason, "After I") {
				t.Errorf("%s: %q / %q carries the anchor", o, target, reason)
			}
		}
	}
	today, err := coach.TodayFor(g, nil, day)
	if err != nil {
		t.Fatal(err)
	}
	if _, reason := itemWords(today, onScreen); !strings.HasSuffix(reason, "After I make coffee.") {
		t.Errorf("a day still to do: %q, want the anchor at its end", reason)
	}
}

// A goal never started shows no bare "0 in a row" (COACH §6.4; issue 11).
func TestStreakWordsNeverSayABareZero(t *testing.T) {
	for _, r := range []coach.Review{{}, {RunEnded: true, BestStreak: 4}} {
		if got := streakWords(r); strings.HasPrefix(got, "0") {
			t.Errorf("streakWords(%+v) = %q", r, got)
		}
	}
}
