package coach

import (
	"math"
	"time"
)

// Status says whether a goal takes check-ins.
type Status int

// Statuses. Only Active goals are offered targets; SafetyHold waits until the
// person has been checked and resumes it.
const (
	Active Status = iota
	Paused
	SafetyHold
	Archived
)

var statusNames = map[Status]string{Active: "active", Paused: "paused", SafetyHold: "safety-hold", Archived: "archived"}

func (s Status) String() string { return nameOf(statusNames, s) }

// ParseStatus reads a status's name.
func ParseStatus(s string) (Status, error) { return parseName(statusNames, s, "status") }

// Schedule says how often a goal is meant to happen: N sessions a week, or
// on fixed weekdays (Weekdays, when set, wins).
type Schedule struct {
	PerWeek  int
	Weekdays []time.Weekday
}

// Daily reports whether the schedule asks for every day.
func (s Schedule) Daily() bool { return len(s.Weekdays) == 0 && s.PerWeek >= 7 }

// Sessions is the number of sessions the schedule asks for in a full week.
func (s Schedule) Sessions() int {
	if len(s.Weekdays) > 0 {
		return len(s.Weekdays)
	}
	return s.PerWeek
}

// On reports whether a weekday schedule names d's weekday.
func (s Schedule) On(d Day) bool {
	for _, w := range s.Weekdays {
		if w == d.Weekday() {
			return true
		}
	}
	return false
}

// ScheduleChange is a schedule and the day it took effect: history is kept
// so that past days are judged against the schedule of their time.
type ScheduleChange struct {
	From Day
	Schedule
}

// StatusChange is a status and the day it took effect.
type StatusChange struct {
	From   Day
	Status Status
}

// Goal is one thing a person is building up, with where they are on its plan.
type Goal struct {
	ID     uint64
	Name   string
	PlanID string  // a built-in plan id, or "custom"
	Custom *Custom // set for a custom ladder
	// Schedules and Statuses are histories, oldest first; the last entry is
	// the one in force.
	Schedules []ScheduleChange
	Statuses  []StatusChange
	Level     int  // 1-based rung; a bridge keeps the number of the rung it leads into
	Variant   int  // 1-based session within a level with variants
	Bridge    bool // on the in-between step before Level
	LevelFrom Day  // the day the current level and step began
	Created   Day
	Capacity  int // minutes the person said they could comfortably do, 0 if not asked
	// Anchor is the person's cue ("After I make coffee"), and IfThen their
	// plan for a barrier; both optional, shown on Today as a gentle line.
	Anchor, IfThen string
	// Eased says the next session is the lighter one P1 offers after pain.
	Eased bool
	// BridgeTarget is the target of an in-between step made by the coach (a
	// scalar plan's midpoint, or a run scaled down by the spike guard); 0
	// when the bridge is one the plan defines.
	BridgeTarget float64
	// Reason and ReasonCode are why the goal stands where it does: the
	// message of the decision that put it there, and its rule.
	Reason     string
	ReasonCode Code
	// Said is Reason as templates and fields, when a decision gave it.
	Said []Said
	// SteppedBack lists the levels the person has stepped back from, so a
	// second try at one goes through its bridge first.
	SteppedBack []int
	// Alternative says the current session is the plan's easier alternative
	// for it (Couch to 5K week 5 run 3 as 12 + 8): it takes that session's
	// place once, on the same step, and is no bridge (COACH §6.3 R5).
	Alternative bool
	// Graduated says the plan was finished (A2): the goal stays on its top
	// rung and is never finished, bridged or stepped back again.
	Graduated bool
	// UID is 32 lowercase hex digits, random and never changed: ID is only
	// this database's number, so merging files and devices needs a name
	// that means the same goal everywhere (IMPORT §7.1, SYNC).
	UID string
	// ImportedFrom says which habit of which source an import made this goal
	// from, so that importing the same file again finds it; nil otherwise.
	ImportedFrom *Provenance
}

// Provenance is where an imported goal came from (IMPORT §3.3): the source
// ("loop", "harsh", "dijo", "tend", "tend-csv"), the habit's name there
// before cleaning, and its position there.
type Provenance struct {
	Source   string
	Name     string
	Position int
}

// CustomPlanID is the plan id of a person's own ladder.
const CustomPlanID = "custom"

// Status returns the goal's current status.
func (g Goal) Status() Status {
	if len(g.Statuses) == 0 {
		return Active
	}
	return g.Statuses[len(g.Statuses)-1].Status
}

// StatusOn returns the status in force on day d.
func (g Goal) StatusOn(d Day) Status { return statusOn(g.Statuses, d) }

// statusOn is StatusOn from the goal's status history alone: the loops that
// ask it of every day of a year call it so, and copy no Goal to ask.
func statusOn(changes []StatusChange, d Day) Status {
	st := Active
	for i := range changes {
		if changes[i].From.After(d) {
			break
		}
		st = changes[i].Status
	}
	return st
}

// Schedule returns the schedule in force now.
func (g Goal) Schedule() Schedule { return g.ScheduleOn(DayFromUnix(math.MaxInt32 - 1)) }

// ScheduleOn returns the schedule in force on day d; before the first change,
// the first schedule.
func (g Goal) ScheduleOn(d Day) Schedule { return scheduleOn(g.Schedules, d) }

// scheduleOn is ScheduleOn from the goal's schedule history alone (see
// statusOn).
func scheduleOn(changes []ScheduleChange, d Day) Schedule {
	if len(changes) == 0 {
		return Schedule{PerWeek: 7}
	}
	i := 0
	for i+1 < len(changes) && !changes[i+1].From.After(d) {
		i++
	}
	return changes[i].Schedule
}

// Plan returns the goal's plan: a built-in one, or one made from its ladder.
func (g Goal) Plan() (Plan, error) {
	if g.Custom != nil {
		return CustomPlan(g.Name, *g.Custom)
	}
	return PlanByID(g.PlanID)
}

// Step returns where the goal stands on its plan.
func (g Goal) Step() Step {
	return Step{Level: g.Level, Variant: g.Variant, Bridge: g.Bridge, LevelFrom: g.LevelFrom, Status: g.Status(),
		Eased: g.Eased, BridgeTarget: g.BridgeTarget, Reason: g.Reason, ReasonCode: g.ReasonCode, Said: g.Said,
		SteppedBack: append([]int(nil), g.SteppedBack...), Alternative: g.Alternative, Graduated: g.Graduated}
}

// WithStep returns the goal put back at step s: undoing a day's check-in
// restores the goal as it stood before that day.
func (g Goal) WithStep(s Step, day Day) Goal {
	g.Level, g.Variant, g.Bridge, g.LevelFrom = s.Level, s.Variant, s.Bridge, s.LevelFrom
	g.Eased, g.BridgeTarget, g.Reason, g.ReasonCode, g.Said = s.Eased, s.BridgeTarget, s.Reason, s.ReasonCode, s.Said
	g.SteppedBack = append([]int(nil), s.SteppedBack...)
	g.Alternative, g.Graduated = s.Alternative, s.Graduated
	if g.Status() != s.Status {
		g = g.withoutStatusFrom(day)
	}
	return g
}

// withoutStatusFrom drops status changes made on or after day.
func (g Goal) withoutStatusFrom(day Day) Goal {
	kept := make([]StatusChange, 0, len(g.Statuses))
	for _, c := range g.Statuses {
		if c.From.Before(day) {
			kept = append(kept, c)
		}
	}
	g.Statuses = kept
	return g
}

// SetStatus returns the goal with status s from day on.
func (g Goal) SetStatus(s Status, day Day) Goal {
	if g.Status() == s {
		return g
	}
	g.Statuses = append(append([]StatusChange(nil), g.Statuses...), StatusChange{From: day, Status: s})
	return g
}

// WithSchedule returns the goal with schedule s from day on; days before
// keep the schedule they had.
func (g Goal) WithSchedule(s Schedule, day Day) Goal {
	kept := make([]ScheduleChange, 0, len(g.Schedules)+1)
	for _, c := range g.Schedules {
		if c.From.Before(day) {
			kept = append(kept, c)
		}
	}
	g.Schedules = append(kept, ScheduleChange{From: day, Schedule: s})
	return g
}

// Resume makes a paused, held or archived goal active again from day on,
// with a gentle word as the reason for its step.
func (g Goal) Resume(day Day) Goal {
	g = g.SetStatus(Active, day)
	g.Reason, g.ReasonCode, g.Said = msgResumed, CodeNone, nil
	return g
}

// NewGoal makes a goal on plan p starting on day created: at the level that
// fits the person's stated capacity (0: the plan's default start).
func NewGoal(name string, p Plan, custom *Custom, sched Schedule, capacity int, created Day) (Goal, error) {
	name, err := CleanName(name)
	if err != nil {
		return Goal{}, err
	}
	if err := checkSchedule(sched); err != nil {
		return Goal{}, err
	}
	return Goal{
		Name: name, PlanID: p.ID, Custom: custom,
		Schedules: []ScheduleChange{{From: created, Schedule: sched}},
		Statuses:  []StatusChange{{From: created, Status: Active}},
		Level:     p.startLevelFor(capacity), Variant: 1,
		Created: created, Capacity: capacity,
	}, nil
}

func checkSchedule(s Schedule) error {
	if len(s.Weekdays) == 0 && (s.PerWeek < 1 || s.PerWeek > 7) {
		return says(ErrBadValue, "days a week is a number from 1 to 7")
	}
	seen := map[time.Weekday]bool{}
	for _, w := range s.Weekdays {
		if seen[w] || w < time.Sunday || w > time.Saturday {
			return says(ErrBadValue, "each weekday once")
		}
		seen[w] = true
	}
	return nil
}
