package coach_test

import (
	"fmt"
	"testing"

	"tend/coach"
)

// BenchmarkReviewOf is the coach's part of one goal's review over twenty
// years: a daily goal (days missed one by one) and a 3-a-week one (weeks
// asked and judged), each with about one day in ten not checked in.
func BenchmarkReviewOf(b *testing.B) {
	today := coach.DayOf(2026, 11, 30)
	start := today.AddDays(-20 * 365)
	for _, c := range []struct {
		plan string
		s    coach.Schedule
	}{{coach.MindfulID, coach.Schedule{PerWeek: 7}}, {coach.WalkToRunID, coach.Schedule{PerWeek: 3}}} {
		g, p := rvGoal(b, c.plan, c.s, start)
		hist := rvAll(start, 20*365, coach.Done, 5, func(i int, _ coach.Day) bool { return i%10 != 3 })
		b.Run(fmt.Sprintf("%s/%d-a-week", c.plan, c.s.PerWeek), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if r := coach.ReviewOf(g, p, hist, today); r.Sessions == 0 {
					b.Fatal(r)
				}
			}
		})
	}
}
