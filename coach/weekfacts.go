package coach

// weekFacts is what the show-up streak and weeks kept ask of one ISO week,
// worked out in one walk of its days: both ask it of every week of years,
// and each asked it in two or three walks of its own. Its counts are of
// the seven days of a week (the ask from -7 to 7), so small numbers: a
// review keeps one for each week of twenty years.
type weekFacts struct {
	asked    int16 // weekAskActive: what the week asked of its active days
	sessions int16 // days with a session
	// skips counts the rest, unwell and away days, and away the unwell and
	// away ones of them; skipsAsked those on a scheduled day (any day but
	// on a weekday schedule), which lower the ask N′ (askLessSkips);
	// skipsActive those from the week's start on an active day, which
	// lower what an N-a-week week fell short of (weekShortfall).
	skips, away, skipsAsked, skipsActive int16
}

// weekFactsOf walks monday's week once.
func weekFactsOf(g *Goal, log *reviewLog, monday Day) weekFacts {
	sunday := monday.AddDays(6)
	s := g.ScheduleOn(sunday)
	start := weekStartOf(g, log, monday)
	f := weekFacts{asked: int16(weekAskActiveFrom(g, log, monday, start))}
	active := activeAllWeek(g, monday)
	for d := monday; !d.After(sunday); d = d.AddDays(1) {
		o, ok := log.outcome(d)
		switch {
		case !ok:
		case o.ShowedUp():
			f.sessions++
		case o.Skips():
			f.skips++
			if o != Rest {
				f.away++
			}
			if len(s.Weekdays) == 0 || s.On(d) {
				f.skipsAsked++
			}
			if !d.Before(start) && (active || g.StatusOn(d) == Active) {
				f.skipsActive++
			}
		}
	}
	return f
}

// week is monday's weekFacts, remembered when the log keeps weeks (a
// review's does: the streak and weeks kept ask of the same weeks).
func (l *reviewLog) week(g *Goal, monday Day) weekFacts {
	w := l.weeks
	if w == nil {
		return weekFactsOf(g, l, monday)
	}
	i := monday.DaysSince(w.first) / 7
	if monday.Before(w.first) || i >= len(w.facts) {
		return weekFactsOf(g, l, monday)
	}
	if !w.known[i] {
		w.facts[i], w.known[i] = weekFactsOf(g, l, monday), true
	}
	return w.facts[i]
}

// weekMemo keeps weekFacts for the weeks from the one starting on first.
type weekMemo struct {
	first Day
	facts []weekFacts
	known []bool
}

// keepWeeks makes the log remember the facts of the weeks from from's
// through to's.
func (l *reviewLog) keepWeeks(from, to Day) {
	first := from.Monday()
	n := max(0, to.Monday().DaysSince(first)/7+1)
	l.weeks = &weekMemo{first: first, facts: make([]weekFacts, n), known: make([]bool, n)}
}
