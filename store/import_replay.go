package store

import (
	"fmt"
	"sort"

	"tend/coach"
)

// importWriter writes the goals of an import inside one transaction (b is
// the zero value on a dry run into no database), counting the bytes it puts
// so that Import knows when to start another.
type importWriter struct {
	b        buckets
	dry      bool
	dev      string
	bytes    int
	done     int
	total    int
	progress func(done, total int)
}

// goal creates or reads the goal, replays its new check-ins through the
// engine, and writes them with their decisions and the goal's end state.
func (w *importWriter) goal(ig ImportGoal) (coach.Goal, error) {
	r, err := w.start(ig.Goal)
	if err != nil {
		return coach.Goal{}, err
	}
	key := idKey(r.g.ID)
	for _, c := range ig.CheckIns {
		in, dec, decided, err := r.apply(c)
		if err != nil {
			return coach.Goal{}, fmt.Errorf("%s, %s: %w", r.g.Name, c.Day, err)
		}
		if decided && ig.Decided != nil {
			ig.Decided(dec)
		}
		if err := w.put(r.g.ID, key, in, dec, decided); err != nil {
			return coach.Goal{}, err
		}
		if w.done++; w.progress != nil && w.done%1024 == 0 {
			w.progress(w.done, w.total)
		}
	}
	r.finish()
	if ig.Goal.ID != 0 && r.g.ImportedFrom == nil && ig.Provenance != nil {
		p := *ig.Provenance
		r.g.ImportedFrom = &p
	}
	if w.progress != nil {
		w.progress(w.done, w.total)
	}
	if w.dry {
		return r.g, nil
	}
	return r.g, putGoal(w.b.goals, r.g)
}

// start makes a new goal (numbered, with a uid, its name checked) or reads
// the local one with its recent history.
func (w *importWriter) start(g coach.Goal) (*replay, error) {
	p, err := g.Plan()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", g.Name, err)
	}
	r := &replay{p: p}
	if g.ID != 0 {
		if w.b.goals == nil {
			return nil, noGoal(g.ID)
		}
		if r.g, err = readGoal(w.b.goals, g.ID); err != nil {
			return nil, err
		}
		if r.hist, err = readCheckIns(w.b.checkIns.Bucket(idKey(g.ID)), g.ID, coach.Day{}, coach.Day{}); err != nil {
			return nil, err
		}
		if n := len(r.hist); n > 0 {
			r.newest = r.hist[n-1].Day
		}
		return r, nil
	}
	if err := checkGoal(&g); err != nil {
		return nil, err
	}
	if g.UID == "" {
		g.UID = NewGoalUID()
	}
	// The statuses come into force as the replay reaches their days, so
	// that a goal archived at the end still takes its sessions before.
	r.pending, g.Statuses = g.Statuses, nil
	if len(r.pending) > 0 {
		g.Statuses, r.pending = r.pending[:1:1], r.pending[1:]
	}
	r.g = g
	if w.b.goals == nil {
		return r, nil
	}
	if err := checkNameFree(w.b.goals, g.Name, 0); err != nil {
		return nil, err
	}
	if w.dry {
		return r, nil
	}
	if r.g.ID, err = w.b.goals.NextSequence(); err != nil {
		return nil, fmt.Errorf("could not number the new goal %q: %w", g.Name, err)
	}
	return r, nil
}

// put writes one check-in and, when it decided, its decision.
func (w *importWriter) put(id uint64, key []byte, in coach.CheckIn, dec coach.Decision, decided bool) error {
	day, err := dayKey(in.Day)
	if err != nil {
		return err
	}
	v, err := checkedCheckIn(id, in)
	if err != nil {
		return unsaveable("the check-in for "+in.Day.String(), err)
	}
	w.bytes += len(v)
	if w.dry {
		return nil
	}
	if err := putDayRecord(w.b.checkIns, key, day, "the check-in", in.Day, func() ([]byte, error) { return v, nil }); err != nil {
		return err
	}
	if !decided {
		return nil
	}
	dv, err := checkedDecision(id, dec)
	if err != nil {
		return unsaveable("the decision for "+dec.Day.String(), err)
	}
	w.bytes += len(dv)
	return putDayRecord(w.b.decisions, key, day, "the decision", dec.Day, func() ([]byte, error) { return dv, nil })
}

// replay is one goal moving through its imported history, as if the person
// had checked in on each day in turn.
type replay struct {
	g       coach.Goal
	p       coach.Plan
	pending []coach.StatusChange // statuses whose days the replay has not reached
	hist    []coach.CheckIn      // every check-in so far, in day order
	newest  coach.Day
}

// apply judges one check-in: a day after the newest decides, an earlier one
// is a back-fill that joins the history.
func (r *replay) apply(c ImportCheckIn) (coach.CheckIn, coach.Decision, bool, error) {
	in := c.CheckIn
	at := sort.Search(len(r.hist), func(i int) bool { return !r.hist[i].Day.Before(in.Day) })
	if at < len(r.hist) && r.hist[at].Day == in.Day {
		return in, coach.Decision{}, false, fmt.Errorf("the day is there twice")
	}
	decides := r.newest.IsZero() || in.Day.After(r.newest)
	if decides {
		r.reach(in.Day)
	}
	if c.FillStep {
		var target float64
		in.Level, in.Variant, in.Bridge, target = coach.OfferedStepOf(r.g, r.p)
		filled := in.Target == 0
		if filled {
			in.Target = target
		}
		fillAchieved(&in, r.p)
		if filled {
			// Judged against the target the goal offered that day, as a
			// check-in a person makes is (COACH §6.2).
			in.Outcome = coach.Classify(in.Outcome, in.Achieved, in.Target)
		}
	}
	if r.g.StatusOn(in.Day) != coach.Active && !in.Outcome.Skips() {
		// A session a file holds on a day the goal was paused or held (a
		// device that had not yet seen the pause, SYNC §7.5) is kept as
		// history and decides nothing; the command line leaves such days
		// out of goals it matched.
		decides = false
	}
	r.hist = append(r.hist, coach.CheckIn{})
	copy(r.hist[at+1:], r.hist[at:])
	r.hist[at] = in
	var dec coach.Decision
	if decides {
		lo := sort.Search(at, func(i int) bool {
			return !r.hist[i].Day.Before(in.Day.AddDays(-(coach.RecentDays - 1)))
		})
		// The day's check-in sits just past the window, so the engine
		// reads the history with it without copying the window.
		r.g, dec = coach.Replay(r.g, r.p, r.hist[lo:at], in)
		r.newest = in.Day
	}
	r.trim()
	return in, dec, decides, nil
}

// trim forgets check-ins the engine will not look at again (older than its
// window before the newest day), so that twenty years of a goal are not
// all held at once.
func (r *replay) trim() {
	if len(r.hist) < 2*coach.RecentDays {
		return
	}
	from := r.newest.AddDays(-coach.RecentDays)
	cut := sort.Search(len(r.hist), func(i int) bool { return !r.hist[i].Day.Before(from) })
	r.hist = append(r.hist[:0], r.hist[cut:]...)
}

// fillAchieved gives a check-in that did not say its amount the one its
// outcome means (IMPORT §7.1).
func fillAchieved(in *coach.CheckIn, p coach.Plan) {
	switch in.Outcome {
	case coach.Done:
		if in.Achieved == 0 {
			in.Achieved = in.Target
		}
	case coach.Minimum:
		if in.Achieved == 0 {
			in.Achieved = p.Minimum.Target
		}
	case coach.Rest, coach.Unwell, coach.Away:
		in.Achieved = 0
	}
}

// reach puts into force the statuses from before day, and a resume on day
// itself: a person resumes before that day's session, while a pause, an
// archive or a safety hold on a session's day came after it.
func (r *replay) reach(day coach.Day) {
	for len(r.pending) > 0 && (r.pending[0].From.Before(day) ||
		r.pending[0].From == day && r.pending[0].Status == coach.Active) {
		r.addStatus(r.pending[0])
		r.pending = r.pending[1:]
	}
}

// finish puts into force the statuses after the last check-in.
func (r *replay) finish() {
	for _, s := range r.pending {
		r.addStatus(s)
	}
	r.pending = nil
}

// addStatus appends a status change unless the engine already made it
// (a safety hold the file recorded too).
func (r *replay) addStatus(s coach.StatusChange) {
	if n := len(r.g.Statuses); n > 0 {
		last := r.g.Statuses[n-1]
		if last.Status == s.Status {
			return
		}
		if s.From.Before(last.From) {
			s.From = last.From
		}
	}
	r.g.Statuses = append(r.g.Statuses, s)
}
