package cli

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestNumberedNames(t *testing.T) {
	if got := numbered("/d/tend-2026-03-02.db.bak", 3); got != "/d/tend-2026-03-02-3.db.bak" {
		t.Errorf("numbered = %s", got)
	}
}

// A copy is whole under its name or not there at all; a second dated copy
// never replaces the first; every copy is private.
func TestWriteAtomically(t *testing.T) {
	dir := t.TempDir()
	dest := filepath.Join(dir, "tend-2026-03-02.db.bak")
	write := func(s string) func(io.Writer) error {
		return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
	}
	for i, want := range []string{dest, filepath.Join(dir, "tend-2026-03-02-2.db.bak")} {
		got, err := writeAtomically(dest, placeNumbered, write("copy "+want))
		if err != nil || got != want {
			t.Fatalf("copy %d: %s, %v; want %s", i+1, got, err, want)
		}
		info, err := os.Stat(got)
		if err != nil || info.Mode().Perm() != 0o600 {
			t.Errorf("copy %d: %v, mode %v; want 0600", i+1, err, info.Mode().Perm())
		}
	}
	if b, _ := os.ReadFile(dest); string(b) != "copy "+dest {
		t.Errorf("the first copy was replaced: %q", b)
	}

	// The database could not be read: its own words, and nothing written.
	busy := errors.New("another tend is using the database — try again in a moment")
	out := filepath.Join(dir, "export.json")
	if _, err := writeAtomically(out, placeReplace, func(w io.Writer) error {
		_, _ = io.WriteString(w, "half a")
		return busy
	}); !errors.Is(err, busy) {
		t.Errorf("a failed read = %v, want it as it was", err)
	}
	// The copy could not be written: says which file and that nothing was.
	if _, err := writeAtomically(out, placeReplace, func(w io.Writer) error {
		_ = w.(*errWriter).w.(*os.File).Close() // the next write fails, as on a full disk
		_, err := io.WriteString(w, "the document")
		return err
	}); err == nil || !strings.Contains(err.Error(), "nothing was written") {
		t.Errorf("a failed write = %v, want it to say nothing was written", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("files left behind: %v", names)
	}
}

// A copy a killed tend left beside an --out target is removed by the next
// write there, once stale; another file's, or a fresh one, is kept.
func TestStaleCopiesBesideATargetAreRemoved(t *testing.T) {
	dir := t.TempDir()
	dest := filepath.Join(dir, "export.json")
	old := time.Now().Add(-time.Hour)
	mk := func(name string, at time.Time) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("a full copy"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, at, at); err != nil {
			t.Fatal(err)
		}
		return p
	}
	stale := mk(".export.json.tmp-123", old)
	kept := []string{mk(".export.json.tmp-456", time.Now()), mk(".other.json.tmp-1", old), mk(".export.json.tmp-x", old)}
	if _, err := writeAtomically(dest, placeNew, func(w io.Writer) error { _, err := io.WriteString(w, "{}"); return err }); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(stale); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the stale copy is still there (%v)", err)
	}
	for _, p := range kept {
		if _, err := os.Lstat(p); err != nil {
			t.Errorf("%s was removed", filepath.Base(p))
		}
	}
}
