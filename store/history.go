package store

import (
	"errors"

	bolt "go.etcd.io/bbolt"

	"tend/coach"
)

// What a review reads: a goal's whole history, and of its decisions only
// the ones that changed something.

// Changes returns the decisions of a goal on days from..to that changed
// something, in day order: every action but none and hold, and any that
// moved the level. They are what a review shows of the decisions; the
// others (most of them: a hold a session) are checked and left undecoded.
func (s *Store) Changes(goalID uint64, from, to coach.Day) ([]coach.Decision, error) {
	var out []coach.Decision
	err := s.viewGoal(goalID, func(b buckets) error {
		var err error
		out, err = readChanges(b.decisions.Bucket(idKey(goalID)), goalID, from, to)
		return err
	})
	return out, err
}

// readChanges reads the changes of one goal's decisions sub-bucket.
func readChanges(sub *bolt.Bucket, goalID uint64, from, to coach.Day) ([]coach.Decision, error) {
	var out []coach.Decision
	err := scanDays(sub, from, to, func(day coach.Day, v []byte) error {
		changed, err := decisionChanged(v, goalID, day)
		if err != nil || !changed {
			return goalRecordError(goalID, err)
		}
		d, err := decodeDecision(v, goalID, day)
		out = append(out, shownDecision(d))
		return goalRecordError(goalID, err)
	})
	return out, err
}

// Histories reads goals with their histories in one read-only
// transaction: for each goal of ids in turn (every goal, in id order, when
// ids is nil), its check-ins and its changes (as Changes has them) on days
// up to to, handed to fn before the next goal is read. So a review of every
// goal opens the file once and holds one goal's history at a time. fn runs
// while the file is open: it should work out and write, not wait.
// ErrNotFound when a goal of ids is not there; with no database, fn is
// never called.
func (s *Store) Histories(ids []uint64, to coach.Day, fn func(coach.Goal, []coach.CheckIn, []coach.Decision) error) error {
	return s.Window(ids, coach.Day{}, to, fn)
}

// Window is Histories over days from..to only, both included (a zero from
// starts at each goal's first record): what `tend report` shows of its
// last weeks, and no more, in one read-only transaction.
func (s *Store) Window(ids []uint64, from, to coach.Day, fn func(coach.Goal, []coach.CheckIn, []coach.Decision) error) error {
	err := s.view(func(tx *bolt.Tx) error {
		b, err := openBuckets(tx)
		if err != nil {
			return err
		}
		goals, err := historyGoals(b.goals, ids)
		if err != nil {
			return err
		}
		return readHistories(b, goals, from, to, false, fn)
	})
	if errors.Is(err, errNoFile) {
		return nil
	}
	return err
}

// HeadHistories is the head and then Histories in one read-only
// transaction, so a review opens the file once: pick sees the settings and
// each goal's id and name (all a name is resolved from: the rest of a goal,
// its plan built, is decoded only for the goals picked) and says which
// goals' histories to read (nil: every one) up to which day. An error from
// pick ends the read and is returned. With no database, pick sees an empty
// head (as Head gives) and fn is never called. The check-ins handed to fn
// are lent: the next goal's are read into the same array, so fn must work
// them out, not keep them.
func (s *Store) HeadHistories(pick func(Snapshot) ([]uint64, coach.Day, error), fn func(coach.Goal, []coach.CheckIn, []coach.Decision) error) error {
	picked := false
	err := s.view(func(tx *bolt.Tx) error {
		b, err := openBuckets(tx)
		if err != nil {
			return err
		}
		set, err := readSettings(b.meta)
		if err != nil {
			return err
		}
		named, err := readGoalNames(b.goals)
		if err != nil {
			return err
		}
		picked = true
		ids, to, err := pick(Snapshot{DayStartHour: set.DayStartHour, Goals: named, CheckIns: map[uint64][]coach.CheckIn{}})
		if err != nil {
			return err
		}
		goals, err := historyGoals(b.goals, ids)
		if err != nil {
			return err
		}
		return readHistories(b, goals, coach.Day{}, to, true, fn)
	})
	if errors.Is(err, errNoFile) {
		err = nil
		if !picked {
			_, _, err = pick(Snapshot{DayStartHour: coach.DefaultDayStartHour, CheckIns: map[uint64][]coach.CheckIn{}})
		}
	}
	return err
}

// readHistories hands each goal's check-ins and changes on days from..to
// to fn, one goal at a time. With lend, the check-ins are read into one
// array for all the goals: fn must not keep them past its return.
func readHistories(b buckets, goals []coach.Goal, from, to coach.Day, lend bool, fn func(coach.Goal, []coach.CheckIn, []coach.Decision) error) error {
	var buf []coach.CheckIn
	for _, g := range goals {
		key := idKey(g.ID)
		cs, err := readCheckInsInto(buf, b.checkIns.Bucket(key), g.ID, from, to)
		if err != nil {
			return err
		}
		if lend && cap(cs) > cap(buf) {
			buf = cs
		}
		ds, err := readChanges(b.decisions.Bucket(key), g.ID, from, to)
		if err != nil {
			return err
		}
		if err := fn(g, cs, ds); err != nil {
			return err
		}
	}
	return nil
}

// historyGoals reads the goals of ids, or all of them when ids is nil.
func historyGoals(goals *bolt.Bucket, ids []uint64) ([]coach.Goal, error) {
	if ids == nil {
		return readGoals(goals)
	}
	out := make([]coach.Goal, 0, len(ids))
	for _, id := range ids {
		g, err := readGoal(goals, id)
		if err != nil {
			return nil, err
		}
		out = append(out, g)
	}
	return out, nil
}
