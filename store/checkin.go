package store

import (
	"bytes"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"tend/coach"
)

// CheckIn records a check-in in one write transaction: it reads the goal
// and its recent check-ins, lets coach.Record judge the entry, and writes
// the check-in (merged with one already on that day), the decision and the
// goal's new state together, synced to disk before it returns.
//
// A decision is written only when e.Day is on or after the goal's newest
// check-in: a back-fill of an older day joins the history and decides
// nothing. A second check-in on the newest day is judged from the goal as
// it stood before that day, put back from the day's first decision. coach's
// errors (coach.ErrFutureDate, coach.ErrNotActive, ...) are wrapped with %w.
func (s *Store) CheckIn(goalID uint64, e coach.Entry, today coach.Day) (coach.Recorded, error) {
	return changeGoal(s, fmt.Sprintf("the check-in for %s", e.Day), goalID, func(tx *bolt.Tx) (coach.Recorded, error) {
		return recordCheckIn(tx, goalID, e, today)
	})
}

func recordCheckIn(tx *bolt.Tx, goalID uint64, e coach.Entry, today coach.Day) (coach.Recorded, error) {
	b, err := openBuckets(tx)
	if err != nil {
		return coach.Recorded{}, err
	}
	g, err := readGoal(b.goals, goalID)
	if err != nil {
		return coach.Recorded{}, err
	}
	day, err := dayKey(e.Day)
	if err != nil {
		return coach.Recorded{}, fmt.Errorf("%s: %w", g.Name, err)
	}
	if st := g.StatusOn(e.Day); st != coach.Active && !e.Outcome.Skips() {
		// Judged by the goal's status on that day (a back-fill of a day it
		// was active is taken while it is paused now), and checked before
		// the day's first decision is put back below: a second check-in
		// must not slip past a safety hold set by the first.
		return coach.Recorded{}, fmt.Errorf("%s: %w: it was %s on %s", g.Name, coach.ErrNotActive, st, e.Day)
	}
	key := idKey(goalID)
	recent, newest, err := recentCheckIns(b.checkIns.Bucket(key), goalID, e.Day, today)
	if err != nil {
		return coach.Recorded{}, err
	}
	decides := newest.IsZero() || !e.Day.Before(newest)
	if decides {
		// coach.Record wants the goal as it stood before the day: a second
		// check-in must not build on the first one's decision.
		if v := bucketGet(b.decisions.Bucket(key), day); v != nil {
			prev, err := decodeDecision(v, goalID, e.Day)
			if err != nil {
				return coach.Recorded{}, goalRecordError(goalID, err)
			}
			g = g.WithStep(shownDecision(prev).Before, e.Day)
		}
	}
	rec, err := record(g, recent, e, today)
	if err != nil {
		return coach.Recorded{}, fmt.Errorf("%s: %w", g.Name, err)
	}
	if rec.CheckIn.Device, err = readDeviceID(b.meta); err != nil {
		return coach.Recorded{}, err
	}
	if err := putRecorded(b, key, day, goalID, rec, decides); err != nil {
		return coach.Recorded{}, err
	}
	if warningHolds(rec.CheckIn) {
		return rec, holdAll(b, today)
	}
	return rec, nil
}

// putRecorded writes what coach.Record gave: the day's check-in, its
// decision when this day decides (no later day has one), and the goal.
func putRecorded(b buckets, key, day []byte, goalID uint64, rec coach.Recorded, decides bool) error {
	if err := putDayRecord(b.checkIns, key, day, "the check-in", rec.CheckIn.Day, func() ([]byte, error) {
		return checkedCheckIn(goalID, rec.CheckIn)
	}); err != nil {
		return err
	}
	if decides && rec.Decided {
		if err := putDayRecord(b.decisions, key, day, "the decision", rec.Decision.Day, func() ([]byte, error) {
			return checkedDecision(goalID, rec.Decision)
		}); err != nil {
			return err
		}
	}
	return putGoal(b.goals, rec.Goal)
}

// record calls coach.Record. A panic there is a bug in tend, not damage in
// the file, and must not be reported as damage (withFile would): people
// would move a good database aside.
func record(g coach.Goal, recent []coach.CheckIn, e coach.Entry, today coach.Day) (rec coach.Recorded, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("tend hit a bug working out this check-in (%v); nothing was saved, and your data is fine", r)
		}
	}()
	return coach.Record(g, recent, e, today)
}

// recentCheckIns reads what coach.Record needs of a goal's history: the
// check-ins from the recent window before today on (later ones too), and
// for a back-fill older than the window, the check-ins of that day's week
// and the goal's newest check-in, so that the day still merges, its week
// still counts and coach sees it is not the newest. newest is the day of
// the goal's newest check-in, zero when it has none.
func recentCheckIns(sub *bolt.Bucket, goalID uint64, day, today coach.Day) ([]coach.CheckIn, coach.Day, error) {
	if sub == nil {
		return nil, coach.Day{}, nil
	}
	k, _ := sub.Cursor().Last()
	if k == nil {
		return nil, coach.Day{}, nil // every check-in was undone
	}
	newest, err := parseDayKey(k)
	if err != nil {
		return nil, coach.Day{}, err
	}
	from := today.AddDays(-(coach.RecentDays - 1))
	recent, err := readCheckIns(sub, goalID, from, coach.Day{})
	if err != nil || !day.Before(from) {
		return recent, newest, err
	}
	week, err := readCheckIns(sub, goalID, day.Monday(), day)
	if err != nil {
		return nil, coach.Day{}, err
	}
	if newest.After(day) && newest.Before(from) {
		last, err := readCheckIns(sub, goalID, newest, newest)
		if err != nil {
			return nil, coach.Day{}, err
		}
		week = append(week, last...)
	}
	return append(week, recent...), newest, nil
}

// Undo removes a goal's check-in on day and the decision it made. When that
// decision is the goal's latest, the goal is put back as it stood before it
// (level, step, and a status the decision changed). An earlier day's
// decision is removed without moving the goal, since later decisions have
// built on it. ErrNotFound when there is no check-in that day.
func (s *Store) Undo(goalID uint64, day coach.Day) (coach.CheckIn, error) {
	return changeGoal(s, fmt.Sprintf("the undo of the check-in for %s", day), goalID, func(tx *bolt.Tx) (coach.CheckIn, error) {
		return undoCheckIn(tx, goalID, day, false)
	})
}

// undoCheckIn is Undo in tx. keepHolds leaves the holds a warning on the
// day set: an edit whose new check-in keeps the warning (they stand).
func undoCheckIn(tx *bolt.Tx, goalID uint64, day coach.Day, keepHolds bool) (coach.CheckIn, error) {
	b, err := openBuckets(tx)
	if err != nil {
		return coach.CheckIn{}, err
	}
	g, err := readGoal(b.goals, goalID)
	if err != nil {
		return coach.CheckIn{}, err
	}
	key := idKey(goalID)
	dk, err := dayKey(day)
	if err != nil {
		return coach.CheckIn{}, fmt.Errorf("%s: %w", g.Name, err)
	}
	sub := b.checkIns.Bucket(key)
	v := bucketGet(sub, dk)
	if v == nil {
		return coach.CheckIn{}, says(ErrNotFound, "%s has no check-in on %s to undo", g.Name, day)
	}
	c, err := decodeCheckIn(v, goalID, day)
	if err != nil {
		return coach.CheckIn{}, goalRecordError(goalID, err)
	}
	c = shownCheckIn(c)
	if err := sub.Delete(dk); err != nil {
		return coach.CheckIn{}, fmt.Errorf("could not remove %s's check-in on %s: %w", g.Name, day, err)
	}
	if err := undoStep(b, g, day, dk); err != nil {
		return coach.CheckIn{}, err
	}
	if warningHolds(c) && !keepHolds {
		return c, liftHolds(b, day)
	}
	return c, nil
}

// undoStep removes the decision a day's check-in made; when it is the
// goal's latest, the goal is put back as it stood before it.
func undoStep(b buckets, g coach.Goal, day coach.Day, dk []byte) error {
	decs := b.decisions.Bucket(idKey(g.ID))
	dv := bucketGet(decs, dk)
	if dv == nil {
		return nil
	}
	dec, err := decodeDecision(dv, g.ID, day)
	if err != nil {
		return goalRecordError(g.ID, err)
	}
	latest := !hasKeyAfter(decs, dk)
	if err := decs.Delete(dk); err != nil {
		return fmt.Errorf("could not remove %s's decision on %s: %w", g.Name, day, err)
	}
	if latest {
		return putGoal(b.goals, g.WithStep(shownDecision(dec).Before, day))
	}
	return nil
}

// bucketGet is Get on a sub-bucket that may not exist yet.
func bucketGet(b *bolt.Bucket, k []byte) []byte {
	if b == nil {
		return nil
	}
	return b.Get(k)
}

// hasKeyAfter reports whether b holds a key after k.
func hasKeyAfter(b *bolt.Bucket, k []byte) bool {
	c := b.Cursor()
	next, _ := c.Seek(k)
	if next != nil && bytes.Equal(next, k) {
		next, _ = c.Next()
	}
	return next != nil
}

// putDayRecord writes a record under goal key / day in parent, making the
// goal's sub-bucket the first time. recordDay is the day inside the record,
// which must be the key's.
func putDayRecord(parent *bolt.Bucket, key, day []byte, what string, recordDay coach.Day,
	encode func() ([]byte, error)) error {
	if k, _ := dayKey(recordDay); !bytes.Equal(k, day) {
		return fmt.Errorf("%s is for %s, not the day it was filed under", what, recordDay)
	}
	v, err := encode()
	if err != nil {
		return unsaveable(fmt.Sprintf("%s for %s", what, recordDay), err)
	}
	sub, err := parent.CreateBucketIfNotExists(key)
	if err != nil {
		return fmt.Errorf("could not save %s for %s: %w", what, recordDay, err)
	}
	// A goal's days are written mostly in order, each after the last, so
	// a page that splits keeps 90% rather than bbolt's even half: the file
	// stays near the size of what it holds.
	sub.FillPercent = appendFill
	if err := sub.Put(day, v); err != nil {
		return fmt.Errorf("could not save %s for %s: %w", what, recordDay, err)
	}
	return nil
}

// checkedCheckIn encodes a check-in and reads it back, so that nothing is
// written that would not read.
func checkedCheckIn(goalID uint64, c coach.CheckIn) ([]byte, error) {
	v, err := encodeCheckIn(goalID, c)
	if err == nil {
		_, err = decodeCheckIn(v, goalID, c.Day)
	}
	return v, err
}

// checkedDecision is checkedCheckIn for a decision.
func checkedDecision(goalID uint64, d coach.Decision) ([]byte, error) {
	v, err := encodeDecision(goalID, d)
	if err == nil {
		_, err = decodeDecision(v, goalID, d.Day)
	}
	return v, err
}
