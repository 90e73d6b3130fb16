package store

import (
	"errors"

	bolt "go.etcd.io/bbolt"

	"tend/coach"
)

// Recent is Snapshot handed out a goal at a time, in one read-only
// transaction: head sees the settings and every goal (no check-ins), then
// fn each goal in ID order with its check-ins on days >= from, in day
// order. The check-ins are lent: every goal's are read into one array, so
// fn must work them out, not keep them. Today and `tend status` need one
// goal's window at a time, and on a hundred goals the snapshot's hundred
// windows were most of their time and memory. An error from head or fn
// ends the read and is returned. With no database, head sees an empty
// snapshot (as Snapshot gives) and fn is never called.
func (s *Store) Recent(from coach.Day, head func(Snapshot) error, fn func(coach.Goal, []coach.CheckIn) error) error {
	headed := false
	err := s.view(func(tx *bolt.Tx) error {
		b, set, goals, err := readHead(tx)
		if err != nil {
			return err
		}
		headed = true
		if err := head(Snapshot{DayStartHour: set.DayStartHour, Goals: goals, CheckIns: map[uint64][]coach.CheckIn{}}); err != nil {
			return err
		}
		var buf []coach.CheckIn
		for _, g := range goals {
			cs, err := readCheckInsInto(buf, b.checkIns.Bucket(idKey(g.ID)), g.ID, from, coach.Day{})
			if err != nil {
				return err
			}
			if cap(cs) > cap(buf) {
				buf = cs
			}
			if err := fn(g, cs); err != nil {
				return err
			}
		}
		return nil
	})
	if errors.Is(err, errNoFile) {
		err = nil
		if !headed {
			err = head(Snapshot{DayStartHour: coach.DefaultDayStartHour, CheckIns: map[uint64][]coach.CheckIn{}})
		}
	}
	return err
}
