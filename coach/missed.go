package coach

// missedInARow counts the sessions missed since the last one before day
// (COACH §6.2): for daily and weekday plans, scheduled days that ended with
// no check-in; for N-a-week plans, what each ended week fell short of its
// ask, less its unwell and away days. Rest days, paused days and today are
// never missed.
func missedInARow(g Goal, hist []CheckIn, day Day) int {
	start := g.Created
	on := map[Day]Outcome{}
	for _, c := range hist {
		if !c.Day.Before(day) {
			continue
		}
		on[c.Day] = c.Outcome
		if c.Outcome.ShowedUp() && !c.Day.Before(start) {
			start = c.Day.AddDays(1)
		}
	}
	if g.ScheduleOn(day).Sessions() >= 7 || len(g.ScheduleOn(day).Weekdays) > 0 {
		return missedDays(g, on, start, day)
	}
	return missedInWeeks(g, hist, on, start, day)
}

func missedDays(g Goal, on map[Day]Outcome, from, to Day) int {
	n := 0
	for d := from; d.Before(to); d = d.AddDays(1) {
		s := g.ScheduleOn(d)
		scheduled := s.Daily() || (len(s.Weekdays) > 0 && s.On(d))
		if _, checked := on[d]; scheduled && !checked && g.StatusOn(d) == Active {
			n++
		}
	}
	return n
}

func missedInWeeks(g Goal, hist []CheckIn, on map[Day]Outcome, from, to Day) int {
	n := 0
	for monday := from.Monday(); monday.AddDays(6).Before(to); monday = monday.AddDays(7) {
		sunday := monday.AddDays(6)
		if sunday.Before(g.Created) {
			continue
		}
		ask := weekAsk(g, sunday)
		for d := monday; !d.After(sunday); d = d.AddDays(1) {
			// Unwell and away days, and paused days, lower the week's ask.
			if o := on[d]; o == Unwell || o == Away || (g.StatusOn(d) != Active && !d.Before(g.Created)) {
				ask--
			}
		}
		n += max(0, ask-weekSessions(hist, monday, sunday.AddDays(1)))
	}
	return n
}
