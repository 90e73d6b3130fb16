package importfmt

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"tend/coach"
)

// harshHabit is a line of harsh's habits file (IMPORT §5.1).
type harshHabit struct {
	name      string
	pos       int
	n, d      int // n times in d days; n 0: track only
	end       coach.Day
	entries   int
	days      map[coach.Day]harshEntry
	firstLine int
}

// harshEntry is the line of the log that counts for a day and habit.
type harshEntry struct {
	result string
	note   string
	amount float64
	line   int
}

// Harsh reads harsh's habits and log (IMPORT §5). harsh is edited by hand,
// so a log line harsh would skip is skipped and counted; a habits line harsh
// would stop on stops the import, with its line.
func Harsh(habitsFile, logFile []byte, opt Options) (*Source, error) {
	hb, err := text("habits", habitsFile)
	if err != nil {
		return nil, err
	}
	lb, err := text("log", logFile)
	if err != nil {
		return nil, err
	}
	src := newSource("harsh", "")
	habits, err := src.harshHabits(lines(hb))
	if err != nil {
		return nil, err
	}
	byName := map[string]*harshHabit{}
	for _, h := range habits {
		byName[h.name] = h
	}
	src.harshLog(lines(lb), byName)
	for _, h := range habits {
		if err := src.harshMap(h, opt); err != nil {
			return nil, err
		}
	}
	return src, nil
}

func (s *Source) harshHabits(ls []string) ([]*harshHabit, error) {
	var out []*harshHabit
	seen := map[string]bool{}
	pos := 0
	for i, l := range ls {
		line := i + 1
		if len(l) > MaxLine {
			// harsh's own line reader stops on a line this long (IMPORT §3.8).
			return nil, errorf("habits", line, "this line is longer than 1 MiB, which no habits file has; the file is damaged or not harsh's")
		}
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") || strings.HasPrefix(l, "!") {
			continue
		}
		if !strings.Contains(l, ": ") {
			continue // harsh warns and skips it
		}
		f := strings.Split(l, ": ")
		name, freq := strings.TrimSpace(f[0]), strings.TrimSpace(f[1])
		if name == "" || freq == "" {
			continue
		}
		pos++
		h := &harshHabit{name: name, pos: pos, days: map[coach.Day]harshEntry{}, firstLine: line}
		var err error
		if h.n, h.d, err = harshFrequency(freq); err != nil {
			return nil, errorf("habits", line, "%v, as harsh would say too", err)
		}
		if len(f) > 2 {
			end := strings.TrimSpace(f[2])
			if h.end, err = coach.ParseDay(end); err != nil {
				return nil, errorf("habits", line, "the end date %q is not YYYY-MM-DD, as harsh would say too", end)
			}
		}
		if seen[name] {
			s.HabitsSkipped = append(s.HabitsSkipped, HabitSkip{Name: name, Reason: "duplicate"})
			continue
		}
		seen[name] = true
		out = append(out, h)
	}
	return out, nil
}

// harshFrequency reads N, Nw, T/I (each side may carry w, meaning × 7).
func harshFrequency(s string) (n, d int, err error) {
	num := func(x string) (int, bool) {
		mult := 1
		if strings.HasSuffix(x, "w") {
			x, mult = strings.TrimSuffix(x, "w"), 7
		}
		v, err := strconv.Atoi(x)
		return v * mult, err == nil && v >= 0
	}
	t, i, slash := strings.Cut(s, "/")
	tn, ok := num(t)
	if !ok {
		return 0, 0, errorf("", 0, "the frequency %q does not start with a whole number", s)
	}
	if !slash {
		if tn == 0 {
			return 0, 1, nil
		}
		return 1, tn, nil
	}
	in, ok := num(i)
	switch {
	case !ok || in == 0:
		return 0, 0, errorf("", 0, "the frequency %q needs a whole number above 0 after the slash", s)
	case tn > in:
		return 0, 0, errorf("", 0, "the frequency %q asks for more times than days", s)
	}
	return tn, in, nil
}

// harshLog reads the log as harsh does: the last valid line for a day and
// habit wins.
func (s *Source) harshLog(ls []string, habits map[string]*harshHabit) {
	for i, l := range ls {
		line := i + 1
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		if len(l) > MaxLine {
			s.skip("malformed") // IMPORT §3.8; never split, so it costs no copy
			continue
		}
		f := strings.Split(l, " : ")
		if len(f) < 3 {
			s.skip("malformed")
			continue
		}
		if len(f) >= 6 {
			s.skip("too-many-fields")
			continue
		}
		day, err := coach.ParseDay(f[0])
		result := strings.TrimSpace(f[2])
		if err != nil || strings.TrimSpace(f[1]) == "" || (result != "y" && result != "n" && result != "s") {
			s.skip("malformed")
			continue
		}
		h, ok := habits[f[1]]
		if !ok {
			s.skip("not-in-habits")
			continue
		}
		e := harshEntry{result: result, line: line}
		if len(f) >= 4 {
			if e.note = strings.TrimSpace(f[3]); e.note == ":" {
				e.note = ""
			}
		}
		if len(f) == 5 {
			a, err := strconv.ParseFloat(strings.TrimSpace(f[4]), 64)
			if err == nil && a > 0 && !math.IsInf(a, 0) {
				e.amount = a
			}
		}
		if _, had := h.days[day]; had {
			s.skip("superseded")
		} else {
			h.entries++
		}
		h.days[day] = e
	}
}

// harshMap turns one habit's days into check-ins (IMPORT §5.3).
func (s *Source) harshMap(h *harshHabit, opt Options) error {
	if h.n == 0 {
		s.HabitsSkipped = append(s.HabitsSkipped, HabitSkip{Name: h.name, Reason: "track-only", Entries: h.entries})
		for _, e := range h.days {
			s.skip("habit-skipped")
			s.dropNote(e.note)
		}
		return nil
	}
	target := harshTarget(h)
	if target > coach.MaxCustomAmount {
		s.HabitsSkipped = append(s.HabitsSkipped, HabitSkip{Name: h.name, Reason: "out-of-range", Entries: h.entries})
		for range h.days {
			s.skip("habit-skipped")
		}
		return nil
	}
	days := make([]coach.Day, 0, len(h.days))
	for d := range h.days {
		days = append(days, d)
	}
	sortDays(days)
	hb := Habit{From: h.name, Unit: coach.Times, Target: target}
	hb.Goal.Name = s.cleanName(h.name, "harsh", h.pos)
	hb.Goal.Schedules = []coach.ScheduleChange{{Schedule: coach.Schedule{PerWeek: perWeek(h.n, h.d)}}}
	hb.Goal.ImportedFrom = &coach.Provenance{Source: "harsh", Name: h.name, Position: h.pos}
	for _, d := range days {
		e := h.days[d]
		switch {
		case !h.end.IsZero() && d.After(h.end):
			s.skip("after-end")
			continue
		case e.result == "n":
			s.skip("no")
			s.dropNote(e.note)
			continue
		case e.amount > coach.MaxCustomAmount:
			s.skip("out-of-range")
			continue
		case d.After(opt.Today):
			return future("log", e.line, d, opt.Today)
		}
		hb.CheckIns = append(hb.CheckIns, session(d, e.amount, target, e.result == "s", s.cleanNote(e.note)))
	}
	retired, from := s.harshEnd(h, opt.Today)
	finishHabit(&hb, opt.Today, retired, from)
	s.Habits = append(s.Habits, hb)
	return nil
}

// harshTarget is a habit's target (IMPORT §5, Amounts): the smallest
// amount of a yes day up to its end, rounded down, at least 1, so every
// yes stays done as harsh showed it; 1 when no yes has an amount.
func harshTarget(h *harshHabit) float64 {
	target := math.Inf(1)
	for d, e := range h.days {
		if e.result == "y" && e.amount > 0 && (h.end.IsZero() || !d.After(h.end)) {
			target = min(target, e.amount)
		}
	}
	if math.IsInf(target, 1) {
		target = 1
	}
	return max(1, math.Floor(target))
}

// harshEnd says whether a habit's end date has passed (it is archived from
// the day after) and, for an end still to come, tells the person that tend
// keeps it active, since it does not archive on a date.
func (s *Source) harshEnd(h *harshHabit, today coach.Day) (retired bool, from coach.Day) {
	retired = !h.end.IsZero() && h.end.Before(today)
	if !h.end.IsZero() && !retired {
		s.Said = append(s.Said, "harsh \""+h.name+"\" ends on "+h.end.String()+"; tend does not archive on a date, so it stays active.")
	}
	if retired {
		from = h.end.AddDays(1)
	}
	return retired, from
}

func sortDays(days []coach.Day) {
	sort.Slice(days, func(i, j int) bool { return days[i].Before(days[j]) })
}
