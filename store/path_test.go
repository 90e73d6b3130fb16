package store

import (
	"bytes"
	"errors"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// A node is something a person, or someone else, left at a path tend uses.
type node struct {
	name string
	make func(t *testing.T, path, victim string)
}

// nodes are what tend must leave exactly as they are: it never reads,
// writes, chmods or replaces through them. victim is a regular file, 0644,
// that a link points at (as /etc/passwd was in issue 10).
var nodes = []node{
	{"a link to a file", func(t *testing.T, path, victim string) { mustSymlink(t, victim, path) }},
	{"a link to nothing", func(t *testing.T, path, victim string) { mustSymlink(t, victim+".absent", path) }},
	{"a FIFO", func(t *testing.T, path, _ string) {
		if err := syscall.Mkfifo(path, 0o644); err != nil {
			t.Fatal(err)
		}
	}},
	{"a device", func(t *testing.T, path, _ string) {
		// /dev/null's numbers, 1:3: harmless if anything did write to it.
		if err := syscall.Mknod(path, syscall.S_IFCHR|0o644, 1<<8|3); err != nil {
			t.Skipf("cannot make a device node here (%v); CI runs as root and can", err)
		}
	}},
	{"a socket", func(t *testing.T, path, _ string) {
		l, err := net.Listen("unix", path)
		if err != nil {
			t.Fatal(err)
		}
		l.(*net.UnixListener).SetUnlinkOnClose(false)
		t.Cleanup(func() { _ = l.Close() })
	}},
	{"a folder", func(t *testing.T, path, _ string) {
		if err := os.Mkdir(path, 0o755); err != nil {
			t.Fatal(err)
		}
	}},
}

func mustSymlink(t *testing.T, target, path string) {
	t.Helper()
	if err := os.Symlink(target, path); err != nil {
		t.Fatal(err)
	}
}

// snapshot is what a path and the victim are, to compare after.
type pathState struct {
	mode        fs.FileMode
	victim      []byte
	victimMode  fs.FileMode
	absentThere bool
	names       []string
}

func stateOf(t *testing.T, path, victim string) pathState {
	t.Helper()
	info, err := os.Lstat(path)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(victim)
	if err != nil {
		t.Fatal(err)
	}
	vi, err := os.Stat(victim)
	if err != nil {
		t.Fatal(err)
	}
	_, absErr := os.Lstat(victim + ".absent")
	entries, _ := os.ReadDir(filepath.Dir(path))
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return pathState{info.Mode(), b, vi.Mode(), errors.Is(absErr, fs.ErrNotExist), names}
}

func (a pathState) same(b pathState) bool {
	return a.mode == b.mode && bytes.Equal(a.victim, b.victim) && a.victimMode == b.victimMode &&
		a.absentThere == b.absentThere && len(a.names) == len(b.names)
}

// makeVictim writes a regular file, 0644, that must never change.
func makeVictim(t *testing.T) string {
	t.Helper()
	victim := filepath.Join(t.TempDir(), "passwd")
	if err := os.WriteFile(victim, []byte("root:x:0:0:root:/root:/bin/sh\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(victim, 0o644); err != nil {
		t.Fatal(err)
	}
	return victim
}

// Every read and every write refuses a database path that is not a
// regular file, in a sentence, and leaves the path, what it points at and
// its folder exactly as they were.
func TestTheDatabasePathMustBeARegularFile(t *testing.T) {
	for _, n := range nodes {
		t.Run(n.name, func(t *testing.T) {
			victim := makeVictim(t)
			path := filepath.Join(t.TempDir(), "tend", "tend.db")
			if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
				t.Fatal(err)
			}
			n.make(t, path, victim)
			before := stateOf(t, path, victim)
			s := New(path)
			errs := readAll(s, 1)
			for name, err := range writeAll(t, s, 1) {
				errs[name] = err
			}
			for name, err := range errs {
				if name == "Exists" {
					continue
				}
				if !errors.Is(err, ErrNotRegular) {
					t.Errorf("%s = %v, want ErrNotRegular", name, err)
				}
			}
			if after := stateOf(t, path, victim); !after.same(before) {
				t.Errorf("the path or what it points at changed: %+v, was %+v", after, before)
			}
		})
	}
}

// A link to a real tend database is refused too: tend does not follow
// links to its file, so it cannot be made to chmod or write another.
func TestALinkToADatabaseIsNotFollowed(t *testing.T) {
	real := New(filepath.Join(t.TempDir(), "real.db"))
	mustAdd(t, real, walkGoal(t, "Walk"))
	if err := os.Chmod(real.Path(), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(t.TempDir(), "tend.db")
	mustSymlink(t, real.Path(), link)
	hash := fileHash(t, real.Path())
	if _, err := New(link).Goals(); !errors.Is(err, ErrNotRegular) {
		t.Errorf("Goals through a link = %v, want ErrNotRegular", err)
	}
	if _, err := New(link).AddGoal(walkGoal(t, "Run")); !errors.Is(err, ErrNotRegular) {
		t.Errorf("AddGoal through a link = %v, want ErrNotRegular", err)
	}
	assertMode(t, real.Path(), 0o644)
	if fileHash(t, real.Path()) != hash {
		t.Error("the linked database was written")
	}
}

// tend's own folder reached through a link is used, but never tightened
// through it; a folder link that points nowhere is never created through.
func TestTheFolderIsNotChangedThroughALink(t *testing.T) {
	target := filepath.Join(t.TempDir(), "elsewhere")
	if err := os.Mkdir(target, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(target, 0o755); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "tend")
	mustSymlink(t, target, dir)
	s := New(filepath.Join(dir, "tend.db"))
	mustAdd(t, s, walkGoal(t, "Walk"))
	assertMode(t, target, 0o755)

	nowhere := filepath.Join(t.TempDir(), "tend")
	gone := filepath.Join(t.TempDir(), "gone")
	mustSymlink(t, gone, nowhere)
	if _, err := New(filepath.Join(nowhere, "tend.db")).AddGoal(walkGoal(t, "Walk")); !errors.Is(err, ErrNotRegular) {
		t.Errorf("AddGoal into a folder link to nothing = %v, want ErrNotRegular", err)
	}
	if _, err := os.Lstat(gone); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a folder was created through a link: %v", err)
	}
}

// The copy made before a migration never goes through a link or onto a
// FIFO or device: the migration waits, the database is as it was.
func TestTheMigrationBackupIsNeverWrittenThroughANode(t *testing.T) {
	for _, n := range nodes {
		if n.name == "a folder" {
			continue
		}
		t.Run(n.name, func(t *testing.T) {
			s := newStore(t)
			mustAdd(t, s, walkGoal(t, "Walk"))
			withTestMigration(t)
			victim := makeVictim(t)
			bak := s.backupPath(currentVersion() - 1)
			n.make(t, bak, victim)
			before, hash := stateOf(t, bak, victim), fileHash(t, s.Path())
			if _, err := s.Goals(); !errors.Is(err, ErrNotRegular) {
				t.Errorf("Goals with %s where the backup goes = %v, want ErrNotRegular", n.name, err)
			}
			if after := stateOf(t, bak, victim); !after.same(before) {
				t.Errorf("the backup's path changed: %+v, was %+v", after, before)
			}
			if fileHash(t, s.Path()) != hash {
				t.Error("the database was migrated without its backup")
			}
			migrations = migrations[:len(migrations)-1]
		})
	}
}

// withTestMigration adds a migration to the list for the test's length.
func withTestMigration(t *testing.T) {
	saved := migrations
	t.Cleanup(func() { migrations = saved })
	migrations = append(append([]migration(nil), saved...), migration{
		version: currentVersion() + 1, name: "a test migration",
		up: func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put([]byte("migrated"), []byte("yes")) },
	})
}

// What a killed tend left beside the database is removed at the next
// open, even a read's: only tend's own names, only when stale, never a
// link.
func TestStaleTemporaryFilesAreRemovedAtTheNextOpen(t *testing.T) {
	s := newStore(t)
	mustAdd(t, s, walkGoal(t, "Walk"))
	dir := filepath.Dir(s.Path())
	old := time.Now().Add(-time.Hour)
	write := func(name string, mtime time.Time) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("a copy of private data"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, mtime, mtime); err != nil {
			t.Fatal(err)
		}
		return p
	}
	stale := []string{
		write(".tend.db.new-123456", old),
		write(".tend.db.v1.bak.tmp-42", old),
		write(".tend-2026-03-02.db.bak.tmp-7", old),
		write(".tend-2026-03-02-2.db.bak.tmp-8", old),
	}
	kept := []string{
		write(".tend.db.new-99", time.Now()), // another tend may be making it now
		write(".tend.db.new-abc", old),
		write(".tendency.tmp-1", old),
		write("notes.tmp-1", old),
	}
	link := filepath.Join(dir, ".tend.db.new-5")
	mustSymlink(t, kept[2], link)
	kept = append(kept, link)
	mustGoals(t, s)
	for _, p := range stale {
		if _, err := os.Lstat(p); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s is still there", filepath.Base(p))
		}
	}
	for _, p := range kept {
		if _, err := os.Lstat(p); err != nil {
			t.Errorf("%s was removed: %v", filepath.Base(p), err)
		}
	}
}

// kindOf has a twin, tui/cli's nodeKind (tui/cli may not import store);
// each is pinned by its own table.
func TestKindOfNamesEveryNode(t *testing.T) {
	for m, want := range map[fs.FileMode]string{
		fs.ModeSymlink:                    "a symbolic link",
		fs.ModeDir:                        "a folder",
		fs.ModeNamedPipe:                  "a named pipe (FIFO)",
		fs.ModeSocket:                     "a socket",
		fs.ModeDevice:                     "a device",
		fs.ModeDevice | fs.ModeCharDevice: "a device",
		fs.ModeIrregular:                  "not a regular file",
	} {
		if got := kindOf(m); got != want {
			t.Errorf("kindOf(%v) = %q, want %q", m, got, want)
		}
	}
}
