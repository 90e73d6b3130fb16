package main

import (
	"strings"
	"testing"
	"time"
)

// The coach through the built binary, with TEND_NOW moving a day at a time:
// the Daily walk climbs from 10 to 12 minutes after four completed
// sessions, holds after a hard one, and eases back after a 16-day gap.
// Every printed step carries its reason.
func TestE2ECoachClimbsHoldsAndEases(t *testing.T) {
	env := newEnv(t)
	start := time.Date(2026, time.March, 2, 12, 0, 0, 0, time.UTC) // a Monday
	on := func(days int) Env {
		e := env
		e.Now = start.AddDate(0, 0, days).Format("2006-01-02")
		return e
	}
	mustTend(t, on(0), "add", "Walk", "--plan", "daily-walk", "--on", "mon,tue,wed,thu,fri")

	steps := []struct {
		day  int
		args []string
		want []string // in the output of that check-in
	}{
		{0, []string{"done", "walk"}, []string{"Done: 10 min", "1/4 sessions done at this level"}},
		{1, []string{"done", "walk"}, []string{"2/4 sessions done"}},
		{2, []string{"done", "walk"}, []string{"3/4 sessions done"}},
		{3, []string{"done", "walk", "--effort", "easy"}, []string{"Level up: 12 min", "completed 4 sessions at 10 min", "felt easy"}},
		{4, []string{"done", "walk", "--effort", "hard"}, []string{"repeat 12 min once more", "last time felt hard"}},
		{7, []string{"done", "walk"}, []string{"Same target next time (12 min)"}},
	}
	for _, s := range steps {
		out := mustTend(t, on(s.day), s.args...)
		for _, w := range s.want {
			if !strings.Contains(out, w) {
				t.Errorf("day %d %v: output lacks %q:\n%s", s.day, s.args, w, out)
			}
		}
	}
	// Today, before any check-in, already shows the eased target and why.
	today := mustTend(t, on(7+17), "today")
	for _, w := range []string{"Walk 10 minutes", "Welcome back after 17 days", "start at 10 min"} {
		if !strings.Contains(today, w) {
			t.Errorf("after a 16-day gap, today lacks %q:\n%s", w, today)
		}
	}
	out := mustTend(t, on(7+17), "done", "walk")
	if !strings.Contains(out, "Done: 10 min") || !strings.Contains(out, "Welcome back") {
		t.Errorf("the check-in after the gap:\n%s", out)
	}
	review := mustTend(t, on(7+17), "review", "walk", "--json")
	for _, w := range []string{`"reason_code": "A1"`, `"reason_code": "G1"`, `"sessions": 7`} {
		if !strings.Contains(review, w) {
			t.Errorf("review lacks %s:\n%s", w, review)
		}
	}
}

// A warning sign holds the goal with no target until it is resumed.
func TestE2EWarningHoldsUntilResumed(t *testing.T) {
	env := newEnv(t)
	mustTend(t, env, "add", "Walk", "--plan", "daily-walk")
	out := mustTend(t, env, "done", "walk", "--pain", "warning")
	if !strings.Contains(out, "Stop now") || strings.Contains(out, "notice you did it") {
		t.Errorf("warning check-in said:\n%s", out)
	}
	today := mustTend(t, env, "today", "--json")
	if !strings.Contains(today, `"target": null`) || !strings.Contains(today, `"status": "safety-hold"`) {
		t.Errorf("today in safety hold:\n%s", today)
	}
	_, stderr, code := runTend(t, env, "done", "walk")
	if code != 1 || !strings.Contains(stderr, "tend edit walk --resume") {
		t.Errorf("a session in safety hold: exit %d, %q", code, stderr)
	}
	mustTend(t, env, "edit", "walk", "--resume")
	if today := mustTend(t, env, "today", "--json"); !strings.Contains(today, `"status": "active"`) {
		t.Errorf("after resuming:\n%s", today)
	}
}
