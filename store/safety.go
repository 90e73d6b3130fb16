package store

import "tend/coach"

// A warning sign is about the person, not one goal (COACH R0): the check-in
// that carries one holds every other exercise goal in the same write
// transaction, and undoing it lifts the holds it set.

// holdAll puts the goals coach.HeldByWarning names into safety hold from
// today, after a check-in carried a warning sign: the goal it was for too,
// when coach did not hold it (a back-fill makes no decision, and R0 holds
// after a back-filled warning as well).
func holdAll(b buckets, today coach.Day) error {
	goals, err := readGoals(b.goals)
	if err != nil {
		return err
	}
	for _, g := range coach.HeldByWarning(goals, 0, today) {
		if err := putGoal(b.goals, g); err != nil {
			return err
		}
	}
	return nil
}

// liftHolds lifts the holds a warning on day set, once its check-in is
// undone: a hold that began on or after day is lifted, unless a warning
// sign still stands on some goal from day on (another warning keeps every
// hold). The goal whose decision set its own hold was put back already.
func liftHolds(b buckets, day coach.Day) error {
	goals, err := readGoals(b.goals)
	if err != nil {
		return err
	}
	for _, g := range goals {
		warned, err := warningSince(b, g.ID, day)
		if err != nil || warned {
			return err
		}
	}
	for _, g := range goals {
		if lifted, ok := g.LiftHold(day); ok {
			if err := putGoal(b.goals, lifted); err != nil {
				return err
			}
		}
	}
	return nil
}

// warningSince reports whether a goal has a check-in with a warning sign
// on day or later.
func warningSince(b buckets, goalID uint64, day coach.Day) (bool, error) {
	found := false
	err := scanDays(b.checkIns.Bucket(idKey(goalID)), day, coach.Day{}, func(d coach.Day, v []byte) error {
		c, err := decodeCheckIn(v, goalID, d)
		if err != nil {
			return goalRecordError(goalID, err)
		}
		found = found || c.Pain == coach.PainWarning
		return nil
	})
	return found, err
}

// warningHolds reports whether a saved check-in carries a warning sign, so
// that the other exercise goals are held with it.
func warningHolds(c coach.CheckIn) bool { return c.Pain == coach.PainWarning }
