package main

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// Checking in, through the built binary: a day of shell use in order, the
// coach climbing, holding and easing as the days pass, a warning sign
// holding a goal, the status line, and the review's figures; then checking
// in as a person does it in the TUI (one key on Today, undo, stepping back
// to yesterday, changing that day on the Day screen, finding it again in
// the review's calendar) and the shell's side of the same: `tend edit-day`,
// the guard against a second `done` that more than doubles the target, and
// the notes in `tend review`.

// TestCLIGoodPaths runs a day of shell use, in order, checking each step's
// output and what `tend today --json` says afterwards.
func TestCLIGoodPaths(t *testing.T) {
	t.Parallel()
	env := newEnv(t)

	out := mustTend(t, env, "plans")
	for _, id := range []string{"daily-walk", "walk-to-run", "strength", "yoga", "mindful", "Daily walk"} {
		if !strings.Contains(out, id) {
			t.Errorf("tend plans lacks %q:\n%s", id, out)
		}
	}

	out = mustTend(t, env, "add", "Walk", "--plan", "daily-walk")
	wantLines(t, "tend add", out, "Added Walk", "Daily walk", "5 days a week", "Walk 10 minutes", "tend done walk")

	out = mustTend(t, env, "today")
	wantLines(t, "tend today", out, "Monday 2 March 2026", "Walk", "Walk 10 minutes", "0 of 5")

	t.Run("today --json", func(t *testing.T) { checkTodayJSON(t, env) })
	t.Run("goals --json", func(t *testing.T) { checkGoalsJSON(t, env) })

	out = mustTend(t, env, "goals")
	wantLines(t, "tend goals", out, "Walk", "Daily walk", "level 2 of 10", "10 min", "active")

	// A past day first, also one before the goal was created: people
	// setting tend up often log the last few days.
	mustTend(t, env, "done", "walk", "--date", "2026-02-27")

	step := func(args []string, stdout []string, done bool, outcome any) {
		t.Helper()
		out := mustTend(t, env, args...)
		wantLines(t, "tend "+quoteArgs(args), out, stdout...)
		g := todayGoal(t, env, "Walk")
		if g.Done != done || deref(g.Outcome) != outcome {
			t.Errorf("after tend %s: done=%v outcome=%v, want done=%v outcome=%v", quoteArgs(args), g.Done, deref(g.Outcome), done, outcome)
		}
	}
	step([]string{"done", "walk", "--effort", "easy"}, []string{"Saved."}, true, "done")
	step([]string{"undo", "walk"}, []string{"Cleared the check-in for Walk on 2026-03-02"}, false, nil)
	step([]string{"done", "--effort", "easy", "walk"}, []string{"Saved."}, true, "done")
	step([]string{"undo", "WALK"}, []string{"Cleared"}, false, nil)
	step([]string{"done", "wa", "6", "--mood-before", "3", "--mood-after", "7", "--pain", "sore", "--note", "rain"}, []string{"Saved."}, true, "partial")
	step([]string{"undo", "walk"}, []string{"Cleared"}, false, nil)
	step([]string{"done", "walk", "--minimum"}, []string{"Saved."}, true, "minimum")
	step([]string{"undo", "walk"}, []string{"Cleared"}, false, nil)
	step([]string{"rest", "walk"}, []string{"Saved."}, false, "rest")
	step([]string{"undo", "walk"}, []string{"Cleared"}, false, nil)
	step([]string{"rest", "--unwell", "walk"}, []string{"Saved."}, false, "unwell")
	step([]string{"undo", "walk"}, []string{"Cleared"}, false, nil)

	// rest without a name rests every goal.
	checkRestRestsEveryGoal(t, env)

	mustTend(t, env, "undo", "walk", "--date", "2026-02-27")
	if g := todayGoal(t, env, "Walk"); deref(g.Outcome) != "rest" {
		t.Errorf("undoing another day changed today: outcome %v, want rest", deref(g.Outcome))
	}

	checkVersion(t, env)
}

// checkRestRestsEveryGoal adds a second goal, then `tend rest` without a
// name rests both.
func checkRestRestsEveryGoal(t *testing.T, env Env) {
	t.Helper()
	mustTend(t, env, "add", "Stretch", "--plan", "yoga", "--on", "mon,thu")
	out := mustTend(t, env, "rest")
	wantLines(t, "tend rest", out, "Walk:", "Stretch:")
	for _, g := range todayJSON(t, env).Goals {
		if deref(g.Outcome) != "rest" {
			t.Errorf("after tend rest, %s has outcome %v, want rest", g.Name, deref(g.Outcome))
		}
	}
}

// checkVersion: `tend version` and `tend --version` print the same one
// line, "tend X.Y.Z".
func checkVersion(t *testing.T, env Env) {
	t.Helper()
	out := mustTend(t, env, "version")
	if !regexp.MustCompile(`^tend \d+\.\d+\.\d+\n$`).MatchString(out) {
		t.Errorf("tend version printed %q, want \"tend X.Y.Z\\n\"", out)
	}
	if out2 := mustTend(t, env, "--version"); out2 != out {
		t.Errorf("tend --version printed %q, tend version %q", out2, out)
	}
}

func checkTodayJSON(t *testing.T, env Env) {
	out := mustTend(t, env, "today", "--json")
	var raw map[string]any
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	wantKeys(t, "today", raw, "day", "goals")
	goals, _ := raw["goals"].([]any)
	if len(goals) != 1 {
		t.Fatalf("goals: %v, want one", raw["goals"])
	}
	g0, _ := goals[0].(map[string]any)
	wantKeys(t, "today goal", g0, "name", "plan", "level", "level_label", "bridge", "status", "due", "done", "target", "reason")
	target, _ := g0["target"].(map[string]any)
	wantKeys(t, "today target", target, "amount", "unit", "text")

	doc := todayJSON(t, env)
	g := doc.Goals[0]
	if doc.Day != testDay {
		t.Errorf("day = %q, want %q", doc.Day, testDay)
	}
	if g.Name != "Walk" || g.Plan != "daily-walk" || g.Level != 2 || g.LevelLabel != "10 min" || g.Bridge ||
		g.Status != "active" || !g.Due || g.Done {
		t.Errorf("goal = %+v, want Walk, daily-walk, level 2 \"10 min\", no bridge, active, due, not done", g)
	}
	if g.Target == nil || g.Target.Amount != 10 || g.Target.Unit != "min" || g.Target.Text != "Walk 10 minutes" {
		t.Errorf("target = %+v, want 10 min, \"Walk 10 minutes\"", g.Target)
	}
	if len(strings.TrimSpace(g.Reason)) < 10 {
		t.Errorf("reason = %q, want a sentence", g.Reason)
	}
}

func checkGoalsJSON(t *testing.T, env Env) {
	out := mustTend(t, env, "goals", "--json")
	var raw []map[string]any
	if err := json.Unmarshal([]byte(out), &raw); err != nil || len(raw) != 1 {
		t.Fatalf("want a JSON array of one goal (%v):\n%s", err, out)
	}
	wantKeys(t, "goals", raw[0], "name", "plan", "level", "levels", "level_label", "status", "days_per_week")
	var goals []goalJSON
	if err := json.Unmarshal([]byte(out), &goals); err != nil {
		t.Fatalf("%v", err)
	}
	g := goals[0]
	if g.Name != "Walk" || g.Plan != "daily-walk" || g.Level != 2 || g.Levels != 10 || g.LevelLabel != "10 min" ||
		g.Status != "active" || g.DaysPerWeek != 5 {
		t.Errorf("goal = %+v, want Walk, daily-walk, level 2 of 10 \"10 min\", active, 5 days a week", g)
	}
}

// TestCLICheckInAgainAfterUndo: undoing a goal's only check-in and checking
// in again, as after a slip of the finger.
func TestCLICheckInAgainAfterUndo(t *testing.T) {
	t.Parallel()
	env := newEnv(t)
	mustTend(t, env, "add", "Walk", "--plan", "daily-walk")
	mustTend(t, env, "done", "walk")
	mustTend(t, env, "undo", "walk")
	_, stderr, code := runTend(t, env, "done", "walk", "--effort", "hard")
	if code != 0 && strings.Contains(stderr, "day key is 0 bytes") {
		knownBug(t, "store/checkin.go recentCheckIns: after undoing a goal's only check-in, its empty "+
			"sub-bucket makes every later check-in fail as a damaged database")
	}
	if code != 0 {
		t.Fatalf("tend done walk after undo: exit %d: %s", code, stderr)
	}
	if g := todayGoal(t, env, "Walk"); !g.Done {
		t.Errorf("tend done walk after undo did not count: %+v", g)
	}
	mustTend(t, env, "undo", "walk")
	mustTend(t, env, "rest")
	if g := todayGoal(t, env, "Walk"); deref(g.Outcome) != "rest" {
		t.Errorf("tend rest after undo: outcome %v, want rest", deref(g.Outcome))
	}
}

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
	// --resume alone is the no to "Have you been checked?" (COACH R0, S2).
	_, stderr, code = runTend(t, env, "edit", "walk", "--resume")
	if code != 1 || !strings.Contains(stderr, "It stays on hold until a doctor or nurse has checked you") ||
		!strings.Contains(stderr, "tend edit walk --resume --checked") {
		t.Errorf("--resume without --checked: exit %d, %q", code, stderr)
	}
	out = mustTend(t, env, "edit", "walk", "--resume", "--checked")
	if !strings.Contains(out, "resumed, now that you have been checked") {
		t.Errorf("--resume --checked said %q", out)
	}
	if today := mustTend(t, env, "today", "--json"); !strings.Contains(today, `"status": "active"`) {
		t.Errorf("after resuming:\n%s", today)
	}
}

// tend status: silent and successful with no database, creating nothing;
// then one plain line that follows the day.
func TestStatusLine(t *testing.T) {
	env := newEnv(t)
	out, stderr, code := runTend(t, env, "status")
	if code != 0 || out != "" || stderr != "" {
		t.Fatalf("no database: exit %d, %q, %q", code, out, stderr)
	}
	if _, err := os.Stat(filepath.Dir(env.dbFile())); err == nil {
		if _, err := os.Stat(env.dbFile()); err == nil {
			t.Fatal("tend status created the database")
		}
	}
	mustTend(t, env, "add", "Walk", "--plan", "daily-walk")
	if got := strings.TrimSpace(mustTend(t, env, "status")); got != "tend 0/1 · walk 10m" {
		t.Errorf("before the walk: %q", got)
	}
	mustTend(t, env, "done", "walk")
	got := mustTend(t, env, "status")
	if strings.TrimSpace(got) != "tend 1/1 ✓" || strings.ContainsRune(got, '\x1b') {
		t.Errorf("after the walk: %q", got)
	}
}

// tend review --json checked against figures the test works out itself:
// thirty days in a row of a daily plan, logged from the shell.
func TestReviewJSONAgainstItsOwnArithmetic(t *testing.T) {
	env := newEnv(t)
	start := time.Date(2026, time.February, 1, 12, 0, 0, 0, time.UTC)
	today := start.AddDate(0, 0, 29)
	env.Now = today.Format("2006-01-02")
	mustTend(t, env, "add", "Sit", "--plan", "mindful")
	for d := 0; d < 30; d++ {
		mustTend(t, env, "done", "sit", "--date", start.AddDate(0, 0, d).Format("2006-01-02"))
	}
	got := reviewOf(t, env, "sit")
	// Loop's formula, daily: each shown-up day moves the score a share
	// (1 − m) of the way to 1, m = 0.5^(1/13); thirty in a row from 0.
	m := math.Pow(0.5, 1.0/13)
	strength := 1 - math.Pow(m, 30)
	if math.Abs(got.Strength-strength) > 0.001 {
		t.Errorf("strength %v, want %.3f", got.Strength, strength)
	}
	if got.Band != "steady" && strength >= 0.7 || got.Sessions != 30 || got.ShowUp != 30 || got.Best != 30 {
		t.Errorf("band %s, sessions %d, streak %d (best %d); want steady, 30, 30, 30", got.Band, got.Sessions, got.ShowUp, got.Best)
	}
	// Each day is the newest when it is logged, so the coach decides: five
	// completed sessions within a week move Mindful up its ladder of 2, 3,
	// 5, 7 and 10 minutes, five more at the top finish it (once), and the
	// last rung takes the rest.
	ladder, total, changes := []float64{2, 3, 5, 7, 10}, 0.0, 0
	for d := 0; d < 30; d++ {
		total += ladder[min(d/5, len(ladder)-1)]
		if d%5 == 4 && d/5 < len(ladder) {
			changes++ // four level-ups, then graduation
		}
	}
	if got.Total.Amount != total || got.Total.Unit != "min" || len(got.LevelHistory) != changes {
		t.Errorf("total %v %s with %d level changes, want %v min with %d", got.Total.Amount, got.Total.Unit,
			len(got.LevelHistory), total, changes)
	}
	// Every ISO week touched by 1 Feb (a Sunday) to 2 Mar 2026 had a
	// session every day, so each is kept, but for this week: one session
	// is not yet the six of seven it asks, and a week counts once kept.
	weeks := map[string]bool{}
	for d := 0; d < 29; d++ {
		y, w := start.AddDate(0, 0, d).ISOWeek()
		weeks[fmt.Sprint(y, w)] = true
	}
	if got.WeeksKept != len(weeks) {
		t.Errorf("weeks kept %d, want %d", got.WeeksKept, len(weeks))
	}
	text := mustTend(t, env, "review", "sit")
	for _, w := range []string{"Review · Sit", "Strength", fmt.Sprintf("%d%%", int(strength*100)), "30 in a row"} {
		if !strings.Contains(text, w) {
			t.Errorf("review text lacks %q:\n%s", w, text)
		}
	}
}
