package coach_test

import (
	"testing"

	"tend/coach"
)

func TestTimelineOfWeek1(t *testing.T) {
	p := mustPlan(t, coach.WalkToRunID)
	tl, ok := coach.Timeline(p.Session(5, 1))
	if !ok || len(tl) != 18 {
		t.Fatalf("week 1: %d stretches, ok %v; want warm-up, 8 × (run, walk), cool-down", len(tl), ok)
	}
	if tl[0].Phase != coach.PhaseWarmup || tl[0].Secs != 300 || tl[1].Kind != coach.Run || tl[1].Secs != 60 ||
		tl[2].Kind != coach.Walk || tl[2].Secs != 90 || tl[1].Round != 1 || tl[1].Of != 8 || tl[17].Phase != coach.PhaseCooldown || tl[17].Label() != "cool-down" {
		t.Errorf("week 1 timeline %+v", tl)
	}
	// The whole session: 8 run-minutes; stopped after the warm-up and two
	// runs and a walk, two run-minutes.
	total := 0
	for _, s := range tl {
		total += s.Secs
	}
	if got := coach.Achieved(tl, total); got != 8 {
		t.Errorf("finished: %v run-minutes, want 8", got)
	}
	if got := coach.Achieved(tl, 300+60+90+60); got != 2 {
		t.Errorf("stopped early: %v run-minutes, want 2", got)
	}
}

func TestTimelineOfAWalkCountsWalkingMinutes(t *testing.T) {
	p := mustPlan(t, coach.DailyWalkID)
	tl, ok := coach.Timeline(p.Session(4, 1))
	if !ok || len(tl) != 1 || tl[0].Secs != 900 {
		t.Fatalf("15-minute walk: %+v", tl)
	}
	if got := coach.Achieved(tl, 450); got != 7.5 {
		t.Errorf("half-way: %v, want 7.5", got)
	}
}

func TestStrengthHasNoTimer(t *testing.T) {
	p := mustPlan(t, coach.StrengthID)
	if _, ok := coach.Timeline(p.Session(1, 1)); ok {
		t.Error("counted reps got a timer")
	}
}

// A skipped stretch counts only the seconds spent in it: skipping a
// one-block walk after 10 s is 10 s of walking, not the whole walk.
func TestAchievedEachCountsOnlyWhatWasDone(t *testing.T) {
	p := mustPlan(t, coach.DailyWalkID)
	tl, _ := coach.Timeline(p.Session(2, 1))
	if got := coach.AchievedEach(tl, []int{10}); got != 10.0/60 {
		t.Errorf("10 s of a 10-minute walk: %v min", got)
	}
	w1, _ := coach.Timeline(mustPlan(t, coach.WalkToRunID).Session(5, 1))
	done := make([]int, len(w1))
	done[1] = 60 // the first run whole (the warm-up skipped: it never counts)
	done[2] = 90 // a walk: walking does not count on a run plan
	done[3] = 30 // the second run skipped half-way
	if got := coach.AchievedEach(w1, done); got != 1.5 {
		t.Errorf("a run and a half: %v run-minutes, want 1.5", got)
	}
}
