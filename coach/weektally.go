package coach

// WeekTally is one ISO week of one goal as a summary for someone else shows
// it (`tend report`): the sessions against what the plan asked, the active
// minutes, and the days the plan asked nothing, so a short week reads as
// paused or on hold rather than as a shortfall.
type WeekTally struct {
	Monday Day
	// Sessions are the days with a session (done, partial or minimum); Ask
	// is the week's ask N′ (COACH §6.2), less the days the goal was not
	// active, never below 0: the number the weekly line and weeks kept use.
	Sessions, Ask int
	// ActiveMin is what the week counts for against 150 (COACH §6.4 Totals).
	ActiveMin float64
	// Paused and Held count the week's days, up to the last day asked
	// about, when the goal was paused (or archived) or in safety hold;
	// Skipped its rest, unwell and away days.
	Paused, Held, Skipped int
	// Exists says the goal had been created by the week's end (or by the
	// last day asked about), or has a session in it: a week before it has
	// nothing to tally.
	Exists bool
}

// WeekTallies tallies goal g week by week, an entry for each ISO week from
// from's week to to's week, oldest first, from its check-ins (any order;
// where a day has several, the latest written stands). Days after to are
// not read, so the week to falls in is counted as far as it has gone; its
// Ask is still the whole week's.
func WeekTallies(g Goal, hist []CheckIn, from, to Day) []WeekTally {
	if to.Before(from) {
		return nil
	}
	p, err := g.Plan()
	if err != nil {
		return nil
	}
	log := newReviewLog(hist, to)
	first := from.Monday()
	n := to.Monday().DaysSince(first)/7 + 1
	out := make([]WeekTally, n)
	for i := range out {
		monday := first.AddDays(7 * i)
		sunday := monday.AddDays(6)
		last := sunday
		if to.Before(last) {
			last = to
		}
		w := WeekTally{Monday: monday, Sessions: log.sessionsIn(monday, last)}
		// A session logged for a day before the goal was made (a person
		// setting tend up logs the last few days) makes its week one too.
		w.Exists = !g.Created.After(last) || w.Sessions > 0
		if !w.Exists {
			out[i] = w
			continue
		}
		w.Ask = max(0, weekAskOf(g, log, monday))
		w.ActiveMin = activeMinutes(p, log, monday, last)
		for d := monday; !d.After(last); d = d.AddDays(1) {
			if d.Before(g.Created) {
				continue
			}
			switch g.StatusOn(d) {
			case Paused, Archived:
				w.Paused++
			case SafetyHold:
				w.Held++
			case Active:
			}
			if o, ok := log.outcome(d); ok && o.Skips() {
				w.Skipped++
			}
		}
		out[i] = w
	}
	return out
}
