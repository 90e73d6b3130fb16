package tui

import (
	"testing"

	"tend/coach"
)

// BenchmarkReviewLines is one goal's review as `tend review` prints it:
// the measures, the calendar, the chart and the rows, over twenty years of
// a daily goal with about one day in ten missed and a mood every third
// session.
func BenchmarkReviewLines(b *testing.B) {
	p, _ := coach.PlanByID(coach.MindfulID)
	start := fixedDay.AddDays(-20 * 365)
	g, err := coach.NewGoal("Mindful", p, nil, coach.Schedule{PerWeek: 7}, 0, start)
	if err != nil {
		b.Fatal(err)
	}
	var cs []coach.CheckIn
	for i := range 20 * 365 {
		if i%10 == 3 {
			continue
		}
		c := coach.CheckIn{Day: start.AddDays(i), Outcome: coach.Done, Achieved: 5, Target: 5, Level: 3, Variant: 1}
		if i%3 == 0 {
			before, after := 4, 6
			c.MoodBefore, c.MoodAfter = &before, &after
		}
		cs = append(cs, c)
	}
	st := DefaultStyles()
	b.ReportAllocs()
	for b.Loop() {
		h := History{Goal: g, Plan: p, CheckIns: cs, Today: fixedDay}
		if len(ReviewLines(h, NoWrap, st)) == 0 {
			b.Fatal("no lines")
		}
	}
}
