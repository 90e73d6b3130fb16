package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"tend/coach"
)

// A victim is a file a symlink swapped in points at: its bytes and mode
// must come through untouched.
type victim struct {
	path string
	mode os.FileMode
	data []byte
}

func newVictim(t *testing.T) victim {
	t.Helper()
	v := victim{path: filepath.Join(t.TempDir(), "passwd"), mode: 0o644, data: []byte("root:x:0:0\n")}
	if err := os.WriteFile(v.path, v.data, v.mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(v.path, v.mode); err != nil {
		t.Fatal(err)
	}
	return v
}

func (v victim) unchanged(t *testing.T) {
	t.Helper()
	info, err := os.Stat(v.path)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(v.path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != v.mode || !bytes.Equal(got, v.data) {
		t.Errorf("the link's target changed: mode %v, bytes %q", info.Mode().Perm(), got)
	}
}

// swapIn makes beforeOpen replace what is at path with a link to target,
// once, at the moment a hostile process would: after tend made the folder
// and before it touches the path (issue 10 item 2).
func swapIn(t *testing.T, path, target string) {
	t.Helper()
	t.Cleanup(func() { beforeOpen = func(string) {} })
	beforeOpen = func(p string) {
		if p != path {
			return
		}
		if err := os.RemoveAll(p); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, p); err != nil {
			t.Fatal(err)
		}
	}
}

// The backups folder swapped for a link to a folder between MkdirAll and
// the chmod: the copy is refused and the folder the link names keeps its
// mode and has nothing new in it.
func TestBackupFolderSwappedForALinkIsNotFollowed(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	st := realStore(t)
	elsewhere := t.TempDir()
	if err := os.Chmod(elsewhere, 0o755); err != nil {
		t.Fatal(err)
	}
	dir := backupFolder(DefaultConfig(), st.Path())
	swapIn(t, dir, elsewhere)
	if _, _, err := writeBackupCopy(st, DefaultConfig(), time.Now()); err == nil {
		t.Error("a copy was written into a folder reached through a link")
	}
	info, err := os.Stat(elsewhere)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o755 {
		t.Errorf("the linked folder was chmodded to %v", info.Mode().Perm())
	}
	if entries, _ := os.ReadDir(elsewhere); len(entries) != 0 {
		t.Errorf("%d files written through the link", len(entries))
	}
}

// The reminder's state file swapped for a link to a file: the link's
// target keeps its bytes and mode; the state file is written beside the
// link's name (a rename replaces the link), or not at all.
func TestReminderStateSwappedForALinkIsNotFollowed(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	v := newVictim(t)
	swapIn(t, remindFile(), v.path)
	rememberReminder(coach.DayOf(2026, time.March, 2))
	v.unchanged(t)
	// And a regular state file is still kept.
	beforeOpen = func(string) {}
	if err := os.Remove(remindFile()); err != nil {
		t.Fatal(err)
	}
	rememberReminder(coach.DayOf(2026, time.March, 3))
	if got := remindedOn(); got != "2026-03-03" {
		t.Errorf("remindedOn = %q after a plain write", got)
	}
	if info, err := os.Lstat(remindFile()); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("state file %v, %v", info, err)
	}
}

// nodeKind has a twin, store's kindOf: tui/cli may not import store, and
// the only package both may import is coach, which names no files. Each
// twin is pinned by its own table.
func TestNodeKindNamesEveryNode(t *testing.T) {
	for m, want := range map[os.FileMode]string{
		os.ModeSymlink:                    "a symbolic link",
		os.ModeNamedPipe:                  "a named pipe (FIFO)",
		os.ModeSocket:                     "a socket",
		os.ModeDevice:                     "a device",
		os.ModeDevice | os.ModeCharDevice: "a device",
		os.ModeIrregular:                  "not a regular file",
	} {
		if got := nodeKind(m); got != want {
			t.Errorf("nodeKind(%v) = %q, want %q", m, got, want)
		}
	}
}

// The backups folder swapped for a link between listing its copies and
// removing the oldest: the copies go from the folder that was listed, and
// the folder the link names keeps every file, copy-named or not.
func TestRotationRemovesOnlyInTheFolderItListed(t *testing.T) {
	root := t.TempDir()
	dir, moved, decoy := filepath.Join(root, "copies"), filepath.Join(root, "copies.moved"), filepath.Join(root, "decoy")
	names := []string{"tend-2026-03-01-100000.db", "tend-2026-03-02-100000.db", "tend-2026-03-03-100000.db"}
	for _, d := range []string{dir, decoy} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			t.Fatal(err)
		}
		for _, n := range names {
			if err := os.WriteFile(filepath.Join(d, n), []byte(d), 0o600); err != nil {
				t.Fatal(err)
			}
		}
	}
	t.Cleanup(func() { afterList = func(string) {} })
	afterList = func(p string) {
		if err := os.Rename(p, moved); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(decoy, p); err != nil {
			t.Fatal(err)
		}
	}
	if err := rotate(dir, 1); err != nil {
		t.Fatalf("rotate: %v", err)
	}
	if left, _ := backupCopies(moved); len(left) != 1 || left[0] != names[2] {
		t.Errorf("the listed folder keeps %v, want only the newest copy %s", left, names[2])
	}
	if left, _ := backupCopies(decoy); len(left) != len(names) {
		t.Errorf("the folder behind the link lost copies: %v left of %v", left, names)
	}
}
