package coach

import "sort"

// The consistency measures of COACH §6.4: habit strength, weeks kept, the
// show-up streak, totals that never reset, and mood. Each is a pure function
// of a goal, its check-ins and the day asked about; none reads a clock, and
// none is ever shown as a loss.

// Review is everything the review screen and `tend review` show for one goal.
type Review struct {
	Strength float64 // 0..1, Loop Habit Tracker's formula (COACH §4)
	Band     string  // bandStarting, bandBuilding, bandSteady or bandStrong
	// WeeksKept counts the kept ISO weeks of the current run of weeks.
	WeeksKept int
	// ShowUpStreak counts the sessions shown up in the current run, and
	// BestStreak the most in any run in the history given.
	ShowUpStreak int
	BestStreak   int
	// RunEnded says the last run ended (two misses in a row) with no session
	// since: the screen says a new run starts with the next session, and
	// never shows a bare 0.
	RunEnded bool
	// PendingMiss says one miss is waiting to be repaired by the next
	// session (shown as ◌).
	PendingMiss bool
	// Sessions counts done, partial and minimum days, and Total adds up what
	// they achieved in the plan's unit, over the whole history given.
	Sessions int
	Total    float64
	// WeekActiveMin is this ISO week's active minutes, vigorous ones (runs)
	// counted twice, to set against ActiveMinutesPerWeek. Plans that are not
	// counted in minutes of movement have 0.
	WeekActiveMin float64
	Mood          MoodSummary
}

// MoodSummary sets mood on active days against other days: numbers for
// behavioural-activation feedback, never a clinical claim.
type MoodSummary struct {
	// LiftDays counts check-ins with both a mood before and after; Lift is
	// the average of after − before over them, BestLift the largest.
	LiftDays int
	Lift     float64
	BestLift int
	// ActiveMood and OtherMood average the mood (after if given, else
	// before) on days with a session and on other days with a mood (rest,
	// unwell, away), over ActiveDays and OtherDays days.
	ActiveDays, OtherDays int
	ActiveMood, OtherMood float64
	// Enough says there are at least MinMoodDays lift days: fewer say too
	// little to show.
	Enough bool
}

// Constants of the measures. [D] unless marked otherwise.
const (
	// MinMoodDays is how many days with a mood before and after come before
	// a lift is shown.
	MinMoodDays = 5
	// ActiveMinutesPerWeek is the weekly activity the guidelines ask of
	// adults: 150 moderate minutes, a vigorous minute counting as two. [G]
	ActiveMinutesPerWeek = 150
	// vigorousFactor is what a vigorous minute (running) counts for. [G]
	vigorousFactor = 2
	// keptWeekUnwellDays is how many unwell or away days keep a week
	// whatever its sessions.
	keptWeekUnwellDays = 4
	// runEndMisses is how many missed sessions in a row end a run.
	runEndMisses = 2
)

// ReviewOf measures goal g on plan p from its check-ins (any order; where a
// day has several, the latest written stands) as of day today. Check-ins
// after today are not read.
func ReviewOf(g Goal, p Plan, hist []CheckIn, today Day) Review {
	log := newReviewLog(hist, today)
	log.keepWeeks(reviewStart(g, log, today), today)
	s := habitStrength(g, log, today)
	run := showUpStreak(g, log, today)
	r := Review{
		Strength: s, Band: strengthBand(s),
		WeeksKept:    weeksKept(g, log, today),
		ShowUpStreak: run.current, BestStreak: run.best,
		RunEnded: run.ended, PendingMiss: run.pending,
		WeekActiveMin: activeMinutes(p, log, today.Monday(), today),
		Mood:          moodOf(log.days),
	}
	for _, c := range log.days {
		if c.Outcome.ShowedUp() {
			r.Sessions++
			r.Total += amountOf(c)
		}
	}
	return r
}

// weekSummary gives the numbers of the weekly review line (W1) for the ISO
// week before today's: the sessions shown up, what the week asked (less the
// days the goal was paused), and its active minutes.
func weekSummary(g Goal, p Plan, hist []CheckIn, today Day) (sessions, ask int, activeMin float64) {
	log := newReviewLog(hist, today)
	monday := today.Monday().AddDays(-7)
	sunday := monday.AddDays(6)
	return log.sessionsIn(monday, sunday), max(0, weekAskActive(g, log, monday)), activeMinutes(p, log, monday, sunday)
}

// reviewLog is a goal's history as the measures read it: one check-in per
// day, in day order, none after the day asked about.
type reviewLog struct {
	days []CheckIn
	// index finds a day's check-in: index[d - first] is its place in days
	// plus one, 0 for none. A review asks of twenty years day by day, and a
	// slice is many times quicker to build and to ask than a map.
	first Day
	index []int32
	// asks remembers weekAsk by the schedule in force and the day the
	// week's asking starts: weekAsk builds the goal's plan on every call.
	asks map[int64]int
	// weeks, when set, remembers each week's facts (weekFacts).
	weeks *weekMemo
}

// newReviewLog keeps, for each day up to today, the check-in written last
// (by WrittenAt; between equal times, the later in hist).
func newReviewLog(hist []CheckIn, today Day) reviewLog {
	if strictlyInDayOrder(hist) {
		// A history as the store reads it, one check-in a day in day
		// order: the log is its days up to today, shared, not copied.
		i := sort.Search(len(hist), func(i int) bool { return hist[i].Day.After(today) })
		return indexedLog(hist[:i:i])
	}
	in := make([]CheckIn, 0, len(hist))
	for _, c := range hist {
		if !c.Day.IsZero() && !c.Day.After(today) {
			in = append(in, c)
		}
	}
	// The store's histories are in day order already; a stable sort keeps
	// the later of two check-ins of a day after the earlier.
	if !inDayOrder(in) {
		sort.SliceStable(in, func(i, j int) bool { return in[i].Day.Before(in[j].Day) })
	}
	days := in[:0]
	for _, c := range in {
		if n := len(days); n > 0 && days[n-1].Day == c.Day {
			if !c.WrittenAt.Before(days[n-1].WrittenAt) {
				days[n-1] = c
			}
			continue
		}
		days = append(days, c)
	}
	return indexedLog(days)
}

// indexedLog is the log of days: check-ins one a day, in day order.
func indexedLog(days []CheckIn) reviewLog {
	l := reviewLog{days: days, asks: map[int64]int{}}
	if len(days) > 0 {
		l.first = days[0].Day
		l.index = make([]int32, days[len(days)-1].Day.DaysSince(l.first)+1)
		for i, c := range days {
			l.index[c.Day.DaysSince(l.first)] = int32(i + 1)
		}
	}
	return l
}

// strictlyInDayOrder reports whether cs has one check-in a day, in day
// order, and no zero day.
func strictlyInDayOrder(cs []CheckIn) bool {
	for i := range cs {
		if cs[i].Day.IsZero() || i > 0 && !cs[i].Day.After(cs[i-1].Day) {
			return false
		}
	}
	return true
}

// outcome is the outcome of day d's check-in, if it has one: what most
// questions of a day ask, without copying the whole check-in as at does.
func (l reviewLog) outcome(d Day) (Outcome, bool) {
	i := d.DaysSince(l.first)
	if i < 0 || i >= len(l.index) || l.index[i] == 0 {
		return 0, false
	}
	return l.days[l.index[i]-1].Outcome, true
}

// daysIn is the log's check-ins from from to to, both included: its days
// are in day order, so they are found by halving, not by a walk of the
// whole log, and shared (capped, so an append cannot write into the log).
func (l reviewLog) daysIn(from, to Day) []CheckIn {
	i := sort.Search(len(l.days), func(i int) bool { return !l.days[i].Day.Before(from) })
	j := i + sort.Search(len(l.days)-i, func(k int) bool { return l.days[i+k].Day.After(to) })
	return l.days[i:j:j]
}

// showedUp reports whether day d has a session.
func (l reviewLog) showedUp(d Day) bool {
	// Not through at: a review asks this of every day of twenty years, and
	// a copy of the whole check-in for its outcome is most of the cost.
	i := d.DaysSince(l.first)
	if i < 0 || i >= len(l.index) || l.index[i] == 0 {
		return false
	}
	return l.days[l.index[i]-1].Outcome.ShowedUp()
}

// sessionsIn counts the days from from to to, both included, with a session.
func (l reviewLog) sessionsIn(from, to Day) int {
	n := 0
	if to.DaysSince(from) > len(l.days) {
		for _, c := range l.days {
			if !c.Day.Before(from) && !c.Day.After(to) && c.Outcome.ShowedUp() {
				n++
			}
		}
		return n
	}
	for d := from; !d.After(to); d = d.AddDays(1) {
		if l.showedUp(d) {
			n++
		}
	}
	return n
}

// amountOf is what a session achieved; a done session with no amount
// achieved its target (COACH §6.1).
func amountOf(c CheckIn) float64 {
	if c.Outcome == Done && c.Achieved == 0 {
		return c.Target
	}
	return c.Achieved
}

// ActiveMinutes is what goal g's sessions from from to to, both included,
// count for against the 150 active minutes a week (COACH §6.4 "Totals"): the
// minutes a session is judged by on walk, run, yoga and custom minute goals,
// Walk to run's running weeks (W1–W9, their bridge and alternatives) twice,
// as vigorous minutes; mindful minutes, reps, km, mi and times count
// nothing. Warm-ups and walking breaks are never judged, so never counted.
// Where a day has several check-ins the latest written stands. Today's week
// line, the weekly line (W1) and the review all count with this function.
func ActiveMinutes(g Goal, hist []CheckIn, from, to Day) float64 {
	p, err := g.Plan()
	if err != nil || p.Unit != Minutes || p.Domain == DomainMind {
		return 0
	}
	// Only the days asked about go into the log: which check-in of a day
	// stands is a question about that day alone, and a week is a few days
	// of a window of hundreds.
	in := make([]CheckIn, 0, 8)
	for _, c := range hist {
		if !c.Day.Before(from) && !c.Day.After(to) {
			in = append(in, c)
		}
	}
	return activeMinutes(p, newReviewLog(in, to), from, to)
}

// ActiveMinutes adds up ActiveMinutes over every goal of the snapshot: the
// person's week. A goal archived since still counts for the days it was
// done: the minutes were moved all the same.
func (s Snapshot) ActiveMinutes(from, to Day) float64 {
	total := 0.0
	for _, g := range s.Goals {
		total += ActiveMinutes(g, s.CheckIns[g.ID], from, to)
	}
	return total
}

// activeMinutes is ActiveMinutes over a history already read as a log.
func activeMinutes(p Plan, log reviewLog, from, to Day) float64 {
	if p.Unit != Minutes || p.Domain == DomainMind {
		return 0
	}
	total := 0.0
	for _, c := range log.daysIn(from, to) {
		if !c.Outcome.ShowedUp() {
			continue
		}
		a := amountOf(c)
		if vigorous(p, c) {
			a *= vigorousFactor
		}
		total += a
	}
	return total
}

// vigorous reports whether a check-in was a run: a session, other than the
// minimum version, whose level runs (Walk to run's weeks, not its walks).
func vigorous(p Plan, c CheckIn) bool {
	if p.Domain != DomainRun || c.Outcome == Minimum || len(p.Levels) == 0 || c.Level < 1 {
		return false
	}
	return runMinutes(p.Session(c.Level, c.Variant)) > 0
}

// moodOf summarises the moods of the days given.
func moodOf(days []CheckIn) MoodSummary {
	var m MoodSummary
	var liftSum, activeSum, otherSum int
	for _, c := range days {
		if c.MoodBefore != nil && c.MoodAfter != nil {
			lift := *c.MoodAfter - *c.MoodBefore
			if m.LiftDays == 0 || lift > m.BestLift {
				m.BestLift = lift
			}
			m.LiftDays++
			liftSum += lift
		}
		mood := c.MoodAfter
		if mood == nil {
			mood = c.MoodBefore
		}
		switch {
		case mood == nil:
		case c.Outcome.ShowedUp():
			m.ActiveDays++
			activeSum += *mood
		default:
			m.OtherDays++
			otherSum += *mood
		}
	}
	m.Lift = average(liftSum, m.LiftDays)
	m.ActiveMood = average(activeSum, m.ActiveDays)
	m.OtherMood = average(otherSum, m.OtherDays)
	m.Enough = m.LiftDays >= MinMoodDays
	return m
}

func average(sum, n int) float64 {
	if n == 0 {
		return 0
	}
	return float64(sum) / float64(n)
}
