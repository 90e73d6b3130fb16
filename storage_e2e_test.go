//go:build linux

package main

// Trustworthy storage through the built binary: a damaged file, a database
// another process holds, a full disk and a read-only one, and the two copies
// (backup and export). Each failure must exit 1 with one plain sentence on
// stderr, no stack trace and no escape codes, and leave the database file
// byte for byte as it was.
//
// The full and read-only disks are a small tmpfs mounted for the test: CI
// runs as root, so file modes prove nothing. Without root they skip and say
// why.

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
)

// stSeeded is an environment whose database has a goal with a few weeks of
// check-ins with notes, so that the file has several pages.
func stSeeded(t *testing.T) Env {
	t.Helper()
	env := newEnv(t)
	mustTend(t, env, "add", "Walk", "--plan", "daily-walk")
	for i := 20; i >= 1; i-- {
		day := mustDay(t, i)
		mustTend(t, env, "done", "walk", "--date", day, "--note", strings.Repeat("a good walk by the river ", 8))
	}
	return env
}

// mustDay is the day n days before testDay.
func mustDay(t *testing.T, n int) string {
	t.Helper()
	d, err := time.Parse("2006-01-02", testDay)
	if err != nil {
		t.Fatal(err)
	}
	return d.AddDate(0, 0, -n).Format("2006-01-02")
}

func stHash(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// stDir is every name in dir with its contents' hash.
func stDir(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		out[e.Name()] = stHash(t, filepath.Join(dir, e.Name()))
	}
	return out
}

// stPlain checks a failure's stderr: one line, a sentence, none of Go's
// noise, no escape codes.
func stPlain(t *testing.T, what, stderr string) {
	t.Helper()
	msg := strings.TrimSuffix(stderr, "\n")
	switch {
	case strings.TrimSpace(msg) == "":
		t.Errorf("%s: nothing on stderr", what)
	case strings.Contains(msg, "\n"):
		t.Errorf("%s: stderr has more than one line:\n%s", what, stderr)
	case !strings.HasSuffix(msg, "."):
		t.Errorf("%s: stderr is not a sentence: %q", what, stderr)
	}
	for _, noise := range []string{"panic", "goroutine", "runtime error", "\x1b", "%!", "<nil>"} {
		if strings.Contains(msg, noise) {
			t.Errorf("%s: stderr has %q: %q", what, noise, stderr)
		}
	}
}

// stMetas reads what tests need of a bbolt file's meta pages: the page size
// and the offset of the meta page in force (the one with the higher txid).
func stMetas(t *testing.T, b []byte) (pageSize, current int) {
	t.Helper()
	const header, pageSizeAt, txidAt = 16, 8, 48
	pageSize = int(binary.NativeEndian.Uint32(b[header+pageSizeAt:]))
	if pageSize < 1024 || len(b) < 2*pageSize {
		t.Fatalf("not a bbolt file: page size %d, %d bytes", pageSize, len(b))
	}
	if binary.NativeEndian.Uint64(b[pageSize+header+txidAt:]) > binary.NativeEndian.Uint64(b[header+txidAt:]) {
		current = pageSize
	}
	return pageSize, current
}

// TestStorageDamagedFile: every command on a damaged file exits 1 with one
// plain sentence that names the file, says it is damaged and what to do,
// and changes nothing in its folder.
func TestStorageDamagedFile(t *testing.T) {
	t.Parallel()
	env := stSeeded(t)
	good, err := os.ReadFile(env.DB)
	if err != nil {
		t.Fatal(err)
	}
	ps, cur := stMetas(t, good)
	flip := func(off int) []byte {
		b := bytes.Clone(good)
		b[off] ^= 0xFF
		return b
	}
	for _, tc := range []struct {
		name    string
		content []byte
		says    string
	}{
		{"empty", nil, "empty"},
		{"a text file", []byte(strings.Repeat("eggs, milk, bread\n", 500)), "not a bbolt database"},
		{"truncated", good[:2*ps], "cut short"},
		{"the current meta page flipped", flip(cur + 16 + 48), "may be missing"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			env := env
			env.DB = filepath.Join(t.TempDir(), "tend.db")
			if err := os.WriteFile(env.DB, tc.content, 0o600); err != nil {
				t.Fatal(err)
			}
			before := stDir(t, filepath.Dir(env.DB))
			out := filepath.Join(t.TempDir(), "copy")
			for _, args := range [][]string{
				{"today"}, {"today", "--json"}, {"goals", "--json"}, {"done", "walk"}, {"undo", "walk"},
				{"add", "Yoga", "--plan", "yoga"}, {"backup"}, {"backup", "--out", out}, {"export"},
			} {
				stdout, stderr, code := runTend(t, env, args...)
				what := "tend " + quoteArgs(args)
				if code != 1 {
					t.Errorf("%s on a damaged file: exit %d, want 1 (stderr %q)", what, code, stderr)
				}
				if stdout != "" {
					t.Errorf("%s on a damaged file printed %q", what, stdout)
				}
				stPlain(t, what, stderr)
				for _, want := range []string{env.DB, "damaged", tc.says, "Restore a backup"} {
					if !stSays(stderr, want) {
						t.Errorf("%s: stderr does not say %q: %q", what, want, stderr)
					}
				}
			}
			if after := stDir(t, filepath.Dir(env.DB)); !maps.Equal(before, after) {
				t.Errorf("the damaged file's folder changed:\nbefore %v\nafter  %v", before, after)
			}
			if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("a backup of a damaged file was written to %s", out)
			}
		})
	}
}

// stSays reports whether a message says want, whatever the case of its
// first letter (main makes a sentence of it).
func stSays(msg, want string) bool {
	return strings.Contains(strings.ToLower(msg), strings.ToLower(want))
}

// stMode checks a file's permissions.
func stMode(t *testing.T, path string, want os.FileMode) {
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

// stHold makes another process hold the database's lock, the way another
// tend in the middle of a save does (exclusive) or a reader does (shared):
// the test takes the flock and hands the open file to a `sleep`, which
// keeps it, and the lock, until it is killed.
func stHold(t *testing.T, path string, exclusive bool) *exec.Cmd {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	how := syscall.LOCK_SH
	if exclusive {
		how = syscall.LOCK_EX
	}
	if err := syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB); err != nil {
		t.Fatalf("locking %s: %v", path, err)
	}
	holder := exec.Command("sleep", "60")
	holder.ExtraFiles = []*os.File{f}
	if err := holder.Start(); err != nil {
		t.Fatalf("starting the lock holder: %v", err)
	}
	t.Cleanup(func() {
		_ = holder.Process.Kill()
		_ = holder.Wait()
	})
	return holder
}

// TestStorageBusy: while another process holds the database, `tend done`
// fails within two seconds with the busy message and saves nothing; a
// reader's lock blocks a write too; once the holder is killed the lock is
// free at once.
func TestStorageBusy(t *testing.T) {
	t.Parallel()
	env := newEnv(t)
	mustTend(t, env, "add", "Walk", "--plan", "daily-walk")
	before := stHash(t, env.DB)

	for _, exclusive := range []bool{true, false} {
		holder := stHold(t, env.DB, exclusive)
		reads := [][]string{{"today"}}
		if !exclusive {
			reads = nil // a reader does not stop other readers
		}
		for _, args := range append([][]string{{"done", "walk"}}, reads...) {
			start := time.Now()
			stdout, stderr, code := runTend(t, env, args...)
			took := time.Since(start)
			what := fmt.Sprintf("tend %s while another holds the file (exclusive %v)", quoteArgs(args), exclusive)
			if code != 1 || stdout != "" {
				t.Errorf("%s: exit %d, stdout %q; want 1 and nothing", what, code, stdout)
			}
			if !stSays(stderr, "another tend is using the database") || !stSays(stderr, "try again") {
				t.Errorf("%s: stderr %q, want the busy message", what, stderr)
			}
			stPlain(t, what, stderr)
			if took > 2*time.Second {
				t.Errorf("%s: gave up after %v, want within two seconds", what, took)
			}
		}
		if !exclusive {
			if _, _, code := runTend(t, env, "today"); code != 0 {
				t.Errorf("tend today beside another reader: exit %d, want 0", code)
			}
		}
		if stHash(t, env.DB) != before {
			t.Fatalf("a busy tend changed the database")
		}
		if err := holder.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		_ = holder.Wait()
		start := time.Now()
		mustTend(t, env, "today")
		if took := time.Since(start); took > 900*time.Millisecond {
			t.Errorf("tend today after the holder was killed took %v: the lock should be free at once", took)
		}
	}
	start := time.Now()
	mustTend(t, env, "done", "walk")
	if took := time.Since(start); took > 900*time.Millisecond {
		t.Errorf("tend done after the holder was killed took %v: the lock should be free at once", took)
	}
	if days := stExportDays(t, env); !slices.Equal(days, []string{testDay}) {
		t.Errorf("after the lock was freed the check-ins are on %v, want %s", days, testDay)
	}
}

// stSmallDisk mounts a tmpfs of size bytes for the test, or skips.
func stSmallDisk(t *testing.T, size int) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("skipped: mounting a small tmpfs to fill needs root, and this test is not running as root")
	}
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, fmt.Sprintf("size=%d,mode=0700", size)); err != nil {
		t.Skipf("skipped: cannot mount a tmpfs here (%v)", err)
	}
	t.Cleanup(func() {
		if err := syscall.Unmount(dir, 0); err != nil {
			_ = syscall.Unmount(dir, syscall.MNT_DETACH)
		}
	})
	return dir
}

func stFill(t *testing.T, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "filler")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	chunk := make([]byte, 4096)
	for {
		if _, err := f.Write(chunk); err != nil {
			return path
		}
	}
}

// stExportDays is the days of a goal's check-ins in `tend export`.
func stExportDays(t *testing.T, env Env) []string {
	t.Helper()
	var doc struct {
		CheckIns []struct{ Day string } `json:"checkins"`
	}
	if err := json.Unmarshal([]byte(mustTend(t, env, "export")), &doc); err != nil {
		t.Fatal(err)
	}
	var days []string
	for _, c := range doc.CheckIns {
		days = append(days, c.Day)
	}
	return days
}

// TestStorageFullDisk: on a full disk `tend done` says plainly that nothing
// was saved and nothing is lost, reading still works, the TUI shows the same
// and keeps running, and once there is room everything saved is there.
func TestStorageFullDisk(t *testing.T) {
	t.Parallel()
	dir := stSmallDisk(t, 256<<10)
	env := newEnv(t)
	env.DB = filepath.Join(dir, "tend.db")
	mustTend(t, env, "add", "Walk", "--plan", "daily-walk")
	note := strings.Repeat("a long walk by the river, ", 19)
	var saved []string
	for i := 40; i > 30; i-- {
		mustTend(t, env, "done", "walk", "--date", mustDay(t, i), "--note", note)
		saved = append(saved, mustDay(t, i))
	}
	filler := stFill(t, dir)

	failed := ""
	for i := 30; i >= 1 && failed == ""; i-- {
		_, stderr, code := runTend(t, env, "done", "walk", "--date", mustDay(t, i), "--note", note)
		switch code {
		case 0:
			saved = append(saved, mustDay(t, i))
		case 1:
			failed = stderr
		default:
			t.Fatalf("tend done on a full disk: exit %d: %s", code, stderr)
		}
	}
	if failed == "" {
		t.Fatalf("30 check-ins with long notes all fitted on a full 256 KB disk")
	}
	stPlain(t, "tend done on a full disk", failed)
	for _, want := range []string{"not saved", "disk is full", "Nothing saved before is lost", "try again"} {
		if !stSays(failed, want) {
			t.Errorf("tend done on a full disk: stderr does not say %q: %q", want, failed)
		}
	}
	if got := stExportDays(t, env); !slices.Equal(got, saved) {
		t.Errorf("on the full disk the file holds %v, want the %d saved days %v", got, len(saved), saved)
	}
	mustTend(t, env, "today")

	// The TUI: the check-in is not saved, it says so, and it goes on.
	term := startTerm(t, 80, 24, env)
	term.WaitFor(t, "○ Walk", screenTimeout)
	term.PressUntil(t, "enter", "not saved", 8)
	term.WaitFor(t, "disk is full", screenTimeout)
	// The form stays for another try, on its note field, which takes a q
	// as a letter: esc leaves it first.
	term.Press(t, "esc")
	term.WaitFor(t, "○ Walk", screenTimeout)
	term.Press(t, "q")
	if code := term.Wait(t); code != 0 {
		t.Errorf("q after the failed check-in: exit %d, want 0", code)
	}

	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	mustTend(t, env, "done", "walk")
	if got := stExportDays(t, env); !slices.Equal(got, append(saved, testDay)) {
		t.Errorf("once there is room the file holds %v, want %v and today", got, saved)
	}
}

// TestStorageReadOnlyDisk: on a read-only disk writes say plainly that
// nothing was saved; today, export and a backup elsewhere still work; a
// backup beside the file says it could not be written; the file is as it
// was.
func TestStorageReadOnlyDisk(t *testing.T) {
	t.Parallel()
	dir := stSmallDisk(t, 1<<20)
	env := newEnv(t)
	env.DB = filepath.Join(dir, "tend.db")
	mustTend(t, env, "add", "Walk", "--plan", "daily-walk")
	mustTend(t, env, "done", "walk", "--date", mustDay(t, 1))
	before := stHash(t, env.DB)
	if err := syscall.Mount("tmpfs", dir, "tmpfs", syscall.MS_REMOUNT|syscall.MS_RDONLY, ""); err != nil {
		t.Fatalf("remounting read-only: %v", err)
	}
	t.Cleanup(func() { _ = syscall.Mount("tmpfs", dir, "tmpfs", syscall.MS_REMOUNT, "") })

	for _, args := range [][]string{{"done", "walk"}, {"add", "Yoga", "--plan", "yoga"}, {"undo", "walk", "--date", mustDay(t, 1)}} {
		stdout, stderr, code := runTend(t, env, args...)
		what := "tend " + quoteArgs(args) + " on a read-only disk"
		if code != 1 || stdout != "" {
			t.Errorf("%s: exit %d, stdout %q; want 1 and nothing", what, code, stdout)
		}
		stPlain(t, what, stderr)
		for _, want := range []string{"nothing was saved", "read-only", "Nothing saved before is lost", "try again"} {
			if !stSays(stderr, want) {
				t.Errorf("%s: stderr does not say %q: %q", what, want, stderr)
			}
		}
	}
	if out := mustTend(t, env, "today"); !strings.Contains(out, "Walk") {
		t.Errorf("tend today on a read-only disk:\n%s", out)
	}
	if days := stExportDays(t, env); !slices.Equal(days, []string{mustDay(t, 1)}) {
		t.Errorf("tend export on a read-only disk has the days %v", days)
	}
	_, stderr, code := runTend(t, env, "backup")
	if code != 1 || !stSays(stderr, "could not write") || !stSays(stderr, "read-only") {
		t.Errorf("tend backup beside a file on a read-only disk: exit %d, stderr %q", code, stderr)
	}
	stPlain(t, "tend backup on a read-only disk", stderr)
	elsewhere := filepath.Join(t.TempDir(), "copy.db")
	mustTend(t, env, "backup", "--out", elsewhere)
	if stHash(t, env.DB) != before {
		t.Errorf("the file on the read-only disk changed")
	}
	if len(stDir(t, dir)) != 1 {
		t.Errorf("files appeared on the read-only disk: %v", stDir(t, dir))
	}
}

// TestStorageBackupAndExport: a backup is a database tend reads as the
// original, dated beside it, private, never replacing the day's first; put
// in place of the original it restores it. The export is DESIGN.md's
// document. Neither writes an escape code into a pipe.
func TestStorageBackupAndExport(t *testing.T) {
	t.Parallel()
	env := stSeeded(t)
	env.Color = true
	mustTend(t, env, "done", "walk", "--mood-before", "4", "--mood-after", "7")
	todayBefore := mustTend(t, env, "today", "--json")
	exportBefore := mustTend(t, env, "export")

	dir := filepath.Dir(env.DB)
	out := mustTend(t, env, "backup")
	first := filepath.Join(dir, "tend-"+testDay+".db.bak")
	if !strings.Contains(out, first) {
		t.Errorf("tend backup said %q, want it to name %s", out, first)
	}
	second := filepath.Join(dir, "tend-"+testDay+"-2.db.bak")
	if out := mustTend(t, env, "backup"); !strings.Contains(out, second) {
		t.Errorf("a second backup on the same day said %q, want %s", out, second)
	}
	for _, p := range []string{first, second} {
		stMode(t, p, 0o600)
	}
	named := filepath.Join(t.TempDir(), "mine.bak")
	mustTend(t, env, "backup", "--out", named)
	stMode(t, named, 0o600)

	// Damage the database; restore the backup by copying it over.
	if err := os.WriteFile(env.DB, []byte("oops"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, code := runTend(t, env, "today"); code != 1 {
		t.Fatalf("tend today on the damaged file: exit %d, want 1", code)
	}
	b, err := os.ReadFile(first)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(env.DB, b, 0o600); err != nil {
		t.Fatal(err)
	}
	if got := mustTend(t, env, "today", "--json"); got != todayBefore {
		t.Errorf("after restoring the backup, tend today --json is\n%s\nwant\n%s", got, todayBefore)
	}
	if got := mustTend(t, env, "export"); got != exportBefore {
		t.Errorf("after restoring the backup the export differs")
	}
	mustTend(t, env, "done", "walk", "--date", mustDay(t, 21))

	stExportDocument(t, exportBefore)
	file := filepath.Join(t.TempDir(), "tend.json")
	if out := mustTend(t, env, "export", "--format", "json", "--out", file); !strings.Contains(out, file) {
		t.Errorf("tend export --out said %q", out)
	}
	stMode(t, file, 0o600)
	if b, err := os.ReadFile(file); err != nil || !json.Valid(b) {
		t.Errorf("the exported file is not JSON: %v", err)
	}

	for _, tc := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"export", "--format", "csv"}, 2, "CSV"},
		{[]string{"export", "--format", "xml"}, 2, "json"},
		{[]string{"export", "--out", env.DB}, 2, "database itself"},
		{[]string{"backup", "--out", env.DB}, 2, "database itself"},
		{[]string{"backup", "--out", dir}, 2, "folder"},
		{[]string{"backup", "--out", filepath.Join(t.TempDir(), "missing", "x.bak")}, 1, "could not write"},
	} {
		before := stDir(t, dir)
		stdout, stderr, code := runTend(t, env, tc.args...)
		what := "tend " + quoteArgs(tc.args)
		if code != tc.code || stdout != "" || !stSays(stderr, tc.says) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want %d and %q", what, code, stdout, stderr, tc.code, tc.says)
		}
		stPlain(t, what, stderr)
		if after := stDir(t, dir); !maps.Equal(before, after) {
			t.Errorf("%s changed the database's folder", what)
		}
	}

	// No database: nothing to back up (exit 1), an empty export (exit 0),
	// and nothing created.
	none := Env{Home: t.TempDir(), Now: testDay, DB: filepath.Join(t.TempDir(), "none", "tend.db")}
	if _, stderr, code := runTend(t, none, "backup"); code != 1 || !stSays(stderr, "nothing to back up") {
		t.Errorf("tend backup with no database: exit %d, stderr %q", code, stderr)
	}
	var empty map[string]any
	if err := json.Unmarshal([]byte(mustTend(t, none, "export")), &empty); err != nil || len(empty["goals"].([]any)) != 0 {
		t.Errorf("tend export with no database: %v %v", empty, err)
	}
	if _, err := os.Stat(filepath.Dir(none.DB)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("backup or export with no database created %s", filepath.Dir(none.DB))
	}

	for _, args := range [][]string{{"export"}, {"backup"}, {"export", "--format", "csv"}} {
		stdout, stderr, _ := runTend(t, env, args...)
		if strings.ContainsRune(stdout+stderr, 0x1b) {
			t.Errorf("tend %s wrote an escape code into a pipe", quoteArgs(args))
		}
	}
}

// stExportDocument checks the export against DESIGN.md "Machine-readable
// output": every field it names, with the example's types.
func stExportDocument(t *testing.T, out string) {
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
	g := goals[0]
	wantFields(t, "goal", g, "id", "name", "plan", "custom", "days_per_week", "weekdays", "status", "level",
		"variant", "bridge", "level_since", "created", "schedule_history", "status_history")
	if g["id"] != 1.0 || g["name"] != "Walk" || g["plan"] != "daily-walk" || g["custom"] != nil ||
		g["days_per_week"] != 5.0 || g["status"] != "active" || g["created"] != testDay {
		t.Errorf("the goal reads %v", g)
	}
	if w, ok := g["weekdays"].([]any); !ok || len(w) != 0 {
		t.Errorf("weekdays %v, want []", g["weekdays"])
	}
	sh := g["schedule_history"].([]any)[0].(map[string]any)
	wantFields(t, "schedule_history", sh, "from", "days_per_week", "weekdays")
	st := g["status_history"].([]any)[0].(map[string]any)
	wantFields(t, "status_history", st, "from", "status")
	if st["status"] != "active" {
		t.Errorf("status_history %v", st)
	}
	wantFields(t, "check-in", checkIns[0], "goal", "day", "outcome", "achieved", "target", "effort", "pain",
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
	wantFields(t, "decision", decisions[0], "goal", "day", "action", "from", "to", "reason_code", "message", "next_target")
	advanced := false
	for _, d := range decisions {
		advanced = advanced || d["action"] == "advance"
	}
	if !advanced {
		t.Errorf("three weeks of walks and no advance among the decisions: %v", decisions)
	}
}

func wantFields(t *testing.T, what string, m map[string]any, keys ...string) {
	t.Helper()
	for _, k := range keys {
		if _, ok := m[k]; !ok {
			t.Errorf("the export's %s lacks %q: %v", what, k, m)
		}
	}
}

// TestStorageNoControllingTerminal: `setsid tend </dev/null` with its output
// on a terminal still says it needs one, and names the commands.
func TestStorageNoControllingTerminal(t *testing.T) {
	t.Parallel()
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("skipped: no pseudo-terminal here (%v)", err)
	}
	defer ptmx.Close()
	env := Env{Home: t.TempDir(), Now: testDay}
	cmd := exec.Command(tendBin)
	cmd.Env = env.environ(t)
	cmd.Dir = t.TempDir()
	cmd.Stdout, cmd.Stderr = tty, tty
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	tty.Close()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var out bytes.Buffer
	buf := make([]byte, 4096)
	for {
		n, err := ptmx.Read(buf)
		out.Write(buf[:n])
		if err != nil {
			break
		}
	}
	select {
	case <-done:
	case <-time.After(runTimeout):
		_ = cmd.Process.Kill()
		t.Fatalf("setsid tend </dev/null is still running; output %q", out.String())
	}
	if code := cmd.ProcessState.ExitCode(); code != 1 {
		t.Errorf("setsid tend </dev/null: exit %d, want 1", code)
	}
	if s := out.String(); !strings.Contains(s, "terminal") || !strings.Contains(s, "tend today") {
		t.Errorf("setsid tend </dev/null said %q; want that it needs a terminal, and the commands", s)
	}
	if entries, _ := os.ReadDir(env.Home); len(entries) != 0 {
		t.Errorf("setsid tend </dev/null created %v in HOME", entries)
	}
}
