package store

import (
	"errors"
	"io"
	"syscall"
)

// ErrReadOnly means the database's disk cannot be written: a read-only
// filesystem. Reads still work; nothing was changed.
var ErrReadOnly = errors.New("the database's disk is read-only")

// A full or read-only disk is something a person can fix, and the words for
// it say what happened to their change and to what they saved before. A
// commit that fails for want of space fails while writing its pages, before
// the meta page that would make them count, so the change was not saved and
// the file is as it was. The messages hold no ": ", which the TUI reads as
// the end of a prefix meant for programs.

// commitError is the error for a commit of what that failed with err.
func commitError(what string, err error) error {
	switch {
	case diskFull(err):
		return saysBecause(ErrNotConfirmed, err, "%s was not saved, because the disk is full. "+
			"Nothing saved before is lost; free some space and try again", what)
	case errors.Is(err, syscall.EROFS):
		return saysBecause(ErrReadOnly, err, "%s was not saved, because the disk is read-only. "+
			"Nothing saved before is lost; make the disk writable and try again", what)
	}
	// The commit may still have reached the disk, and a second check-in
	// on a day adds to the first: look before trying again.
	return saysBecause(ErrNotConfirmed, err,
		"%s was not confirmed as saved (%v). It may have been saved after all; "+
			"look with `tend today` before trying again, so a session is not counted twice", what, err)
}

// diskError is the error for opening the database at path for writing,
// when the disk is full or read-only; nil for any other err.
func diskError(path string, err error) error {
	switch {
	case diskFull(err):
		return saysBecause(ErrNotConfirmed, err, "nothing was saved, because the disk that holds %s is full. "+
			"Nothing saved before is lost; free some space and try again", path)
	case errors.Is(err, syscall.EROFS):
		return saysBecause(ErrReadOnly, err, "nothing was saved, because %s is on a read-only disk. "+
			"Nothing saved before is lost, and tend can still show it; make the disk writable and try again", path)
	}
	return nil
}

func diskFull(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT)
}

// ErrUnreadable means the disk failed to read the database (an input/output
// error). That is not damage: the file may be fine, and the next try may
// work. Nothing was changed.
var ErrUnreadable = errors.New("the database could not be read")

// readError turns an input/output error into ErrUnreadable, in words that
// say to try again rather than to move the file aside; any other err is
// returned as it is.
func (s *Store) readError(err error) error {
	if err == nil || !errors.Is(err, syscall.EIO) {
		return err
	}
	return saysBecause(ErrUnreadable, err, "%s could not be read just now (the disk reported an input/output error). "+
		"Nothing was changed; try again, and if it keeps happening, check the disk", s.path)
}

// readErrs is a file as checkFile reads it, remembering the first read that
// failed for a reason other than the end of the file, so that a disk error
// is not mistaken for a damaged page.
type readErrs struct {
	r   io.ReaderAt
	err error
}

func (e *readErrs) ReadAt(p []byte, off int64) (int, error) {
	n, err := e.r.ReadAt(p, off)
	if err != nil && !errors.Is(err, io.EOF) && e.err == nil {
		e.err = err
	}
	return n, err
}

// checkReads is the hook a test uses to make the disk fail; nil otherwise.
var checkReads func(io.ReaderAt) io.ReaderAt
