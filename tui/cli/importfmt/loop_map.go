package importfmt

// Mapping a Loop habit and its entries to a tend goal and check-ins
// (IMPORT §4.5); loop.go reads the files.

import (
	"sort"
	"strconv"

	"tend/coach"
)

// loopHabit maps one habit's entries (IMPORT §4.5).
func (s *Source) loopHabit(h loopHabit, file string, entries []loopEntry, opt Options) error {
	if h.atMost {
		s.skipLoopHabit(h, "at-most", entries)
		return nil
	}
	numeric, unit, factor, target := s.loopMeasure(h, entries)
	if !(target > 0 && target <= coach.MaxCustomAmount) {
		s.skipLoopHabit(h, "out-of-range", entries)
		return nil
	}
	hb := Habit{From: h.name, Unit: unit, Target: target}
	hb.Goal.Name = s.cleanName(h.name, "loop", h.pos)
	hb.Goal.Schedules = []coach.ScheduleChange{{Schedule: coach.Schedule{PerWeek: perWeek(h.n, h.d)}}}
	hb.Goal.ImportedFrom = &coach.Provenance{Source: "loop", Name: h.name, Position: h.pos}
	// Loop writes newest first; the engine wants oldest first.
	sort.Slice(entries, func(i, j int) bool { return entries[i].day.Before(entries[j].day) })
	for _, e := range entries {
		c, code := loopCheckIn(e, numeric, factor, target)
		if code != "" {
			s.skip(code)
			if code != "out-of-range" {
				s.dropNote(e.note)
			}
			continue
		}
		if e.day.After(opt.Today) {
			return future(file, e.line, e.day, opt.Today)
		}
		c.Note = s.cleanNote(e.note)
		hb.CheckIns = append(hb.CheckIns, c)
	}
	finishHabit(&hb, opt.Today, h.archived, coach.Day{})
	s.Habits = append(s.Habits, hb)
	return nil
}

// skipLoopHabit leaves out a habit tend cannot take, counting each of its
// entries and the notes dropped with them.
func (s *Source) skipLoopHabit(h loopHabit, reason string, entries []loopEntry) {
	s.HabitsSkipped = append(s.HabitsSkipped, HabitSkip{Name: h.name, Reason: reason, Entries: len(entries)})
	for _, e := range entries {
		s.skip("habit-skipped")
		s.dropNote(e.note)
	}
}

// loopMeasure is what a habit counts: whether an amount, in which unit,
// Loop's value times factor, and the target. A 2.3.1 export says so; an
// older one is told by its values, and the person is told what was guessed.
func (s *Source) loopMeasure(h loopHabit, entries []loopEntry) (numeric bool, unit coach.Unit, factor, target float64) {
	numeric, unit, factor, target = h.numeric, coach.Times, 1.0, 1.0
	if h.v231 && numeric {
		var known bool
		unit, factor, known = unitOf(h.unit)
		if !known {
			s.Said = append(s.Said, "Loop \""+h.name+"\": unit \""+h.unit+"\" is not one tend has; counted as times.")
		}
		target = h.target * factor
	} else if !h.v231 {
		numeric, target = loopOldNumeric(entries)
		if numeric {
			s.Said = append(s.Said, "Loop \""+h.name+"\" is an old Loop export: the unit and target are not in the file; tend used "+
				coach.Amount(max(1, target), coach.Times)+", the median day. A Loop 2.3.1 export keeps the unit.")
		} else if loopOnlyNoAndSkip(entries) {
			s.Said = append(s.Said, "Loop \""+h.name+"\" has only no and skip days, so tend cannot tell whether it counted an amount; it is imported as yes/no.")
		}
	}
	if rounded, changed := wholeTarget(target, unit); changed && numeric {
		s.Said = append(s.Said, "Loop \""+h.name+"\": the target "+strconv.FormatFloat(target, 'g', -1, 64)+" is rounded to "+
			strconv.FormatFloat(rounded, 'f', -1, 64)+", because "+unit.String()+" are whole.")
		target = rounded
	}
	return numeric, unit, factor, target
}

// loopCheckIn maps one entry, or gives the code it is skipped with.
func loopCheckIn(e loopEntry, numeric bool, factor, target float64) (coach.ImportCheckIn, string) {
	switch {
	case e.value == loopSkip:
		return session(e.day, 0, target, true, ""), ""
	case e.value == loopNo:
		return coach.ImportCheckIn{}, "no"
	case e.value == loopUnknown:
		return coach.ImportCheckIn{}, "no-data"
	case numeric && (e.value == loopManual || e.value == loopAuto):
		return coach.ImportCheckIn{}, "numeric-yes"
	case e.value == loopAuto:
		return coach.ImportCheckIn{}, "not-a-session"
	case !numeric:
		return session(e.day, 0, target, false, ""), ""
	}
	amount := float64(e.value) / 1000 * factor
	if amount > coach.MaxCustomAmount {
		return coach.ImportCheckIn{}, "out-of-range"
	}
	return session(e.day, amount, target, false, ""), ""
}

// loopOldNumeric tells a numeric habit in an export before 2.3.1 by a
// value above 3, and gives the median of its amounts, the lower middle one
// for an even count (IMPORT §4.5).
func loopOldNumeric(entries []loopEntry) (bool, float64) {
	var amounts []float64
	for _, e := range entries {
		if e.value > loopSkip {
			amounts = append(amounts, float64(e.value)/1000)
		}
	}
	if len(amounts) == 0 {
		return false, 1
	}
	sort.Float64s(amounts)
	return true, amounts[(len(amounts)-1)/2]
}

func loopOnlyNoAndSkip(entries []loopEntry) bool {
	for _, e := range entries {
		if e.value == loopAuto || e.value == loopManual || e.value > loopSkip {
			return false
		}
	}
	return len(entries) > 0
}
