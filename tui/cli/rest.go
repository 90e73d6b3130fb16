package cli

import (
	"fmt"

	"tend/coach"
)

// restAll is `tend rest` without a name (DESIGN "Command line"): the day
// becomes a rest, unwell or away day for every goal not yet checked in that
// day and not paused, archived or in safety hold. A session already logged
// is never overwritten; the goals left out are named, and with none left
// to rest it still succeeds.
func restAll(env Env, date string, e coach.Entry) error {
	// From the day before the clock's, so the day the settings' day-start
	// hour gives is in the snapshot whatever it is.
	snap, err := env.Store.Snapshot(coach.DayAt(env.Clock(), coach.DefaultDayStartHour).AddDays(-1))
	if err != nil {
		return err
	}
	today := env.today(snap)
	if e.Day, err = dayFlag(date, today); err != nil {
		return err
	}
	if e.Day.Before(today.AddDays(-1)) {
		if snap, err = env.Store.Snapshot(e.Day); err != nil {
			return err
		}
	}
	var lines []string
	rested := 0
	for _, g := range snap.Goals {
		if why, skip := leftOut(g, snap.CheckIns[g.ID], e.Day, today); skip {
			if why != "" {
				lines = append(lines, fmt.Sprintf("%s: %s", g.Name, why))
			}
			continue
		}
		e.At = env.Clock()
		rec, err := env.Store.CheckIn(g.ID, e, today)
		if err != nil {
			return err
		}
		rested++
		// Each line once its check-in is on disk: an error later leaves
		// what is printed true.
		if err := confirm(env, fmt.Sprintf("%s: %s", g.Name, rec.Message)); err != nil {
			return err
		}
	}
	if rested == 0 && len(snap.Goals) == 0 {
		return writeLines(env.Out, "No goals yet. Start one with `tend add Walk --plan daily-walk`.")
	}
	if rested == 0 {
		lines = append(lines, fmt.Sprintf("Nothing left to mark for %s: every goal is checked in, paused or on hold.",
			dayWords(e.Day, today)))
	}
	if len(lines) == 0 {
		return nil
	}
	return writeLines(env.Out, lines...)
}

// leftOut says why `tend rest` leaves a goal as it is on day, and whether
// it does. A goal archived then or now is left out without a word: it is
// off Today; paused and held are judged on the day, as a back-fill is.
func leftOut(g coach.Goal, checkIns []coach.CheckIn, day, today coach.Day) (string, bool) {
	if g.Status() == coach.Archived {
		return "", true
	}
	switch g.StatusOn(day) {
	case coach.Archived:
		return "", true
	case coach.SafetyHold:
		return "left as it is: on hold after a warning sign", true
	case coach.Paused:
		return "left as it is: paused", true
	case coach.Active:
	}
	for _, c := range checkIns {
		if c.Day == day {
			return fmt.Sprintf("left as it is: already checked in %s (%s)", dayWords(day, today), c.Outcome), true
		}
	}
	return "", false
}

// dayWords is "today", or the day's date.
func dayWords(day, today coach.Day) string {
	if day == today {
		return "today"
	}
	return "on " + day.String()
}
