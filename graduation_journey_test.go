package main

import (
	"strings"
	"testing"
)

// The graduation question (COACH §6.3 "After graduation", A2): a finished
// Daily walk asks "Keep it, or start Walk to run?" on Today until it is
// answered, in the shell with `tend edit NAME --keep` or `--next-plan`
// (the readiness questions as `tend add` asks them, COACH §6.5), in the
// TUI with K and n.

const askNext = "Keep it, or start Walk to run?"

// graduatedWalk is an environment with a Daily walk called Walk that
// finished its plan yesterday: it starts at the top rung (30 min) and four
// easy sessions there graduate it (K = 4).
func graduatedWalk(t *testing.T) Env {
	t.Helper()
	env := newEnv(t)
	mustTend(t, env, "add", "Walk", "--plan", "daily-walk", "--capacity", "600", "--readiness", "none")
	for i := 4; i >= 1; i-- {
		mustTend(t, env, "done", "walk", "--effort", "easy", "--date", daysBefore(t, i))
	}
	if r := todayGoal(t, env, "Walk").Reason; !strings.HasSuffix(r, askNext) {
		t.Fatalf("the finished walk does not ask; its reason is %q", r)
	}
	return env
}

func TestCLIGraduationAnswers(t *testing.T) {
	const parq = "Has a doctor ever said you have a heart condition?"
	tests := []struct {
		name    string
		args    []string
		want    []string // words on stdout
		started bool     // Walk to run added beside the walk
	}{
		{"keep it", []string{"edit", "walk", "--keep"}, []string{"Walk keeps going as it is"}, false},
		{"next plan, no to the questions", []string{"edit", "walk", "--next-plan", "--readiness", "none"},
			[]string{"Walk keeps going as it is, and Walk to run starts beside it", "20-minute walk with six 30-second easy jogs"}, true},
		{"next plan, a yes and cleared", []string{"edit", "walk", "--next-plan", "--readiness", "some", "--cleared"},
			[]string{"Walk to run starts beside it", "please talk to your doctor"}, true},
		// A script that did not answer gets the plan and the questions, as
		// `tend add` does (COACH §6.5).
		{"next plan from a script", []string{"edit", "walk", "--next-plan"},
			[]string{"Walk to run starts beside it", parq, "If any is yes, talk to your doctor first"}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			env := graduatedWalk(t)
			wantLines(t, "tend "+quoteArgs(tc.args), mustTend(t, env, tc.args...), tc.want...)
			goals := goalsByName(t, env)
			if w := goals["Walk"]; w.Level != 10 || w.Status != "active" {
				t.Errorf("the walk changed: %+v", w)
			}
			run, ok := goals["Walk to run"]
			if ok != tc.started || ok && (run.Plan != "walk-to-run" || run.Level != 4 || run.DaysPerWeek != 3) {
				t.Errorf("Walk to run: %+v (added %v), want added %v at P4, 3 a week", run, ok, tc.started)
			}
			if r := todayGoal(t, env, "Walk").Reason; strings.Contains(r, askNext) {
				t.Errorf("answered, the walk still asks: %q", r)
			}
			// The review's level history keeps A2 without its question.
			wantIn(t, "tend review walk", mustTend(t, env, "review", "walk"), []string{"You finished Daily walk. 4 sessions."}, askNext)
			// Answered once, keep it has nothing left to answer.
			refusedUnchanged(t, env, 1, []string{"already keeps going"}, "edit", "walk", "--keep")
		})
	}
}

func TestCLIGraduationRefusals(t *testing.T) {
	env := graduatedWalk(t)
	// `tend today` names the commands that answer; the TUI names its keys.
	wantLines(t, "tend today", mustTend(t, env, "today"), askNext,
		"To answer: tend edit walk --keep, or tend edit walk --next-plan.")
	for _, r := range []refusal{
		// A readiness yes without a doctor's word: the safe default holds.
		{args: []string{"edit", "walk", "--next-plan", "--readiness", "some"}, code: 1,
			want: []string{"talk to your doctor", "--next-plan --readiness some --cleared", "Walk carries on"}},
		{args: []string{"edit", "walk", "--keep", "--next-plan"}, code: 2, want: []string{"not both"}},
		{args: []string{"edit", "walk", "--keep", "--days", "3"}, code: 2, want: []string{"on their own"}},
		{args: []string{"edit", "walk", "--readiness", "none"}, code: 2, want: []string{"go with --next-plan"}},
		{args: []string{"edit", "walk", "--next-plan", "--readiness", "maybe"}, code: 2, want: []string{"none", "some"}},
	} {
		r.check(t, env)
	}
	if r := todayGoal(t, env, "Walk").Reason; !strings.HasSuffix(r, askNext) {
		t.Errorf("after the refusals the question is gone: %q", r)
	}
	// A goal that has not finished, and one whose plan has no next one.
	mustTend(t, env, "add", "Yoga", "--plan", "yoga", "--readiness", "none")
	refusedUnchanged(t, env, 1, []string{"has not finished its plan"}, "edit", "yoga", "--next-plan")
	refusedUnchanged(t, env, 1, []string{"has not finished its plan"}, "edit", "yoga", "--keep")
	// A warning sign holds every exercise goal: no new plan starts then.
	mustTend(t, env, "done", "yoga", "--pain", "warning")
	refusedUnchanged(t, env, 1, []string{"on hold after a warning sign"}, "edit", "walk", "--next-plan", "--readiness", "none")
}

// As a person would: Today asks, n opens the readiness questions for Walk
// to run, Enter (no) through the anchor and the preview starts it beside
// the walk; at 40×12 the keys are there too, and K keeps a walk instead.
func TestGraduationJourney(t *testing.T) {
	env := graduatedWalk(t)
	term := startTerm(t, 80, 24, env)
	term.WaitFor(t, "Keep it, or start Walk to run?", screenTimeout)
	term.WaitFor(t, "n next plan · K keep it", screenTimeout)
	term.Step(t, "n", "Walk to run, beside Walk. First a few questions (the PAR-Q):")
	term.Step(t, "enter", "After I")
	term.PressUntil(t, "enter", "Started Walk to run beside Walk", 3)
	screen := term.WaitFor(t, "Walk to run", screenTimeout)
	if strings.Contains(screen, "K keep it") {
		t.Errorf("answered, Today still offers keep it:\n%s", frame(screen))
	}
	term.Quit(t)
	if run := goalsByName(t, env)["Walk to run"]; run.Level != 4 {
		t.Errorf("Walk to run started at level %d, want 4 (P4, the walk with jogs)", run.Level)
	}

	small := graduatedWalk(t)
	term = startTerm(t, 40, 12, small)
	term.WaitFor(t, "n next plan", screenTimeout)
	term.Press(t, "K")
	term.WaitFor(t, "keeps going as it is", screenTimeout)
	term.Quit(t)
	if _, ok := goalsByName(t, small)["Walk to run"]; ok {
		t.Error("keep it added Walk to run")
	}
	if r := todayGoal(t, small, "Walk").Reason; strings.Contains(r, askNext) {
		t.Errorf("kept, the walk still asks: %q", r)
	}
}
