package journal

import (
	"encoding/json"
	"sort"
	"strconv"

	"tend/coach"
)

// Diff is what a device's database holds that its journal does not yet
// say: the events that take base (the replay of every event the device
// has seen, st) to db (its database now). The database is written first
// and the journal after it (SYNC §5), so whatever a write did, and any
// append that failed, is found here and goes out on the next try; the
// journal lags the database but never leads it. Events come without dev,
// seq, id or clock, which the caller stamps, in this order.
func Diff(st *State, base, db coach.Archive) []Event {
	var out []Event
	baseGoals := map[string]coach.Goal{}
	for _, g := range base.Goals {
		baseGoals[g.UID] = g
	}
	seen := map[string]bool{}
	for _, g := range db.Goals {
		seen[g.UID] = true
		if _, gone := st.Deleted[g.UID]; gone {
			continue
		}
		bg, ok := baseGoals[g.UID]
		if !ok {
			out = append(out, created(st, g, db)...)
			continue
		}
		out = append(out, changed(st, bg, g, base, db)...)
	}
	for _, g := range base.Goals {
		if !seen[g.UID] {
			out = append(out, Event{Kind: GoalDelete, Goal: g.UID, Warnings: goalWarnings(st.Goals[g.UID])})
		}
	}
	if db.DayStartHour != base.DayStartHour {
		v := strconv.Itoa(db.DayStartHour)
		out = append(out, Event{Kind: SettingsSet, Field: "day_start_hour", Value: &v})
	}
	return out
}

// created is a new goal's whole history (SYNC §8's snapshot of one goal).
func created(st *State, g coach.Goal, db coach.Archive) []Event {
	cs := db.CheckIns[g.ID]
	level, variant := g.Level, g.Variant
	if len(cs) > 0 {
		level, variant = cs[0].Level, cs[0].Variant
	}
	out := []Event{CreateOf(g, level, variant)}
	for _, s := range g.Schedules[min(1, len(g.Schedules)):] {
		out = append(out, scheduleEvent(g.UID, s))
	}
	base := coach.Goal{UID: g.UID, Statuses: []coach.StatusChange{{From: g.Created, Status: coach.Active}}}
	out = append(out, statusEvents(st, base, g, db.Decisions[g.ID])...)
	// In the order they were written, so a back-fill stays a back-fill;
	// those without a time last, by day, as the import's rebuild took
	// them (SYNC §8).
	ordered := append([]coach.CheckIn(nil), cs...)
	sort.SliceStable(ordered, func(i, j int) bool {
		a, b := ordered[i].WrittenAt, ordered[j].WrittenAt
		return !a.IsZero() && (b.IsZero() || a.Before(b))
	})
	for _, c := range ordered {
		out = append(out, AddOf(g.UID, c))
	}
	return out
}

// changed is what the person changed on a goal both sides have.
func changed(st *State, bg, g coach.Goal, base, db coach.Archive) []Event {
	var out []Event
	for _, f := range [][3]string{{"name", bg.Name, g.Name}, {"anchor", bg.Anchor, g.Anchor}, {"if_then", bg.IfThen, g.IfThen}} {
		if f[1] != f[2] {
			v := f[2]
			out = append(out, Event{Kind: GoalSet, Goal: g.UID, Field: f[0], Value: &v})
		}
	}
	if !sameJSON(bg.ImportedFrom, g.ImportedFrom) && g.ImportedFrom != nil {
		out = append(out, Event{Kind: GoalSet, Goal: g.UID, Field: "imported_from", ImportedFrom: g.ImportedFrom})
	}
	// Keyed by the day as text: a coach.Day encodes to JSON as {}, so a
	// schedule back to an earlier one would look had and never go out.
	had := map[string]bool{}
	for _, s := range bg.Schedules {
		had[s.From.String()+jsonOf(s.Schedule)] = true
	}
	for _, s := range g.Schedules {
		if !had[s.From.String()+jsonOf(s.Schedule)] {
			out = append(out, scheduleEvent(g.UID, s))
		}
	}
	out = append(out, statusEvents(st, bg, g, db.Decisions[g.ID])...)
	return append(out, checkInChanges(st.Goals[g.UID], g.UID, base.CheckIns[bg.ID], db.CheckIns[g.ID])...)
}

func scheduleEvent(uid string, s coach.ScheduleChange) Event {
	return Event{Kind: GoalSchedule, Goal: uid, From: s.From.String(), DaysPerWeek: s.PerWeek, Weekdays: weekdaysOf(s.Schedule)}
}

// statusEvents are the person's status changes in g that bg lacks. The
// engine's own (a safety hold, a P2 pain pause) are recomputed on replay,
// never written (SYNC §4.3). A resume names in lifts every warning the
// device had seen, so it ends only the holds those set.
func statusEvents(st *State, bg, g coach.Goal, decs []coach.Decision) []Event {
	had := map[coach.StatusChange]int{}
	for _, s := range bg.Statuses {
		had[s]++
	}
	p2 := map[coach.Day]bool{}
	for _, d := range decs {
		if d.ReasonCode == coach.CodeP2 {
			p2[d.Day] = true
		}
	}
	var out []Event
	for _, s := range g.Statuses {
		if had[s] > 0 {
			had[s]--
			continue
		}
		if s.Status == coach.SafetyHold || s.Status == coach.Paused && p2[s.From] {
			p2[s.From] = false // R0 pauses from its decision's day, once: a later pause is the person's
			continue
		}
		e := Event{Kind: GoalStatus, Goal: g.UID, From: s.From.String(), Status: s.Status.String()}
		if s.Status == coach.Active {
			for _, w := range st.warnings() {
				e.Lifts = append(e.Lifts, w.id)
			}
			sort.Strings(e.Lifts)
		}
		out = append(out, e)
	}
	return out
}

// checkInChanges compares a goal's days: a day gone is undone (a remove
// of the contributions this device had seen, SYNC §7.2), a new day is a
// contribution, and a changed day replaces what was seen (remove + add,
// as an edit does).
func checkInChanges(gs *GoalState, uid string, base, db []coach.CheckIn) []Event {
	was := map[coach.Day]string{}
	for _, c := range base {
		was[c.Day] = jsonOf(AddOf(uid, c))
	}
	var out []Event
	now := map[coach.Day]bool{}
	for _, c := range db {
		now[c.Day] = true
		add := AddOf(uid, c)
		prev, ok := was[c.Day]
		if ok && prev == jsonOf(add) {
			continue
		}
		if ok {
			out = append(out, removeOf(gs, uid, c.Day))
		}
		out = append(out, add)
	}
	for _, c := range base {
		if !now[c.Day] {
			out = append(out, removeOf(gs, uid, c.Day))
		}
	}
	return out
}

func removeOf(gs *GoalState, uid string, day coach.Day) Event {
	e := Event{Kind: CheckInRemove, Goal: uid, Day: day.String()}
	if gs != nil {
		for _, c := range gs.LiveOn(day.String()) {
			e.Removes = append(e.Removes, c.ID)
		}
	}
	return e
}

func goalWarnings(gs *GoalState) []Warning {
	var ws []Warning
	if gs != nil {
		for _, c := range gs.Live {
			if c.Pain == "warning" {
				ws = append(ws, Warning{ID: c.ID, Day: c.Day})
			}
		}
	}
	return ws
}

func jsonOf(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func sameJSON(a, b any) bool { return jsonOf(a) == jsonOf(b) }

// DayChanges is Diff for one goal whose person-edited fields (name,
// anchor, if-then, provenance, schedules, statuses) are as st has them,
// so that only its check-ins can differ, and only in months: the events
// that take its days of those months, as its live contributions in st
// make them, to db, the database's check-ins of those months. ok is false
// when st does not hold the goal (its create waits, or it is deleted).
func DayChanges(st *State, uid string, months map[string]bool, db []coach.CheckIn) (evs []Event, ok bool, err error) {
	gs := st.Goals[uid]
	if _, gone := st.Deleted[uid]; gs == nil || gone {
		return nil, false, nil
	}
	byDay := map[string][]*Event{}
	for _, c := range gs.Live {
		if len(c.Day) >= 7 && months[c.Day[:7]] {
			byDay[c.Day] = append(byDay[c.Day], c)
		}
	}
	base := make([]coach.CheckIn, 0, len(byDay))
	for _, cs := range byDay {
		in, err := dayCheckIn(cs)
		if err != nil {
			return nil, false, err
		}
		base = append(base, in)
	}
	sort.Slice(base, func(i, j int) bool { return base[i].Day.Before(base[j].Day) })
	return checkInChanges(gs, uid, base, db), true, nil
}
