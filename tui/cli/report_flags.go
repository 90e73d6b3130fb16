package cli

import (
	"fmt"
	"sort"
	"strings"

	"tend/coach"
)

// The pain and safety flags of a report, in the plain words a doctor or a
// friend reads, each with its date; and how days and weeks are written.

// Flag words. A warning sign is what the check-in's "warning" means (COACH
// §5's stop rules); what tend did is said beside what was logged.
const (
	flagSore    = "muscle soreness logged (normal a day or two after)"
	flagPain    = "pain logged during or after a session"
	flagLighter = "; the next session was made lighter"
	flagPaused  = "; pain had come up a few times, so the plan was paused until it is checked"
	flagWarning = "a warning sign logged (chest pain, fainting, dizziness or severe breathlessness); " +
		"exercise went on hold until a doctor or nurse had checked"
	flagHeld    = "put on hold until a check"
	flagResumed = "resumed after a check"
)

// flagsOf lists one goal's flags in its window, in day order.
func flagsOf(w reportWindow, from, today coach.Day) []reportFlag {
	name := coach.Printable(w.goal.Name)
	codes := map[coach.Day]coach.Code{}
	for _, d := range w.changes {
		codes[d.Day] = d.ReasonCode
	}
	warned := map[coach.Day]bool{}
	var out []reportFlag
	for _, c := range w.checkIns {
		var what string
		switch c.Pain {
		case coach.PainSore:
			what = flagSore
		case coach.PainPain:
			what = flagPain
			switch codes[c.Day] {
			case coach.CodeP2:
				what += flagPaused
			case coach.CodeP1:
				what += flagLighter
			default:
			}
		case coach.PainWarning:
			what, warned[c.Day] = flagWarning, true
		case coach.PainNone:
			continue
		}
		out = append(out, reportFlag{Day: c.Day, Goals: []string{name}, What: what})
	}
	prev := coach.Active
	for _, s := range w.goal.Statuses {
		inWindow := !s.From.Before(from) && !s.From.After(today)
		switch {
		case !inWindow:
		case s.Status == coach.SafetyHold && prev != coach.SafetyHold && !warned[s.From]:
			out = append(out, reportFlag{Day: s.From, Goals: []string{name}, What: flagHeld})
		case prev == coach.SafetyHold && s.Status == coach.Active:
			out = append(out, reportFlag{Day: s.From, Goals: []string{name}, What: flagResumed})
		}
		prev = s.Status
	}
	return out
}

// reportFlag is a pain or safety flag: what was logged or done, on a day,
// for the goals it names.
type reportFlag struct {
	Day   coach.Day
	Goals []string
	What  string
}

// Words is the flag as a sentence: "Walk: pain logged during or after a session."
func (f reportFlag) Words() string {
	return andList(f.Goals) + ": " + f.What + "."
}

// mergeFlags puts the flags in day order and says once what happened to
// several goals on one day: "Walk and Strength: resumed after a check."
func mergeFlags(flags []reportFlag) []reportFlag {
	sort.SliceStable(flags, func(i, j int) bool { return flags[i].Day.Before(flags[j].Day) })
	warned := map[coach.Day]bool{}
	for _, f := range flags {
		warned[f.Day] = warned[f.Day] || f.What == flagWarning
	}
	var out []reportFlag
	for _, f := range flags {
		if f.What == flagHeld && warned[f.Day] {
			continue // the warning's own words say exercise went on hold
		}
		if n := len(out); n > 0 && out[n-1].Day == f.Day && out[n-1].What == f.What {
			out[n-1].Goals = append(out[n-1].Goals, f.Goals...)
			continue
		}
		out = append(out, f)
	}
	return out
}

// andList joins names as a sentence does: "Walk", "Walk and Yoga",
// "Walk, Yoga and Strength".
func andList(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// shortDay is a day within the report's weeks: "21 Jan".
func shortDay(d coach.Day) string {
	_, m, dd := d.Date()
	return fmt.Sprintf("%d %.3s", dd, m)
}

// spanWords is a stretch of days: "11–15 Feb", "26 Jan – 1 Feb", one day "3 Feb".
func spanWords(from, to coach.Day) string {
	_, m1, d1 := from.Date()
	_, m2, d2 := to.Date()
	switch {
	case from == to:
		return shortDay(from)
	case m1 == m2:
		return fmt.Sprintf("%d–%d %.3s", d1, d2, m2)
	}
	return shortDay(from) + " – " + shortDay(to)
}

// weekWords names a calendar week by its days (COACH §6.6: never by a bare
// number, which reads as a week of the plan): "5–11 Jan", "26 Jan – 1 Feb".
func weekWords(monday coach.Day) string { return spanWords(monday, monday.AddDays(6)) }

// periodWords is the whole report's span: "5 January – 1 March 2026".
func periodWords(from, to coach.Day) string {
	y1, m1, d1 := from.Date()
	y2, m2, d2 := to.Date()
	if y1 != y2 {
		return longDay(from) + " – " + longDay(to)
	}
	return fmt.Sprintf("%d %s – %d %s %d", d1, m1, d2, m2, y2)
}
