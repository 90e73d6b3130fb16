package coach_test

import (
	"testing"

	"tend/coach"
)

// A gap of years is judged as a gap of 400 days (coach.RecentDays): the
// same target today and the same decision, for any gap past the window,
// even one of thousands of years that a clock set wrong could make (the
// words say how many days, so they are not compared).
func TestAGapOfYearsDecidesLikeFourHundredDays(t *testing.T) {
	g := mustGoal(t, coach.DailyWalkID, coach.Schedule{PerWeek: 7}, lastMon)
	hist := []coach.CheckIn{ci(g, lastMon.AddDays(1), coach.Done)}
	at := func(gap int) (coach.Today, coach.Recorded) {
		day := lastMon.AddDays(1 + gap)
		td, err := coach.TodayFor(g, hist, day)
		if err != nil {
			t.Fatal(err)
		}
		rec, err := coach.Record(g, hist, coach.Entry{Day: day, Outcome: coach.Done}, day)
		if err != nil {
			t.Fatal(err)
		}
		return td, rec
	}
	wantToday, wantRec := at(coach.RecentDays + 1)
	for _, gap := range []int{coach.RecentDays + 2, 3650, 36500, 2_000_000} {
		td, rec := at(gap)
		if td.Session.Target != wantToday.Session.Target || rec.Decision.ReasonCode != wantRec.Decision.ReasonCode ||
			rec.Decision.Action != wantRec.Decision.Action || rec.Goal.Level != wantRec.Goal.Level ||
			rec.Decision.NextTarget != wantRec.Decision.NextTarget {
			t.Errorf("a gap of %d days: target %v, %s → level %d; want as after %d days: target %v, %s → level %d",
				gap, td.Session.Target, rec.Decision.ReasonCode, rec.Goal.Level,
				coach.RecentDays+1, wantToday.Session.Target, wantRec.Decision.ReasonCode, wantRec.Goal.Level)
		}
	}
}
