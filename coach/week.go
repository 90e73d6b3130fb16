package coach

import "sort"

// The week and what counts as missed (COACH §6.2): due and missed are
// derived from the schedule and the check-ins, never stored.

// due reports whether goal g asks for a session on day d (COACH §6.2), from
// its check-ins before d in day order. A day's own check-in does not change
// whether it was due.
func due(g Goal, p Plan, hist []CheckIn, d Day) bool {
	if g.StatusOn(d) != Active || d.Before(g.Created) {
		return false
	}
	s := g.ScheduleOn(d)
	switch {
	case len(s.Weekdays) > 0:
		return s.On(d)
	case s.Daily():
		return true
	}
	week := weekTail(hist, d.Monday())
	ask := weekAsk(g, d, skipsFirstDay(g, d, d, sessionIn(week))) - restsLogged(g, week, d.Monday(), d)
	if weekSessions(week, d.Monday(), d) >= ask {
		return false
	}
	if p.MinRestDays > 0 {
		if last, ok := lastSessionBefore(hist, d); ok && d.DaysSince(last)-1 < p.MinRestDays {
			return false
		}
	}
	return true
}

// weekAsk is how many sessions the week of d asks for: the schedule's number,
// or fewer in the week a goal began or its schedule changed, when fewer days
// were left in it. For plans with rest days between sessions, those days
// hold fewer sessions: two days left hold one run, not two. skipFirst says
// the goal's first day is over without a session, so the week asks only
// for what fits after it (COACH §6.2, clarified).
func weekAsk(g Goal, d Day, skipFirst bool) int {
	monday := d.Monday()
	return askFrom(g, g.ScheduleOn(d), monday, askStart(g, monday, d, skipFirst))
}

// askStart is the first day of monday's week that asks for anything: the
// Monday, or the day the goal began (the day after, with skipFirst) or its
// schedule last changed that week, up to day upTo.
func askStart(g Goal, monday, upTo Day, skipFirst bool) Day {
	return askStartOf(g.Created, g.Schedules, monday, upTo, skipFirst)
}

// askStartOf is askStart from the two things of a goal it reads: a review
// asks it of every week of years, and a goal is large to copy.
func askStartOf(created Day, schedules []ScheduleChange, monday, upTo Day, skipFirst bool) Day {
	start := monday
	if created.After(start) {
		start = created
	}
	if skipFirst && start == created {
		start = start.AddDays(1)
	}
	for _, c := range schedules {
		if !c.From.Before(monday) && !c.From.After(upTo) && c.From.After(start) {
			start = c.From
		}
	}
	return start
}

// askFrom is what schedule s asks of monday's week from day start on.
func askFrom(g Goal, s Schedule, monday, start Day) int {
	left := max(0, 7-start.DaysSince(monday))
	if len(s.Weekdays) > 0 {
		n := 0
		for day := start; day.Before(monday.AddDays(7)); day = day.AddDays(1) {
			if s.On(day) {
				n++
			}
		}
		return n
	}
	if p, err := g.Plan(); err == nil && p.MinRestDays > 0 {
		// n sessions take n + (n-1)·rest days.
		left = (left + p.MinRestDays) / (p.MinRestDays + 1)
	}
	return min(s.PerWeek, left)
}

// skipsFirstDay reports whether the goal began in d's week on a day over by
// day over (the days before it are) with no session: a goal's creation day
// is never missed (COACH §6.2, clarified).
func skipsFirstDay(g Goal, d, over Day, sessionOn func(Day) bool) bool {
	return firstDaySkipped(g.Created, d, over, sessionOn)
}

// firstDaySkipped is skipsFirstDay from the day the goal was made.
func firstDaySkipped(created, d, over Day, sessionOn func(Day) bool) bool {
	monday := d.Monday()
	return !created.Before(monday) && !created.After(monday.AddDays(6)) && created.Before(over) &&
		!sessionOn(created)
}

// sessionIn returns whether a history has a session on a day.
func sessionIn(hist []CheckIn) func(Day) bool {
	return func(d Day) bool {
		for i := range hist {
			if hist[i].Day == d && hist[i].Outcome.ShowedUp() {
				return true
			}
		}
		return false
	}
}

// weekTail is the part of hist a question about monday's week and after
// needs to read: in a history in day order (the store's, and Today's), the
// check-ins from monday on, found by halving; otherwise all of it. The
// week's counts filter their days anyway: the tail only spares them the
// rest of a window of hundreds of days, read for every goal.
func weekTail(hist []CheckIn, monday Day) []CheckIn {
	if !inDayOrder(hist) {
		return hist
	}
	i := sort.Search(len(hist), func(i int) bool { return !hist[i].Day.Before(monday) })
	return hist[i:]
}

// weekCount returns the sessions in d's week (d included) and what the week asks.
func weekCount(g Goal, p Plan, hist []CheckIn, d Day) (done, ask int) {
	week := weekTail(hist, d.Monday())
	ask = weekAsk(g, d, skipsFirstDay(g, d, d, sessionIn(week))) - restsLogged(g, week, d.Monday(), d.AddDays(1))
	return weekSessions(week, d.Monday(), d.AddDays(1)), max(0, ask)
}

// restsLogged counts the rest, unwell and away days logged in [from, to)
// on days the goal was active (weekday schedules: on a scheduled day): each
// lowers the week's ask N′ by one, so a logged rest day is never a missed
// session (COACH §6.2, clarified).
func restsLogged(g Goal, hist []CheckIn, from, to Day) int {
	n := 0
	for i := range hist {
		c := &hist[i] // not a copy: this is asked of every day of a window
		if c.Day.Before(from) || !c.Day.Before(to) || !c.Outcome.Skips() || g.StatusOn(c.Day) != Active {
			continue
		}
		if s := g.ScheduleOn(c.Day); len(s.Weekdays) == 0 || s.On(c.Day) {
			n++
		}
	}
	return n
}

// weekSessions counts sessions shown up on days in [from, to).
func weekSessions(hist []CheckIn, from, to Day) int {
	n := 0
	for i := range hist {
		if c := &hist[i]; !c.Day.Before(from) && c.Day.Before(to) && c.Outcome.ShowedUp() {
			n++
		}
	}
	return n
}

func lastSessionBefore(hist []CheckIn, d Day) (Day, bool) {
	for i := len(hist) - 1; i >= 0; i-- {
		if hist[i].Day.Before(d) && hist[i].Outcome.ShowedUp() {
			return hist[i].Day, true
		}
	}
	return Day{}, false
}

// missedInARow counts the sessions missed since the last one before day
// (COACH §6.2): for daily and weekday plans, scheduled days that ended with
// no check-in; for N-a-week plans, what each ended week fell short of its
// ask, less its rest, unwell and away days. Rest days, paused days and today are
// never missed.
func missedInARow(g Goal, hist []CheckIn, day Day) int {
	start := g.Created.AddDays(1) // a goal's creation day is never missed
	for i := range hist {
		if c := &hist[i]; c.Day.Before(day) && c.Outcome.ShowedUp() && !c.Day.Before(start) {
			start = c.Day.AddDays(1)
		}
	}
	// The walk is bounded: a gap of years decides as a gap of RecentDays
	// does (every rule that counts misses is long settled by then), so a
	// clock set far ahead cannot keep a check-in computing under the lock.
	if floor := day.AddDays(-RecentDays); start.Before(floor) {
		start = floor
	}
	// Only the days from the week of start on are looked at below; a map
	// of the whole window would be made and dropped at every decision.
	on := map[Day]Outcome{}
	from := start.Monday()
	for _, c := range weekTail(hist, from) {
		if c.Day.Before(day) && !c.Day.Before(from) {
			on[c.Day] = c.Outcome
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
		ask := weekAsk(g, sunday, skipsFirstDay(g, sunday, sunday.AddDays(1), func(d Day) bool { return on[d].ShowedUp() }))
		for d := monday; !d.After(sunday); d = d.AddDays(1) {
			// Rest, unwell and away days, and paused days, lower the week's
			// ask: a logged rest day is never a missed session (§6.2).
			if o := on[d]; o.Skips() || (g.StatusOn(d) != Active && !d.Before(g.Created)) {
				ask--
			}
		}
		n += max(0, ask-weekSessions(hist, monday, sunday.AddDays(1)))
	}
	return n
}
