package coach

import (
	"errors"
	"fmt"
)

// Errors a person can meet, each answered with a plain sentence at the door
// that met it. Wrap them with %w so callers can tell them apart.
var (
	// ErrBadDate means a date was not a real YYYY-MM-DD day.
	ErrBadDate = errors.New("bad date")

	// ErrFutureDate means a check-in was asked for a day that has not come yet.
	ErrFutureDate = errors.New("that day has not happened yet")

	// ErrBadName means a goal's name was empty, too long or held characters
	// that cannot be shown safely in a terminal.
	ErrBadName = errors.New("bad name")

	// ErrBadNote means a note was too long or held characters that cannot be
	// shown safely.
	ErrBadNote = errors.New("bad note")

	// ErrBadValue means a number or choice was outside what tend accepts.
	ErrBadValue = errors.New("bad value")

	// ErrUnknownPlan means no built-in plan has the given id.
	ErrUnknownPlan = errors.New("unknown plan")

	// ErrNotActive means the goal is paused, in safety hold or archived, so
	// it takes no check-ins until it is resumed.
	ErrNotActive = errors.New("goal is not active")
)

// sentence is an error a person reads as it is: the sentence says what is
// wrong and what to do, and the sentinel it wraps lets programs tell kinds
// apart with errors.Is without putting its words in front.
type sentence struct {
	kind error
	msg  string
}

func (e *sentence) Error() string { return e.msg }
func (e *sentence) Unwrap() error { return e.kind }

// says makes a sentence of kind.
func says(kind error, format string, args ...any) error {
	return &sentence{kind: kind, msg: fmt.Sprintf(format, args...)}
}
