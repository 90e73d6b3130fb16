package importfmt

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"sort"
	"strconv"

	"tend/coach"
)

// dijoHabit is one element of habit_record.json: serde's internally
// tagged form (IMPORT §6.1).
type dijoHabit struct {
	Type  *string                    `json:"type"`
	Name  *string                    `json:"name"`
	Stats map[string]json.RawMessage `json:"stats"`
	Goal  json.RawMessage            `json:"goal"`
	Auto  *bool                      `json:"auto"`
}

type dijoFloat struct {
	Value     *uint32 `json:"value"`
	Precision *uint8  `json:"precision"`
}

func (f dijoFloat) number() (float64, bool) {
	if f.Value == nil || f.Precision == nil {
		return 0, false
	}
	return float64(*f.Value) / math.Pow10(int(*f.Precision)), true
}

// Dijo reads one of dijo's habit files (file names it in messages).
func Dijo(file string, raw []byte, opt Options) (*Source, error) {
	src := newSource("dijo", "")
	if err := src.dijoFile(file, raw, opt); err != nil {
		return nil, err
	}
	return src, nil
}

func (s *Source) dijoFile(file string, raw []byte, opt Options) error {
	b, err := text(file, raw)
	if err != nil {
		return err
	}
	var habits []dijoHabit
	if err := json.Unmarshal(b, &habits); err != nil {
		return jsonError(file, b, err, "dijo may have been stopped while saving; open dijo and save again (:w), then import")
	}
	for i, h := range habits {
		if err := s.dijoHabit(file, i+1, h, opt); err != nil {
			return err
		}
	}
	return nil
}

// jsonError names where JSON went wrong: the byte offset, and for a file
// cut short, that it ends there.
func jsonError(file string, b []byte, err error, cutHint string) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se) && se.Offset >= int64(len(bytes.TrimRight(b, " \t\r\n"))):
		return errorf(file, 0, "the file ends in the middle of the JSON, at byte %d (its end); %s. Nothing was imported", len(b), cutHint)
	case errors.As(err, &se):
		return errorf(file, 0, "the JSON is broken at byte %d (%v); nothing was imported", se.Offset, se)
	case errors.As(err, &te):
		return errorf(file, 0, "at byte %d, %s holds a %s where tend expects a %s; nothing was imported", te.Offset, te.Field, te.Value, te.Type)
	}
	return errorf(file, 0, "the JSON cannot be read (%v); nothing was imported", err)
}

func (s *Source) dijoHabit(file string, pos int, h dijoHabit, opt Options) error {
	where := "habit " + strconv.Itoa(pos)
	if h.Name != nil {
		where = strconv.Quote(*h.Name)
	}
	bad := func(what string) error {
		return errorf(file, 0, "the dijo habit %s %s; this is not a file dijo writes", where, what)
	}
	switch {
	case h.Type == nil || h.Name == nil || h.Stats == nil || h.Goal == nil:
		return bad("lacks one of type, name, stats and goal")
	case *h.Type != "Bit" && *h.Type != "Count" && *h.Type != "Float":
		return bad("has the type " + strconv.Quote(*h.Type) + ", which tend cannot import")
	}
	target, err := dijoValue(*h.Type, h.Goal, true)
	if err != nil {
		return bad("has a goal " + err.Error())
	}
	days, values, err := dijoStats(*h.Type, h.Stats)
	if err != nil {
		return bad(err.Error())
	}
	skipAll := func(reason string) error {
		s.HabitsSkipped = append(s.HabitsSkipped, HabitSkip{Name: *h.Name, Reason: reason, Entries: len(days)})
		s.EntriesSkipped["habit-skipped"] += len(days)
		return nil
	}
	switch {
	case h.Auto != nil && *h.Auto && !opt.IncludeAuto:
		return skipAll("auto")
	case target == 0:
		return skipAll("track-only")
	}
	if r, changed := wholeTarget(target, coach.Times); changed {
		s.Said = append(s.Said, "dijo \""+*h.Name+"\": the target "+strconv.FormatFloat(target, 'f', -1, 64)+
			" is rounded to "+strconv.FormatFloat(r, 'f', -1, 64)+", because times are whole.")
		target = r
	}
	if target > coach.MaxCustomAmount {
		return skipAll("out-of-range")
	}
	hb := Habit{From: *h.Name, Unit: coach.Times, Target: target}
	hb.Goal.Name = s.cleanName(*h.Name, "dijo", pos)
	hb.Goal.Schedules = []coach.ScheduleChange{{Schedule: coach.Schedule{PerWeek: 7}}}
	hb.Goal.ImportedFrom = &coach.Provenance{Source: "dijo", Name: *h.Name, Position: pos}
	for _, d := range days {
		c, ok := s.dijoDay(d, values[d], *h.Type == "Bit", target)
		if !ok {
			continue
		}
		if d.After(opt.Today) {
			return errorf(file, 0, "the dijo habit %s has %s, which is after today (%s); tend takes only days that have happened", where, d, opt.Today)
		}
		hb.CheckIns = append(hb.CheckIns, c)
	}
	finishHabit(&hb, opt.Today, false, coach.Day{})
	s.Habits = append(s.Habits, hb)
	return nil
}

// dijoDay maps one day's value (IMPORT §6.2), or counts why it is skipped.
func (s *Source) dijoDay(d coach.Day, v float64, bit bool, target float64) (coach.ImportCheckIn, bool) {
	switch {
	case v == 0:
		s.skip("no")
		return coach.ImportCheckIn{}, false
	case v > coach.MaxCustomAmount:
		s.skip("out-of-range")
		return coach.ImportCheckIn{}, false
	case bit:
		v = 0 // a Bit's true is done at the target
	}
	return session(d, v, target, false, ""), true
}

// dijoStats reads a habit's days, sorted, and their values; stats come in
// random key order.
func dijoStats(kind string, stats map[string]json.RawMessage) ([]coach.Day, map[coach.Day]float64, error) {
	days := make([]coach.Day, 0, len(stats))
	values := make(map[coach.Day]float64, len(stats))
	for k, v := range stats {
		d, err := coach.ParseDay(k)
		if err != nil {
			return nil, nil, errors.New("has a day " + strconv.Quote(k) + " that is not YYYY-MM-DD")
		}
		if values[d], err = dijoValue(kind, v, false); err != nil {
			return nil, nil, errors.New("has on " + k + " a value " + err.Error())
		}
		days = append(days, d)
	}
	sort.Slice(days, func(i, j int) bool { return days[i].Before(days[j]) })
	return days, values, nil
}

// dijoValue reads a Bit's bool (1 or 0), a Count's integer or a Float's
// value/precision pair. A Bit's goal must be true.
func dijoValue(kind string, raw json.RawMessage, goal bool) (float64, error) {
	switch kind {
	case "Bit":
		var b bool
		if err := json.Unmarshal(raw, &b); err != nil {
			return 0, errors.New("that is not true or false")
		}
		if goal && !b {
			return 0, errors.New("that is not true")
		}
		if b {
			return 1, nil
		}
		return 0, nil
	case "Count":
		var n uint32
		if err := json.Unmarshal(raw, &n); err != nil {
			return 0, errors.New("that is not a whole number of 0 or more")
		}
		return float64(n), nil
	}
	var f dijoFloat
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return 0, errors.New("that is not a {value, precision} pair")
	}
	v, ok := f.number()
	if !ok {
		return 0, errors.New("that is not a {value, precision} pair")
	}
	return v, nil
}
