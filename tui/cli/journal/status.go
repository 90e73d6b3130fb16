package journal

import (
	"sort"
	"strings"

	"tend/coach"
)

// statusEntry is one entry of a goal's status history, with the clock
// that orders entries of one day and, for a hold, its warning.
type statusEntry struct {
	from, hlc, id string
	status        coach.Status
	lifts         []string
	warning       string
}

// statusPlan is the goal's status history from its own goal.status
// events and the holds live warnings set on it (on itself, or on any goal
// when it is an exercise goal). A resume ends the holds in force only when
// its lifts name every warning that set them: a device that had not seen a
// warning cannot lift the hold it set (SYNC §4.3).
func statusPlan(gs *GoalState, exercise bool, warnings []warning) []coach.StatusChange {
	var entries []statusEntry
	for _, e := range gs.Statuses {
		st, err := coach.ParseStatus(e.Status)
		if err != nil || st == coach.SafetyHold {
			continue // a hold is the engine's, never a person's event
		}
		entries = append(entries, statusEntry{from: e.From, hlc: e.HLC, id: e.ID, status: st, lifts: e.Lifts})
	}
	for _, w := range warnings {
		if exercise || w.goal == gs.UID {
			entries = append(entries, statusEntry{from: w.day, hlc: w.hlc, id: w.id, status: coach.SafetyHold, warning: w.id})
		}
	}
	sort.Slice(entries, func(i, j int) bool {
		a, b := entries[i], entries[j]
		if a.from != b.from {
			return a.from < b.from
		}
		if a.hlc != b.hlc {
			return a.hlc < b.hlc
		}
		return a.id < b.id
	})
	var out []coach.StatusChange
	holds := map[string]bool{}
	for _, e := range entries {
		day, err := coach.ParseDay(e.from)
		if err != nil {
			continue
		}
		switch {
		case e.status == coach.SafetyHold:
			holds[e.warning] = true
		case e.status == coach.Active && len(holds) > 0:
			if !liftsAll(e.lifts, holds) {
				continue
			}
			clear(holds)
		}
		out = append(out, coach.StatusChange{From: day, Status: e.status})
	}
	return out
}

func liftsAll(lifts []string, holds map[string]bool) bool {
	named := map[string]bool{}
	for _, id := range lifts {
		named[id] = true
	}
	for id := range holds {
		if !named[id] {
			return false
		}
	}
	return true
}

// sortByFrom orders schedule events by their day, then clock.
func sortByFrom(es []*Event) {
	sort.SliceStable(es, func(i, j int) bool {
		if es[i].From != es[j].From {
			return es[i].From < es[j].From
		}
		return before(es[i], es[j])
	})
}

// HeldDespite names, per goal uid, the device of a warning that keeps the
// goal on hold though a resume came after it: the resume's device had not
// seen that warning (SYNC §4.3), so `tend sync` says who logged it.
func (st *State) HeldDespite(a coach.Archive) map[string]string {
	out := map[string]string{}
	warnings := st.warnings()
	for _, g := range a.Goals {
		gs := st.Goals[g.UID]
		if gs == nil || g.Status() != coach.SafetyHold || len(gs.Statuses) == 0 {
			continue
		}
		last := gs.Statuses[len(gs.Statuses)-1]
		if last.Status != "active" {
			continue
		}
		named := map[string]bool{}
		for _, id := range last.Lifts {
			named[id] = true
		}
		for _, w := range warnings {
			if !named[w.id] && w.day <= last.From {
				out[g.UID] = w.dev
			}
		}
	}
	return out
}

// devOf is the device part of an event id: "" for a snapshot's content
// id, which names no device.
func devOf(id string) string {
	if strings.HasPrefix(id, "s-") {
		return ""
	}
	if i := strings.LastIndexByte(id, '-'); i > 0 {
		return id[:i]
	}
	return id
}
