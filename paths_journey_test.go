package main

import (
	"bytes"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A pathNode is something left where tend is pointed: tend must not read,
// write, chmod or replace through it, nor replace it (issue 10 items 2, 3).
type pathNode struct {
	name string
	make func(t *testing.T, path, victim string) bool // false: cannot be made here
}

var pathNodes = []pathNode{
	{"a link to a file", func(t *testing.T, path, victim string) bool { return os.Symlink(victim, path) == nil }},
	{"a dangling link", func(t *testing.T, path, victim string) bool { return os.Symlink(victim+".absent", path) == nil }},
	{"a FIFO", func(t *testing.T, path, _ string) bool { return syscall.Mkfifo(path, 0o644) == nil }},
	{"a device", func(t *testing.T, path, _ string) bool {
		// /dev/null's numbers; CI runs as root and can make it.
		return syscall.Mknod(path, syscall.S_IFCHR|0o644, 1<<8|3) == nil
	}},
	{"a socket", func(t *testing.T, path, _ string) bool {
		l, err := net.Listen("unix", path)
		if err != nil {
			return false
		}
		l.(*net.UnixListener).SetUnlinkOnClose(false)
		t.Cleanup(func() { _ = l.Close() })
		return true
	}},
}

// nodeState is a node and its victim, to compare after.
type nodeState struct {
	mode, victimMode fs.FileMode
	victim           []byte
	absent           bool
}

func nodeStateOf(t *testing.T, path, victim string) nodeState {
	t.Helper()
	info, err := os.Lstat(path)
	if err != nil {
		t.Fatalf("the node at %s: %v", path, err)
	}
	vi, err := os.Lstat(victim)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(victim)
	if err != nil {
		t.Fatal(err)
	}
	_, absErr := os.Lstat(victim + ".absent")
	return nodeState{info.Mode(), vi.Mode(), b, os.IsNotExist(absErr)}
}

func (a nodeState) equal(b nodeState) bool {
	return a.mode == b.mode && a.victimMode == b.victimMode && bytes.Equal(a.victim, b.victim) && a.absent == b.absent
}

// victimFile is a regular file, 0644, as /etc/passwd is.
func victimFile(t *testing.T) string {
	t.Helper()
	v := filepath.Join(t.TempDir(), "passwd")
	if err := os.WriteFile(v, []byte("root:x:0:0:root:/root:/bin/sh\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(v, 0o644); err != nil {
		t.Fatal(err)
	}
	return v
}

// eachNode runs fn for each node it can make here at a fresh path, and
// checks afterwards that the node and its victim are as they were.
func eachNode(t *testing.T, name string, fn func(t *testing.T, path string)) {
	eachNodeAt(t, name, func(t *testing.T) string { return filepath.Join(t.TempDir(), "target") }, fn)
}

// eachNodeAt is eachNode with the node's path chosen by at.
func eachNodeAt(t *testing.T, name string, at func(t *testing.T) string, fn func(t *testing.T, path string)) {
	for _, n := range pathNodes {
		t.Run(name+"/"+n.name, func(t *testing.T) {
			victim := victimFile(t)
			path := at(t)
			if !n.make(t, path, victim) {
				t.Skipf("cannot make %s here", n.name)
			}
			before := nodeStateOf(t, path, victim)
			fn(t, path)
			if after := nodeStateOf(t, path, victim); !after.equal(before) {
				t.Errorf("%s changed: %+v, was %+v", n.name, after, before)
			}
		})
	}
}

// The database path, by --db and by TEND_DB: every command refuses it,
// reads included, and leaves it and what it points at alone.
func TestADatabasePathThatIsNotAFileIsRefused(t *testing.T) {
	cmds := [][]string{{"today"}, {"status"}, {"goals"}, {"add", "Walk", "--plan", "daily-walk"}, {"done", "Walk"},
		{"export"}, {"backup"}}
	for _, how := range []string{"--db", "TEND_DB"} {
		eachNode(t, how, func(t *testing.T, path string) {
			env := Env{Home: t.TempDir(), Now: testDay}
			for _, args := range cmds {
				if how == "--db" {
					args = append([]string{"--db", path}, args...)
				} else {
					env.DB = path
				}
				out, errOut, code := runTend(t, env, args...)
				if code == 0 && args[len(args)-1] != "status" {
					t.Errorf("tend %s with %s at the database path: exit 0\n%s", quoteArgs(args), path, out)
				}
				if code != 0 && !says(errOut, "tend") {
					t.Errorf("tend %s: exit %d without a sentence: %q", quoteArgs(args), code, errOut)
				}
			}
		})
	}
}

// backup --out and export --out: a node there is never replaced or
// written through, --force or not; an existing file needs --force.
func TestAnOutTargetIsNeverReplacedUnasked(t *testing.T) {
	env := newEnv(t)
	mustTend(t, env, "add", "Walk", "--plan", "daily-walk")
	mustTend(t, env, "done", "Walk")
	for _, cmd := range []string{"backup", "export"} {
		eachNode(t, cmd, func(t *testing.T, path string) {
			for _, force := range [][]string{nil, {"--force"}} {
				args := append([]string{cmd, "--out", path}, force...)
				if _, errOut, code := runTend(t, env, args...); code == 0 {
					t.Errorf("tend %s: exit 0 onto a node (%s)", quoteArgs(args), errOut)
				}
			}
		})
		file := filepath.Join(t.TempDir(), "mine.txt")
		if err := os.WriteFile(file, []byte("keep me"), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, errOut, code := runTend(t, env, cmd, "--out", file); code != 2 || !says(errOut, "--force") {
			t.Errorf("tend %s --out onto a file: exit %d, %q; want 2 and a word about --force", cmd, code, errOut)
		}
		if b, _ := os.ReadFile(file); string(b) != "keep me" {
			t.Errorf("tend %s --out replaced a file without --force", cmd)
		}
		mustTend(t, env, cmd, "--out", file, "--force")
		if b, _ := os.ReadFile(file); string(b) == "keep me" {
			t.Errorf("tend %s --out --force left the file as it was", cmd)
		}
	}
	out, _, _ := runTend(t, env, "export", "--help")
	if !says(out, "--force") {
		t.Errorf("tend export --help does not mention --force:\n%s", out)
	}
}

// The copy made before a migration never goes through a node, and the
// migration waits with the database as it was.
func TestTheMigrationBackupIsNeverWrittenThroughANode(t *testing.T) {
	env := newEnv(t)
	at := func(t *testing.T) string {
		db := filepath.Join(t.TempDir(), "tend.db")
		hostileFile(t, db)
		return db + ".v1.bak"
	}
	eachNodeAt(t, "migration", at, func(t *testing.T, path string) {
		db := strings.TrimSuffix(path, ".v1.bak")
		before, _ := os.ReadFile(db)
		env.DB = db
		if _, errOut, code := runTend(t, env, "today"); code == 0 || !says(errOut, "v1.bak") {
			t.Errorf("tend today with a node where the backup goes: exit %d, %q", code, errOut)
		}
		if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
			t.Error("the database was migrated without its backup")
		}
	})
}

// A --db whose folder cannot be made or reached gets one plain sentence
// saying what to do, never Go's "mkdir …: …" or "lstat …: …", and nothing
// is made: /proc takes no new folders, and a path through a regular file
// has a file where a folder should be.
func TestADatabaseFolderThatCannotBeMadeSaysWhatToDo(t *testing.T) {
	file := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(file, []byte("mine\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	add := []string{"add", "Walk", "--plan", "daily-walk"}
	type dbCase struct {
		path, why string
		cmds      [][]string
	}
	cases := []dbCase{
		// Reads too: the path cannot even be looked at.
		{filepath.Join(file, "tend", "x.db"), "a file, not a folder", [][]string{add, {"done", "Walk"}, {"today"}}},
	}
	if _, err := os.Stat("/proc/self"); err == nil {
		// A read finds no database there, and says so; add would make one.
		cases = append(cases, dbCase{"/proc/nope/x.db", "/proc/nope", [][]string{add}})
	}
	for _, c := range cases {
		path, why := c.path, c.why
		for _, args := range c.cmds {
			env := Env{Home: t.TempDir(), Now: testDay}
			args = append([]string{"--db", path}, args...)
			out, errOut, code := runTend(t, env, args...)
			what := "tend " + quoteArgs(args)
			if code != 1 || out != "" {
				t.Errorf("%s: exit %d, stdout %q; want 1 and nothing", what, code, out)
			}
			assertPlainError(t, what, errOut)
			for _, want := range []string{why, "--db"} {
				if !says(errOut, want) {
					t.Errorf("%s: stderr %q lacks %q", what, errOut, want)
				}
			}
			for _, raw := range []string{"mkdir", "lstat", "no such file", "not a directory"} {
				if says(errOut, raw) {
					t.Errorf("%s: stderr passes Go's error through (%q): %q", what, raw, errOut)
				}
			}
		}
	}
	if b, err := os.ReadFile(file); err != nil || string(b) != "mine\n" {
		t.Errorf("the file on the way changed: %q, %v", b, err)
	}
}
