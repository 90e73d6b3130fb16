package journal

import (
	"sort"
	"time"

	"tend/coach"
)

// setDay applies what a day's contributions now make of it, was being its
// check-in before (had: it had one), as the local write did (store):
// a new day is a check-in (deciding when it is the newest); a day that
// lost its last contribution is undone; a changed newest day is undone
// and decided again from the goal as it stood before it; a changed older
// day changes only its check-in (COACH §6.2–6.3, SYNC §7.5).
func (r *goalReplay) setDay(day string, was coach.CheckIn, had bool, today coach.Day) error {
	cs := r.live[day]
	if len(cs) == 0 {
		if had {
			r.undo(was)
		}
		return nil
	}
	now, err := dayCheckIn(cs)
	if err != nil {
		return err
	}
	switch {
	case !had:
		r.checkIn(now, today)
	case r.newest() == now.Day:
		r.undo(was)
		r.checkIn(now, today)
	default:
		at := r.dayAt(now.Day)
		r.hist[at] = now
		switch {
		case now.Pain == coach.PainWarning && was.Pain != coach.PainWarning:
			r.hold(today)
		case was.Pain == coach.PainWarning && now.Pain != coach.PainWarning:
			r.lift(was.Day)
		}
	}
	return nil
}

func (r *goalReplay) newest() coach.Day {
	if len(r.hist) == 0 {
		return coach.Day{}
	}
	return r.hist[len(r.hist)-1].Day
}

// dayAt is where day is, or would go, in hist.
func (r *goalReplay) dayAt(day coach.Day) int {
	return sort.Search(len(r.hist), func(i int) bool { return !r.hist[i].Day.Before(day) })
}

func (r *goalReplay) checkInOn(day string) (coach.CheckIn, bool) {
	d, err := coach.ParseDay(day)
	if err != nil {
		return coach.CheckIn{}, false
	}
	if at := r.dayAt(d); at < len(r.hist) && r.hist[at].Day == d {
		return r.hist[at], true
	}
	return coach.CheckIn{}, false
}

// checkIn is store.CheckIn of a day with no check-in: on or after the
// newest day it decides, from the goal as it stood before the day's
// decision if one stands; before it, a back-fill, it joins the history.
// A session on a day the goal is paused or held is kept and decides
// nothing (a peer's; the store refuses it here), unless it is the new
// check-in of a changed day. A warning holds every
// exercise goal from today (COACH R0).
func (r *goalReplay) checkIn(in coach.CheckIn, today coach.Day) {
	decides := len(r.hist) == 0 || !in.Day.Before(r.newest())
	at := r.dayAt(in.Day)
	r.hist = append(r.hist, coach.CheckIn{})
	copy(r.hist[at+1:], r.hist[at:])
	r.hist[at] = in
	// A changed day was let in by the store on what was added (a rest on a
	// held day may join its session), so it decides as it did there.
	if decides && (r.g.StatusOn(in.Day) == coach.Active || in.Outcome.Skips() || r.second) {
		r.decide(in, at)
	}
	if in.Pain == coach.PainWarning {
		r.hold(today)
	}
}

func (r *goalReplay) decide(in coach.CheckIn, at int) {
	d := sort.Search(len(r.decs), func(i int) bool { return !r.decs[i].Day.Before(in.Day) })
	if d < len(r.decs) && r.decs[d].Day == in.Day {
		r.g = r.g.WithStep(r.decs[d].Before, in.Day)
		r.decs = append(r.decs[:d], r.decs[d+1:]...)
	}
	judged := r.g
	if in.Outcome.ShowedUp() && judged.Bridge && !judged.Eased && !in.Bridge {
		// The full session was taken (store's entryFor): judged as the level.
		judged.Bridge, judged.BridgeTarget = false, 0
	}
	lo := sort.Search(at, func(i int) bool { return !r.hist[i].Day.Before(in.Day.AddDays(-(coach.RecentDays - 1))) })
	var dec coach.Decision
	r.g, dec = coach.Replay(judged, r.p, r.hist[lo:at], in)
	r.decs = append(r.decs, coach.Decision{})
	copy(r.decs[d+1:], r.decs[d:])
	r.decs[d] = dec
}

// undo is store.Undo: the check-in goes with its decision, and when that
// decision is the goal's latest the goal is put back as it stood before
// it. The first half of an older day's edit keeps the decision: the
// store's edit changes only that check-in. Undoing a warning lifts the
// holds it set.
func (r *goalReplay) undo(c coach.CheckIn) {
	at := r.dayAt(c.Day)
	if at < len(r.hist) && r.hist[at].Day == c.Day {
		r.hist = append(r.hist[:at], r.hist[at+1:]...)
	}
	d := sort.Search(len(r.decs), func(i int) bool { return !r.decs[i].Day.Before(c.Day) })
	older := at < len(r.hist)
	if !(older && r.pair) && d < len(r.decs) && r.decs[d].Day == c.Day {
		dec := r.decs[d]
		r.decs = append(r.decs[:d], r.decs[d+1:]...)
		if d == len(r.decs) {
			r.g = r.g.WithStep(dec.Before, c.Day)
		}
	}
	if c.Pain == coach.PainWarning {
		r.lift(c.Day)
	}
}

// hold is store's holdAll for this goal: an exercise goal not archived
// or held already goes into safety hold from today.
func (r *goalReplay) hold(today coach.Day) {
	if !r.exercise {
		return
	}
	if s := r.g.Status(); s == coach.Archived || s == coach.SafetyHold {
		return
	}
	r.g = r.g.SetStatus(coach.SafetyHold, r.notBeforeLast(today))
}

// lift is store's liftHolds: unless a warning still stands on some goal
// from day on, a hold that began on or after day ends.
func (r *goalReplay) lift(day coach.Day) {
	if r.keep {
		return
	}
	for _, d := range r.warn {
		if d >= day.String() {
			return
		}
	}
	r.g, _ = r.g.LiftHold(day)
}

// mark takes another goal's warning contribution, or a remove of one.
func (r *goalReplay) mark(e *Event) {
	if e.Kind == CheckInAdd {
		if r.deadOnArrival(e) {
			return
		}
		r.warn[e.ID] = e.Day
		r.hold(todayOf(e, r.st.dayStart()))
		return
	}
	lifted := false
	for _, id := range e.Removes {
		if _, ok := r.warn[id]; ok {
			delete(r.warn, id)
			lifted = true
		}
	}
	if day, err := coach.ParseDay(e.Day); err == nil && lifted {
		r.lift(day)
	}
}

// status is the person's status edit. A resume from a safety hold ends it
// only when its lifts name every warning standing (SYNC §4.3): a device
// that had not seen one cannot lift the hold it set.
func (r *goalReplay) status(e *Event) {
	s, err := coach.ParseStatus(e.Status)
	if err != nil || s == coach.SafetyHold {
		return // a hold is the engine's, never a person's event
	}
	from, err := coach.ParseDay(e.From)
	if err != nil {
		return
	}
	if r.g.Status() == s {
		return
	}
	from = r.notBeforeLast(from)
	if s != coach.Active {
		r.g = r.g.SetStatus(s, from)
		return
	}
	if r.g.Status() == coach.SafetyHold {
		named := map[string]bool{}
		for id := range r.warn {
			named[id] = true
		}
		if !liftsAll(e.Lifts, named) {
			return
		}
	}
	r.g = r.g.Resume(from)
}

// holdKept holds an exercise goal for a deleted goal's warnings, which
// stay (SYNC §7.3), unless a resume of the goal named the warning. Their
// clocks went with the goal, so they hold from the end of the replay.
func (r *goalReplay) holdKept(gs *GoalState) {
	lifted := map[string]bool{}
	for _, e := range gs.Statuses {
		for _, id := range e.Lifts {
			lifted[id] = true
		}
	}
	for _, w := range r.kept {
		if day, err := coach.ParseDay(w.Day); err == nil && !lifted[w.ID] {
			r.hold(day)
		}
	}
}

// notBeforeLast keeps a goal's status history in day order.
func (r *goalReplay) notBeforeLast(day coach.Day) coach.Day {
	if n := len(r.g.Statuses); n > 0 && day.Before(r.g.Statuses[n-1].From) {
		return r.g.Statuses[n-1].From
	}
	return day
}

// todayOf is the day a write was made on: its check-in's written_at, at
// the day-start hour, else the day it is for. The store holds the goals
// from the day of the write (COACH R0: "at once").
func todayOf(e *Event, dayStart int) coach.Day {
	day, _ := coach.ParseDay(e.Day)
	if e.WrittenAt == "" {
		return day
	}
	t, err := time.Parse(time.RFC3339, e.WrittenAt)
	if err != nil {
		return day
	}
	if w := coach.DayAt(t.UTC(), dayStart); w.After(day) {
		return w
	}
	return day
}

// warningMarks are every live goal's warning contributions and the
// removes that name one, in (hlc, id) order: each holds or lifts the
// other goals where and when it was written.
func (st *State) warningMarks() []*Event {
	var out []*Event
	for _, g := range st.Goals {
		ids := map[string]bool{}
		for _, e := range g.Seq {
			switch {
			case e.Kind == CheckInAdd && e.Pain == "warning":
				ids[e.ID] = true
				out = append(out, e)
			case e.Kind == CheckInRemove:
				for _, id := range e.Removes {
					if ids[id] {
						out = append(out, e)
						break
					}
				}
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return before(out[i], out[j]) })
	return out
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
