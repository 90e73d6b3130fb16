package journal

import (
	"fmt"
	"strconv"
	"time"

	"tend/coach"
)

// The conversions between events and coach's values.

// textOf is a register's value from the event that set it.
func textOf(e *Event, field string) string {
	if e.Kind == GoalSet {
		if e.Value == nil {
			return ""
		}
		return *e.Value
	}
	switch field {
	case "name":
		return e.Name
	case "anchor":
		return e.Anchor
	case "if_then":
		return e.IfThen
	}
	return ""
}

func scheduleOf(e *Event) coach.Schedule {
	s := coach.Schedule{PerWeek: e.DaysPerWeek}
	for _, w := range e.Weekdays {
		s.Weekdays = append(s.Weekdays, time.Weekday(w))
	}
	return s
}

func weekdaysOf(s coach.Schedule) []int {
	var out []int
	for _, w := range s.Weekdays {
		out = append(out, int(w))
	}
	return out
}

// checkInOf is the check-in one contribution wrote.
func checkInOf(e *Event) (coach.CheckIn, error) {
	day, err := coach.ParseDay(e.Day)
	if err != nil {
		return coach.CheckIn{}, err
	}
	c := coach.CheckIn{Day: day, Achieved: e.Achieved, Target: e.Target, MoodBefore: e.MoodBefore, MoodAfter: e.MoodAfter,
		Note: e.Note, Level: e.Level, Variant: e.Variant, Bridge: e.Bridge, Device: e.Device}
	if c.Outcome, err = coach.ParseOutcome(e.Outcome); err != nil {
		return c, err
	}
	if c.Effort, err = parseOr(e.Effort, coach.EffortOK, coach.ParseEffort); err != nil {
		return c, err
	}
	if c.Pain, err = parseOr(e.Pain, coach.PainNone, coach.ParsePain); err != nil {
		return c, err
	}
	if e.WrittenAt != "" {
		if c.WrittenAt, err = time.Parse(time.RFC3339, e.WrittenAt); err != nil {
			return c, err
		}
		c.WrittenAt = c.WrittenAt.UTC()
	}
	return c, nil
}

func parseOr[T any](s string, zero T, parse func(string) (T, error)) (T, error) {
	if s == "" {
		return zero, nil
	}
	return parse(s)
}

// AddOf is the checkin.add event of a stored check-in.
func AddOf(uid string, c coach.CheckIn) Event {
	e := Event{Kind: CheckInAdd, Goal: uid, Day: c.Day.String(), Outcome: c.Outcome.String(), Achieved: c.Achieved,
		Target: c.Target, Effort: c.Effort.String(), Pain: c.Pain.String(), MoodBefore: c.MoodBefore, MoodAfter: c.MoodAfter,
		Note: c.Note, Level: c.Level, Variant: c.Variant, Bridge: c.Bridge, Device: c.Device}
	if !c.WrittenAt.IsZero() {
		e.WrittenAt = c.WrittenAt.UTC().Format(time.RFC3339)
	}
	return e
}

// CreateOf is the goal.create event of a goal, starting on step level.
func CreateOf(g coach.Goal, level, variant int) Event {
	s := coach.Schedule{PerWeek: 7}
	if len(g.Schedules) > 0 {
		s = g.Schedules[0].Schedule
	}
	return Event{Kind: GoalCreate, Goal: g.UID, Name: g.Name, Plan: g.PlanID, Custom: g.Custom, Created: g.Created.String(),
		DaysPerWeek: s.PerWeek, Weekdays: weekdaysOf(s), Capacity: g.Capacity, Anchor: g.Anchor, IfThen: g.IfThen,
		ImportedFrom: g.ImportedFrom, Level: level, Variant: variant}
}

// dayStart reads the settings' day-start hour.
func (st *State) dayStart() int {
	if st.DayStart == nil || st.DayStart.Value == nil {
		return coach.DefaultDayStartHour
	}
	h, err := strconv.Atoi(*st.DayStart.Value)
	if err != nil || h < 0 || h > 23 {
		return coach.DefaultDayStartHour
	}
	return h
}

// baseGoal is the goal as its events make it, before any check-in: the
// registers' winners, the schedule history, its first step.
func (g *GoalState) baseGoal(id uint64) (coach.Goal, error) {
	c := g.Create
	created, err := coach.ParseDay(c.Created)
	if err != nil {
		return coach.Goal{}, fmt.Errorf("goal %s: %w", g.UID, err)
	}
	goal := coach.Goal{ID: id, UID: g.UID, PlanID: c.Plan, Custom: c.Custom, Created: created, Capacity: c.Capacity,
		Level: max(c.Level, 1), Variant: max(c.Variant, 1), // LevelFrom stays zero, as on a new goal
		Name:   textOf(g.Field("name"), "name"),
		Anchor: textOf(g.Field("anchor"), "anchor"), IfThen: textOf(g.Field("if_then"), "if_then"),
		ImportedFrom: g.Field("imported_from").ImportedFrom}
	goal.Schedules = []coach.ScheduleChange{{From: created, Schedule: scheduleOf(c)}}
	goal.Statuses = []coach.StatusChange{{From: created, Status: coach.Active}} // as a new goal starts
	sorted := append([]*Event(nil), g.Schedules...)
	sortByFrom(sorted)
	for _, e := range sorted {
		from, err := coach.ParseDay(e.From)
		if err != nil {
			continue
		}
		goal = goal.WithSchedule(scheduleOf(e), from)
	}
	return goal, nil
}
