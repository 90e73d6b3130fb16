package main

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// Looking after goals: a ladder of one's own built in the TUI from a fresh
// HOME, `tend edit` (rename, days, pause and resume, archive), `tend delete`
// and its refusal without --yes, and that changing days never rewrites the
// past.

// TestE2ECustomLadderFromFreshHome: the welcome → Build my own ladder (by
// the filter) → reps, 5 + 2 up to 15, 2 sessions a step → Push-ups →
// defaults through → confirm → Today shows it at 5 reps → check in → q →
// `tend today --json` has it done, plan custom, target 5 reps.
func TestE2ECustomLadderFromFreshHome(t *testing.T) {
	t.Parallel()
	env := Env{Home: t.TempDir(), Now: testDay} // tend's default place for the database
	term := startTerm(t, 80, 24, env)
	term.WaitFor(t, "Pick a first goal", screenTimeout)

	term.Step(t, "/", "Pick a first goal: /")
	term.Send(t, "ladder")
	term.WaitUntil(t, "the list filtered to the ladder", func(s string) bool {
		return contains(s, "/ladder") && contains(s, "▸ Build my own ladder") && !contains(s, "Daily walk")
	}, screenTimeout)
	term.Step(t, "enter", "Build your own ladder")

	term.Step(t, "right", "[reps]")
	for _, f := range []struct{ label, value string }{{"Start at", "5"}, {"Add each step", "2"}, {"Up to", "15"}} {
		term.Step(t, "tab", "▸ "+f.label)
		term.Send(t, "\x15"+f.value) // the field starts filled in: ctrl+u clears it
		term.WaitUntil(t, f.label+" "+f.value, fieldShows(f.label, f.value), screenTimeout)
	}
	term.Step(t, "tab", "▸ Sessions per step")
	term.Send(t, "\x152")
	term.WaitUntil(t, "Sessions per step 2", fieldShows("Sessions per step", "2"), screenTimeout)

	term.Step(t, "enter", "What shall we call it?")
	term.Send(t, "Push-ups")
	term.WaitUntil(t, "the name typed", fieldShows("Name", "Push-ups"), screenTimeout)
	s := term.Step(t, "enter", "How often?")

	// Every step after the name has a default, so Enter alone gets through.
	if !contains(s, "Days a week [3]") {
		t.Errorf("a ladder of one's own should start at 3 days a week:\n%s", frame(s))
	}
	s = term.PressUntil(t, "enter", "if every session goes well", 5)
	if !contains(s, "Push-ups · if every session goes well") || !contains(s, "This week 5 reps") {
		t.Errorf("the preview should start Push-ups at 5 reps:\n%s", frame(s))
	}

	s = term.Step(t, "enter", "○ Push-ups")
	if !contains(s, "5 reps") || !contains(s, "Added Push-ups") {
		t.Errorf("Today should show Push-ups with its first target, 5 reps:\n%s", frame(s))
	}

	term.Step(t, "enter", "▸ Did it happen?")
	term.PressUntil(t, "enter", "✓ Push-ups", len(checkInQuestions)+2)

	term.Quit(t)

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

func TestCLIEditRenameAndDays(t *testing.T) {
	t.Parallel()
	env := newEnv(t)
	mustTend(t, env, "add", "Walk", "--plan", "daily-walk")
	mustTend(t, env, "add", "Stretch", "--plan", "yoga")

	out := mustTend(t, env, "edit", "walk", "--name", "Evening walk")
	// The line names the goal as it was called: "Walk: renamed to Evening walk."
	wantLines(t, "tend edit --name", out, "Walk: renamed to Evening walk.")
	goals := goalsByName(t, env)
	if _, old := goals["Walk"]; old || goals["Evening walk"].Plan != "daily-walk" {
		t.Fatalf("after the rename, tend goals --json has %v", goals)
	}
	if !onToday(t, env, "Evening walk") {
		t.Error("Today does not show the new name")
	}
	// The new name finds it; another goal's name is refused.
	refusedUnchanged(t, env, 1, []string{"already a goal called", "Stretch"}, "edit", "evening", "--name", "stretch")

	out = mustTend(t, env, "edit", "evening walk", "--days", "3")
	wantLines(t, "tend edit --days", out, "now 3 days a week from today", "past days keep the schedule they had")
	if g := goalsByName(t, env)["Evening walk"]; g.DaysPerWeek != 3 || len(g.Weekdays) != 0 {
		t.Errorf("after --days 3: %+v", g)
	}

	out = mustTend(t, env, "edit", "evening walk", "--on", "mon,wed,fri")
	wantLines(t, "tend edit --on", out, "now mon, wed, fri from today")
	if g := goalsByName(t, env)["Evening walk"]; g.DaysPerWeek != 3 || !reflect.DeepEqual(g.Weekdays, []string{"mon", "wed", "fri"}) {
		t.Errorf("after --on mon,wed,fri: %+v", g)
	}
	// Monday is one of the days: due today.
	if g := todayGoal(t, env, "Evening walk"); !g.Due {
		t.Errorf("on mon,wed,fri, Monday should be due: %+v", g)
	}
	mustTend(t, env, "edit", "evening walk", "--on", "tue")
	if g := todayGoal(t, env, "Evening walk"); g.Due {
		t.Errorf("on tue only, Monday should not be due: %+v", g)
	}

	// Rename and days together.
	mustTend(t, env, "edit", "evening walk", "--name", "Walk", "--days", "5")
	if g := goalsByName(t, env)["Walk"]; g.DaysPerWeek != 5 || len(g.Weekdays) != 0 {
		t.Errorf("after --name Walk --days 5: %+v", g)
	}
}

func TestCLIEditPauseResumeArchive(t *testing.T) {
	t.Parallel()
	env := newEnv(t)
	mustTend(t, env, "add", "Evening walk", "--plan", "daily-walk")

	out := mustTend(t, env, "edit", "evening walk", "--pause")
	wantLines(t, "tend edit --pause", out, "Evening walk: paused")
	if g := goalsByName(t, env)["Evening walk"]; g.Status != "paused" {
		t.Errorf("status %q after --pause", g.Status)
	}
	if g := todayGoal(t, env, "Evening walk"); g.Due || g.Status != "paused" {
		t.Errorf("a paused goal is due, or not shown paused: %+v", g)
	}
	// A check-in on a paused goal is refused, and says how to carry on.
	refusedUnchanged(t, env, 1, []string{"paused", "tend edit 'Evening walk' --resume"}, "done", "evening walk")
	refusedUnchanged(t, env, 2, []string{"--pause", "--resume"}, "edit", "evening walk", "--pause", "--resume")

	out = mustTend(t, env, "edit", "evening walk", "--resume")
	wantLines(t, "tend edit --resume", out, "Evening walk: resumed; the plan picks up where you left it.")
	if g := todayGoal(t, env, "Evening walk"); !g.Due || g.Status != "active" {
		t.Errorf("after --resume: %+v", g)
	}
	refusedUnchanged(t, env, 1, []string{"already active"}, "edit", "evening walk", "--resume")
	mustTend(t, env, "done", "evening walk")

	out = mustTend(t, env, "edit", "evening walk", "--archive")
	wantLines(t, "tend edit --archive", out, "Evening walk: archived", "history is kept")
	if onToday(t, env, "Evening walk") {
		t.Error("an archived goal is still on Today")
	}
	if g := goalsByName(t, env)["Evening walk"]; g.Status != "archived" {
		t.Errorf("tend goals --json: status %q, want archived", g.Status)
	}
	out = mustTend(t, env, "review", "evening walk")
	wantLines(t, "tend review of an archived goal", out, "Review · Evening walk", "1 session")
	if review := reviewOf(t, env, "evening walk"); review.Name != "Evening walk" || review.Sessions != 1 {
		t.Errorf("tend review --json of an archived goal: %+v", review)
	}
	// --resume brings it back, history and all.
	mustTend(t, env, "edit", "evening walk", "--resume")
	if g := todayGoal(t, env, "Evening walk"); !g.Done {
		t.Errorf("resumed from the archive, today's check-in is gone: %+v", g)
	}
}

func TestCLIEditRefusesBadCombinations(t *testing.T) {
	t.Parallel()
	env := newEnv(t)
	mustTend(t, env, "add", "Walk", "--plan", "daily-walk")
	for _, tc := range []struct {
		name string
		args []string
		code int
		want []string
	}{
		{"pause and resume", []string{"edit", "walk", "--pause", "--resume"}, 2, []string{"--pause", "--resume", "--archive"}},
		{"pause and archive", []string{"edit", "walk", "--pause", "--archive"}, 2, []string{"one of"}},
		{"resume and archive", []string{"edit", "walk", "--resume", "--archive"}, 2, []string{"one of"}},
		{"nothing to change", []string{"edit", "walk"}, 2, []string{"--name", "--days"}},
		{"days and on", []string{"edit", "walk", "--days", "3", "--on", "mon"}, 2, []string{"--days", "--on"}},
		{"days 0", []string{"edit", "walk", "--days", "0"}, 2, []string{"--days"}},
		{"days 8", []string{"edit", "walk", "--days", "8"}, 2, []string{"--days"}},
		{"on no real day", []string{"edit", "walk", "--on", "funday"}, 2, []string{"--on"}},
		{"empty name", []string{"edit", "walk", "--name", " "}, 2, nil},
		{"name over 64", []string{"edit", "walk", "--name", strings.Repeat("n", 65)}, 2, []string{"64"}},
		{"no goal named", []string{"edit"}, 2, nil},
		{"unknown goal", []string{"edit", "run", "--pause"}, 1, []string{"run", "Walk"}},
		{"resume an active goal", []string{"edit", "walk", "--resume"}, 1, []string{"already active"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			refusedUnchanged(t, env, tc.code, tc.want, tc.args...)
		})
	}
}

func TestCLIDelete(t *testing.T) {
	t.Parallel()
	env := newEnv(t)
	mustTend(t, env, "add", "Evening walk", "--plan", "daily-walk")
	mustTend(t, env, "add", "Stretch", "--plan", "yoga")
	mustTend(t, env, "done", "evening walk", "--date", "2026-03-01")

	stderr := refusedUnchanged(t, env, 2, []string{"--yes", "for good", "tend edit 'Evening walk' --archive"},
		"delete", "evening walk")
	refusedUnchanged(t, env, 2, nil, "delete")
	refusedUnchanged(t, env, 1, []string{"run"}, "delete", "run", "--yes")
	if len(goalsByName(t, env)) != 2 {
		t.Fatal("a refused delete removed a goal")
	}

	out := mustTend(t, env, "delete", "evening walk", "--yes")
	wantLines(t, "tend delete --yes", out, "Deleted Evening walk and its history.")
	goals := goalsByName(t, env)
	if _, ok := goals["Evening walk"]; ok || len(goals) != 1 || goals["Stretch"].Plan != "yoga" {
		t.Errorf("after delete, tend goals --json has %v; want Stretch alone", goals)
	}
	refusedUnchanged(t, env, 1, []string{"Stretch"}, "review", "evening walk")

	// The issue: delete offers `tend export` first, where it exists.
	if _, _, code := runTend(t, env, "export", "--help"); code == 0 && !strings.Contains(stderr, "tend export") {
		knownBug(t, "tui/cli/edit.go deleteCommand: the refusal without --yes offers `tend edit NAME --archive` but not "+
			"`tend export`, which exists; the Goals screen offers it (stderr "+strings.TrimSpace(stderr)+")")
	}
}

// Changing days never rewrites the past: each past day is judged against
// the schedule it had. The second week had 3 sessions of the 5 then asked,
// so it was not kept; at 3 days a week it would have been.
func TestCLIEditDaysLeavesThePastAlone(t *testing.T) {
	t.Parallel()
	env := newEnv(t)
	env.Now = "2026-02-16" // a Monday, two weeks before testDay
	mustTend(t, env, "add", "Walk", "--plan", "daily-walk")
	env.Now = testDay
	for _, d := range []string{"02-16", "02-17", "02-18", "02-19", "02-20", "02-23", "02-25", "02-27"} {
		mustTend(t, env, "done", "walk", "--date", "2026-"+d)
	}
	before := reviewOf(t, env, "walk")
	if before.Sessions != 8 || before.WeeksKept != 1 || before.Total.Amount == 0 || before.Best < 5 {
		t.Fatalf("before any edit: %+v; want 8 sessions, 1 week kept of 2", before)
	}

	for _, edit := range [][]string{{"--days", "3"}, {"--on", "mon,wed,fri"}, {"--days", "7"}} {
		mustTend(t, env, append([]string{"edit", "walk"}, edit...)...)
		if after := reviewOf(t, env, "walk"); !reflect.DeepEqual(after, before) {
			t.Errorf("after tend edit walk %s the past changed:\nbefore %+v\nafter  %+v", strings.Join(edit, " "), before, after)
		}
	}
	// Pausing and resuming today leaves the past alone too.
	mustTend(t, env, "edit", "walk", "--pause")
	mustTend(t, env, "edit", "walk", "--resume")
	if after := reviewOf(t, env, "walk"); !reflect.DeepEqual(after, before) {
		t.Errorf("after a pause and resume the past changed:\nbefore %+v\nafter  %+v", before, after)
	}
}
