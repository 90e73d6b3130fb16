//go:build linux

package main

import (
	"bytes"
	"encoding/binary"
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

// Trustworthy storage through the built binary: a damaged file, a database
// another process holds, a full disk and a read-only one, and the two copies
// (backup and export). Each failure must exit 1 with one plain sentence on
// stderr, no stack trace and no escape codes, and leave the database file
// byte for byte as it was.
//
// The full and read-only disks are in storage_disk_test.go.

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
	env := seededWalks(t)
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
			before := dirHashes(t, filepath.Dir(env.DB))
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
				assertPlainError(t, what, stderr)
				for _, want := range []string{env.DB, "damaged", tc.says, "Restore a backup"} {
					if !says(stderr, want) {
						t.Errorf("%s: stderr does not say %q: %q", what, want, stderr)
					}
				}
			}
			if after := dirHashes(t, filepath.Dir(env.DB)); !maps.Equal(before, after) {
				t.Errorf("the damaged file's folder changed:\nbefore %v\nafter  %v", before, after)
			}
			if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("a backup of a damaged file was written to %s", out)
			}
		})
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
	before := fileHash(t, env.DB)

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
			if !says(stderr, "another tend is using the database") || !says(stderr, "try again") {
				t.Errorf("%s: stderr %q, want the busy message", what, stderr)
			}
			assertPlainError(t, what, stderr)
			if took > 2*time.Second {
				t.Errorf("%s: gave up after %v, want within two seconds", what, took)
			}
		}
		if !exclusive {
			if _, _, code := runTend(t, env, "today"); code != 0 {
				t.Errorf("tend today beside another reader: exit %d, want 0", code)
			}
		}
		if fileHash(t, env.DB) != before {
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
	if days := exportDays(t, env); !slices.Equal(days, []string{testDay}) {
		t.Errorf("after the lock was freed the check-ins are on %v, want %s", days, testDay)
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
	// stderr is the pty here, so the sentence is wrapped to its width.
	if s := strings.Join(strings.Fields(out.String()), " "); !strings.Contains(s, "terminal") || !strings.Contains(s, "tend today") {
		t.Errorf("setsid tend </dev/null said %q; want that it needs a terminal, and the commands", s)
	}
	if entries, _ := os.ReadDir(env.Home); len(entries) != 0 {
		t.Errorf("setsid tend </dev/null created %v in HOME", entries)
	}
}
