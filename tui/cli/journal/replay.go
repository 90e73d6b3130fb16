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
	marks := st.warningMarks()
	taken := map[string]bool{}
	for i, gs := range goals {
		if only != nil && !only[gs.UID] {
			uniqueName(textOf(gs.Field("name"), "name"), taken)
			continue
		}
		r, err := replayGoal(st, gs, uint64(i+1), marks)
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

// goalReplay is one goal moving through its events, in (hlc, id) order,
// each taken as the local write that made it was (store's CheckIn, Undo,
// EditCheckIn, a status edit): so, without peers, the replay of a
// device's own journal is its database (SYNC §7.5).
type goalReplay struct {
	st       *State
	g        coach.Goal
	p        coach.Plan
	exercise bool
	hist     []coach.CheckIn     // day order
	decs     []coach.Decision    // day order
	live     map[string][]*Event // day → its live contributions, in order
	warn     map[string]string   // live warning contributions of any goal: id → day
	kept     []Warning           // a deleted goal's warnings, which hold for good
	pair     bool                // the remove being taken has its day's new add after it
	keep     bool                // ... and that add keeps a warning
	second   bool                // the add being taken is such a remove's new check-in
}

func replayGoal(st *State, gs *GoalState, id uint64, marks []*Event) (*goalReplay, error) {
	g, err := gs.baseGoal(id)
	if err != nil {
		return nil, err
	}
	p, err := g.Plan()
	if err != nil {
		return nil, fmt.Errorf("goal %q: %w", g.Name, err)
	}
	r := &goalReplay{st: st, g: g, p: p, exercise: p.Exercise(), live: map[string][]*Event{}, warn: map[string]string{}}
	for _, ws := range st.Deleted {
		for _, w := range ws {
			r.warn[w.ID] = w.Day
			r.kept = append(r.kept, w)
		}
	}
	sort.Slice(r.kept, func(i, j int) bool { // the first holds: in one order on every device
		return r.kept[i].Day < r.kept[j].Day || r.kept[i].Day == r.kept[j].Day && r.kept[i].ID < r.kept[j].ID
	})
	evs := streamOf(gs, marks)
	for i := 0; i < len(evs); i++ {
		e := evs[i]
		// A remove and the add written with it are one change of the day
		// (an edit, a second session): an older day keeps its decision, and
		// a warning the day keeps keeps its holds, as in the store.
		r.pair = i+1 < len(evs) && e.Kind == CheckInRemove && sameWrite(e, evs[i+1])
		r.keep = r.pair && evs[i+1].Pain == "warning"
		r.second = i > 0 && evs[i-1].Kind == CheckInRemove && sameWrite(evs[i-1], e)
		if e.Goal != gs.UID {
			r.mark(e)
			continue
		}
		var err error
		switch e.Kind {
		case CheckInAdd:
			err = r.add(e)
		case CheckInRemove:
			err = r.remove(e)
		case GoalStatus:
			r.status(e)
		}
		if err != nil {
			return nil, fmt.Errorf("goal %q: %w", g.Name, err)
		}
	}
	r.holdKept(gs)
	if len(r.g.Statuses) == 0 {
		r.g.Statuses = nil // as the store keeps a history undone to nothing
	}
	return r, nil
}

// streamOf is the goal's own events with the other goals' warning
// contributions and their removes, which hold or lift it, in one order.
func streamOf(gs *GoalState, marks []*Event) []*Event {
	out := make([]*Event, 0, len(gs.Seq)+len(marks))
	i := 0
	for _, m := range marks {
		if m.Goal == gs.UID {
			continue
		}
		for i < len(gs.Seq) && before(gs.Seq[i], m) {
			out = append(out, gs.Seq[i])
			i++
		}
		out = append(out, m)
	}
	return append(out, gs.Seq[i:]...)
}

// sameWrite reports whether add was written with rm, in one write: the
// same device's next event at the clock's next tick, for the same day
// (Diff writes a changed day as its remove and its new check-in). Two
// commands, an undo and then a check-in, are apart on the clock.
func sameWrite(rm, add *Event) bool {
	if add.Kind != CheckInAdd || add.Goal != rm.Goal || add.Day != rm.Day || add.Dev != rm.Dev || add.Seq != rm.Seq+1 {
		return false
	}
	a, err1 := ParseHLC(rm.HLC)
	b, err2 := ParseHLC(add.HLC)
	return err1 == nil && err2 == nil && a.Wall == b.Wall && b.Counter == a.Counter+1
}

// deadOnArrival reports whether a remove that sorts before the add names it.
func (r *goalReplay) deadOnArrival(e *Event) bool {
	rm := r.st.RemovedBy[e.ID]
	return rm != nil && before(rm, e)
}

func (r *goalReplay) add(e *Event) error {
	if r.deadOnArrival(e) {
		return nil
	}
	if e.Pain == "warning" {
		r.warn[e.ID] = e.Day
	}
	was, had := r.checkInOn(e.Day)
	r.live[e.Day] = append(r.live[e.Day], e)
	return r.setDay(e.Day, was, had, todayOf(e, r.st.dayStart()))
}

// remove takes a remove. An edit is a remove and an add, taken one after
// the other as the store's edit is an undo and a check-in: on the newest
// day decided again, on an older day only the check-in changed.
func (r *goalReplay) remove(e *Event) error {
	was, had := r.checkInOn(e.Day)
	gone := map[string]bool{}
	for _, id := range e.Removes {
		gone[id] = true
		delete(r.warn, id)
	}
	days := map[string]bool{e.Day: true}
	for day, cs := range r.live {
		kept := cs[:0:0]
		for _, c := range cs {
			if gone[c.ID] {
				days[day] = true
			} else {
				kept = append(kept, c)
			}
		}
		if len(kept) == 0 {
			delete(r.live, day)
		} else {
			r.live[day] = kept
		}
	}
	today := todayOf(e, r.st.dayStart())
	order := make([]string, 0, len(days))
	for day := range days {
		order = append(order, day)
	}
	sort.Strings(order)
	for _, day := range order {
		w, h := was, had
		if day != e.Day {
			w, h = r.checkInOn(day)
		}
		if err := r.setDay(day, w, h, today); err != nil {
			return err
		}
	}
	return nil
}
