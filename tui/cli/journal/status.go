package journal

import (
	"sort"
	"strings"

	"tend/coach"
)

// liftsAll reports whether lifts names every warning in holds.
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
