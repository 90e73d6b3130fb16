// Package importfmt reads the files `tend import` takes (IMPORT.md): tend's
// own JSON and CSV exports, a Loop Habit Tracker CSV export (its zip or its
// folder), harsh's habits and log, and dijo's habit_record.json. Each reader
// is pure: bytes in, a Source out, with every value checked and every day
// after today refused, so that nothing is written until the whole input has
// been read. Matching against the database and writing are the caller's.
package importfmt

import (
	"bytes"
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"tend/coach"
)

// Options are what a reader needs beyond the bytes.
type Options struct {
	// Today is tend's today: a check-in after it refuses the input.
	Today coach.Day
	// IncludeAuto also reads dijo's auto habits.
	IncludeAuto bool
	// Progress, when set, is told the bytes of a large file read so far.
	Progress func(done, total int64)
}

// Source is everything an input holds, mapped onto tend's goals.
type Source struct {
	Format  string // loop-csv, harsh, dijo, tend-json, tend-csv
	Version string // "2.3.1", "2.0", "1" …; "" when the format has none
	Habits  []Habit
	// HabitsSkipped are habits not imported at all, with the reason code
	// of IMPORT §3.7; EntriesSkipped counts the entries left out by code.
	HabitsSkipped  []HabitSkip
	EntriesSkipped map[string]int
	NotesDropped   int // notes on entries that became nothing
	NamesChanged   int // names the sanitiser changed or cut
	NotesChanged   int
	UnknownFields  int // fields of a tend file this tend does not know
	// Said are sentences for the report ("old Loop export: …").
	Said []string
	// DayStartHour is a tend file's setting, nil for other sources.
	DayStartHour *int
}

// Habit is one habit of the source, as the goal it becomes.
type Habit struct {
	// Goal is the goal to create when nothing matches: ID 0, the cleaned
	// name, its plan, schedule, statuses (its whole history) and start step.
	Goal coach.Goal
	// From is the habit's name in the source, before cleaning.
	From string
	// Unit and Target are what a foreign source's days are judged by (the
	// custom ladder's one rung); for a tend file, the plan's unit.
	Unit   coach.Unit
	Target float64
	// Restore: a tend JSON goal, whose check-ins carry every field and
	// keep it, and whose file says its level.
	Restore   bool
	FileLevel int
	// FileDecisions are a tend JSON file's own decisions in day order, to
	// compare with the rebuilt ones; nil when the file has none.
	FileDecisions []FileDecision
	// CheckIns are the habit's days, in the order the engine sees them.
	CheckIns []coach.ImportCheckIn
}

// FileDecision is what of a file's decision is compared with the rebuilt
// one (IMPORT §7.2); its message and step are read and not kept.
type FileDecision struct {
	Day      coach.Day
	Action   coach.Action
	From, To int
	Code     coach.Code
}

// Differs reports whether the engine's decision d is another than f.
func (f FileDecision) Differs(d coach.Decision) bool {
	return f.Day != d.Day || f.Action != d.Action || f.From != d.From || f.To != d.To || f.Code != d.ReasonCode
}

// FileDecisionOn is the file's decision on day, if it has one.
func (h *Habit) FileDecisionOn(day coach.Day) (FileDecision, bool) {
	i := sort.Search(len(h.FileDecisions), func(i int) bool { return !h.FileDecisions[i].Day.Before(day) })
	if i < len(h.FileDecisions) && h.FileDecisions[i].Day == day {
		return h.FileDecisions[i], true
	}
	return FileDecision{}, false
}

// HabitSkip is a habit not imported, with why.
type HabitSkip struct {
	Name    string
	Reason  string
	Entries int
}

// Error is input tend cannot import: where, and what is wrong.
type Error struct {
	File string
	Line int // 0: the file as a whole
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s line %d: %s", e.File, e.Line, e.Msg)
	}
	if e.File == "" {
		return e.Msg
	}
	return e.File + ": " + e.Msg
}

func errorf(file string, line int, format string, args ...any) error {
	return &Error{File: file, Line: line, Msg: fmt.Sprintf(format, args...)}
}

func newSource(format, version string) *Source {
	return &Source{Format: format, Version: version, EntriesSkipped: map[string]int{}}
}

func (s *Source) skip(code string) { s.EntriesSkipped[code]++ }

// dropNote counts a note the source showed on an entry tend keeps nothing of.
func (s *Source) dropNote(note string) {
	if strings.TrimSpace(note) != "" {
		s.NotesDropped++
	}
}

// text checks that a file is UTF-8 (IMPORT §3.1): one BOM is dropped,
// UTF-16, NUL bytes and invalid sequences are refused with the line and the
// byte. CR LF line ends are left to the readers, which drop the CR.
func text(file string, b []byte) ([]byte, error) {
	if bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || bytes.HasPrefix(b, []byte{0xFE, 0xFF}) {
		return nil, errorf(file, 0, "this is UTF-16 text; save it as UTF-8 and import again")
	}
	b = bytes.TrimPrefix(b, []byte{0xEF, 0xBB, 0xBF})
	line, start := 1, 0
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c == '\n':
			line, start = line+1, i+1
			i++
			continue
		case c == 0:
			return nil, errorf(file, line, "there is a NUL byte at position %d; this is not a text file tend can read", i-start+1)
		case c < utf8.RuneSelf:
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return nil, errorf(file, line, "this is not UTF-8 text (byte 0x%02X at position %d); save it as UTF-8 and import again", c, i-start+1)
		}
		i += n
	}
	return b, nil
}

// lines splits text into lines, dropping a CR before each LF.
func lines(b []byte) []string {
	out := strings.Split(string(b), "\n")
	for i, l := range out {
		out[i] = strings.TrimSuffix(l, "\r")
	}
	if n := len(out); n > 0 && out[n-1] == "" {
		out = out[:n-1]
	}
	return out
}

// cleanName is the sanitiser for a name (IMPORT §3.1): controls, bidi,
// invisible and tag characters go, spaces are trimmed, and the name is cut
// to 64 characters. An empty result is "<Source> habit <position>".
func (s *Source) cleanName(raw, source string, pos int) string {
	name := cut(strings.TrimSpace(strip(raw, false)), coach.MaxNameLen)
	if name != raw {
		s.NamesChanged++
	}
	if !strings.ContainsFunc(name, func(r rune) bool { return unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.P, unicode.S) }) {
		name = fmt.Sprintf("%s habit %d", strings.ToUpper(source[:1])+source[1:], pos)
	}
	return name
}

// cleanNote is the sanitiser for a note: line breaks and tabs become
// spaces, and the note is cut to 500 characters.
func (s *Source) cleanNote(raw string) string {
	note := cut(strings.TrimSpace(strip(raw, true)), coach.MaxNoteLen)
	if note != raw {
		s.NotesChanged++
	}
	return note
}

func strip(raw string, note bool) string {
	raw = strings.ReplaceAll(raw, "\r\n", "\n")
	raw = strings.Map(func(r rune) rune {
		switch {
		case note && (r == '\n' || r == '\r'), r == '\t':
			return ' '
		}
		return r
	}, raw)
	// The one rule for what is text (coach/text.go): controls, bidi,
	// invisible and tag characters go.
	return coach.WithoutHidden(raw)
}

func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return strings.TrimSpace(string([]rune(s)[:n]))
}

// unitOf maps a source's unit (IMPORT §3.3) to tend's, with the factor its
// amounts are multiplied by; known is false for a unit counted as times.
func unitOf(s string) (u coach.Unit, factor float64, known bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "min", "mins", "minute", "minutes":
		return coach.Minutes, 1, true
	case "h", "hr", "hrs", "hour", "hours":
		return coach.Minutes, 60, true
	case "km", "kms", "kilometer", "kilometers", "kilometre", "kilometres":
		return coach.Km, 1, true
	case "mi", "mile", "miles":
		return coach.Miles, 1, true
	case "rep", "reps", "repetition", "repetitions":
		return coach.Reps, 1, true
	case "time", "times", "x", "":
		return coach.Times, 1, true
	}
	return coach.Times, 1, false
}

// perWeek is n times in d days as days a week: round(7n/d), halves up,
// within 1..7 (IMPORT §3.3).
func perWeek(n, d int) int {
	if d <= 0 {
		return 7
	}
	w := (14*n + d) / (2 * d)
	return max(1, min(7, w))
}

// wholeTarget rounds a target half up to a whole number, at least 1, for a
// unit that counts whole things; it reports whether it changed.
func wholeTarget(t float64, u coach.Unit) (float64, bool) {
	if !u.Whole() {
		return t, false
	}
	r := max(1, math.Floor(t+0.5))
	return r, r != t
}

// oneRung is the goal a foreign habit becomes (IMPORT §3.3): a custom
// ladder with one rung at the source's target, level 1, from its oldest day.
func oneRung(name string, u coach.Unit, target float64, days int, created coach.Day) coach.Goal {
	c := &coach.Custom{Unit: u, Start: target, Step: 1, Max: target, Every: 3}
	return coach.Goal{
		Name: name, PlanID: coach.CustomPlanID, Custom: c,
		Schedules: []coach.ScheduleChange{{From: created, Schedule: coach.Schedule{PerWeek: days}}},
		Statuses:  []coach.StatusChange{{From: created, Status: coach.Active}},
		Level:     1, Variant: 1, Created: created,
	}
}

// session is a foreign source's day: done at or above the target, partial
// below it, or a rest (IMPORT §3.4).
func session(day coach.Day, amount, target float64, rest bool, note string) coach.ImportCheckIn {
	c := coach.CheckIn{Day: day, Outcome: coach.Done, Achieved: amount, Target: target,
		Effort: coach.EffortOK, Pain: coach.PainNone, Note: note, Level: 1, Variant: 1}
	switch {
	case rest:
		c.Outcome, c.Achieved = coach.Rest, 0
	case amount == 0:
		c.Achieved = target
	case amount < target:
		c.Outcome = coach.Partial
	}
	return coach.ImportCheckIn{CheckIn: c}
}

// finishHabit sets a foreign habit's created day and statuses from its
// check-ins (IMPORT §3.3). retired is zero for an active habit; otherwise
// the day it is archived from when it has no check-ins after it.
func finishHabit(h *Habit, today coach.Day, archived bool, archiveFrom coach.Day) {
	created := today
	if len(h.CheckIns) > 0 {
		created = h.CheckIns[0].Day
	}
	u, t, days := h.Unit, h.Target, h.Goal.Schedules[0].PerWeek
	name := h.Goal.Name
	from := h.Goal.ImportedFrom
	h.Goal = oneRung(name, u, t, days, created)
	h.Goal.ImportedFrom = from
	if !archived {
		return
	}
	if len(h.CheckIns) == 0 {
		h.Goal.Statuses = []coach.StatusChange{{From: today, Status: coach.Archived}}
		return
	}
	a := h.CheckIns[len(h.CheckIns)-1].Day.AddDays(1)
	if !archiveFrom.IsZero() && archiveFrom.After(a) {
		a = archiveFrom
	}
	if a.After(today) {
		a = today
	}
	h.Goal.Statuses = append(h.Goal.Statuses, coach.StatusChange{From: a, Status: coach.Archived})
}

// future is the error for a check-in after today.
func future(file string, line int, day, today coach.Day) error {
	return errorf(file, line, "%s is after today (%s); tend takes only days that have happened", day, today)
}

func sortSlice[T any](xs []T, less func(a, b T) bool) {
	sort.SliceStable(xs, func(i, j int) bool { return less(xs[i], xs[j]) })
}
