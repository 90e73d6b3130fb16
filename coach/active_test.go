package coach_test

import (
	"testing"

	"tend/coach"
)

// Active minutes against 150 a week (COACH §6.4 "Totals", clarified): judged
// minutes of walk, run, yoga and custom minute goals; Walk to run's running
// weeks twice; mindful minutes, reps, km and mi nothing.
func TestActiveMinutesCountsWhatTotalsSay(t *testing.T) {
	custom := func(u coach.Unit) coach.Goal {
		c := coach.Custom{Unit: u, Start: 10, Step: 5, Max: 30, Every: 3}
		p, err := coach.CustomPlan("Mine", c)
		if err != nil {
			t.Fatal(err)
		}
		g, err := coach.NewGoal("Mine", p, &c, coach.Schedule{PerWeek: 7}, 0, lastMon)
		if err != nil {
			t.Fatal(err)
		}
		return g
	}
	at := func(g coach.Goal, level int) coach.Goal { g.Level, g.Variant = level, 1; return g }
	w2r := mustGoal(t, coach.WalkToRunID, coach.Schedule{PerWeek: 3}, lastMon)
	tests := []struct {
		name string
		g    coach.Goal
		o    coach.Outcome
		want float64
	}{
		{"a walk counts its minutes", mustGoal(t, coach.DailyWalkID, coach.Schedule{PerWeek: 5}, lastMon), coach.Done, 10},
		{"a partial walk counts what was done", mustGoal(t, coach.DailyWalkID, coach.Schedule{PerWeek: 5}, lastMon), coach.Partial, 6},
		{"a walk's minimum counts its five minutes", mustGoal(t, coach.DailyWalkID, coach.Schedule{PerWeek: 5}, lastMon), coach.Minimum, 5},
		{"Walk to run's walking rungs count once", at(w2r, 2), coach.Done, 15},
		{"a running week's run-minutes count twice", at(w2r, 5), coach.Done, 16},
		{"week 4's bridge runs count twice", func() coach.Goal { g := at(w2r, 8); g.Bridge = true; return g }(), coach.Done, 24},
		{"Walk to run's minimum is a brisk walk, once", at(w2r, 6), coach.Minimum, 5},
		{"yoga counts its minutes", mustGoal(t, coach.YogaID, coach.Schedule{PerWeek: 4}, lastMon), coach.Done, 5},
		{"mindful minutes are not activity", mustGoal(t, coach.MindfulID, coach.Schedule{PerWeek: 7}, lastMon), coach.Done, 0},
		{"strength reps have no minutes", mustGoal(t, coach.StrengthID, coach.Schedule{PerWeek: 2}, lastMon), coach.Done, 0},
		{"a custom ladder in minutes counts", custom(coach.Minutes), coach.Done, 10},
		{"a custom ladder in km does not", custom(coach.Km), coach.Done, 0},
		{"a custom ladder in times does not", custom(coach.Times), coach.Done, 0},
		{"a rest day counts nothing", mustGoal(t, coach.DailyWalkID, coach.Schedule{PerWeek: 5}, lastMon), coach.Rest, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := ci(tt.g, tue, tt.o)
			if tt.g.Bridge {
				c.Target, c.Achieved = 12, 12
			}
			if got := coach.ActiveMinutes(tt.g, []coach.CheckIn{c}, mon, sun); got != tt.want {
				t.Errorf("ActiveMinutes = %v, want %v", got, tt.want)
			}
		})
	}
}

// The week is the days asked for: a session outside them is not counted,
// and where a day was checked in twice the latest written stands.
func TestActiveMinutesReadsOnlyItsDays(t *testing.T) {
	g := mustGoal(t, coach.DailyWalkID, coach.Schedule{PerWeek: 5}, lastMon)
	hist := history(g, coach.Done, lastSun, mon, wed, sun, nextMon)
	if got := coach.ActiveMinutes(g, hist, mon, sun); got != 30 {
		t.Errorf("Monday to Sunday = %v, want 30 (three walks of 10)", got)
	}
	if got := coach.ActiveMinutes(g, hist, mon, tue); got != 10 {
		t.Errorf("Monday to Tuesday = %v, want 10", got)
	}
	if got := coach.ActiveMinutes(g, hist, wed, wed); got != 10 {
		t.Errorf("one day = %v, want 10", got)
	}
}

// Today's week line is the person's week: every goal's minutes added up.
func TestSnapshotActiveMinutesAddsEveryGoal(t *testing.T) {
	walk := mustGoal(t, coach.DailyWalkID, coach.Schedule{PerWeek: 5}, lastMon)
	walk.ID = 1
	run := mustGoal(t, coach.WalkToRunID, coach.Schedule{PerWeek: 3}, lastMon)
	run.ID, run.Level = 2, 5 // week 1: 8 run-minutes
	sit := mustGoal(t, coach.MindfulID, coach.Schedule{PerWeek: 7}, lastMon)
	sit.ID = 3
	s := coach.Snapshot{Goals: []coach.Goal{walk, run, sit}, CheckIns: map[uint64][]coach.CheckIn{
		1: history(walk, coach.Done, mon, tue),
		2: history(run, coach.Done, wed),
		3: history(sit, coach.Done, mon, tue, wed),
	}}
	if got := s.ActiveMinutes(mon, sun); got != 10+10+16 {
		t.Errorf("the week = %v, want 36", got)
	}
}
