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
	// Summed in one pass, week by week: a review's weeks are its whole
	// history, and gathering each week's check-ins first copied all of it.
	type sums struct{ days, before, after int }
	per := make([]sums, n)
	for _, c := range hist {
		if c.Day.Before(first) || c.Day.After(to) || !c.Outcome.ShowedUp() || c.MoodBefore == nil || c.MoodAfter == nil {
			continue
		}
		w := &per[c.Day.DaysSince(first)/7]
		w.days, w.before, w.after = w.days+1, w.before+*c.MoodBefore, w.after+*c.MoodAfter
	}
	weeks = make([]MoodWeek, n)
	for i, w := range per {
		weeks[i] = moodWeekOf(w.days, w.before, w.after)
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
	return moodWeekOf(m.Days, before, after)
}

// moodWeekOf is a MoodWeek of days session days whose moods before and
// after add up to before and after.
func moodWeekOf(days, before, after int) MoodWeek {
	m := MoodWeek{Days: days, Before: average(before, days), After: average(after, days)}
	m.Lift = m.After - m.Before
	return m
}
