package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The two copies of a person's data, through the built binary: a backup
// that restores, dated and private, and the export as DESIGN.md's document.

// TestStorageBackupAndExport: a backup is a database tend reads as the
// original, in the database's own backups folder, private, never replacing
// another copy; put back with the command --list gives, it restores it. The export is DESIGN.md's
// document. Neither writes an escape code into a pipe.
func TestStorageBackupAndExport(t *testing.T) {
	t.Parallel()
	env := seededWalks(t)
	env.Color = true
	mustTend(t, env, "done", "walk", "--mood-before", "4", "--mood-after", "7")
	todayBefore := mustTend(t, env, "today", "--json")
	exportBefore := mustTend(t, env, "export")

	// The copies go into the backups folder, one folder per database named
	// by its path's SHA-256; the day's first write already left one there.
	sum := sha256.Sum256([]byte(env.DB))
	dir := filepath.Join(env.Home, ".local", "state", "tend", "backups", hex.EncodeToString(sum[:])[:12])
	auto, err := filepath.Glob(filepath.Join(dir, "tend-"+testDay+"-*.db"))
	if err != nil || len(auto) != 1 {
		t.Fatalf("the day's automatic copy: %v %v", auto, err)
	}
	first := twoBackups(t, env, dir, auto)
	list := mustTend(t, env, "backup", "--list")
	restore := "cp " + first + " " + env.DB
	if !strings.Contains(list, "\n    "+restore+"\n") || strings.Count(list, "    cp ") != 3 {
		t.Errorf("tend backup --list:\n%s\nwant three copies, one restored by %s", list, restore)
	}
	named := filepath.Join(t.TempDir(), "mine.bak")
	mustTend(t, env, "backup", "--out", named)
	assertMode(t, named, 0o600)

	// Damage the database; restore the backup by copying it over.
	if err := os.WriteFile(env.DB, []byte("oops"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, code := runTend(t, env, "today"); code != 1 {
		t.Fatalf("tend today on the damaged file: exit %d, want 1", code)
	}
	// The command --list gave, as a person would paste it.
	if out, err := exec.Command("sh", "-c", restore).CombinedOutput(); err != nil {
		t.Fatalf("%s: %v %s", restore, err, out)
	}
	if got := mustTend(t, env, "today", "--json"); got != todayBefore {
		t.Errorf("after restoring the backup, tend today --json is\n%s\nwant\n%s", got, todayBefore)
	}
	if got := mustTend(t, env, "export"); got != exportBefore {
		t.Errorf("after restoring the backup the export differs")
	}
	mustTend(t, env, "done", "walk", "--date", daysBefore(t, 21))

	checkExportDocument(t, exportBefore)
	checkExportFile(t, env)

	for _, tc := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"export", "--format", "xml"}, 2, "json"},
		{[]string{"export", "--out", env.DB}, 2, "database itself"},
		{[]string{"backup", "--out", env.DB}, 2, "database itself"},
		{[]string{"backup", "--out", dir}, 2, "folder"},
		{[]string{"backup", "--out", filepath.Join(t.TempDir(), "missing", "x.bak")}, 1, "Could not write"},
	} {
		refusal{args: tc.args, code: tc.code, want: []string{tc.says}}.check(t, env)
	}

	// No database: nothing to back up (exit 1), an empty export (exit 0),
	// and nothing created.
	checkNoDatabase(t)

	checkNoEscapesInPipes(t, env)
}

// twoBackups runs `tend backup` twice: each copy is new, in dir, readable
// by its owner only, in a folder only its owner can list. It returns the
// first.
func twoBackups(t *testing.T, env Env, dir string, auto []string) string {
	t.Helper()
	var copies []string
	for range 2 {
		out := mustTend(t, env, "backup")
		_, rest, _ := strings.Cut(out, " to ")
		name, _, _ := strings.Cut(rest, " (")
		if filepath.Dir(name) != dir || slices.Contains(copies, name) || slices.Contains(auto, name) {
			t.Fatalf("tend backup said %q, want a new copy in %s", out, dir)
		}
		copies = append(copies, name)
		assertMode(t, name, 0o600)
	}
	if info, err := os.Stat(dir); err != nil || info.Mode().Perm() != 0o700 {
		t.Errorf("the backups folder: %v %v", info, err)
	}
	return copies[0]
}

// checkExportFile exports to a file: the command names it, only its owner
// can read it, and it is JSON.
func checkExportFile(t *testing.T, env Env) {
	t.Helper()
	file := filepath.Join(t.TempDir(), "tend.json")
	if out := mustTend(t, env, "export", "--format", "json", "--out", file); !strings.Contains(out, file) {
		t.Errorf("tend export --out said %q", out)
	}
	assertMode(t, file, 0o600)
	if b, err := os.ReadFile(file); err != nil || !json.Valid(b) {
		t.Errorf("the exported file is not JSON: %v", err)
	}
}

// checkNoDatabase: with no database, backup has nothing to copy (exit 1),
// export is empty (exit 0), and neither creates the database's folder.
func checkNoDatabase(t *testing.T) {
	t.Helper()
	none := Env{Home: t.TempDir(), Now: testDay, DB: filepath.Join(t.TempDir(), "none", "tend.db")}
	if _, stderr, code := runTend(t, none, "backup"); code != 1 || !says(stderr, "nothing to back up") {
		t.Errorf("tend backup with no database: exit %d, stderr %q", code, stderr)
	}
	var empty map[string]any
	if err := json.Unmarshal([]byte(mustTend(t, none, "export")), &empty); err != nil || len(empty["goals"].([]any)) != 0 {
		t.Errorf("tend export with no database: %v %v", empty, err)
	}
	if _, err := os.Stat(filepath.Dir(none.DB)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("backup or export with no database created %s", filepath.Dir(none.DB))
	}
}

// checkNoEscapesInPipes: into a pipe, even with colour on, export and
// backup write no escape code.
func checkNoEscapesInPipes(t *testing.T, env Env) {
	t.Helper()
	for _, args := range [][]string{{"export"}, {"backup"}, {"export", "--format", "csv"}} {
		stdout, stderr, _ := runTend(t, env, args...)
		if strings.ContainsRune(stdout+stderr, 0x1b) {
			t.Errorf("tend %s wrote an escape code into a pipe", quoteArgs(args))
		}
	}
}

// stExportDocument checks the export against DESIGN.md "Machine-readable
// output": every field it names, with the example's types.
func checkExportDocument(t *testing.T, out string) {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("tend export is not JSON: %v\n%s", err, out)
	}
	if doc["format"] != "tend-export" || doc["version"] != 1.0 {
		t.Errorf("format %v version %v, want tend-export 1", doc["format"], doc["version"])
	}
	if s, _ := doc["settings"].(map[string]any); s["day_start_hour"] != 4.0 {
		t.Errorf("settings %v", doc["settings"])
	}
	list := func(key string) []map[string]any {
		items, ok := doc[key].([]any)
		if !ok || len(items) == 0 {
			t.Fatalf("%s is %v, want a list with something in it", key, doc[key])
		}
		var out []map[string]any
		for _, it := range items {
			out = append(out, it.(map[string]any))
		}
		return out
	}
	goals, checkIns, decisions := list("goals"), list("checkins"), list("decisions")
	checkExportedGoal(t, goals[0])
	wantKeys(t, "the export's check-in", checkIns[0], "goal", "day", "outcome", "achieved", "target", "effort", "pain",
		"mood_before", "mood_after", "note", "level", "variant")
	if len(checkIns) != 21 {
		t.Errorf("%d check-ins exported, want 21", len(checkIns))
	}
	last := checkIns[len(checkIns)-1]
	if last["day"] != testDay || last["mood_before"] != 4.0 || last["mood_after"] != 7.0 || last["outcome"] != "done" ||
		checkIns[0]["mood_before"] != nil || checkIns[0]["goal"] != 1.0 {
		t.Errorf("check-ins from %v to %v", checkIns[0], last)
	}
	if !strings.Contains(checkIns[0]["note"].(string), "river") {
		t.Errorf("the note was not exported: %v", checkIns[0])
	}
	wantKeys(t, "the export's decision", decisions[0], "goal", "day", "action", "from", "to", "reason_code", "message", "next_target")
	advanced := false
	for _, d := range decisions {
		advanced = advanced || d["action"] == "advance"
	}
	if !advanced {
		t.Errorf("three weeks of walks and no advance among the decisions: %v", decisions)
	}
}

// checkExportedGoal: the walk goal is exported with every field, its
// schedule and status histories included.
func checkExportedGoal(t *testing.T, g map[string]any) {
	t.Helper()
	wantKeys(t, "the export's goal", g, "id", "name", "plan", "custom", "days_per_week", "weekdays", "status", "level",
		"variant", "bridge", "level_since", "created", "schedule_history", "status_history")
	if g["id"] != 1.0 || g["name"] != "Walk" || g["plan"] != "daily-walk" || g["custom"] != nil ||
		g["days_per_week"] != 5.0 || g["status"] != "active" || g["created"] != testDay {
		t.Errorf("the goal reads %v", g)
	}
	if w, ok := g["weekdays"].([]any); !ok || len(w) != 0 {
		t.Errorf("weekdays %v, want []", g["weekdays"])
	}
	sh := g["schedule_history"].([]any)[0].(map[string]any)
	wantKeys(t, "the export's schedule_history", sh, "from", "days_per_week", "weekdays")
	st := g["status_history"].([]any)[0].(map[string]any)
	wantKeys(t, "the export's status_history", st, "from", "status")
	if st["status"] != "active" {
		t.Errorf("status_history %v", st)
	}
}

// The automatic copy follows a write, never a read: `tend status` (in a
// prompt, many times a day), `tend today`, `tend config` that only shows,
// a --dry-run or a --help start none; backups = false in config.toml
// stops it.
func TestAutomaticBackupFollowsWritesOnly(t *testing.T) {
	t.Parallel()
	env := newEnv(t)
	backups := filepath.Join(env.Home, ".local", "state", "tend", "backups")
	mustTend(t, env, "add", "Walk", "--plan", "daily-walk")
	if got, _ := filepath.Glob(filepath.Join(backups, "*", "tend-"+testDay+"-*.db")); len(got) != 1 {
		t.Fatalf("after the day's first write: copies %v, want one", got)
	}
	if err := os.RemoveAll(backups); err != nil {
		t.Fatal(err)
	}
	folder := t.TempDir()
	for _, args := range [][]string{{"status"}, {"today"}, {"config"}, {"goals"}, {"done", "--help"}, {"__complete-goals"},
		{"remind"}, {"sync", "init", folder}, {"sync"}} {
		mustTend(t, env, args...)
		if _, err := os.Lstat(backups); !os.IsNotExist(err) {
			t.Fatalf("tend %s started a backup", quoteArgs(args))
		}
	}
	mustTend(t, env, "config", "backups", "off")
	mustTend(t, env, "done", "walk")
	if _, err := os.Lstat(backups); !os.IsNotExist(err) {
		t.Fatalf("with backups off, a write still made a copy")
	}
	mustTend(t, env, "config", "backups", "on")
	mustTend(t, env, "undo", "walk")
	if got, _ := filepath.Glob(filepath.Join(backups, "*", "tend-*.db")); len(got) != 1 {
		t.Errorf("with backups on again, copies %v, want one", got)
	}
}
