package main

// Shell tests of looking after goals: `tend edit` (rename, days, pause and
// resume, archive), `tend delete` and its refusal without --yes, and that
// changing days never rewrites the past.

import (
	"encoding/json"
	"maps"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// editGoalJSON is one goal of `tend goals --json`.
type editGoalJSON struct {
	Name        string   `json:"name"`
	Plan        string   `json:"plan"`
	Status      string   `json:"status"`
	DaysPerWeek int      `json:"days_per_week"`
	Weekdays    []string `json:"weekdays"`
}

// goalsByName runs `tend goals --json` and keys its goals by name.
func goalsByName(t *testing.T, env Env) map[string]editGoalJSON {
	t.Helper()
	out := mustTend(t, env, "goals", "--json")
	var goals []editGoalJSON
	if err := json.Unmarshal([]byte(out), &goals); err != nil {
		t.Fatalf("tend goals --json is not JSON: %v\n%s", err, out)
	}
	byName := map[string]editGoalJSON{}
	for _, g := range goals {
		byName[g.Name] = g
	}
	return byName
}

// onToday reports whether `tend today --json` lists the goal called name.
func onToday(t *testing.T, env Env, name string) bool {
	t.Helper()
	for _, g := range todayJSON(t, env).Goals {
		if g.Name == name {
			return true
		}
	}
	return false
}

// refusedUnchanged runs tend, expecting exit code and stderr naming each of
// want, and checks that the database folder is byte for byte as it was.
func refusedUnchanged(t *testing.T, env Env, code int, want []string, args ...string) string {
	t.Helper()
	before := snapshotDir(t, filepath.Dir(env.dbFile()))
	stdout, stderr, got := runTend(t, env, args...)
	if got != code {
		t.Errorf("tend %s: exit %d, want %d (stderr %q)", quoteArgs(args), got, code, stderr)
	}
	if stdout != "" {
		t.Errorf("tend %s: a refusal printed on stdout: %q", quoteArgs(args), stdout)
	}
	for _, w := range want {
		if !strings.Contains(stderr, w) {
			t.Errorf("tend %s: stderr %q should name %q", quoteArgs(args), stderr, w)
		}
	}
	if after := snapshotDir(t, filepath.Dir(env.dbFile())); !maps.Equal(before, after) {
		t.Errorf("tend %s changed the database folder:\nbefore %v\nafter  %v", quoteArgs(args), before, after)
	}
	return stderr
}

func TestCLIEditRenameAndDays(t *testing.T) {
	t.Parallel()
	env := newEnv(t)
	mustTend(t, env, "add", "Walk", "--plan", "daily-walk")
	mustTend(t, env, "add", "Stretch", "--plan", "yoga")

	out := mustTend(t, env, "edit", "walk", "--name", "Evening walk")
	wantLines(t, "tend edit --name", out, "Evening walk: renamed to Evening walk.")
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
	wantLines(t, "tend edit --resume", out, "Evening walk: resumed.")
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
	var review struct {
		Name     string `json:"name"`
		Sessions int    `json:"sessions"`
	}
	if err := json.Unmarshal([]byte(mustTend(t, env, "review", "evening walk", "--json")), &review); err != nil ||
		review.Name != "Evening walk" || review.Sessions != 1 {
		t.Errorf("tend review --json of an archived goal: %+v (%v)", review, err)
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
			stderr := refusedUnchanged(t, env, tc.code, tc.want, tc.args...)
			assertOneSentenceish(t, stderr)
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
		knownBug(t, "tui/shell_edit.go deleteCmd: the refusal without --yes offers `tend edit NAME --archive` but not "+
			"`tend export`, which exists; the Goals screen offers it (stderr "+strings.TrimSpace(stderr)+")")
	}
}

// reviewPast is what `tend review --json` says about days gone by.
type reviewPast struct {
	Strength  float64 `json:"strength"`
	WeeksKept int     `json:"weeks_kept"`
	ShowUp    int     `json:"show_up_streak"`
	Best      int     `json:"best_show_up_streak"`
	RunEnded  bool    `json:"run_ended"`
	Sessions  int     `json:"sessions"`
	Total     struct {
		Amount float64 `json:"amount"`
		Unit   string  `json:"unit"`
	} `json:"total"`
	LevelHistory []struct {
		Day        string `json:"day"`
		From       int    `json:"from"`
		To         int    `json:"to"`
		ReasonCode string `json:"reason_code"`
	} `json:"level_history"`
}

func pastReview(t *testing.T, env Env, name string) reviewPast {
	t.Helper()
	out := mustTend(t, env, "review", name, "--json")
	var r reviewPast
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("tend review --json: %v\n%s", err, out)
	}
	return r
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
	before := pastReview(t, env, "walk")
	if before.Sessions != 8 || before.WeeksKept != 1 || before.Total.Amount == 0 || before.Best < 5 {
		t.Fatalf("before any edit: %+v; want 8 sessions, 1 week kept of 2", before)
	}

	for _, edit := range [][]string{{"--days", "3"}, {"--on", "mon,wed,fri"}, {"--days", "7"}} {
		mustTend(t, env, append([]string{"edit", "walk"}, edit...)...)
		if after := pastReview(t, env, "walk"); !reflect.DeepEqual(after, before) {
			t.Errorf("after tend edit walk %s the past changed:\nbefore %+v\nafter  %+v", strings.Join(edit, " "), before, after)
		}
	}
	// Pausing and resuming today leaves the past alone too.
	mustTend(t, env, "edit", "walk", "--pause")
	mustTend(t, env, "edit", "walk", "--resume")
	if after := pastReview(t, env, "walk"); !reflect.DeepEqual(after, before) {
		t.Errorf("after a pause and resume the past changed:\nbefore %+v\nafter  %+v", before, after)
	}
}
