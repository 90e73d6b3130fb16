package coach_test

// TodayFor: what Today shows for a goal, from the same goals and histories
// the Record tests build.

import (
	"strings"
	"testing"

	"tend/coach"
)

func TestTodayForDescribesTheSession(t *testing.T) {
	run := mustGoal(t, coach.WalkToRunID, threePerWeek, lastMon)
	run.Level = 7 // W3
	onBridge := run
	onBridge.Level, onBridge.Bridge = 8, true
	tests := []struct {
		name   string
		g      coach.Goal
		text   string
		warmup string
		target float64
	}{
		{"daily walk default start", walkGoal(t), "Walk 10 minutes", "", 10},
		{"Couch to 5K week 3", run, "Week 3 of 9 · 2 × [run 90 s, walk 90 s, run 3 min, walk 3 min]", "5-minute brisk walk first.", 9},
		{"the bridge before week 4", onBridge, "4 × [run 3 min, walk 2 min]", "5-minute brisk walk first.", 12},
		{"mindful minutes", mustGoal(t, coach.MindfulID, daily, lastMon), "Sit quietly, 2 minutes", "", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			today, err := coach.TodayFor(tt.g, nil, wed)
			if err != nil {
				t.Fatal(err)
			}
			if today.Text != tt.text || today.Warmup != tt.warmup || today.Session.Target != tt.target {
				t.Errorf("Text %q warm-up %q target %v, want %q %q %v",
					today.Text, today.Warmup, today.Session.Target, tt.text, tt.warmup, tt.target)
			}
		})
	}
}

func TestTodayForCountsTheWeekAndGivesTheReason(t *testing.T) {
	g := walkGoal(t)
	mwf := mustGoal(t, coach.DailyWalkID, monWedFri, lastMon)
	tests := []struct {
		name       string
		g          coach.Goal
		recent     []coach.CheckIn
		day        coach.Day
		due        bool
		weekDone   int
		weekTarget int
		reason     string
	}{
		{"a fresh goal", g, nil, lastMon, true, 0, 5,
			"A gentle start. The plan moves on after 4 sessions here."},
		{"two sessions at this level", g, []coach.CheckIn{ci(g, mon, done), ci(g, tue, done)}, wed, true, 2, 5,
			"Same target today (10 min). 2/4 sessions done at this level; the plan moves on after 4."},
		{"done today", g, []coach.CheckIn{ci(g, mon, done), ci(g, tue, done), ci(g, wed, done)}, wed, true, 3, 5,
			"Done. That's 3 this week."},
		{"a partial today counts as done", g, []coach.CheckIn{ci(g, wed, partial)}, wed, true, 1, 5,
			"Done. That's 1 this week."},
		{"rest day on a day the schedule leaves free", mwf, []coach.CheckIn{ci(mwf, mon, done)}, tue, false, 1, 3, coach.MsgZ1},
		{"the week is kept", g, history(g, done, mon, tue, wed, thu, fri), sat, false, 5, 5, coach.MsgZ1},
		// A rest, unwell or away day lowers the week's ask N′ (COACH §6.2).
		{"a rest day logged", g, []coach.CheckIn{ci(g, wed, rest)}, wed, true, 0, 4, coach.MsgZ1},
		{"unwell logged", g, []coach.CheckIn{ci(g, wed, unwell)}, wed, true, 0, 4, coach.MsgZ2},
		{"away logged", g, []coach.CheckIn{ci(g, wed, away)}, wed, true, 0, 4, coach.MsgZ3},
		{"safety hold", withStatus(g, tue, coach.SafetyHold), nil, wed, false, 0, 5, coach.MsgS1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			today, err := coach.TodayFor(tt.g, tt.recent, tt.day)
			if err != nil {
				t.Fatal(err)
			}
			if today.Due != tt.due || today.WeekDone != tt.weekDone || today.WeekTarget != tt.weekTarget {
				t.Errorf("due %v, week %d/%d; want due %v, week %d/%d",
					today.Due, today.WeekDone, today.WeekTarget, tt.due, tt.weekDone, tt.weekTarget)
			}
			if today.Reason != tt.reason {
				t.Errorf("Reason = %q, want %q", today.Reason, tt.reason)
			}
		})
	}
}

func TestTodayForPausedKeepsProgress(t *testing.T) {
	g := withStatus(walkGoal(t), tue, coach.Paused)
	today, err := coach.TodayFor(g, []coach.CheckIn{ci(g, mon, done)}, wed)
	if err != nil {
		t.Fatal(err)
	}
	if today.Status != coach.Paused || today.Due || !strings.Contains(today.Reason, "Paused") || !strings.Contains(today.Reason, "kept") {
		t.Errorf("status %v due %v reason %q, want paused, not due, progress kept", today.Status, today.Due, today.Reason)
	}
}

func TestTodayForShowsTheDaysCheckIn(t *testing.T) {
	g := walkGoal(t)
	c := ci(g, wed, partial)
	c.Achieved, c.Target = 6, 10
	today, err := coach.TodayFor(g, []coach.CheckIn{ci(g, tue, done), c, ci(g, thu, done)}, wed)
	if err != nil {
		t.Fatal(err)
	}
	if today.CheckIn == nil || today.CheckIn.Day != wed || today.CheckIn.Achieved != 6 || !today.Done() {
		t.Errorf("CheckIn %+v Done %v, want Wednesday's partial of 6", today.CheckIn, today.Done())
	}
	// Thursday's check-in is after the day asked about and does not count.
	if today.WeekDone != 2 {
		t.Errorf("WeekDone = %d, want 2 (Tuesday and Wednesday)", today.WeekDone)
	}
	none, _ := coach.TodayFor(g, []coach.CheckIn{ci(g, tue, done)}, wed)
	if none.CheckIn != nil || none.Done() {
		t.Errorf("no check-in on Wednesday, but CheckIn %+v Done %v", none.CheckIn, none.Done())
	}
}
