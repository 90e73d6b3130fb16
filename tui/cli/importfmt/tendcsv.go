package importfmt

import (
	"encoding/csv"
	"errors"
	"io"
	"strconv"
	"strings"

	"tend/coach"
)

// CSVHeader is the first line of `tend export --format csv` (IMPORT §7.3).
var CSVHeader = []string{"goal", "day", "outcome", "achieved", "target", "unit", "effort", "pain",
	"mood_before", "mood_after", "note", "goal_uid"}

// UnFormula undoes the export's guard against spreadsheet formulas: one
// leading ' before =, +, -, @, TAB or CR is removed.
func UnFormula(s string) string {
	if len(s) > 1 && s[0] == '\'' && strings.ContainsRune("=+-@\t\r", rune(s[1])) {
		return s[1:]
	}
	return s
}

// Formula guards a cell a spreadsheet would run as a formula.
func Formula(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// csvGoal gathers the rows of one goal of a tend CSV.
type csvGoal struct {
	name, uid string
	unit      coach.Unit
	rows      []coach.ImportCheckIn
	firstLine int
}

// TendCSV reads `tend export --format csv` (IMPORT §7.4): rows are
// check-ins, grouped into goals by goal_uid, else by name.
func TendCSV(file string, raw []byte, opt Options) (*Source, error) {
	b, err := text(file, raw)
	if err != nil {
		return nil, err
	}
	r := csv.NewReader(strings.NewReader(string(b)))
	r.FieldsPerRecord = len(CSVHeader)
	r.ReuseRecord = true
	if head, err := r.Read(); err != nil || strings.Join(head, ",") != strings.Join(CSVHeader, ",") {
		return nil, errorf(file, 1, "the header is not tend's CSV header")
	}
	src := newSource("tend-csv", "")
	goals, err := src.csvGoals(file, r, opt)
	if err != nil {
		return nil, err
	}
	for i, g := range goals {
		src.csvHabit(g, i+1, opt)
	}
	if len(goals) > 0 {
		src.Said = append(src.Said, "A CSV export has no plan or schedule; import the JSON export to keep plans, levels and days.")
	}
	return src, nil
}

// csvGoals reads the rows and gathers them by goal, in the file's order.
func (s *Source) csvGoals(file string, r *csv.Reader, opt Options) ([]*csvGoal, error) {
	var goals []*csvGoal
	byKey := map[string]*csvGoal{}
	seen := map[string]bool{}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return goals, nil
		}
		if err != nil {
			return nil, csvError(file, err)
		}
		line, _ := r.FieldPos(0)
		if err := tooLong(file, line, rec); err != nil {
			return nil, err
		}
		name, uid := UnFormula(rec[0]), rec[11]
		key := "uid:" + uid
		if uid == "" {
			key = "name:" + strings.ToLower(name)
		} else if !hexOf(uid, 32) {
			return nil, errorf(file, line, "goal_uid %q is not 32 lowercase hex digits", uid)
		}
		g := byKey[key]
		unit, err := coach.ParseUnit(rec[5])
		if err != nil {
			return nil, errorf(file, line, "the unit %q is not one of min, reps, km, mi, times", rec[5])
		}
		if g == nil {
			g = &csvGoal{name: name, uid: uid, unit: unit, firstLine: line}
			byKey[key] = g
			goals = append(goals, g)
		} else if g.unit != unit {
			return nil, errorf(file, line, "%q is counted in %s here and in %s above; a goal has one unit", name, unit, g.unit)
		}
		c, err := s.csvRow(rec)
		if err != nil {
			return nil, errorf(file, line, "%v", err)
		}
		if c.Day.After(opt.Today) {
			return nil, future(file, line, c.Day, opt.Today)
		}
		dk := key + "/" + c.Day.String()
		if seen[dk] {
			return nil, errorf(file, line, "%q has %s twice", name, c.Day)
		}
		seen[dk] = true
		g.rows = append(g.rows, c)
	}
}

func (s *Source) csvRow(rec []string) (coach.ImportCheckIn, error) {
	c := coach.CheckIn{Level: 1, Variant: 1}
	var err error
	if c.Day, err = coach.ParseDay(rec[1]); err != nil {
		return coach.ImportCheckIn{}, err
	}
	if c.Outcome, err = coach.ParseOutcome(rec[2]); err != nil {
		return coach.ImportCheckIn{}, err
	}
	for i, p := range []*float64{&c.Achieved, &c.Target} {
		v, err := strconv.ParseFloat(rec[3+i], 64)
		if err != nil || !(v >= 0 && v <= coach.MaxCustomAmount) {
			return coach.ImportCheckIn{}, errorf("", 0, "%q is not an amount from 0 to %d", rec[3+i], coach.MaxCustomAmount)
		}
		*p = v
	}
	if c.Effort, err = coach.ParseEffort(rec[6]); err != nil {
		return coach.ImportCheckIn{}, err
	}
	if c.Pain, err = coach.ParsePain(rec[7]); err != nil {
		return coach.ImportCheckIn{}, err
	}
	for i, p := range []**int{&c.MoodBefore, &c.MoodAfter} {
		if rec[8+i] == "" {
			continue
		}
		m, err := strconv.Atoi(rec[8+i])
		if err != nil || m < coach.MoodMin || m > coach.MoodMax {
			return coach.ImportCheckIn{}, errorf("", 0, "the mood %q is not a whole number from 0 to 10", rec[8+i])
		}
		*p = &m
	}
	c.Note = s.cleanNote(UnFormula(rec[10]))
	switch {
	case c.Outcome == coach.Partial && c.Achieved >= c.Target:
		return coach.ImportCheckIn{}, errorf("", 0, "a partial check-in of %v is at or above its target %v", c.Achieved, c.Target)
	case c.Outcome == coach.Done && c.Achieved < c.Target:
		return coach.ImportCheckIn{}, errorf("", 0, "a done check-in of %v is below its target %v", c.Achieved, c.Target)
	}
	// FillStep: the CSV has no level; a goal it makes has one rung, and a
	// goal it matches records the step it offered that day.
	return coach.ImportCheckIn{CheckIn: c, FillStep: true}, nil
}

// csvHabit is the goal a CSV's rows make when no local goal has them: one
// rung at the newest row's target, every day of the week (IMPORT §7.4).
func (s *Source) csvHabit(g *csvGoal, pos int, opt Options) {
	sortCheckIns(g.rows)
	target := 1.0
	for i := len(g.rows) - 1; i >= 0; i-- {
		if g.rows[i].Target > 0 {
			target = g.rows[i].Target
			break
		}
	}
	if r, _ := wholeTarget(target, g.unit); g.unit.Whole() {
		target = r
	}
	h := Habit{From: g.name, Unit: g.unit, Target: target, CheckIns: g.rows}
	h.Goal.Name = s.cleanName(g.name, "tend", pos)
	h.Goal.Schedules = []coach.ScheduleChange{{Schedule: coach.Schedule{PerWeek: 7}}}
	h.Goal.ImportedFrom = &coach.Provenance{Source: "tend-csv", Name: g.name, Position: pos}
	finishHabit(&h, opt.Today, false, coach.Day{})
	h.Goal.UID = g.uid
	s.Habits = append(s.Habits, h)
}

func sortCheckIns(cs []coach.ImportCheckIn) {
	sortSlice(cs, func(a, b coach.ImportCheckIn) bool { return a.Day.Before(b.Day) })
}
