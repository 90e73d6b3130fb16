package store

import (
	"errors"
	"io"
	"strings"
	"syscall"
	"testing"

	"tend/coach"
)

// failingDisk is a file whose reads fail as a failing disk's do.
type failingDisk struct{ io.ReaderAt }

func (failingDisk) ReadAt([]byte, int64) (int, error) { return 0, syscall.EIO }

// A read the disk fails is not damage: tend says to try again, never to
// move the file aside, writes nothing, and the next try, once the disk
// reads, works.
func TestAnIOErrorIsNotDamage(t *testing.T) {
	s := newStore(t)
	g := mustAdd(t, s, walkGoal(t, "Walk"))
	hash := fileHash(t, s.Path())
	checkReads = func(r io.ReaderAt) io.ReaderAt { return failingDisk{r} }
	errs := readAll(s, g.ID)
	for name, err := range writeAll(t, s, g.ID) {
		errs[name] = err
	}
	checkReads = nil
	for name, err := range errs {
		if name == "Exists" {
			continue
		}
		if !errors.Is(err, ErrUnreadable) || errors.Is(err, ErrDamaged) ||
			!strings.Contains(err.Error(), "try again") || strings.Contains(err.Error(), "move the file aside") {
			t.Errorf("%s on a disk that fails to read = %v; want ErrUnreadable, saying to try again", name, err)
		}
	}
	if fileHash(t, s.Path()) != hash {
		t.Error("the file changed while it could not be read")
	}
	if _, err := s.CheckIn(g.ID, entry(today, coach.Done), today); err != nil {
		t.Errorf("the next try, with the disk reading again: %v", err)
	}
}
