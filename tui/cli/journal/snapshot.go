package journal

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"sort"
	"time"

	"tend/coach"
)

// FirstJournal is what a device sends when it has written nothing yet:
// Diff's events, with the goals new to base written as a snapshot (SYNC
// §8). Each snapshot event carries the clock of what it records and a
// content id instead of dev-seq, so two databases that hold one history
// (a copied tend.db, one export imported on both) write the same events
// and every device applies them once: split sessions add up, so a
// check-in counted twice would double. Snapshot events come first, in
// (hlc, id) order, so that a device's seqs and files follow their clocks;
// the caller stamps dev and seq on all, and clock and id on the rest.
func FirstJournal(st *State, base, db coach.Archive) []Event {
	inBase := map[string]bool{}
	for _, g := range base.Goals {
		inBase[g.UID] = true
	}
	fresh := map[string]coach.Goal{}
	for _, g := range db.Goals {
		if _, gone := st.Deleted[g.UID]; !gone && !inBase[g.UID] {
			fresh[g.UID] = g
		}
	}
	var snap, rest []Event
	for _, e := range Diff(st, base, db) { // goals in the database's order
		if _, ok := fresh[e.Goal]; ok && e.Goal != "" {
			snap = append(snap, e)
		} else {
			rest = append(rest, e)
		}
	}
	stampSnapshot(snap, fresh, createClocks(db.Goals, fresh))
	sort.SliceStable(snap, func(i, j int) bool { return before(&snap[i], &snap[j]) })
	return append(snap, rest...)
}

// stampSnapshot gives snapshot events their clocks and content ids:
// check-ins first, since a resume's lifts name theirs.
func stampSnapshot(evs []Event, goals map[string]coach.Goal, creates map[string]HLC) {
	var warns []warning
	for i := range evs {
		e := &evs[i]
		if e.Kind != CheckInAdd {
			continue
		}
		e.HLC = after(checkInClock(e), creates[e.Goal]).String()
		e.ID = ContentID(*e)
		if e.Pain == "warning" {
			warns = append(warns, warning{id: e.ID, hlc: e.HLC, day: e.Day, goal: e.Goal})
		}
	}
	for i := range evs {
		e := &evs[i]
		switch e.Kind {
		case GoalCreate:
			e.HLC = creates[e.Goal].String()
		case GoalSchedule, GoalStatus:
			from, _ := coach.ParseDay(e.From) // written by Diff from a stored day
			c := after(HLC{Wall: dayWall(from)}, creates[e.Goal])
			if e.Kind == GoalStatus && e.Status == coach.Active.String() && resumesHold(goals[e.Goal], from) {
				c = liftHolds(e, goals[e.Goal], warns, c)
			}
			e.HLC = c.String()
		default:
			continue
		}
		e.ID = ContentID(*e)
	}
}

// createClocks are the goals' create clocks: 00:00Z of the day each was
// made, and, for goals made the same day, a counter in the database's
// order. Without it those creates would tie and sort by their ids, and the
// replay, which numbers goals in create order, would shuffle the order
// Today shows them in. Copies of one database, and databases that imported
// one export, hold the goals in one order, so their clocks still agree.
func createClocks(all []coach.Goal, fresh map[string]coach.Goal) map[string]HLC {
	out := map[string]HLC{}
	sameDay := map[coach.Day]int{}
	for _, g := range all {
		if _, ok := fresh[g.UID]; ok {
			out[g.UID] = HLC{Wall: dayWall(g.Created), Counter: sameDay[g.Created]}
			sameDay[g.Created]++
		}
	}
	return out
}

// liftHolds names in a resume's lifts the warning check-ins that hold the
// goal by its day (its own, or any goal's when it is an exercise goal, as
// the replay holds them), and returns its clock: its day's start, or just
// after a warning it lifts on that same day, so that the replay sees the
// hold before the resume, as the database had them.
func liftHolds(e *Event, g coach.Goal, warns []warning, c HLC) HLC {
	p, err := g.Plan()
	exercise := err == nil && p.Exercise()
	lifts := map[string]bool{}
	for _, id := range e.Lifts {
		lifts[id] = true
	}
	for _, w := range warns {
		if (w.goal != g.UID && !exercise) || w.day > e.From {
			continue
		}
		lifts[w.id] = true
		if wc, err := ParseHLC(w.hlc); err == nil && w.day == e.From && !wc.Less(c) {
			c = HLC{Wall: wc.Wall + 1}
		}
	}
	e.Lifts = e.Lifts[:0]
	for id := range lifts {
		e.Lifts = append(e.Lifts, id)
	}
	sort.Strings(e.Lifts)
	return c
}

// resumesHold reports whether the goal's status history has a resume on
// day right after a safety hold: the person's "I've been checked".
func resumesHold(g coach.Goal, day coach.Day) bool {
	for i := 1; i < len(g.Statuses); i++ {
		s := g.Statuses[i]
		if s.From == day && s.Status == coach.Active && g.Statuses[i-1].Status == coach.SafetyHold {
			return true
		}
	}
	return false
}

// checkInClock is a stored check-in's clock: when it was written, or
// noon of its day when that is unknown (check-ins made before tend kept
// the time), so that check-ins go in the order they were written and a
// back-fill stays a back-fill.
func checkInClock(e *Event) HLC {
	if at, err := time.Parse(time.RFC3339, e.WrittenAt); err == nil {
		return HLC{Wall: at.UnixMilli()}
	}
	day, _ := coach.ParseDay(e.Day)
	return HLC{Wall: dayWall(day) + 12*time.Hour.Milliseconds()}
}

// after keeps a goal's event after its create: a check-in written before
// midnight UTC of the goal's first day (east of Greenwich) would
// otherwise reach a peer before its goal exists.
func after(c, create HLC) HLC {
	if create.Less(c) {
		return c
	}
	return HLC{Wall: create.Wall, Counter: create.Counter + 1}
}

// dayWall is 00:00:00.000Z of a civil day, in Unix milliseconds.
func dayWall(d coach.Day) int64 { return d.Unix() * 24 * time.Hour.Milliseconds() }

// contentPrefix is what an event's line starts with once v, dev, seq and
// id are zeroed: the members a content id leaves out.
var contentPrefix = []byte(`{"v":0,"dev":"","seq":0,"id":"",`)

// ContentID is a snapshot event's id (SYNC §8): "s-" and the first 24 hex
// digits of the SHA-256 of its line without v, dev, seq, id and sum. It
// depends on what the event says and its clock alone, never on which
// device wrote it.
func ContentID(e Event) string {
	e.V, e.Dev, e.Seq, e.ID = 0, "", 0, ""
	obj, err := json.Marshal(e)
	if err != nil {
		return "" // a value JSON cannot hold: EncodeEvent refuses the line too
	}
	obj = append([]byte{'{'}, bytes.TrimPrefix(obj, contentPrefix)...)
	sum := sha256.Sum256(obj)
	return "s-" + hex.EncodeToString(sum[:12])
}
