package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"tend/coach"
)

// The checks every journey shares: reading what the commands print as JSON
// (the contract of DESIGN.md "Machine-readable output", stated here on its
// own so a change to tend's encoder cannot quietly change what is pinned),
// and the assertions on output, errors and files.

// todayGoalJSON is one goal of `tend today --json`.
type todayGoalJSON struct {
	Name       string `json:"name"`
	Plan       string `json:"plan"`
	Level      int    `json:"level"`
	LevelLabel string `json:"level_label"`
	Bridge     bool   `json:"bridge"`
	Status     string `json:"status"`
	Due        bool   `json:"due"`
	Done       bool   `json:"done"`
	Target     *struct {
		Amount float64 `json:"amount"`
		Unit   string  `json:"unit"`
		Text   string  `json:"text"`
	} `json:"target"`
	Reason  string  `json:"reason"`
	Outcome *string `json:"outcome"`
}

type todayDocJSON struct {
	Day   string          `json:"day"`
	Goals []todayGoalJSON `json:"goals"`
}

// goalJSON is one goal of `tend goals --json`.
type goalJSON struct {
	Name        string   `json:"name"`
	Plan        string   `json:"plan"`
	Level       int      `json:"level"`
	Levels      int      `json:"levels"`
	LevelLabel  string   `json:"level_label"`
	Status      string   `json:"status"`
	DaysPerWeek int      `json:"days_per_week"`
	Weekdays    []string `json:"weekdays"`
}

// reviewJSON is what `tend review NAME --json` says of a goal's past.
type reviewJSON struct {
	Name      string  `json:"name"`
	Strength  float64 `json:"strength"`
	Band      string  `json:"band"`
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

// tendJSON runs tend and decodes its JSON output into v.
func tendJSON(t *testing.T, env Env, v any, args ...string) {
	t.Helper()
	out := mustTend(t, env, args...)
	if err := json.Unmarshal([]byte(out), v); err != nil {
		t.Fatalf("tend %s is not the JSON expected: %v\n%s", quoteArgs(args), err, out)
	}
}

// todayJSON runs `tend today --json` and decodes it.
func todayJSON(t *testing.T, env Env) todayDocJSON {
	t.Helper()
	var doc todayDocJSON
	tendJSON(t, env, &doc, "today", "--json")
	return doc
}

// todayGoal is the goal called name in `tend today --json`.
func todayGoal(t *testing.T, env Env, name string) todayGoalJSON {
	t.Helper()
	doc := todayJSON(t, env)
	for _, g := range doc.Goals {
		if g.Name == name {
			return g
		}
	}
	t.Fatalf("tend today --json has no goal %q: %+v", name, doc)
	return todayGoalJSON{}
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

// goalsByName runs `tend goals --json` and keys its goals by name.
func goalsByName(t *testing.T, env Env) map[string]goalJSON {
	t.Helper()
	var goals []goalJSON
	tendJSON(t, env, &goals, "goals", "--json")
	byName := map[string]goalJSON{}
	for _, g := range goals {
		byName[g.Name] = g
	}
	return byName
}

// reviewOf runs `tend review NAME --json` and decodes it.
func reviewOf(t *testing.T, env Env, name string) reviewJSON {
	t.Helper()
	var r reviewJSON
	tendJSON(t, env, &r, "review", name, "--json")
	return r
}

// exportCheckInJSON is one check-in of `tend export`, as far as the tests
// read it.
type exportCheckInJSON struct {
	Goal       int     `json:"goal"`
	Day        string  `json:"day"`
	Outcome    string  `json:"outcome"`
	Achieved   float64 `json:"achieved"`
	Effort     string  `json:"effort"`
	Pain       string  `json:"pain"`
	MoodBefore *int    `json:"mood_before"`
	MoodAfter  *int    `json:"mood_after"`
	Note       string  `json:"note"`
}

// exportDocJSON is the check-ins of `tend export`, and its decisions left
// unread.
type exportDocJSON struct {
	CheckIns  []exportCheckInJSON `json:"checkins"`
	Decisions []json.RawMessage   `json:"decisions"`
}

// exportCheckIns is every check-in in `tend export`, by goal and day.
func exportCheckIns(t *testing.T, env Env) []exportCheckInJSON {
	t.Helper()
	var doc exportDocJSON
	tendJSON(t, env, &doc, "export")
	return doc.CheckIns
}

// checkInsByDay reads the export's check-ins, keyed by day, and how many
// decisions it holds.
func checkInsByDay(t *testing.T, env Env) (map[string]exportCheckInJSON, int) {
	t.Helper()
	var doc exportDocJSON
	tendJSON(t, env, &doc, "export")
	byDay := map[string]exportCheckInJSON{}
	for _, c := range doc.CheckIns {
		byDay[c.Day] = c
	}
	return byDay, len(doc.Decisions)
}

// moodIs reports whether a mood was given, and is want.
func moodIs(m *int, want int) bool { return m != nil && *m == want }

// exportDays is the days of the check-ins in `tend export`.
func exportDays(t *testing.T, env Env) []string {
	t.Helper()
	var days []string
	for _, c := range exportCheckIns(t, env) {
		days = append(days, c.Day)
	}
	return days
}

func deref(s *string) any {
	if s == nil {
		return nil
	}
	return *s
}

// daysBefore is the day n days before testDay.
func daysBefore(t *testing.T, n int) string {
	t.Helper()
	d, err := time.Parse("2006-01-02", testDay)
	if err != nil {
		t.Fatal(err)
	}
	return d.AddDate(0, 0, -n).Format("2006-01-02")
}

// seededWalks is an environment whose database has a goal with a few weeks
// of check-ins with notes, so that the file has several pages.
func seededWalks(t *testing.T) Env {
	t.Helper()
	env := newEnv(t)
	mustTend(t, env, "add", "Walk", "--plan", "daily-walk")
	for i := 20; i >= 1; i-- {
		mustTend(t, env, "done", "walk", "--date", daysBefore(t, i), "--note", strings.Repeat("a good walk by the river ", 8))
	}
	return env
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
			t.Errorf("%s lacks %q: %v", what, k, m)
		}
	}
}

// says reports whether a message says want, whatever the case of its
// first letter (main makes a sentence of it).
func says(msg, want string) bool {
	return strings.Contains(strings.ToLower(msg), strings.ToLower(want))
}

// assertPlainError checks what a failure put on stderr: one line, a
// sentence or a few, and none of Go's runtime or flag package noise, nor an
// escape code.
func assertPlainError(t *testing.T, what, stderr string) {
	t.Helper()
	msg := strings.TrimSuffix(stderr, "\n")
	switch {
	case strings.TrimSpace(msg) == "":
		t.Errorf("%s: stderr is empty; want a sentence that says what to do", what)
		return
	case strings.Contains(msg, "\n"):
		t.Errorf("%s: stderr has more than one line: %q", what, stderr)
	case !strings.HasSuffix(msg, ".") && !strings.HasSuffix(msg, "?"):
		t.Errorf("%s: stderr is not a sentence: %q", what, stderr)
	}
	// The care note (COACH O1) follows S2 when a held goal's resume is a
	// no; it is fixed text that must be read whole, so it is not counted
	// among the refusal's own sentences.
	if s := regexp.MustCompile(`[.?] +[A-Z(]`).FindAllStringIndex(strings.Replace(msg, " "+coach.MsgO1, "", 1), -1); len(s) > 2 {
		t.Errorf("%s: stderr has more than a few sentences: %q", what, stderr)
	}
	for _, noise := range []string{"panic", "goroutine", "runtime error", "flag provided", "Usage of", "parse error",
		"invalid value", "strconv", "help requested", "exit status", "\x1b", "%!", "<nil>"} {
		if strings.Contains(msg, noise) {
			t.Errorf("%s: stderr has %q: %q", what, noise, stderr)
		}
	}
}

// refusal is a command line tend must refuse.
type refusal struct {
	args []string
	code int      // the exit status
	want []string // words stderr must have
	// sign and bug name a known product bug: when stderr has sign, the
	// rest is skipped with bug as the reason.
	sign, bug string
}

// check runs the refusal: its exit status, nothing on stdout, one plain
// sentence on stderr with each word wanted, and the database's folder byte
// for byte as it was. It returns stderr.
func (r refusal) check(t *testing.T, env Env) string {
	t.Helper()
	what := "tend " + quoteArgs(r.args)
	before := dirHashes(t, filepath.Dir(env.dbFile()))
	stdout, stderr, code := runTend(t, env, r.args...)
	if code != r.code {
		t.Errorf("%s: exit %d, want %d (stderr %q)", what, code, r.code, stderr)
	}
	if stdout != "" {
		t.Errorf("%s: a refusal printed on stdout: %q", what, stdout)
	}
	if after := dirHashes(t, filepath.Dir(env.dbFile())); !maps.Equal(before, after) {
		t.Errorf("%s changed the database folder:\nbefore %v\nafter  %v", what, before, after)
	}
	if r.sign != "" && strings.Contains(stderr, r.sign) {
		knownBug(t, r.bug+" (stderr "+stderr+")")
	}
	assertPlainError(t, what, stderr)
	for _, w := range r.want {
		if !strings.Contains(stderr, w) {
			t.Errorf("%s: stderr %q should name %q", what, stderr, w)
		}
	}
	return stderr
}

// refusedUnchanged checks a refusal with no known bug.
func refusedUnchanged(t *testing.T, env Env, code int, want []string, args ...string) string {
	t.Helper()
	return refusal{args: args, code: code, want: want}.check(t, env)
}

// fileHash is the sha256 of a file's contents.
func fileHash(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// dirHashes is every name in dir with its contents' hash.
func dirHashes(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		out[e.Name()] = fileHash(t, filepath.Join(dir, e.Name()))
	}
	return out
}

// assertMode checks a file's permissions.
func assertMode(t *testing.T, path string, want os.FileMode) {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Error(err)
		return
	}
	if got := info.Mode().Perm(); got != want {
		t.Errorf("%s has mode %v, want %v", path, got, want)
	}
}

func assertNoFile(t *testing.T, path string) {
	t.Helper()
	if _, err := os.Stat(path); err == nil {
		t.Errorf("%s exists; a command that only reads must not create it", path)
	}
}

func assertEmptyDir(t *testing.T, dir string) {
	t.Helper()
	var found []string
	_ = filepath.WalkDir(dir, func(p string, _ os.DirEntry, _ error) error {
		if p != dir {
			found = append(found, p)
		}
		return nil
	})
	if len(found) > 0 {
		t.Errorf("tend created %v; it should have created nothing", found)
	}
}
