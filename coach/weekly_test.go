package coach_test

import (
	"strconv"
	"strings"
	"testing"
	"time"

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

// A rest logged after the week's sessions lowers its ask N′ (§6.2) below
// what was done; the line shows the ask as the sessions done then, never
// "2/1". Sessions beyond the week's ask before its rests stay visible.
func TestWeeklyReviewAskNeverReadsBelowWhatARestLeftDone(t *testing.T) {
	g := mustGoal(t, coach.StrengthID, coach.Schedule{PerWeek: 3}, lastMon.AddDays(-14))
	p := mustPlan(t, coach.StrengthID)
	for _, c := range []struct {
		name        string
		done, rests []coach.Day
		want        string
	}{
		{"two sessions then two rests", []coach.Day{lastMon, lastMon.AddDays(1)}, []coach.Day{lastMon.AddDays(3), lastMon.AddDays(4)}, "2/2 sessions"},
		{"one session then two rests", []coach.Day{lastMon}, []coach.Day{lastMon.AddDays(3), lastMon.AddDays(4)}, "1/1 sessions"},
		{"four sessions, no rest", []coach.Day{lastMon, lastMon.AddDays(1), lastMon.AddDays(2), lastMon.AddDays(3)}, nil, "4/3 sessions"},
	} {
		hist := append(history(g, coach.Done, c.done...), history(g, coach.Rest, c.rests...)...)
		line, ok := coach.WeeklyReview(g, p, hist, mon)
		if !ok || !strings.Contains(line, c.want) {
			t.Errorf("%s: %q, want %q", c.name, line, c.want)
		}
	}
}

func TestWeeklyReviewWaitsForAGoalsFirstWeek(t *testing.T) {
	g := mustGoal(t, coach.DailyWalkID, coach.Schedule{PerWeek: 5}, mon)
	if _, ok := coach.WeeklyReview(g, mustPlan(t, coach.DailyWalkID), nil, wed); ok {
		t.Error("a goal made this week has a weekly review")
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

// W1 (§6.6, clarified): the week named by its dates, its level change with
// the reason, its biggest mood lift, and strength as of its Sunday (the
// strength Today shows the Monday after, not a day older).
func TestWeeklyLineHasTheWeeksChangeLiftAndSundayStrength(t *testing.T) {
	s := newSim(t, coach.DailyWalkID, coach.Schedule{PerWeek: 5}, 4, 1) // 15 min, from Monday 5 January
	for i := 0; i < 4; i++ {
		e := coach.Entry{Outcome: coach.Done}
		if i == 1 {
			e.MoodBefore, e.MoodAfter = ptr(3), ptr(7)
		}
		s.log(simStart.AddDays(i), e)
	}
	if s.g.Level != 5 {
		t.Fatalf("four sessions at 15 min left level %d", s.g.Level)
	}
	monday := simStart.AddDays(7)
	line, ok := coach.WeeklyReview(s.g, s.p, s.hist, monday)
	if !ok {
		t.Fatal("no weekly line")
	}
	r := coach.ReviewOf(s.g, s.p, s.hist, monday)
	for _, want := range []string{
		"Last week (5–11 January): 4/5 sessions, 60 active minutes (40% of 150)",
		"habit strength " + strconv.Itoa(coach.StrengthPercent(r.Strength)) + "% (" + r.Band + ")",
		"Up to 18 min after 4 sessions at 15 min.",
		"Biggest mood lift: +4.",
	} {
		if !strings.Contains(line, want) {
			t.Errorf("%q lacks %q", line, want)
		}
	}
	if strings.Contains(line, "Week ") {
		t.Errorf("%q names a calendar week by a number", line)
	}
	// The line is the goal's until its first check-in of the week.
	s.done(monday, coach.EffortOK)
	if _, ok := coach.WeeklyReview(s.g, s.p, s.hist, monday.AddDays(1)); ok {
		t.Error("the weekly line is still shown after the week's first check-in")
	}
}

func TestWeekDatesAcrossMonthsAndYears(t *testing.T) {
	g := mustGoal(t, coach.DailyWalkID, coach.Schedule{PerWeek: 5}, coach.DayOf(2025, time.December, 1))
	for today, want := range map[coach.Day]string{
		coach.DayOf(2026, time.January, 5): "Last week (29 December 2025 – 4 January 2026)",
		coach.DayOf(2026, time.March, 2):   "Last week (23 February – 1 March)",
		coach.DayOf(2026, time.March, 9):   "Last week (2–8 March)",
	} {
		if line, _ := coach.WeeklyReview(g, mustPlan(t, coach.DailyWalkID), nil, today); !strings.HasPrefix(line, want) {
			t.Errorf("%s: %q, want it to start %q", today, line, want)
		}
	}
}
