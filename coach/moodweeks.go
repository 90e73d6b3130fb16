package coach

// MoodWeek sums up one ISO week's moods as COACH §6.4 asks: lifts (after −
// before) on the session days that have both, with the average mood before
// and after on those days beside them. Mood is asked on session days alone,
// so a week is never set against days without a session.
type MoodWeek struct {
	Monday        Day
	Days          int     // session days with a mood before and after
	Lift          float64 // the average of after − before over Days
	Before, After float64 // the average moods before and after over Days
}

// MoodLifts returns the lifts of the whole history given (Monday zero) and
// week by week, a MoodWeek for each ISO week from from's week to to's week,
// oldest first; a week without a lift has Days 0.
func MoodLifts(hist []CheckIn, from, to Day) (overall MoodWeek, weeks []MoodWeek) {
	if to.Before(from) {
		return liftsOf(hist), nil
	}
	first := from.Monday()
	n := to.Monday().DaysSince(first)/7 + 1
	byWeek := make([][]CheckIn, n)
	for _, c := range hist {
		if c.Day.Before(first) || c.Day.After(to) {
			continue
		}
		w := c.Day.DaysSince(first) / 7
		byWeek[w] = append(byWeek[w], c)
	}
	weeks = make([]MoodWeek, n)
	for i, cs := range byWeek {
		weeks[i] = liftsOf(cs)
		weeks[i].Monday = first.AddDays(7 * i)
	}
	return liftsOf(hist), weeks
}

func liftsOf(cs []CheckIn) MoodWeek {
	var m MoodWeek
	var before, after int
	for _, c := range cs {
		if !c.Outcome.ShowedUp() || c.MoodBefore == nil || c.MoodAfter == nil {
			continue
		}
		m.Days++
		before += *c.MoodBefore
		after += *c.MoodAfter
	}
	m.Before, m.After = average(before, m.Days), average(after, m.Days)
	m.Lift = m.After - m.Before
	return m
}
