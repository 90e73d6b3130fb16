package store

import (
	"errors"
	"fmt"
)

// Errors a caller can tell apart with errors.Is. Their messages, and those of
// the errors that wrap them, are plain sentences a person can act on: the
// command line and the TUI show them as they are.
var (
	// ErrBusy means another tend held the database for longer than a second.
	ErrBusy = errors.New("another tend is using the database — try again in a moment")

	// ErrNotFound means the goal or the day's check-in is not in the database.
	ErrNotFound = errors.New("not found")

	// ErrNameTaken means another goal already has that name, ignoring case.
	ErrNameTaken = errors.New("that name is taken")

	// ErrDamaged means the file is not a tend database that can be read
	// safely: it is empty, foreign, corrupt, or holds a record that makes no
	// sense. The file is left exactly as it was.
	ErrDamaged = errors.New("the database is damaged or is not a tend database")

	// ErrSchemaTooNew means a newer tend wrote the file; this one leaves it
	// alone rather than misread it.
	ErrSchemaTooNew = errors.New("the database was written by a newer tend")

	// ErrNotConfirmed means a write reached the disk's commit step but the
	// commit reported an error, so it may or may not have been saved.
	// Trying again is safe: check-ins are upserts.
	ErrNotConfirmed = errors.New("the change was not confirmed as saved")
)

// sentence is an error whose message is a whole sentence written for a
// person, and which still answers errors.Is for its kind and its cause.
type sentence struct {
	msg   string
	kind  error
	cause error
}

func (e *sentence) Error() string { return e.msg }

func (e *sentence) Unwrap() []error {
	if e.cause == nil {
		return []error{e.kind}
	}
	return []error{e.kind, e.cause}
}

// says makes an error of kind with a message of its own.
func says(kind error, format string, args ...any) error {
	return &sentence{msg: fmt.Sprintf(format, args...), kind: kind}
}

// saysBecause is says with the error that caused it kept for errors.Is.
func saysBecause(kind, cause error, format string, args ...any) error {
	return &sentence{msg: fmt.Sprintf(format, args...), kind: kind, cause: cause}
}

// badRecord reports a record that cannot be decoded. The path is not known
// down here; damagedAt adds it at the edge of the transaction.
func badRecord(format string, args ...any) error {
	return &damage{detail: fmt.Sprintf(format, args...)}
}

// damage is ErrDamaged with the file and what is wrong with it.
type damage struct {
	path   string
	detail string
}

func (e *damage) Error() string {
	where := "the database"
	if e.path != "" {
		where = e.path
	}
	return fmt.Sprintf("%s is damaged or is not a tend database (%s). "+
		"Restore a backup, or move the file aside and tend will start a new one", where, e.detail)
}

func (e *damage) Is(target error) bool { return target == ErrDamaged }

// damagedAt names the file in a damage error that did not know it.
func damagedAt(path string, err error) error {
	var d *damage
	if errors.As(err, &d) && d.path == "" {
		return &damage{path: path, detail: d.detail}
	}
	return err
}
