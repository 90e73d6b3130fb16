package coach

import (
	"strings"
	"time"
)

// Outcome is what happened on a day, as a person reported it. Missed is
// never stored: it is derived from the schedule.
type Outcome int

// Outcomes, in the order the check-in offers them.
const (
	Done Outcome = iota + 1
	Partial
	Minimum
	Rest
	Unwell
	Away
)

var outcomeNames = map[Outcome]string{
	Done: "done", Partial: "partial", Minimum: "minimum", Rest: "rest", Unwell: "unwell", Away: "away",
}

// Outcomes lists every stored outcome in check-in order.
var Outcomes = []Outcome{Done, Partial, Minimum, Rest, Unwell, Away}

func (o Outcome) String() string { return nameOf(outcomeNames, o) }

// ShowedUp reports whether the outcome is a session: done, partial or minimum.
func (o Outcome) ShowedUp() bool { return o == Done || o == Partial || o == Minimum }

// Skips reports whether the day is a pause for every measure: rest, unwell, away.
func (o Outcome) Skips() bool { return o == Rest || o == Unwell || o == Away }

// ParseOutcome reads an outcome's name.
func ParseOutcome(s string) (Outcome, error) { return parseName(outcomeNames, s, "outcome") }

// Effort is how hard a session felt, on the talk test's three steps.
type Effort int

// Efforts: easy could chat or sing, ok is sentences not songs, hard is a few
// words at a time.
const (
	EffortOK Effort = iota
	EffortEasy
	EffortHard
)

var effortNames = map[Effort]string{EffortEasy: "easy", EffortOK: "ok", EffortHard: "hard"}

// Efforts lists the efforts in the order the check-in offers them.
var Efforts = []Effort{EffortEasy, EffortOK, EffortHard}

func (e Effort) String() string { return nameOf(effortNames, e) }

// ParseEffort reads an effort's name.
func ParseEffort(s string) (Effort, error) { return parseName(effortNames, s, "effort") }

// Pain is what a person felt in their body; Warning is the red flag.
type Pain int

// Pains, mildest first.
const (
	PainNone Pain = iota
	PainSore
	PainPain
	PainWarning
)

var painNames = map[Pain]string{PainNone: "none", PainSore: "sore", PainPain: "pain", PainWarning: "warning"}

// Pains lists the pain answers in the order the check-in offers them.
var Pains = []Pain{PainNone, PainSore, PainPain, PainWarning}

func (p Pain) String() string { return nameOf(painNames, p) }

// ParsePain reads a pain answer's name.
func ParsePain(s string) (Pain, error) { return parseName(painNames, s, "pain") }

// CheckIn is what a person said about one goal on one day.
type CheckIn struct {
	Day     Day
	Outcome Outcome
	// Achieved is the amount done, in the plan's unit; Target is the target
	// it was judged against (today's session as offered).
	Achieved, Target float64
	Effort           Effort
	Pain             Pain
	MoodBefore       *int // 0–10, nil when skipped
	MoodAfter        *int
	Note             string
	// Level, Variant and Bridge record where the goal stood that day.
	Level, Variant int
	Bridge         bool
	WrittenAt      time.Time
	// Device is the id of the device that wrote the check-in (16 hex
	// digits), "" when unknown: written before devices had ids.
	Device string
}

// Ratio is how much of the target was done: 1 is all of it.
func (c CheckIn) Ratio() float64 {
	if c.Target <= 0 {
		return 0
	}
	return c.Achieved / c.Target
}

// merge folds a later check-in for the same day into c, by the table of
// SYNC.md §7.1 that COACH §6.2 uses (clarified): amounts of the sessions
// add and the outcome follows the sum; a session outranks a rest, unwell or
// away; the most demanding effort of the sessions stands; the worse pain
// stands; mood before is the first given, mood after the last; distinct
// notes are joined with " · ". The target and step are the earlier one's,
// the day as it was offered; when it was written and by whom, the later's.
func (c CheckIn) merge(later CheckIn) CheckIn {
	m := c
	m.WrittenAt, m.Device = later.WrittenAt, later.Device
	m.Outcome, m.Achieved, m.Effort = mergedSession(c, later)
	m.Pain = max(c.Pain, later.Pain)
	if m.MoodBefore == nil {
		m.MoodBefore = later.MoodBefore
	}
	if later.MoodAfter != nil {
		m.MoodAfter = later.MoodAfter
	}
	m.Note = joinNotes(c.Note, later.Note)
	return m
}

// mergedSession is the outcome, amount and effort of two check-ins of a
// day: the sessions among them count, and only without one does the day
// stay a rest, unwell or away (the first present of those, in that order of
// rank: unwell, away, rest).
func mergedSession(a, b CheckIn) (Outcome, float64, Effort) {
	var sum float64
	effort, sessions, timed := EffortOK, 0, false
	for _, x := range []CheckIn{a, b} {
		if !x.Outcome.ShowedUp() {
			continue
		}
		if sessions == 0 || effortRank(x.Effort) > effortRank(effort) {
			effort = x.Effort
		}
		sum, sessions = sum+x.Achieved, sessions+1
		timed = timed || x.Outcome == Done || x.Outcome == Partial
	}
	switch {
	case timed:
		return Classify(Done, sum, a.Target), sum, effort
	case sessions > 0:
		return Minimum, sum, effort
	}
	for _, o := range []Outcome{Unwell, Away, Rest} {
		if a.Outcome == o || b.Outcome == o {
			return o, 0, EffortOK
		}
	}
	return b.Outcome, 0, EffortOK
}

// effortRank orders efforts by how demanding they were.
func effortRank(e Effort) int {
	switch e {
	case EffortEasy:
		return 0
	case EffortHard:
		return 2
	case EffortOK:
	}
	return 1
}

// joinNotes keeps both of a day's notes, once each, cut to MaxNoteLen.
func joinNotes(a, b string) string {
	switch {
	case b == "" || b == a:
		return a
	case a == "":
		return b
	}
	for _, part := range strings.Split(a, noteJoin) {
		if part == b {
			return a
		}
	}
	joined := []rune(a + noteJoin + b)
	return string(joined[:min(len(joined), MaxNoteLen)])
}

// noteJoin sits between two notes of one day.
const noteJoin = " · "

// MoodRange bounds a mood rating.
const (
	MoodMin = 0
	MoodMax = 10
)

// MergeDay folds a later contribution to a day's check-in into the earlier
// ones, by SYNC §7.1's table (the same-day rule above): sync derives a
// day from every device's contributions with it, in clock order.
func MergeDay(earlier, later CheckIn) CheckIn { return earlier.merge(later) }
