package main

// End-to-end: a ladder of one's own, built in the TUI from a fresh HOME,
// checked in to, and seen from the shell.

import (
	"regexp"
	"testing"
)

// TestE2ECustomLadderFromFreshHome: the welcome → Build my own ladder (by
// the filter) → reps, 5 + 2 up to 15, 2 sessions a step → Push-ups →
// defaults through → confirm → Today shows it at 5 reps → check in → q →
// `tend today --json` has it done, plan custom, target 5 reps.
func TestE2ECustomLadderFromFreshHome(t *testing.T) {
	t.Parallel()
	env := Env{Home: t.TempDir(), Now: testDay} // tend's default place for the database
	term := startTerm(t, 80, 24, env)
	term.WaitFor(t, "Pick a first goal", screenTimeout)

	term.Press(t, "/")
	term.WaitFor(t, "Pick a first goal: /", screenTimeout)
	term.Send(t, "ladder")
	term.WaitUntil(t, "the list filtered to the ladder", func(s string) bool {
		return contains(s, "/ladder") && contains(s, "▸ Build my own ladder") && !contains(s, "Daily walk")
	}, screenTimeout)
	term.Press(t, "enter")
	term.WaitFor(t, "Build your own ladder", screenTimeout)

	term.Press(t, "right")
	term.WaitFor(t, "[reps]", screenTimeout)
	for _, f := range []struct{ label, value string }{{"Start at", "5"}, {"Add each step", "2"}, {"Up to", "15"}} {
		term.Press(t, "tab")
		term.WaitFor(t, "▸ "+f.label, screenTimeout)
		term.Send(t, "\x15"+f.value) // the field starts filled in: ctrl+u clears it
		term.WaitUntil(t, f.label+" "+f.value, fieldShows(f.label, f.value), screenTimeout)
	}
	term.Press(t, "tab")
	term.WaitFor(t, "▸ Sessions per step", screenTimeout)
	term.Send(t, "\x152")
	term.WaitUntil(t, "Sessions per step 2", fieldShows("Sessions per step", "2"), screenTimeout)

	term.Press(t, "enter")
	term.WaitFor(t, "What shall we call it?", screenTimeout)
	term.Send(t, "Push-ups")
	term.WaitUntil(t, "the name typed", fieldShows("Name", "Push-ups"), screenTimeout)
	term.Press(t, "enter")
	s := term.WaitFor(t, "How often?", screenTimeout)

	// Every step after the name has a default, so Enter alone gets through.
	if !contains(s, "Days a week [3]") {
		t.Errorf("a ladder of one's own should start at 3 days a week:\n%s", frame(s))
	}
	s = term.PressUntil(t, "enter", "if every session goes well", 5)
	if !contains(s, "Push-ups · if every session goes well") || !contains(s, "Week 1 5 reps") {
		t.Errorf("the preview should start Push-ups at 5 reps:\n%s", frame(s))
	}

	term.Press(t, "enter")
	s = term.WaitFor(t, "○ Push-ups", screenTimeout)
	if !contains(s, "5 reps") || !contains(s, "Added Push-ups") {
		t.Errorf("Today should show Push-ups with its first target, 5 reps:\n%s", frame(s))
	}

	term.Press(t, "enter")
	term.WaitFor(t, "▸ Did it happen?", screenTimeout)
	term.PressUntil(t, "enter", "✓ Push-ups", len(checkInQuestions)+2)

	term.Press(t, "q")
	if code := term.Wait(t); code != 0 {
		t.Fatalf("q: exit %d, want 0", code)
	}

	g := todayGoal(t, env, "Push-ups")
	if g.Plan != "custom" || !g.Done || deref(g.Outcome) != "done" {
		t.Errorf("tend today --json: plan %q, done %v, outcome %v; want custom, done", g.Plan, g.Done, deref(g.Outcome))
	}
	if g.Target == nil || g.Target.Amount != 5 || g.Target.Unit != "reps" {
		t.Errorf("tend today --json: target %+v, want 5 reps", g.Target)
	}
}

// fieldShows accepts a screen whose row for label holds value, however
// many spaces stand between them (none, where a label is wider than its
// column).
func fieldShows(label, value string) func(string) bool {
	re := regexp.MustCompile(`(?m)` + regexp.QuoteMeta(label) + ` *` + regexp.QuoteMeta(value) + ` *$`)
	return func(s string) bool { return re.MatchString(s) }
}
