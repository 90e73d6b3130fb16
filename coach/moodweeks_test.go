package coach

import (
	"math"
	"testing"
	"time"
)

func TestMoodLiftsWeekByWeek(t *testing.T) {
	mon := DayOf(2026, time.March, 2)
	mood := func(d Day, o Outcome, before, after int) CheckIn {
		return CheckIn{Day: d, Outcome: o, MoodBefore: &before, MoodAfter: &after}
	}
	onlyAfter := 7
	hist := []CheckIn{
		mood(mon.AddDays(-14), Done, 4, 6),                           // two weeks back: +2
		mood(mon.AddDays(-12), Partial, 5, 6),                        // same week: +1
		mood(mon.AddDays(-7), Rest, 2, 8),                            // rest: not a session day, never counted
		{Day: mon.AddDays(-6), Outcome: Done, MoodAfter: &onlyAfter}, // no before: no lift
		mood(mon, Minimum, 6, 5),                                     // this week: −1
	}
	overall, weeks := MoodLifts(hist, mon.AddDays(-14), mon.AddDays(3))
	if overall.Days != 3 || overall.Before != 5 || overall.After != 17.0/3 {
		t.Errorf("overall = %+v, want 3 days, before 5, after 17/3", overall)
	}
	if got, want := overall.Lift, 2.0/3; math.Abs(got-want) > 1e-9 {
		t.Errorf("overall lift %v, want %v (after − before)", got, want)
	}
	want := []MoodWeek{
		{Monday: mon.AddDays(-14), Days: 2, Lift: 1.5, Before: 4.5, After: 6},
		{Monday: mon.AddDays(-7)},
		{Monday: mon, Days: 1, Lift: -1, Before: 6, After: 5},
	}
	if len(weeks) != len(want) {
		t.Fatalf("got %d weeks, want %d: %+v", len(weeks), len(want), weeks)
	}
	for i := range want {
		if weeks[i] != want[i] {
			t.Errorf("week %d = %+v, want %+v", i, weeks[i], want[i])
		}
	}
}

func TestMoodLiftsEmptyWindow(t *testing.T) {
	mon := DayOf(2026, time.March, 2)
	if _, weeks := MoodLifts(nil, mon, mon.AddDays(-1)); weeks != nil {
		t.Errorf("a window that ends before it starts has weeks %+v", weeks)
	}
	overall, weeks := MoodLifts(nil, mon, mon)
	if overall.Days != 0 || len(weeks) != 1 || weeks[0].Days != 0 {
		t.Errorf("no moods: overall %+v, weeks %+v", overall, weeks)
	}
}
