package journal

import (
	"fmt"
	"sort"
	"strings"

	"tend/coach"
)

// Replay turns a merged state into the database it stands for: every goal
// with its check-ins and the decisions the engine makes on them, replayed
// in clock order (SYNC §7.5). Decisions and levels are never merged; they
// are recomputed here, so every device that holds the same events holds
// the same goals. Goals are numbered in the order of their creates.
func Replay(st *State) (coach.Archive, error) { return ReplayOnly(st, nil) }

// ReplayOnly is Replay of the goals only names (by uid; nil: every goal):
// each as Replay makes it, with the same id and shown name and the holds
// every goal's warnings set, but the others' histories left unreplayed
// (SYNC §6.3: a goal's events recompute that goal).
func ReplayOnly(st *State, only map[string]bool) (coach.Archive, error) {
	a := coach.Archive{DayStartHour: st.dayStart(), CheckIns: map[uint64][]coach.CheckIn{}, Decisions: map[uint64][]coach.Decision{}}
	goals := make([]*GoalState, 0, len(st.Goals))
	for _, g := range st.Goals {
		goals = append(goals, g)
	}
	sort.Slice(goals, func(i, j int) bool { return before(goals[i].Create, goals[j].Create) })
	warnings := st.warnings()
	taken := map[string]bool{}
	for i, gs := range goals {
		if only != nil && !only[gs.UID] {
			uniqueName(textOf(gs.Field("name"), "name"), taken)
			continue
		}
		r, err := replayGoal(gs, uint64(i+1), warnings)
		if err != nil {
			return coach.Archive{}, err
		}
		r.g.Name = uniqueName(r.g.Name, taken)
		a.Goals = append(a.Goals, r.g)
		if len(r.hist) > 0 {
			a.CheckIns[r.g.ID] = r.hist
		}
		if len(r.decs) > 0 {
			a.Decisions[r.g.ID] = r.decs
		}
	}
	return a, nil
}

// uniqueName keeps names unique, as NAME matching needs (SYNC §7.3): two
// devices that each made a "Walk" offline have two goals, and the one
// whose create sorts later is shown and matched as "Walk (2)". The suffix
// is derived, never an event, so every device shows the same, and it goes
// once one of them is renamed.
func uniqueName(name string, taken map[string]bool) string {
	key := func(s string) string { return strings.ToLower(coach.NameKey(s)) }
	out := name
	for n := 2; taken[key(out)]; n++ {
		out = fmt.Sprintf("%s (%d)", name, n)
	}
	taken[key(out)] = true
	return out
}

// warning is a live warning-sign contribution, on any goal or kept from a
// deleted one: it holds every exercise goal from its day (COACH R0).
type warning struct {
	id, hlc, day, goal string
	dev                string // the device that wrote it, "" when unknown
}

func (st *State) warnings() []warning {
	var out []warning
	for uid, g := range st.Goals {
		for _, c := range g.Live {
			if c.Pain == "warning" {
				out = append(out, warning{id: c.ID, hlc: c.HLC, day: c.Day, goal: uid, dev: c.Dev})
			}
		}
	}
	for uid, ws := range st.Deleted {
		for _, w := range ws {
			out = append(out, warning{id: w.ID, day: w.Day, goal: uid, dev: devOf(w.ID)})
		}
	}
	return out
}

// goalReplay is one goal moving through its history.
type goalReplay struct {
	g       coach.Goal
	p       coach.Plan
	pending []coach.StatusChange // statuses whose days the replay has not reached
	hist    []coach.CheckIn      // day order
	decs    []coach.Decision     // day order
	newest  coach.Day
}

func replayGoal(gs *GoalState, id uint64, warnings []warning) (*goalReplay, error) {
	g, err := gs.baseGoal(id)
	if err != nil {
		return nil, err
	}
	p, err := g.Plan()
	if err != nil {
		return nil, fmt.Errorf("goal %q: %w", g.Name, err)
	}
	r := &goalReplay{g: g, p: p, pending: statusPlan(gs, p.Exercise(), warnings)}
	byDay := map[string][]*Event{}
	for _, c := range gs.Live {
		byDay[c.Day] = append(byDay[c.Day], c)
	}
	for _, day := range dayOrder(gs.Live) {
		in, err := dayCheckIn(byDay[day])
		if err != nil {
			return nil, fmt.Errorf("goal %q, %s: %w", g.Name, day, err)
		}
		r.apply(in)
	}
	for _, s := range r.pending {
		r.addStatus(s)
	}
	return r, nil
}

// dayOrder is the goal's days with a check-in, in the order of each day's
// first live contribution: a day written after a later one is a back-fill,
// as it was where it was written.
func dayOrder(live []*Event) []string {
	var days []string
	seen := map[string]bool{}
	for _, c := range live { // already in (hlc, id) order
		if !seen[c.Day] {
			seen[c.Day] = true
			days = append(days, c.Day)
		}
	}
	return days
}

// dayCheckIn derives a day's check-in from its live contributions (§7.1).
func dayCheckIn(cs []*Event) (coach.CheckIn, error) {
	var out coach.CheckIn
	for i, e := range cs {
		c, err := checkInOf(e)
		if err != nil {
			return out, err
		}
		if i == 0 {
			out = c
		} else {
			out = coach.MergeDay(out, c)
		}
	}
	return out, nil
}

// apply judges one day: after the newest day it decides, before it is a
// back-fill; on a day the goal is paused or held it is kept as history
// and decides nothing (SYNC §7.5).
func (r *goalReplay) apply(in coach.CheckIn) {
	decides := r.newest.IsZero() || in.Day.After(r.newest)
	if decides {
		r.reach(in.Day)
	}
	at := sort.Search(len(r.hist), func(i int) bool { return !r.hist[i].Day.Before(in.Day) })
	r.hist = append(r.hist, coach.CheckIn{})
	copy(r.hist[at+1:], r.hist[at:])
	r.hist[at] = in
	if !decides || (r.g.StatusOn(in.Day) != coach.Active && !in.Outcome.Skips()) {
		return
	}
	lo := sort.Search(at, func(i int) bool { return !r.hist[i].Day.Before(in.Day.AddDays(-(coach.RecentDays - 1))) })
	var dec coach.Decision
	r.g, dec = coach.Replay(r.g, r.p, r.hist[lo:at], in)
	r.newest = in.Day
	r.decs = append(r.decs, dec)
}

// reach puts into force the statuses from before day, and a resume on day
// itself: a person resumes before that day's session, while a pause or a
// hold on a session's day came after it.
func (r *goalReplay) reach(day coach.Day) {
	for len(r.pending) > 0 && (r.pending[0].From.Before(day) ||
		r.pending[0].From == day && r.pending[0].Status == coach.Active) {
		r.addStatus(r.pending[0])
		r.pending = r.pending[1:]
	}
}

// addStatus applies a status change unless the engine made it already.
func (r *goalReplay) addStatus(s coach.StatusChange) {
	if r.g.Status() == s.Status {
		return
	}
	if n := len(r.g.Statuses); n > 0 && s.From.Before(r.g.Statuses[n-1].From) {
		s.From = r.g.Statuses[n-1].From
	}
	if s.Status == coach.Active {
		r.g = r.g.Resume(s.From)
		return
	}
	r.g = r.g.SetStatus(s.Status, s.From)
}
