package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"tend/coach"
)

// A full disk and a read-only one, for real: a small tmpfs mounted for the
// test. CI runs as root, so file modes would prove nothing; where mounting
// is not allowed the tests skip and say why.

// smallDisk mounts a tmpfs of size bytes on a fresh folder and returns it;
// the mount goes when the test ends.
func smallDisk(t *testing.T, size int) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("skipped: mounting a small tmpfs to fill needs root, and this test is not running as root")
	}
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, fmt.Sprintf("size=%d,mode=0700", size)); err != nil {
		t.Skipf("skipped: cannot mount a tmpfs here (%v); a container without CAP_SYS_ADMIN does this", err)
	}
	t.Cleanup(func() {
		if err := syscall.Unmount(dir, 0); err != nil {
			if err := syscall.Unmount(dir, syscall.MNT_DETACH); err != nil {
				t.Errorf("unmounting the test's tmpfs %s: %v", dir, err)
			}
		}
	})
	return dir
}

// remount makes the small disk at dir read-only, or writable again.
func remount(t *testing.T, dir string, readOnly bool) {
	t.Helper()
	flags := uintptr(syscall.MS_REMOUNT)
	if readOnly {
		flags |= syscall.MS_RDONLY
	}
	if err := syscall.Mount("tmpfs", dir, "tmpfs", flags, ""); err != nil {
		t.Fatalf("remounting %s (read-only %v): %v", dir, readOnly, err)
	}
}

// fillDisk writes a file into dir until the disk is full, and returns it.
func fillDisk(t *testing.T, dir string) string {
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
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatalf("filling the disk: %v", err)
			}
			return path
		}
	}
}

// noteFor is a long note, so that every check-in needs room on the disk.
func noteFor(day coach.Day) string {
	return strings.Repeat("day "+day.String()+" went well; ", 20)[:coach.MaxNoteLen]
}

// TestAFullDiskSavesNothingAndLosesNothing: on a disk with no room left, a
// check-in that needs room fails as not saved, in words that say so;
// everything saved before is still there, the file passes bbolt's check,
// and the same check-in goes in once there is room again.
func TestAFullDiskSavesNothingAndLosesNothing(t *testing.T) {
	dir := smallDisk(t, 256<<10)
	path := filepath.Join(dir, "tend", "tend.db")
	s := New(path)
	g := mustAdd(t, s, walkGoal(t, "Walk"))
	day := created
	var saved []coach.Day
	for range 10 {
		day = day.AddDays(1)
		mustCheckIn(t, s, g.ID, coach.Entry{Day: day, Outcome: coach.Done, Note: noteFor(day), At: writeAt}, day)
		saved = append(saved, day)
	}
	filler := fillDisk(t, dir)

	// bbolt reuses the pages it freed, so a few more may fit; keep going
	// until one needs room the disk does not have.
	var failed error
	for range 200 {
		day = day.AddDays(1)
		_, err := s.CheckIn(g.ID, coach.Entry{Day: day, Outcome: coach.Done, Note: noteFor(day), At: writeAt}, day)
		if err != nil {
			failed = err
			break
		}
		saved = append(saved, day)
	}
	if failed == nil {
		t.Fatalf("200 check-ins with long notes all fitted on a full 256 KB disk")
	}
	t.Logf("%d check-ins saved, then: %v", len(saved), failed)
	if !errors.Is(failed, ErrNotConfirmed) {
		t.Errorf("the failed check-in = %v, want ErrNotConfirmed", failed)
	}
	for _, want := range []string{"not saved", "disk is full", "Nothing saved before is lost", "try again"} {
		if !strings.Contains(failed.Error(), want) {
			t.Errorf("the message does not say %q: %s", want, failed)
		}
	}

	// Still full: everything saved reads back, and nothing of the failed day.
	assertSaved(t, s, g.ID, saved, day)
	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	checkFileAtEnd(t, path)
	mustCheckIn(t, s, g.ID, coach.Entry{Day: day, Outcome: coach.Done, Note: noteFor(day), At: writeAt}, day)
	assertSaved(t, s, g.ID, append(saved, day), coach.Day{})
	checkFileAtEnd(t, path)
}

// assertSaved checks that the goal's check-ins are on exactly the days
// saved, and none on the day that failed.
func assertSaved(t *testing.T, s *Store, goalID uint64, saved []coach.Day, failed coach.Day) {
	t.Helper()
	cs := mustCheckIns(t, s, goalID)
	if len(cs) != len(saved) {
		t.Errorf("%d check-ins read back, want the %d saved", len(cs), len(saved))
	}
	for i, c := range cs {
		if i < len(saved) && c.Day != saved[i] {
			t.Errorf("check-in %d is for %s, want %s", i, c.Day, saved[i])
		}
		if c.Day == failed {
			t.Errorf("the check-in that failed (%s) is in the file", failed)
		}
		if c.Note != noteFor(c.Day) {
			t.Errorf("the check-in of %s lost its note", c.Day)
		}
	}
}

// A new database on a full disk: nothing is saved, and once there is room
// the first goal goes in; no empty or half-made file is left to be called
// damaged.
func TestANewDatabaseOnAFullDisk(t *testing.T) {
	dir := smallDisk(t, 64<<10)
	path := filepath.Join(dir, "tend", "tend.db")
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	filler := fillDisk(t, dir)
	s := New(path)
	_, err := s.AddGoal(walkGoal(t, "Walk"))
	if err == nil {
		t.Fatal("AddGoal on a full disk succeeded")
	}
	if !strings.Contains(err.Error(), "full") || !strings.Contains(err.Error(), "try again") {
		t.Errorf("AddGoal on a full disk = %v, want it to say the disk is full and to try again", err)
	}
	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddGoal(walkGoal(t, "Walk")); err != nil {
		t.Errorf("AddGoal once there is room = %v", err)
	}
	checkFileAtEnd(t, path)
}

// TestAReadOnlyDiskSavesNothingAndStillReads: on a disk remounted
// read-only, every write fails as not saved, in words that say so; every
// read still works; the file is as it was.
func TestAReadOnlyDiskSavesNothingAndStillReads(t *testing.T) {
	dir := smallDisk(t, 1<<20)
	path := filepath.Join(dir, "tend", "tend.db")
	s := New(path)
	g := mustAdd(t, s, walkGoal(t, "Walk"))
	var saved []coach.Day
	for i := range 5 {
		day := created.AddDays(i + 1)
		mustCheckIn(t, s, g.ID, coach.Entry{Day: day, Outcome: coach.Done, Note: noteFor(day), At: writeAt}, day)
		saved = append(saved, day)
	}
	before := fileHash(t, path)
	remount(t, dir, true)
	t.Cleanup(func() { remount(t, dir, false) })

	_, err := s.CheckIn(g.ID, entry(today, coach.Done), today)
	if !errors.Is(err, ErrReadOnly) {
		t.Errorf("CheckIn on a read-only disk = %v, want ErrReadOnly", err)
	}
	for _, want := range []string{"nothing was saved", "read-only", "Nothing saved before is lost", "try again", path} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("the message does not say %q: %v", want, err)
		}
	}
	for name, err := range writeAll(t, s, g.ID) {
		if !errors.Is(err, ErrReadOnly) {
			t.Errorf("%s on a read-only disk = %v, want ErrReadOnly", name, err)
		}
	}
	for name, err := range readAll(s, g.ID) {
		if err != nil {
			t.Errorf("%s on a read-only disk = %v, want it to read", name, err)
		}
	}
	assertSaved(t, s, g.ID, saved, today)
	if fileHash(t, path) != before {
		t.Errorf("the file on the read-only disk changed")
	}
	remount(t, dir, false)
	checkFileAtEnd(t, path)
}
