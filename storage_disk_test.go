//go:build linux

package main

// A full disk and a read-only one, through the built binary
// (storage_journey_test.go has the damaged file and the busy lock). The
// disks are a small tmpfs mounted for the test: CI runs as root, so file
// modes prove nothing. Without root they skip and say why.

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
)

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
		mustTend(t, env, "done", "walk", "--date", daysBefore(t, i), "--note", note)
		saved = append(saved, daysBefore(t, i))
	}
	filler := stFill(t, dir)

	saved, failed := checkInUntilFull(t, env, saved, note)
	if failed == "" {
		t.Fatalf("30 check-ins with long notes all fitted on a full 256 KB disk")
	}
	// Records are small: the file's free pages may still take a check-in
	// without a note. Use them up too, so the TUI's check-in cannot fit.
	saved, _ = checkInUntilFull(t, env, saved, "")
	assertPlainError(t, "tend done on a full disk", failed)
	for _, want := range []string{"not saved", "disk is full", "Nothing saved before is lost", "try again"} {
		if !says(failed, want) {
			t.Errorf("tend done on a full disk: stderr does not say %q: %q", want, failed)
		}
	}
	if got := exportDays(t, env); !slices.Equal(got, saved) {
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
	term.Quit(t)

	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	mustTend(t, env, "done", "walk")
	if got := exportDays(t, env); !slices.Equal(got, append(saved, testDay)) {
		t.Errorf("once there is room the file holds %v, want %v and today", got, saved)
	}
}

// checkInUntilFull checks in on the 30 days before today not yet in saved,
// with note when it is not empty, until one fails. It returns the days
// saved and what the failure said ("" when none failed).
func checkInUntilFull(t *testing.T, env Env, saved []string, note string) ([]string, string) {
	t.Helper()
	for i := 30; i >= 1; i-- {
		day := daysBefore(t, i)
		if slices.Contains(saved, day) {
			continue
		}
		args := []string{"done", "walk", "--date", day}
		if note != "" {
			args = append(args, "--note", note)
		}
		_, stderr, code := runTend(t, env, args...)
		switch code {
		case 0:
			saved = append(saved, day)
		case 1:
			return saved, stderr
		default:
			t.Fatalf("tend done on a full disk: exit %d: %s", code, stderr)
		}
	}
	return saved, ""
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
	// The backups folder on a read-only disk too, so that `tend backup` meets one.
	state := stSmallDisk(t, 1<<20)
	env.Extra = append(env.Extra, "XDG_STATE_HOME="+state)
	mustTend(t, env, "add", "Walk", "--plan", "daily-walk")
	mustTend(t, env, "done", "walk", "--date", daysBefore(t, 1))
	before := fileHash(t, env.DB)
	for _, d := range []string{dir, state} {
		if err := syscall.Mount("tmpfs", d, "tmpfs", syscall.MS_REMOUNT|syscall.MS_RDONLY, ""); err != nil {
			t.Fatalf("remounting read-only: %v", err)
		}
		t.Cleanup(func() { _ = syscall.Mount("tmpfs", d, "tmpfs", syscall.MS_REMOUNT, "") })
	}

	for _, args := range [][]string{{"done", "walk"}, {"add", "Yoga", "--plan", "yoga"}, {"undo", "walk", "--date", daysBefore(t, 1)}} {
		stdout, stderr, code := runTend(t, env, args...)
		what := "tend " + quoteArgs(args) + " on a read-only disk"
		if code != 1 || stdout != "" {
			t.Errorf("%s: exit %d, stdout %q; want 1 and nothing", what, code, stdout)
		}
		assertPlainError(t, what, stderr)
		for _, want := range []string{"nothing was saved", "read-only", "Nothing saved before is lost", "try again"} {
			if !says(stderr, want) {
				t.Errorf("%s: stderr does not say %q: %q", what, want, stderr)
			}
		}
	}
	if out := mustTend(t, env, "today"); !strings.Contains(out, "Walk") {
		t.Errorf("tend today on a read-only disk:\n%s", out)
	}
	if days := exportDays(t, env); !slices.Equal(days, []string{daysBefore(t, 1)}) {
		t.Errorf("tend export on a read-only disk has the days %v", days)
	}
	_, stderr, code := runTend(t, env, "backup")
	if code != 1 || !says(stderr, "could not write") || !says(stderr, "read-only") {
		t.Errorf("tend backup beside a file on a read-only disk: exit %d, stderr %q", code, stderr)
	}
	assertPlainError(t, "tend backup on a read-only disk", stderr)
	elsewhere := filepath.Join(t.TempDir(), "copy.db")
	mustTend(t, env, "backup", "--out", elsewhere)
	if fileHash(t, env.DB) != before {
		t.Errorf("the file on the read-only disk changed")
	}
	if len(dirHashes(t, dir)) != 1 {
		t.Errorf("files appeared on the read-only disk: %v", dirHashes(t, dir))
	}
}
