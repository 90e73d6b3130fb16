package store

import (
	"fmt"
	"strings"

	bolt "go.etcd.io/bbolt"

	"tend/coach"
)

// EditCheckIn changes the check-in a goal has on day, in one write
// transaction: edit gets the stored check-in and returns it as it should
// be. The fields it may change are the outcome, the amount, effort, pain,
// both moods, the note and WrittenAt; the rest (the day, the target and the
// goal's place on its plan that day) stay as they were recorded.
//
// On the goal's newest day the edit is an undo and a check-in in the same
// transaction, so the day is decided again from the goal as it stood before
// it, exactly as `tend undo` then `tend done` would. On an older day only
// that check-in changes (COACH §6.2): its decision and the goal stay, since
// later days have built on them. ErrNotFound when the day has no check-in.
func (s *Store) EditCheckIn(goalID uint64, day, today coach.Day,
	edit func(coach.CheckIn) (coach.CheckIn, error)) (coach.Recorded, error) {
	// A change to one goal: its history is part of the check before the write.
	return changeGoal(s, fmt.Sprintf("the change to the check-in for %s", day), goalID, func(tx *bolt.Tx) (coach.Recorded, error) {
		return editCheckIn(tx, goalID, day, today, edit)
	})
}

func editCheckIn(tx *bolt.Tx, goalID uint64, day, today coach.Day,
	edit func(coach.CheckIn) (coach.CheckIn, error)) (coach.Recorded, error) {
	b, err := openBuckets(tx)
	if err != nil {
		return coach.Recorded{}, err
	}
	g, err := readGoal(b.goals, goalID)
	if err != nil {
		return coach.Recorded{}, err
	}
	dk, err := dayKey(day)
	if err != nil {
		return coach.Recorded{}, fmt.Errorf("%s: %w", g.Name, err)
	}
	sub := b.checkIns.Bucket(idKey(goalID))
	v := bucketGet(sub, dk)
	if v == nil {
		return coach.Recorded{}, says(ErrNotFound, "%s has no check-in on %s to change", g.Name, day)
	}
	was, err := decodeCheckIn(v, goalID, day)
	if err != nil {
		return coach.Recorded{}, goalRecordError(goalID, err)
	}
	if day.After(today) {
		return coach.Recorded{}, fmt.Errorf("%s: %w", g.Name, coach.ErrFutureDate)
	}
	now, err := edit(was)
	if err != nil {
		return coach.Recorded{}, err
	}
	now = edited(was, now)
	if hasKeyAfter(sub, dk) {
		rec, err := editOlderDay(b, g, now, dk)
		if err != nil {
			return rec, err
		}
		return rec, warningChanged(b, was, now, today, &rec)
	}
	// A warning that stays keeps its holds, as a second session on the day
	// does (and a journal's replay of the edit's remove and add).
	if _, err := undoCheckIn(tx, goalID, day, warningHolds(was) && warningHolds(now)); err != nil {
		return coach.Recorded{}, err
	}
	before, err := readGoal(b.goals, goalID)
	if err != nil {
		return coach.Recorded{}, err
	}
	rec, err := recordCheckIn(tx, goalID, entryFor(now, before), today)
	if err != nil {
		return coach.Recorded{}, err
	}
	// Said first, so the person reads it as a change, not a second session.
	rec.Message = strings.TrimSpace(fmt.Sprintf("Changed %s's check-in for %s.\n%s", g.Name, day, rec.Message))
	return rec, nil
}

// edited takes from now only the fields an edit may change, and classes a
// session by its amount as a check-in does: below the target is a partial
// session, at or above it a done one.
func edited(was, now coach.CheckIn) coach.CheckIn {
	c := was
	c.Outcome, c.Achieved, c.Effort, c.Pain = now.Outcome, now.Achieved, now.Effort, now.Pain
	c.MoodBefore, c.MoodAfter, c.Note, c.WrittenAt = now.MoodBefore, now.MoodAfter, now.Note, now.WrittenAt
	switch c.Outcome {
	case coach.Done, coach.Partial:
		c.Outcome = coach.Done
		if c.Target > 0 && c.Achieved < c.Target*coach.Complete {
			c.Outcome = coach.Partial
		}
	case coach.Rest, coach.Unwell, coach.Away:
		c.Achieved, c.Effort, c.Pain = 0, coach.EffortOK, coach.PainNone
	case coach.Minimum:
	}
	return c
}

// entryFor is the entry that records c again for goal g (the goal as it
// stood before c's day), taking the full session if c did.
func entryFor(c coach.CheckIn, g coach.Goal) coach.Entry {
	e := coach.Entry{Day: c.Day, Outcome: c.Outcome, Amount: c.Achieved, Effort: c.Effort, Pain: c.Pain,
		MoodBefore: c.MoodBefore, MoodAfter: c.MoodAfter, Note: c.Note, At: c.WrittenAt}
	e.Full = c.Outcome.ShowedUp() && g.Bridge && !g.Eased && !c.Bridge
	return e
}

// editOlderDay rewrites a check-in that is not the goal's newest: no
// decision is made again, and the goal is not touched.
func editOlderDay(b buckets, g coach.Goal, c coach.CheckIn, dk []byte) (coach.Recorded, error) {
	if err := checkEdited(g, c); err != nil {
		return coach.Recorded{}, err
	}
	// The change is this device's writing, as a check-in made here is.
	var err error
	if c.Device, err = readDeviceID(b.meta); err != nil {
		return coach.Recorded{}, err
	}
	if err := putDayRecord(b.checkIns, idKey(g.ID), dk, "the check-in", c.Day, func() ([]byte, error) {
		return checkedCheckIn(g.ID, c)
	}); err != nil {
		return coach.Recorded{}, err
	}
	p, err := g.Plan()
	if err != nil {
		return coach.Recorded{}, err
	}
	msg := fmt.Sprintf("Changed %s's check-in for %s: %s.", g.Name, c.Day, checkInWords(c, p.Unit))
	return coach.Recorded{Goal: g, CheckIn: c, Message: msg + " Later days stay as they were decided."}, nil
}

// checkEdited holds an older day's edit to what a check-in may say.
func checkEdited(g coach.Goal, c coach.CheckIn) error {
	switch {
	case c.Outcome.ShowedUp() && g.StatusOn(c.Day) != coach.Active:
		return fmt.Errorf("%w: %s was %s on %s, so that day takes no session (a rest, unwell or away day is fine)",
			coach.ErrNotActive, g.Name, g.StatusOn(c.Day), c.Day)
	case c.Outcome.ShowedUp() && !(c.Achieved > 0 && c.Achieved <= coach.MaxCustomAmount):
		return says(coach.ErrBadValue, "the amount must be more than 0 and at most %d", coach.MaxCustomAmount)
	}
	for _, m := range []*int{c.MoodBefore, c.MoodAfter} {
		if m != nil && (*m < coach.MoodMin || *m > coach.MoodMax) {
			return says(coach.ErrBadValue, "mood is a number from %d to %d", coach.MoodMin, coach.MoodMax)
		}
	}
	return nil
}

// checkInWords says a check-in's outcome and amount, e.g. "done, 15 min".
func checkInWords(c coach.CheckIn, unit coach.Unit) string {
	if !c.Outcome.ShowedUp() {
		return c.Outcome.String()
	}
	return c.Outcome.String() + ", " + coach.Amount(c.Achieved, unit)
}

// warningChanged holds or lifts as a warning sign on an older day comes or
// goes: an edit is an undo and a check-in of the day (COACH R0: "a
// back-filled one too" holds; undoing the warning lifts the holds it set).
func warningChanged(b buckets, was, now coach.CheckIn, today coach.Day, rec *coach.Recorded) error {
	switch {
	case warningHolds(now) && !warningHolds(was):
		rec.Message = coach.SafetyMessage() + " " + rec.Message
		if err := holdAll(b, today); err != nil {
			return err
		}
	case warningHolds(was) && !warningHolds(now):
		if err := liftHolds(b, was.Day); err != nil {
			return err
		}
	default:
		return nil
	}
	g, err := readGoal(b.goals, rec.Goal.ID)
	rec.Goal = g
	return err
}
