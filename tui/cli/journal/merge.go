package journal

import "sort"

// State is the merge of a set of events (SYNC §7): a function of the set
// alone, so delivery order, batching and duplicates cannot change it.
type State struct {
	Goals map[string]*GoalState // live goals, by uid
	// Deleted keeps, per deleted uid, the warning contributions that still
	// hold the other goals (§7.3), and the device whose delete came first.
	Deleted   map[string][]Warning
	DeletedBy map[string]string
	DayStart  *Event            // the latest settings.set of the day-start hour
	Labels    map[string]string // device id → its latest label
	Waiting   []Event           // events for a goal whose create has not come
	Newer     int               // events from a newer tend, not applied
	Max       HLC               // the largest clock among the events
	// RemovedBy is, per removed contribution id, the first remove that
	// names it: an add that sorts after it is dead on arrival (§7.1).
	RemovedBy map[string]*Event
	Applied   map[string]bool // every event id in the set
}

// GoalState is one goal's events, each list in (hlc, id) order.
type GoalState struct {
	UID       string
	Create    *Event
	Sets      map[string]*Event // field → the goal.set (or later create) that won
	Schedules []*Event
	Statuses  []*Event
	Live      []*Event // checkin.add events no remove names
	Dead      []*Event // checkin.add events some remove names
	// Seq is every checkin.add (live or dead), checkin.remove and
	// goal.status of the goal, in (hlc, id) order: the replay takes them
	// one by one, as the writes that made them were taken (SYNC §7.5), so
	// a contribution that was live for a while still decided what it
	// decided then (§10: removed contributions are kept).
	Seq []*Event
}

// Merge merges a set of events. Events are identified by id: a second
// copy of one is the same event and changes nothing.
func Merge(events []Event) *State {
	st := &State{Goals: map[string]*GoalState{}, Deleted: map[string][]Warning{}, DeletedBy: map[string]string{},
		Labels: map[string]string{}, Applied: map[string]bool{}, RemovedBy: map[string]*Event{}}
	all := make([]*Event, 0, len(events))
	at := make(map[string]int, len(events))
	for i := range events {
		e := &events[i]
		if j, dup := at[e.ID]; dup {
			// Two snapshots of one history (SYNC §8) write the same
			// event under two devices: keep the lower writer's copy, so
			// that which copy stands never depends on delivery order.
			if e.Dev < all[j].Dev {
				all[j] = e
			}
			continue
		}
		st.Applied[e.ID] = true
		at[e.ID] = len(all)
		all = append(all, e)
	}
	sort.Slice(all, func(i, j int) bool { return before(all[i], all[j]) })
	removed := map[string]bool{}
	for _, e := range all {
		if h, err := ParseHLC(e.HLC); err == nil && st.Max.Less(h) {
			st.Max = h
		}
		switch e.Kind {
		case CheckInRemove:
			for _, id := range e.Removes {
				if !removed[id] {
					st.RemovedBy[id] = e
				}
				removed[id] = true
			}
		case GoalDelete:
			if _, ok := st.Deleted[e.Goal]; !ok {
				st.Deleted[e.Goal], st.DeletedBy[e.Goal] = nil, e.Dev
			}
			st.Deleted[e.Goal] = addWarnings(st.Deleted[e.Goal], e.Warnings...)
		}
	}
	for _, e := range all {
		st.fold(e, removed)
	}
	for uid, g := range st.Goals {
		if _, gone := st.Deleted[uid]; gone {
			for _, c := range g.Live {
				if c.Pain == "warning" {
					st.Deleted[uid] = addWarnings(st.Deleted[uid], Warning{ID: c.ID, Day: c.Day})
				}
			}
			delete(st.Goals, uid)
		}
	}
	return st
}

// fold applies one event, in (hlc, id) order, to the state.
func (st *State) fold(e *Event, removed map[string]bool) {
	switch e.Kind {
	case SettingsSet:
		if e.Field == "day_start_hour" {
			st.DayStart = e
		}
		return
	case DeviceLabel:
		st.Labels[e.Dev] = e.Label
		return
	case CheckInRemove:
		if g := st.Goals[e.Goal]; g != nil {
			g.Seq = append(g.Seq, e)
		}
		return
	case GoalDelete:
		return
	}
	g := st.Goals[e.Goal]
	if g == nil {
		if _, gone := st.Deleted[e.Goal]; gone {
			return // delete wins: whatever its goal's events, they go with it
		}
		if e.Kind != GoalCreate {
			st.Waiting = append(st.Waiting, *e)
			return
		}
		st.Goals[e.Goal] = &GoalState{UID: e.Goal, Create: e, Sets: map[string]*Event{}}
		return
	}
	switch e.Kind {
	case GoalCreate: // a second snapshot of a copied goal: its fields are sets
		for _, f := range []string{"name", "anchor", "if_then", "imported_from"} {
			g.Sets[f] = e
		}
	case GoalSet:
		g.Sets[e.Field] = e
	case GoalSchedule:
		g.Schedules = append(g.Schedules, e)
	case GoalStatus:
		g.Statuses = append(g.Statuses, e)
		g.Seq = append(g.Seq, e)
	case CheckInAdd:
		g.Seq = append(g.Seq, e)
		if removed[e.ID] {
			g.Dead = append(g.Dead, e)
		} else {
			g.Live = append(g.Live, e)
		}
	}
}

func addWarnings(ws []Warning, more ...Warning) []Warning {
	for _, w := range more {
		i := sort.Search(len(ws), func(i int) bool { return ws[i].ID >= w.ID })
		if i < len(ws) && ws[i].ID == w.ID {
			continue
		}
		ws = append(ws, Warning{})
		copy(ws[i+1:], ws[i:])
		ws[i] = w
	}
	return ws
}

// Field is the goal's value of a register field: the latest goal.set's,
// else the create's.
func (g *GoalState) Field(name string) *Event {
	if e := g.Sets[name]; e != nil {
		return e
	}
	return g.Create
}

// LiveOn is the goal's live contributions on day, in clock order.
func (g *GoalState) LiveOn(day string) []*Event {
	var out []*Event
	for _, c := range g.Live {
		if c.Day == day {
			out = append(out, c)
		}
	}
	return out
}
