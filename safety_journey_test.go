package main

// The safety path end to end through the binary (issue 11): the readiness
// questions from the shell (COACH §6.5), a warning sign that holds every
// exercise goal (R0), and resuming only once the person says they have been
// checked, in the TUI and the shell.

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tend/coach"
)

func TestCLIAddReadinessTable(t *testing.T) {
	const parq = "Has a doctor ever said you have a heart condition?"
	tests := []struct {
		name      string
		before    [][]string // goals added first
		args      []string
		code      int
		want      []string // on stdout, or on stderr for a refusal
		notWant   []string
		addedPlan string // the goal in tend goals afterwards, "" for none
	}{
		{"a script that did not answer gets the questions, and the care note with a first goal", nil,
			[]string{"add", "Run", "--plan", "walk-to-run"}, 0,
			[]string{"Added Run", parq, "If any is yes, talk to your doctor first", "not medical"}, nil, "walk-to-run"},
		{"no to every question", nil,
			[]string{"add", "Run", "--plan", "walk-to-run", "--readiness", "none"}, 0,
			[]string{"Added Run", "not medical"}, []string{parq, "talk to your doctor before"}, "walk-to-run"},
		{"a yes refuses Walk to run without --cleared", nil,
			[]string{"add", "Run", "--plan", "walk-to-run", "--readiness", "some"}, 1,
			[]string{"talk to your doctor", "Walk to run waits", "--cleared", "--plan daily-walk"}, nil, ""},
		{"a yes refuses Strength without --cleared", nil,
			[]string{"add", "Lift", "--plan", "strength", "--readiness", "some"}, 1,
			[]string{"Strength waits", "--cleared"}, nil, ""},
		{"a yes and a doctor's word", nil,
			[]string{"add", "Run", "--plan", "walk-to-run", "--readiness", "some", "--cleared"}, 0,
			[]string{"Added Run", "talk to your doctor before becoming much more active"}, nil, "walk-to-run"},
		{"a yes on a gentle plan advises and adds it", nil,
			[]string{"add", "Walk", "--plan", "daily-walk", "--readiness", "some"}, 0,
			[]string{"Added Walk", "begin slowly and build up gradually"}, nil, "daily-walk"},
		{"Mindful minutes is not exercise", nil,
			[]string{"add", "Mind", "--plan", "mindful"}, 0,
			[]string{"Added Mind"}, []string{parq}, "mindful"},
		{"a ladder in km is exercise", nil,
			[]string{"add", "Km", "--unit", "km", "--start", "1", "--step", "0.5", "--max", "5"}, 0,
			[]string{"Added Km", parq}, nil, "custom"},
		{"a ladder of times is not", nil,
			[]string{"add", "Water", "--unit", "times", "--start", "1", "--step", "1", "--max", "5"}, 0,
			[]string{"Added Water"}, []string{parq}, "custom"},
		{"the care note comes with the first goal only", [][]string{{"add", "Mind", "--plan", "mindful"}},
			[]string{"add", "Walk", "--plan", "daily-walk", "--readiness", "none"}, 0,
			[]string{"Added Walk"}, []string{"not medical"}, "daily-walk"},
		{"a bad answer", nil,
			[]string{"add", "Run", "--plan", "walk-to-run", "--readiness", "maybe"}, 2,
			[]string{"--readiness is none"}, nil, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			env := newEnv(t)
			for _, b := range tc.before {
				mustTend(t, env, b...)
			}
			if tc.code != 0 {
				// Refused with nothing written, one plain message.
				refusedUnchanged(t, env, tc.code, tc.want, tc.args...)
			} else {
				out := mustTend(t, env, tc.args...)
				wantLines(t, "tend "+quoteArgs(tc.args), out, tc.want...)
				for _, w := range tc.notWant {
					if strings.Contains(out, w) {
						t.Errorf("tend %s says %q:\n%s", quoteArgs(tc.args), w, out)
					}
				}
			}
			if g, ok := goalsByName(t, env)[tc.args[1]]; ok != (tc.addedPlan != "") || g.Plan != tc.addedPlan {
				t.Errorf("after tend %s: goal %+v (there %v), want plan %q", quoteArgs(tc.args), g, ok, tc.addedPlan)
			}
		})
	}
}

// At a terminal, tend add asks; Enter alone is no, and after a yes the
// safe answer (not cleared) is the default: nothing is added.
func TestAddAsksReadinessAtATerminal(t *testing.T) {
	for _, tc := range []struct {
		name    string
		answers []string
		code    int
		want    string
		added   bool
	}{
		{"enter alone is no", []string{"\r"}, 0, "Added Run", true},
		{"a yes, then enter: refused", []string{"y\r", "\r"}, 1, "Walk to run waits", false},
		{"a yes, and a doctor's word", []string{"y\r", "yes\r"}, 0, "Added Run", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			env := newEnv(t)
			term := startTerm(t, 80, 24, env, "add", "Run", "--plan", "walk-to-run")
			term.WaitFor(t, "Is any of these a yes? [y/N]", screenTimeout)
			term.Send(t, tc.answers[0])
			if len(tc.answers) > 1 {
				term.WaitFor(t, "Has a doctor said Walk to run is fine for you? [y/N]", screenTimeout)
				term.Send(t, tc.answers[1])
			}
			if code := term.Wait(t); code != tc.code {
				t.Errorf("exit %d, want %d", code, tc.code)
			}
			if s := squash(term.Screen()); !strings.Contains(s, tc.want) {
				t.Errorf("screen lacks %q:\n%s", tc.want, frame(term.Screen()))
			}
			if _, ok := goalsByName(t, env)["Run"]; ok != tc.added {
				t.Errorf("goal added %v, want %v", ok, tc.added)
			}
		})
	}
}

// A chest-pain warning on a walk, in the TUI: every exercise goal holds,
// Today, tend today and tend status offer no Walk to run, Mindful minutes
// carries on; one p never lifts the hold, a no keeps it (S2), a yes
// resumes that goal; the shell's --resume alone is a no too.
func TestSafetyJourney(t *testing.T) {
	env := newEnv(t)
	mustTend(t, env, "add", "Walk", "--plan", "daily-walk", "--readiness", "none")
	mustTend(t, env, "add", "Run", "--plan", "walk-to-run", "--readiness", "none")
	mustTend(t, env, "add", "Mind", "--plan", "mindful")
	term := startTerm(t, 80, 24, env)
	term.WaitFor(t, "○ Walk", screenTimeout)
	term.Step(t, "enter", "▸ Did it happen?")
	term.Step(t, "enter", "▸ How did it feel?")
	term.Step(t, "enter", "▸ Any pain?")
	term.Press(t, "left") // from none, round to the warning
	term.WaitFor(t, "[chest pain/dizzy/faint]", screenTimeout)
	term.PressUntil(t, "enter", "‖ Walk", 6)
	s := term.WaitFor(t, "‖ Run", screenTimeout)
	if strings.Contains(s, "tend edit") {
		t.Errorf("the TUI sends people to the shell:\n%s", frame(s))
	}
	if !strings.Contains(s, "○ Mind") {
		t.Errorf("Mindful minutes should carry on after a warning:\n%s", frame(s))
	}
	// Run is held: no session, no check-in key offered on it.
	term.PressUntil(t, "down", "▸ ‖ Run", 3)
	if s := term.Screen(); strings.Contains(s, "s session") || strings.Contains(s, "enter check in") {
		t.Errorf("a held goal offers a session:\n%s", frame(s))
	}
	if run := todayGoal(t, env, "Run"); run.Status != "safety-hold" || run.Target != nil {
		t.Errorf("tend today --json after the warning: Run %+v", run)
	}
	if got := strings.TrimSpace(mustTend(t, env, "status")); got != "tend 0/1 · mind 2m" {
		t.Errorf("tend status after the warning: %q", got)
	}
	today := mustTend(t, env, "today")
	if strings.Contains(today, "Week 1") || !strings.Contains(today, "tend edit run --resume --checked") {
		t.Errorf("tend today after the warning:\n%s", today)
	}

	// The Goals screen: p asks; Enter alone is no, and says S2.
	term.Step(t, "g", "Goals")
	term.PressUntil(t, "down", "▸ Run", 3)
	term.Step(t, "p", "Have you been checked by a doctor or nurse?")
	term.Step(t, "enter", "It stays on hold until a doctor or nurse has checked you.")
	if run := todayGoal(t, env, "Run"); run.Status != "safety-hold" {
		t.Fatalf("no lifted the hold: %+v", run)
	}
	term.Step(t, "p", "Have you been checked by a doctor or nurse?")
	term.Press(t, "right")
	term.WaitFor(t, "[yes]", screenTimeout)
	term.Step(t, "enter", "Resumed Run, now that you've been checked.")
	if run := todayGoal(t, env, "Run"); run.Status != "active" || run.Target == nil {
		t.Errorf("yes did not resume Run: %+v", run)
	}
	if walk := todayGoal(t, env, "Walk"); walk.Status != "safety-hold" {
		t.Errorf("resuming Run lifted Walk's hold too: %+v", walk)
	}
	term.Quit(t)

	// The shell: --resume alone is the no; --resume --checked the yes.
	// S2 and then the care note (O1), as COACH §6.6 says S2 goes.
	refusedUnchanged(t, env, 1, []string{"It stays on hold", "--resume --checked", coach.MsgO1}, "edit", "walk", "--resume")
	out := mustTend(t, env, "edit", "walk", "--resume", "--checked")
	wantLines(t, "tend edit walk --resume --checked", out, "Walk: resumed, now that you have been checked")
}

// The TUI never sends people to the shell (issue 11): a paused goal's row
// names the keys, and a delete offers ctrl+e, which writes the export
// beside the database, instead of `tend export`.
func TestTUIOffersKeysNotCommands(t *testing.T) {
	env := newEnv(t)
	mustTend(t, env, "add", "Walk", "--plan", "daily-walk", "--readiness", "none")
	mustTend(t, env, "add", "Yoga", "--plan", "yoga", "--readiness", "none")
	mustTend(t, env, "edit", "yoga", "--pause")
	term := startTerm(t, 80, 24, env)
	term.WaitFor(t, "To carry on: g for goals, then p.", screenTimeout)
	term.Step(t, "g", "Goals")
	s := term.Step(t, "D", "Type its name to delete")
	if strings.Contains(s, "tend ") && strings.Contains(s, "`") {
		t.Errorf("the delete prompt names a shell command:\n%s", frame(s))
	}
	s = term.Step(t, "\x05", "Saved a copy of everything to") // ctrl+e
	term.Press(t, "esc")
	term.WaitUntil(t, "back to the list", func(s string) bool { return !strings.Contains(s, "Type its name") }, screenTimeout)
	term.Quit(t)
	files, _ := filepath.Glob(filepath.Join(filepath.Dir(env.dbFile()), "tend-export-*.json"))
	if len(files) != 1 {
		t.Fatalf("exports beside the database: %v; screen:\n%s", files, frame(s))
	}
	data, err := os.ReadFile(files[0])
	if err != nil || !strings.Contains(string(data), `"format": "tend-export"`) || !strings.Contains(string(data), `"Yoga"`) {
		t.Errorf("the export %s: %v\n%.200s", files[0], err, data)
	}
}
