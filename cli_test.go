package main

// Tests of the shell commands through the built binary: what they print,
// their exit status, and that bad input leaves the database as it was.

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// contractCommands are the commands DESIGN.md promises that exist today.
var contractCommands = []string{"today", "add", "done", "rest", "undo", "goals", "plans", "version"}

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
	step([]string{"undo", "walk"}, []string{"Cleared Walk's check-in for 2026-03-02"}, false, nil)
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
	mustTend(t, env, "add", "Stretch", "--plan", "yoga", "--on", "mon,thu")
	out = mustTend(t, env, "rest")
	wantLines(t, "tend rest", out, "Walk:", "Stretch:")
	for _, g := range todayJSON(t, env).Goals {
		if deref(g.Outcome) != "rest" {
			t.Errorf("after tend rest, %s has outcome %v, want rest", g.Name, deref(g.Outcome))
		}
	}

	mustTend(t, env, "undo", "walk", "--date", "2026-02-27")
	if g := todayGoal(t, env, "Walk"); deref(g.Outcome) != "rest" {
		t.Errorf("undoing another day changed today: outcome %v, want rest", deref(g.Outcome))
	}

	out = mustTend(t, env, "version")
	if !regexp.MustCompile(`^tend \d+\.\d+\.\d+\n$`).MatchString(out) {
		t.Errorf("tend version printed %q, want \"tend X.Y.Z\\n\"", out)
	}
	if out2 := mustTend(t, env, "--version"); out2 != out {
		t.Errorf("tend --version printed %q, tend version %q", out2, out)
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
	var goals []struct {
		Name        string `json:"name"`
		Plan        string `json:"plan"`
		Level       int    `json:"level"`
		Levels      int    `json:"levels"`
		LevelLabel  string `json:"level_label"`
		Status      string `json:"status"`
		DaysPerWeek int    `json:"days_per_week"`
	}
	if err := json.Unmarshal([]byte(out), &goals); err != nil {
		t.Fatalf("%v", err)
	}
	g := goals[0]
	if g.Name != "Walk" || g.Plan != "daily-walk" || g.Level != 2 || g.Levels != 10 || g.LevelLabel != "10 min" ||
		g.Status != "active" || g.DaysPerWeek != 5 {
		t.Errorf("goal = %+v, want Walk, daily-walk, level 2 of 10 \"10 min\", active, 5 days a week", g)
	}
}

// TestCLIHelp: every command takes --help, and tend --help lists them and
// documents TEND_NOW.
func TestCLIHelp(t *testing.T) {
	t.Parallel()
	env := newEnv(t)
	out := mustTend(t, env, "--help")
	for _, want := range []string{"Usage:", "TEND_NOW", "NO_COLOR", "--db", "TEND_DB", "not medical"} {
		if !strings.Contains(out, want) {
			t.Errorf("tend --help lacks %q:\n%s", want, out)
		}
	}
	listed := regexp.MustCompile(`(?m)^  tend ([a-z]+) `).FindAllStringSubmatch(out, -1)
	var names []string
	for _, m := range listed {
		names = append(names, m[1])
	}
	for _, c := range contractCommands {
		if !slices.Contains(names, c) {
			t.Errorf("tend --help does not list %q (lists %v)", c, names)
		}
	}
	if h, _, _ := runTend(t, env, "help"); h != out {
		t.Errorf("tend help differs from tend --help")
	}
	for _, name := range names {
		for _, flag := range []string{"--help", "-h"} {
			stdout, stderr, code := runTend(t, env, name, flag)
			if code != 0 || !strings.HasPrefix(stdout, "Usage: tend "+name) || stderr != "" {
				t.Errorf("tend %s %s: exit %d, stdout %q, stderr %q; want exit 0 and \"Usage: tend %s…\"", name, flag, code, stdout, stderr, name)
			}
		}
	}
	assertNoFile(t, env.DB)
}

// TestCLIBadInput: every bad command line gets its exit status and one plain
// sentence on stderr, prints nothing on stdout, and leaves the database file
// byte for byte as it was.
func TestCLIBadInput(t *testing.T) {
	t.Parallel()
	env := newEnv(t)
	mustTend(t, env, "add", "Walk", "--plan", "daily-walk")
	mustTend(t, env, "add", "Weights", "--plan", "strength")
	mustTend(t, env, "done", "walk", "--date", "2026-03-01")

	long := strings.Repeat("a", 65)
	for _, tc := range []struct {
		name   string
		args   []string
		now    string // TEND_NOW when not testDay
		code   int
		stderr []string // words the message must have
		// A known product bug: when stderr has sign, the case is skipped
		// with bug as the reason.
		sign, bug string
	}{
		{name: "unknown goal", args: []string{"done", "run"}, code: 1, stderr: []string{"run", "Walk", "Weights"}},
		{name: "ambiguous prefix", args: []string{"done", "w"}, code: 1, stderr: []string{"Walk", "Weights"}},
		{name: "ambiguous prefix, undo", args: []string{"undo", "W"}, code: 1, stderr: []string{"Walk", "Weights"}},
		{name: "future date", args: []string{"done", "walk", "--date", "2026-03-03"}, code: 2, stderr: []string{"2026-03-03"}},
		{name: "future date, rest all", args: []string{"rest", "--date", "2026-03-03"}, code: 2, stderr: []string{"2026-03-03"}},
		{name: "impossible date", args: []string{"done", "walk", "--date", "2026-02-30"}, code: 2, stderr: []string{"2026-02-30"}},
		{name: "date not a date", args: []string{"undo", "walk", "--date", "yesterday"}, code: 2, stderr: []string{"YYYY-MM-DD"}},
		{name: "unknown flag", args: []string{"done", "walk", "--bogus"}, code: 2, stderr: []string{"--bogus"},
			sign: "-bogus. See", bug: badFlagBug},
		{name: "unknown flag before the name", args: []string{"today", "--xml"}, code: 2, stderr: []string{"--xml"},
			sign: "-xml. See", bug: badFlagBug},
		{name: "unknown effort", args: []string{"done", "walk", "--effort", "extreme"}, code: 2, stderr: []string{"easy"}},
		{name: "unknown pain", args: []string{"done", "walk", "--pain", "lots"}, code: 2, stderr: []string{"sore"}},
		{name: "empty name", args: []string{"add", "", "--plan", "daily-walk"}, code: 2},
		{name: "name with an escape", args: []string{"add", "Walk\x1b[31m", "--plan", "daily-walk"}, code: 2},
		{name: "name over 64 characters", args: []string{"add", long, "--plan", "daily-walk"}, code: 2, stderr: []string{"64"}},
		{name: "duplicate name", args: []string{"add", "Walk", "--plan", "daily-walk"}, code: 1, stderr: []string{"Walk"}},
		{name: "duplicate name, other case", args: []string{"add", "weights", "--plan", "yoga"}, code: 1},
		{name: "unknown plan", args: []string{"add", "Run", "--plan", "marathon"}, code: 2, stderr: []string{"marathon", "daily-walk"}},
		{name: "no plan", args: []string{"add", "Run"}, code: 2, stderr: []string{"--plan"}},
		{name: "days 9", args: []string{"add", "Run", "--plan", "walk-to-run", "--days", "9"}, code: 2, stderr: []string{"--days"}},
		{name: "days not a number", args: []string{"add", "Run", "--plan", "walk-to-run", "--days", "many"}, code: 2, stderr: []string{"--days"},
			sign: "parse error", bug: "tui/shell.go command.run passes the flag package's own words through: " +
				"`Invalid value \"many\" for flag -days: parse error.`"},
		{name: "days and on", args: []string{"add", "Run", "--plan", "walk-to-run", "--days", "3", "--on", "mon"}, code: 2},
		{name: "amount 1e3", args: []string{"done", "walk", "1e3"}, code: 2, stderr: []string{"1e3"}},
		{name: "amount 0", args: []string{"done", "walk", "0"}, code: 2},
		{name: "negative amount", args: []string{"done", "walk", "-5"}, code: 2, stderr: []string{"amount"},
			sign: "-5. See", bug: "tui/shell.go parseInterleaved reads the amount -5 as a flag: `-5. See `tend done --help`.`"},
		{name: "mood 11", args: []string{"done", "walk", "--mood-after", "11"}, code: 2, stderr: []string{"0", "10"}},
		{name: "unwell and away", args: []string{"rest", "walk", "--unwell", "--away"}, code: 2},
		{name: "done without a name", args: []string{"done"}, code: 2},
		{name: "too many words", args: []string{"done", "walk", "5", "6"}, code: 2},
		{name: "unknown command", args: []string{"dance"}, code: 2, stderr: []string{"dance", "--help"}},
		{name: "bad TEND_NOW", args: []string{"today"}, now: "yesterday", code: 2, stderr: []string{"TEND_NOW"}},
		{name: "bad TEND_NOW, write", args: []string{"done", "walk"}, now: "2026-02-30", code: 2, stderr: []string{"TEND_NOW"}},
		{name: "undo with nothing to undo", args: []string{"undo", "walk"}, code: 1},
		{name: "--db without a path", args: []string{"today", "--db"}, code: 2, stderr: []string{"--db"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := env
			if tc.now != "" {
				env.Now = tc.now
			}
			before := snapshotDir(t, filepath.Dir(env.DB))
			stdout, stderr, code := runTend(t, env, tc.args...)
			if code != tc.code {
				t.Errorf("tend %s: exit %d, want %d (stderr %q)", quoteArgs(tc.args), code, tc.code, stderr)
			}
			if stdout != "" {
				t.Errorf("tend %s printed on stdout: %q", quoteArgs(tc.args), stdout)
			}
			if tc.sign != "" && strings.Contains(stderr, tc.sign) {
				knownBug(t, tc.bug+fmt.Sprintf(" (stderr %q)", stderr))
			}
			assertOneSentenceish(t, stderr)
			for _, w := range tc.stderr {
				if !strings.Contains(stderr, w) {
					t.Errorf("tend %s: stderr %q should mention %q", quoteArgs(tc.args), stderr, w)
				}
			}
			if after := snapshotDir(t, filepath.Dir(env.DB)); !maps.Equal(before, after) {
				t.Errorf("tend %s changed the database folder:\nbefore %v\nafter  %v", quoteArgs(tc.args), before, after)
			}
		})
	}
}

// badFlagBug is how an unknown flag reads today.
const badFlagBug = "tui/shell.go command.run: an unknown flag is reported as just `-bogus. See `tend done --help`.`, " +
	"with one dash and without saying the flag is unknown"

// TestCLIReadOnlyCreatesNothing: with no database, the commands that only
// read exit 0, say how to start, and create neither the file nor its folder;
// nor do commands that fail for want of a goal.
func TestCLIReadOnlyCreatesNothing(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		env  func(t *testing.T) Env
	}{
		{"default place", func(t *testing.T) Env { return Env{Home: t.TempDir(), Now: testDay} }},
		{"TEND_DB in a missing folder", func(t *testing.T) Env {
			return Env{Home: t.TempDir(), Now: testDay, DB: filepath.Join(t.TempDir(), "missing", "tend.db")}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			env := tc.env(t)
			out := mustTend(t, env, "today")
			if !strings.Contains(out, "tend add") {
				t.Errorf("tend today with no database should say how to start:\n%s", out)
			}
			if out := mustTend(t, env, "today", "--json"); squash(out) != `{ "day": "2026-03-02", "goals": [] }` {
				t.Errorf("tend today --json with no database = %s, want day and an empty goals list", out)
			}
			mustTend(t, env, "goals")
			if out := mustTend(t, env, "goals", "--json"); strings.TrimSpace(out) != "[]" {
				t.Errorf("tend goals --json with no database = %q, want []", out)
			}
			mustTend(t, env, "plans")
			// Commands that would write, but have nothing to write to.
			for _, args := range [][]string{{"done", "walk"}, {"undo", "walk"}, {"rest", "walk"}} {
				_, stderr, code := runTend(t, env, args...)
				if code != 1 || !strings.Contains(stderr, "tend add") {
					t.Errorf("tend %s with no database: exit %d, stderr %q; want 1 and how to start", quoteArgs(args), code, stderr)
				}
			}
			if out := mustTend(t, env, "rest"); !strings.Contains(out, "tend add") {
				t.Errorf("tend rest with no goals should say how to start: %q", out)
			}
			assertNoFile(t, env.dbFile())
			assertNoFile(t, filepath.Dir(env.dbFile()))
			assertEmptyDir(t, env.Home)
		})
	}
}

// TestCLIPlainWhenPiped: output that is not a terminal is plain text, even
// without NO_COLOR.
func TestCLIPlainWhenPiped(t *testing.T) {
	t.Parallel()
	env := newEnv(t)
	env.Color = true
	for _, args := range [][]string{
		{"today"}, {"add", "Walk", "--plan", "daily-walk"}, {"today"}, {"goals"}, {"plans"}, {"--help"},
		{"done", "walk"}, {"today"}, {"done", "nobody"}, {"add", "", "--plan", "x"},
	} {
		stdout, stderr, _ := runTend(t, env, args...)
		if strings.ContainsRune(stdout+stderr, 0x1b) {
			t.Errorf("tend %s wrote an escape byte into a pipe:\nstdout %q\nstderr %q", quoteArgs(args), stdout, stderr)
		}
	}
}

// TestCLIDatabaseChoice: --db (anywhere on the line) wins over the default,
// and TEND_NOW sets the day, which starts at 04:00.
func TestCLIDatabaseChoice(t *testing.T) {
	t.Parallel()
	env := Env{Home: t.TempDir(), Now: testDay}
	db := filepath.Join(t.TempDir(), "mine.db")
	mustTend(t, env, "--db", db, "add", "Walk", "--plan", "daily-walk")
	if out := mustTend(t, env, "today", "--db="+db); !strings.Contains(out, "Walk 10 minutes") {
		t.Errorf("tend today --db=%s does not show the goal:\n%s", db, out)
	}
	assertEmptyDir(t, env.Home)
	assertMode(t, db, 0o600)

	env.DB = db
	for now, day := range map[string]string{
		"2026-03-02T08:00:00Z": "2026-03-02",
		"2026-03-03T03:30:00Z": "2026-03-02", // before 04:00 the day is still yesterday
		"2026-03-03T04:30:00Z": "2026-03-03",
	} {
		env.Now = now
		if got := todayJSON(t, env).Day; got != day {
			t.Errorf("TEND_NOW=%s: day %s, want %s", now, got, day)
		}
	}
}

// assertOneSentenceish checks an error message: one line, plain words, no
// Go runtime or flag package noise.
func assertOneSentenceish(t *testing.T, stderr string) {
	t.Helper()
	msg := strings.TrimSuffix(stderr, "\n")
	switch {
	case strings.TrimSpace(msg) == "":
		t.Errorf("stderr is empty; want a sentence that says what to do")
		return
	case strings.Contains(msg, "\n"):
		t.Errorf("stderr has more than one line: %q", stderr)
	case !strings.HasSuffix(msg, ".") && !strings.HasSuffix(msg, "?"):
		t.Errorf("stderr is not a sentence: %q", stderr)
	}
	if s := regexp.MustCompile(`[.?] +[A-Z(]`).FindAllStringIndex(msg, -1); len(s) > 2 {
		t.Errorf("stderr has more than a few sentences: %q", stderr)
	}
	for _, noise := range []string{"panic", "goroutine", "flag provided", "Usage of", "parse error", "invalid value",
		"strconv", "help requested", "exit status", "\x1b", "%!", "<nil>"} {
		if strings.Contains(msg, noise) {
			t.Errorf("stderr has %q: %q", noise, stderr)
		}
	}
}

// snapshotDir is each file in dir with the sha256 of its contents.
func snapshotDir(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("%v", err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatalf("%v", err)
		}
		sum := sha256.Sum256(b)
		out[e.Name()] = hex.EncodeToString(sum[:])
	}
	return out
}

func assertNoFile(t *testing.T, path string) {
	t.Helper()
	if _, err := os.Stat(path); err == nil {
		t.Errorf("%s exists; a command that only reads must not create it", path)
	}
}

// wantLines checks that out has each of want, allowing for wrapping.
func wantLines(t *testing.T, what, out string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !contains(out, w) {
			t.Errorf("%s: output lacks %q:\n%s", what, w, out)
		}
	}
}

// wantKeys checks that a JSON object has each of keys.
func wantKeys(t *testing.T, what string, m map[string]any, keys ...string) {
	t.Helper()
	for _, k := range keys {
		if _, ok := m[k]; !ok {
			t.Errorf("%s JSON lacks %q: %v", what, k, m)
		}
	}
}
