package tui

import (
	"fmt"
	"time"

	"tend/coach"
)

// loadedMsg carries a fresh read of the goals and their recent check-ins.
type loadedMsg struct {
	snap coach.Snapshot
	day  coach.Day
	file fileStatMsg // the file as it was just before the read
}

// goalAddedMsg says a new goal is on disk.
type goalAddedMsg struct{ goal coach.Goal }

// checkInSavedMsg says a check-in is committed to disk, and what it did.
type checkInSavedMsg struct {
	goalID uint64
	rec    coach.Recorded
	prev   *coach.CheckIn // the day's check-in it added to, if any
	today  coach.Day
}

// undoneMsg says a day's check-in was removed.
type undoneMsg struct {
	goalID uint64
	name   string
	day    coach.Day
}

// fileStatMsg reports the database file's modification time, so that a
// check-in made from another terminal shows up here.
type fileStatMsg struct {
	mod  time.Time
	size int64
	// notice is what a merge of the other devices' journals brought, to
	// say once ("Updated from laptop."); "" when nothing came in.
	notice string
}

// watchTickMsg asks for the next look at the file.
type watchTickMsg struct{}

// errMsg is a recoverable error, shown in the status line until the next key.
type errMsg struct{ err error }

func (e errMsg) Error() string { return e.err.Error() }

// fatalMsg is an error the screens cannot go on from, such as a damaged
// database at start-up: it is shown, then returned to main after the
// terminal is restored.
type fatalMsg struct{ err error }

// closeScreenMsg asks the root to go back to Today.
type closeScreenMsg struct{}

// userError is a sentence for a person, with nothing to strip.
type userError struct{ msg string }

func (e userError) Error() string { return e.msg }

func wrapUser(format string, args ...any) error { return userError{msg: fmt.Sprintf(format, args...)} }
