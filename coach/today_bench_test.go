package coach

import (
	"testing"
	"time"
)

// benchWindow is a goal's window as Today reads it: coach.RecentDays of
// history, most days a session, a rest day a week, a day in eleven empty.
func benchWindow(b *testing.B, plan string, perWeek int) (Goal, []CheckIn, Day) {
	b.Helper()
	today := DayOf(2026, time.December, 1)
	p, err := PlanByID(plan)
	if err != nil {
		b.Fatal(err)
	}
	g, err := NewGoal("Bench", p, nil, Schedule{PerWeek: perWeek}, 0, today.AddDays(-2000))
	if err != nil {
		b.Fatal(err)
	}
	var cs []CheckIn
	for d := today.AddDays(-RecentDays); d.Before(today); d = d.AddDays(1) {
		i := d.DaysSince(today)
		switch {
		case i%11 == 5:
			continue
		case i%7 == 3:
			cs = append(cs, CheckIn{Day: d, Outcome: Rest, Level: 1, Variant: 1})
		default:
			cs = append(cs, CheckIn{Day: d, Outcome: Done, Achieved: 10, Target: 10, Level: 1, Variant: 1})
		}
	}
	return g, cs, today
}

// BenchmarkTodayFor is the coach's work for one goal's row on Today, from
// its window: `tend today` does it for every goal.
func BenchmarkTodayFor(b *testing.B) {
	for _, tc := range []struct {
		name, plan string
		perWeek    int
	}{{"daily", DailyWalkID, 7}, {"3-a-week", WalkToRunID, 3}} {
		g, cs, today := benchWindow(b, tc.plan, tc.perWeek)
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := TodayFor(g, cs, today); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkWeeklyReview is the W1 line of one goal on a Monday, from its
// window: habit strength over a year is most of it.
func BenchmarkWeeklyReview(b *testing.B) {
	g, cs, today := benchWindow(b, DailyWalkID, 5)
	today = today.AddDays(6) // Monday 7 December
	p, _ := g.Plan()
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := WeeklyReview(g, p, cs, today); !ok {
			b.Fatal("no weekly review on a Monday")
		}
	}
}
