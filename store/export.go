package store

import (
	"errors"
	"sort"

	bolt "go.etcd.io/bbolt"

	"tend/coach"
)

// Archive reads the whole database in one read-only transaction: the
// settings, every goal in ID order, and each goal's check-ins and decisions
// in day order. One transaction, so that the copy is of one moment: a
// check-in saved meanwhile is either in it with its decision, or not at all.
// With no database it returns an empty archive with the default settings,
// and creates nothing.
func (s *Store) Archive() (coach.Archive, error) {
	a := coach.Archive{
		DayStartHour: coach.DefaultDayStartHour,
		CheckIns:     map[uint64][]coach.CheckIn{},
		Decisions:    map[uint64][]coach.Decision{},
	}
	err := s.view(func(tx *bolt.Tx) error {
		b, set, goals, err := readHead(tx)
		if err != nil {
			return err
		}
		for _, g := range goals {
			key := idKey(g.ID)
			cs, err := readCheckIns(b.checkIns.Bucket(key), g.ID, coach.Day{}, coach.Day{})
			if err != nil {
				return err
			}
			ds, err := readDecisions(b.decisions.Bucket(key), g.ID)
			if err != nil {
				return err
			}
			if len(cs) > 0 {
				a.CheckIns[g.ID] = cs
			}
			if len(ds) > 0 {
				a.Decisions[g.ID] = ds
			}
		}
		a.DayStartHour, a.Goals = set.DayStartHour, goals
		return nil
	})
	switch {
	case errors.Is(err, errNoFile):
		err = nil
	case err != nil:
		return coach.Archive{}, err
	}
	return a, nil
}

// readDecisions reads all the decisions of one goal's sub-bucket (nil:
// none yet), in day order.
func readDecisions(sub *bolt.Bucket, goalID uint64) ([]coach.Decision, error) {
	var out []coach.Decision
	err := scanDays(sub, coach.Day{}, coach.Day{}, func(day coach.Day, v []byte) error {
		d, err := decodeDecision(v, goalID, day)
		out = append(out, shownDecision(d))
		return goalRecordError(goalID, err)
	})
	return out, err
}

// ExportOrder sorts goals as an export lists them (IMPORT §7.1): by created
// day, then uid, so that two databases holding the same history write the
// same export whatever order they made their goals in.
func ExportOrder(goals []coach.Goal) {
	sort.SliceStable(goals, func(i, j int) bool {
		if goals[i].Created != goals[j].Created {
			return goals[i].Created.Before(goals[j].Created)
		}
		return goals[i].UID < goals[j].UID
	})
}

// Walk reads the whole database as Archive does, in one read-only
// transaction, and hands it out a record at a time, in the export's order:
// head gets the settings and every goal (Archive without the history),
// then checkIn each goal's check-ins and decision each goal's decisions, by
// goal and day. Nothing is kept between records, so memory stays flat
// however long the history; what is handed out is only valid until the
// callback returns, and the callbacks run while the file is open: they
// should write, not wait. With no database, head gets the empty archive.
func (s *Store) Walk(head func(coach.Archive) error, checkIn func(uint64, coach.CheckIn) error,
	decision func(uint64, coach.Decision) error) error {
	err := s.view(func(tx *bolt.Tx) error {
		b, set, goals, err := readHead(tx)
		if err != nil {
			return err
		}
		ExportOrder(goals)
		if err := head(coach.Archive{DayStartHour: set.DayStartHour, Goals: goals}); err != nil {
			return err
		}
		for _, g := range goals {
			err := scanDays(b.checkIns.Bucket(idKey(g.ID)), coach.Day{}, coach.Day{}, func(day coach.Day, v []byte) error {
				c, err := decodeCheckIn(v, g.ID, day)
				if err != nil {
					return goalRecordError(g.ID, err)
				}
				return checkIn(g.ID, shownCheckIn(c))
			})
			if err != nil {
				return err
			}
		}
		var cache saidCache
		for _, g := range goals {
			err := scanDays(b.decisions.Bucket(idKey(g.ID)), coach.Day{}, coach.Day{}, func(day coach.Day, v []byte) error {
				d, err := decodeDecisionWith(v, g.ID, day, &cache)
				if err != nil {
					return goalRecordError(g.ID, err)
				}
				return decision(g.ID, shownDecision(d))
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	if errors.Is(err, errNoFile) {
		return head(coach.Archive{DayStartHour: coach.DefaultDayStartHour})
	}
	return err
}
