package importfmt

import (
	"encoding/json"
	"time"

	"tend/coach"
)

// goal reads one goal of a tend export, checked as the store checks its
// records, with the defaults of IMPORT §7.1 for what is missing.
func (t *tendReader) goal(path string, raw json.RawMessage) error {
	var g tendGoal
	if err := t.strict(raw, &g); err != nil {
		return t.bad(path, "cannot be read: %v", err)
	}
	if err := t.required(path, g); err != nil {
		return err
	}
	out := coach.Goal{PlanID: *g.Plan}
	if *g.Plan == coach.CustomPlanID {
		if g.Custom == nil {
			return t.bad(path+".custom", "is missing for a custom plan")
		}
		u, err := coach.ParseUnit(g.Custom.Unit)
		if err != nil {
			return t.bad(path+".custom.unit", "%v", err)
		}
		out.Custom = &coach.Custom{Unit: u, Start: g.Custom.Start, Step: g.Custom.Step, Max: g.Custom.Max, Every: g.Custom.Every}
	}
	p, err := out.Plan()
	if err != nil {
		return t.bad(path+".plan", "cannot be used: %v", err)
	}
	if *g.Level < 1 || *g.Level > len(p.Levels) {
		return t.bad(path+".level", "is %d; the plan has levels 1 to %d", *g.Level, len(p.Levels))
	}
	if out.Created, err = coach.ParseDay(*g.Created); err != nil {
		return t.bad(path+".created", "%v", err)
	}
	status, err := coach.ParseStatus(*g.Status)
	if err != nil {
		return t.bad(path+".status", "%v", err)
	}
	if out.Schedules, err = t.schedules(path, g, out.Created); err != nil {
		return err
	}
	if out.Statuses, err = t.statuses(path, g, out.Created, status); err != nil {
		return err
	}
	if err := t.people(path, g, &out); err != nil {
		return err
	}
	pos := len(t.src.Habits) + 1
	out.Name = t.src.cleanName(*g.Name, "tend", pos)
	if out.UID == "" {
		out.ImportedFrom = &coach.Provenance{Source: "tend", Name: *g.Name, Position: int(*g.ID)}
	}
	t.byID[*g.ID] = len(t.src.Habits)
	t.plans = append(t.plans, p) // coach builds a plan afresh on each call
	t.src.Habits = append(t.src.Habits, Habit{Goal: out, From: *g.Name, Unit: p.Unit, Restore: true, FileLevel: *g.Level})
	t.checkIns = append(t.checkIns, nil)
	return nil
}

// required refuses a goal without what IMPORT §7.1 says it must have.
func (t *tendReader) required(path string, g tendGoal) error {
	switch {
	case g.ID == nil:
		return t.bad(path+".id", "is missing")
	case g.Name == nil:
		return t.bad(path+".name", "is missing")
	case g.Plan == nil:
		return t.bad(path+".plan", "is missing")
	case g.DaysPerWeek == nil && g.Weekdays == nil:
		return t.bad(path, "has neither days_per_week nor weekdays")
	case g.Status == nil:
		return t.bad(path+".status", "is missing")
	case g.Level == nil:
		return t.bad(path+".level", "is missing")
	case g.Created == nil:
		return t.bad(path+".created", "is missing")
	}
	if _, dup := t.byID[*g.ID]; dup {
		return t.bad(path+".id", "is %d, which another goal in the file has too", *g.ID)
	}
	return nil
}

// people reads the fields the person set (and the ids), which a restore
// keeps; the engine's own state is rebuilt, so it is only read.
func (t *tendReader) people(path string, g tendGoal, out *coach.Goal) error {
	if g.Capacity != nil {
		if *g.Capacity < 0 || *g.Capacity > 24*60 {
			return t.bad(path+".capacity", "is %d minutes", *g.Capacity)
		}
		out.Capacity = *g.Capacity
	}
	if g.Anchor != nil {
		out.Anchor = t.src.cleanNote(*g.Anchor)
	}
	if g.IfThen != nil {
		out.IfThen = t.src.cleanNote(*g.IfThen)
	}
	if g.UID != nil {
		if !hexOf(*g.UID, 32) {
			return t.bad(path+".uid", "is %q, not 32 lowercase hex digits", *g.UID)
		}
		out.UID = *g.UID
	}
	if p := g.ImportedFrom; p != nil {
		out.ImportedFrom = &coach.Provenance{Source: p.Source, Name: p.Name, Position: p.Position}
	}
	return nil
}

func (t *tendReader) schedules(path string, g tendGoal, created coach.Day) ([]coach.ScheduleChange, error) {
	hist := g.ScheduleHistory
	if hist == nil {
		n := 0
		if g.DaysPerWeek != nil {
			n = *g.DaysPerWeek
		}
		hist = []tendSchedule{{From: created.String(), DaysPerWeek: n, Weekdays: g.Weekdays}}
	}
	var out []coach.ScheduleChange
	for i, s := range hist {
		where := path + ".schedule_history"
		from, err := coach.ParseDay(s.From)
		if err != nil {
			return nil, t.bad(where+".from", "%v", err)
		}
		sc := coach.ScheduleChange{From: from, Schedule: coach.Schedule{PerWeek: s.DaysPerWeek}}
		for _, w := range s.Weekdays {
			wd, ok := weekdays[w]
			if !ok {
				return nil, t.bad(where+".weekdays", "has %q, which is not mon, tue, … sun", w)
			}
			sc.Weekdays = append(sc.Weekdays, wd)
		}
		if len(sc.Weekdays) == 0 && (sc.PerWeek < 1 || sc.PerWeek > 7) {
			return nil, t.bad(where+".days_per_week", "is %d, not 1 to 7", sc.PerWeek)
		}
		if len(sc.Weekdays) > 0 {
			sc.PerWeek = len(sc.Weekdays)
		}
		if i > 0 && from.Before(out[i-1].From) {
			return nil, t.bad(where, "is not in day order")
		}
		out = append(out, sc)
	}
	if len(out) == 0 {
		return nil, t.bad(path+".schedule_history", "is empty")
	}
	return out, nil
}

func (t *tendReader) statuses(path string, g tendGoal, created coach.Day, status coach.Status) ([]coach.StatusChange, error) {
	hist := g.StatusHistory
	if hist == nil {
		hist = []tendStatus{{From: created.String(), Status: status.String()}}
	}
	var out []coach.StatusChange
	for i, s := range hist {
		where := path + ".status_history"
		from, err := coach.ParseDay(s.From)
		if err != nil {
			return nil, t.bad(where+".from", "%v", err)
		}
		st, err := coach.ParseStatus(s.Status)
		if err != nil {
			return nil, t.bad(where+".status", "%v", err)
		}
		if i > 0 && from.Before(out[i-1].From) {
			return nil, t.bad(where, "is not in day order")
		}
		out = append(out, coach.StatusChange{From: from, Status: st})
	}
	if len(out) == 0 || out[len(out)-1].Status != status {
		return nil, t.bad(path+".status", "is %s, but its status_history ends otherwise", status)
	}
	return out, nil
}

var weekdays = map[string]time.Weekday{
	"sun": time.Sunday, "mon": time.Monday, "tue": time.Tuesday, "wed": time.Wednesday,
	"thu": time.Thursday, "fri": time.Friday, "sat": time.Saturday,
}

func hexOf(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

// addCheckIn reads one check-in of goal i, with IMPORT §7.1's defaults.
func (t *tendReader) addCheckIn(path string, i int, c tendCheckIn) error {

	p := t.plans[i]
	if c.Day == nil || c.Outcome == nil {
		return t.bad(path, "lacks its day or outcome")
	}
	day, err := coach.ParseDay(*c.Day)
	if err != nil {
		return t.bad(path+".day", "%v", err)
	}
	if day.After(t.opt.Today) {
		return t.bad(path+".day", "is %s, after today (%s); tend takes only days that have happened", day, t.opt.Today)
	}
	in := coach.CheckIn{Day: day, Effort: coach.EffortOK, Pain: coach.PainNone, Variant: 1}
	if in.Outcome, err = coach.ParseOutcome(*c.Outcome); err != nil {
		return t.bad(path+".outcome", "%v", err)
	}
	if err := t.checkInFields(path, c, &in); err != nil {
		return err
	}
	ic := coach.ImportCheckIn{CheckIn: in, FillStep: c.Level == nil}
	if !ic.FillStep {
		if in.Level < 1 || in.Level > len(p.Levels) || in.Variant < 1 {
			return t.bad(path+".level", "is %d, session %d; the plan has levels 1 to %d", in.Level, in.Variant, len(p.Levels))
		}
		if c.Target == nil {
			step := coach.Goal{Level: in.Level, Variant: in.Variant, Bridge: in.Bridge}
			ic.Target = coach.Offered(step, p).Target
		}
	}
	if c.Achieved == nil {
		if in.Outcome == coach.Partial {
			return t.bad(path+".achieved", "is missing; a partial check-in says how much was done")
		}
		fillDefault(&ic.CheckIn, p)
	}
	if err := t.judged(path, ic); err != nil {
		return err
	}
	t.checkIns[i] = append(t.checkIns[i], ic)
	return nil
}

func fillDefault(c *coach.CheckIn, p coach.Plan) {
	switch c.Outcome {
	case coach.Done:
		c.Achieved = c.Target
	case coach.Minimum:
		c.Achieved = p.Minimum.Target
	case coach.Rest, coach.Unwell, coach.Away:
		c.Achieved = 0
	}
}

// judged refuses amounts no tend writes: a partial at or above its target,
// a done below it, numbers out of range (IMPORT §7.2).
func (t *tendReader) judged(path string, c coach.ImportCheckIn) error {
	switch {
	case !(c.Achieved >= 0 && c.Achieved <= coach.MaxCustomAmount):
		return t.bad(path+".achieved", "is %v, outside 0 to %d", c.Achieved, coach.MaxCustomAmount)
	case !(c.Target >= 0 && c.Target <= coach.MaxCustomAmount):
		return t.bad(path+".target", "is %v, outside 0 to %d", c.Target, coach.MaxCustomAmount)
	case c.FillStep:
		return nil
	case c.Outcome == coach.Partial && c.Achieved >= c.Target:
		return t.bad(path+".achieved", "is %v for a partial check-in, at or above its target %v", c.Achieved, c.Target)
	case c.Outcome == coach.Done && c.Achieved < c.Target:
		return t.bad(path+".achieved", "is %v for a done check-in, below its target %v", c.Achieved, c.Target)
	}
	return nil
}

func (t *tendReader) checkInFields(path string, c tendCheckIn, in *coach.CheckIn) error {
	var err error
	if c.Effort != nil {
		if in.Effort, err = coach.ParseEffort(*c.Effort); err != nil {
			return t.bad(path+".effort", "%v", err)
		}
	}
	if c.Pain != nil {
		if in.Pain, err = coach.ParsePain(*c.Pain); err != nil {
			return t.bad(path+".pain", "%v", err)
		}
	}
	for name, m := range map[string]*int{"mood_before": c.MoodBefore, "mood_after": c.MoodAfter} {
		if m != nil && (*m < coach.MoodMin || *m > coach.MoodMax) {
			return t.bad(path+"."+name, "is %d, not 0 to 10", *m)
		}
	}
	in.MoodBefore, in.MoodAfter = c.MoodBefore, c.MoodAfter
	if c.Note != nil {
		in.Note = t.src.cleanNote(*c.Note)
	}
	if c.Level != nil {
		in.Level = *c.Level
	}
	if c.Variant != nil {
		in.Variant = *c.Variant
	}
	if c.Bridge != nil {
		in.Bridge = *c.Bridge
	}
	if c.Achieved != nil {
		in.Achieved = *c.Achieved
	}
	if c.Target != nil {
		in.Target = *c.Target
	}
	if c.WrittenAt != nil {
		if in.WrittenAt, err = time.Parse(time.RFC3339, *c.WrittenAt); err != nil {
			return t.bad(path+".written_at", "is %q, not an RFC 3339 time", *c.WrittenAt)
		}
	}
	if c.Device != nil {
		if !hexOf(*c.Device, 16) {
			return t.bad(path+".device", "is %q, not 16 lowercase hex digits", *c.Device)
		}
		in.Device = *c.Device
	}
	return nil
}
