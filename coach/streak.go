package coach

import "time"

// Streaks that forgive (COACH §6.4): one miss never ends a run, rest,
// unwell, away and paused days are neutral, and a run that ends is followed
// by a new one with the next session.

// Mark is what the heatmap shows for one day.
type Mark int

// Marks. MarkNone is a day that asked for nothing: not due, not over yet, or
// before the goal began.
const (
	MarkNone Mark = iota
	MarkDone
	MarkPartial
	MarkMinimum
	MarkRest
	MarkUnwell
	MarkAway
	MarkMissed
	MarkPaused
	MarkFuture
)

var markNames = map[Mark]string{
	MarkNone: "none", MarkDone: "done", MarkPartial: "partial", MarkMinimum: "minimum", MarkRest: "rest",
	MarkUnwell: "unwell", MarkAway: "away", MarkMissed: "missed", MarkPaused: "paused", MarkFuture: "future",
}

// String names the mark: "done", "missed", "future" and so on.
func (m Mark) String() string { return nameOf(markNames, m) }

// markOf is the mark of a day with a check-in.
func markOf(o Outcome) Mark {
	switch o {
	case Done:
		return MarkDone
	case Partial:
		return MarkPartial
	case Minimum:
		return MarkMinimum
	case Rest:
		return MarkRest
	case Unwell:
		return MarkUnwell
	case Away:
		return MarkAway
	}
	return MarkNone
}

// DayMarks gives one mark per day from from to to, both included, for the
// heatmap, as of day today. A day with a check-in shows its outcome; a day
// the goal was paused, in safety hold or archived shows paused; a scheduled
// day of a daily or weekday plan that ended with no check-in shows missed.
// N-a-week plans miss sessions, not days (COACH §6.2), so none of their
// days is marked missed.
func DayMarks(g Goal, hist []CheckIn, from, to, today Day) []Mark {
	if to.Before(from) {
		return nil
	}
	// A day's mark reads that day's check-in alone (markOn), so only the
	// days marked go into the log: a review marks weeks of years.
	in := make([]CheckIn, 0, to.DaysSince(from)+1)
	for _, c := range hist {
		if !c.Day.Before(from) && !c.Day.After(to) {
			in = append(in, c)
		}
	}
	log := newReviewLog(in, today)
	marks := make([]Mark, 0, to.DaysSince(from)+1)
	for d := from; !d.After(to); d = d.AddDays(1) {
		marks = append(marks, markOn(g, log, d, today))
	}
	return marks
}

func markOn(g Goal, log reviewLog, d, today Day) Mark {
	if d.After(today) {
		return MarkFuture
	}
	if o, ok := log.outcome(d); ok {
		return markOf(o)
	}
	switch {
	case d.Before(g.Created):
		return MarkNone
	case g.StatusOn(d) != Active:
		return MarkPaused
	case dayMissed(&g, &log, d, today):
		return MarkMissed
	}
	return MarkNone
}

// missesDays reports whether a schedule misses days rather than sessions:
// daily plans and weekday schedules (COACH §6.2).
func missesDays(s Schedule) bool { return len(s.Weekdays) > 0 || s.Sessions() >= 7 }

// dayMissed reports whether day d is a missed day of a daily or weekday
// plan: scheduled, active, over, and with no check-in at all. The goal and
// the log are pointed to: the streak asks it of every day without a
// session of years.
func dayMissed(g *Goal, log *reviewLog, d, today Day) bool {
	s := g.ScheduleOn(d)
	if !missesDays(s) || !d.Before(today) || !d.After(g.Created) || g.StatusOn(d) != Active {
		return false
	}
	if _, checked := log.outcome(d); checked {
		return false
	}
	return len(s.Weekdays) == 0 || s.On(d)
}

// showUpRun is the show-up streak: sessions in the current run, the best run,
// and whether a run ended or a miss waits to be repaired.
type showUpRun struct {
	current, best int
	misses        int // missed in a row since the last session
	ended         bool
	pending       bool
}

func (r *showUpRun) session() {
	if r.ended {
		r.current, r.ended = 0, false
	}
	r.current++
	r.best = max(r.best, r.current)
	r.misses = 0
}

func (r *showUpRun) miss(n int) {
	r.misses += n
	if r.current > 0 && r.misses >= runEndMisses {
		r.current, r.ended = 0, true
	}
}

// showUpStreak walks the days from the goal's start (or its first
// check-in, if earlier) to today. Daily and weekday plans miss days; N-a-week
// plans miss sessions, counted when a week ends: the week's ask less its
// sessions, less one for each unwell, away or paused day. A session repairs
// the misses before it, so a week's shortfall counts after the week's
// sessions: two in one week end a run, and so does one in each of two weeks
// with no session between them.
func showUpStreak(g Goal, log reviewLog, today Day) showUpRun {
	var r showUpRun
	for d := reviewStart(g, log, today); !d.After(today); d = d.AddDays(1) {
		switch {
		case log.showedUp(d):
			r.session()
		case dayMissed(&g, &log, d, today):
			r.miss(1)
		}
		if d.Weekday() == time.Sunday && d.Before(today) && !missesDays(g.ScheduleOn(d)) {
			r.miss(weekShortfall(g, log, d.AddDays(-6)))
		}
	}
	r.pending = r.current > 0 && r.misses > 0
	return r
}

// reviewStart is the first day the measures look at: the goal's creation,
// or its first check-in if that came earlier.
func reviewStart(g Goal, log reviewLog, today Day) Day {
	start := g.Created
	if len(log.days) > 0 && (start.IsZero() || log.days[0].Day.Before(start)) {
		start = log.days[0].Day
	}
	if start.IsZero() {
		return today
	}
	return start
}

// weekShortfall is the sessions an ended N-a-week week fell short of: its
// ask (weekAsk, less paused days) less one for each rest, unwell or away day
// from the week's start on an active day, less its sessions, not below 0
// (COACH §6.2).
func weekShortfall(g Goal, log reviewLog, monday Day) int {
	f := log.week(&g, monday)
	return int(max(0, f.asked-f.skipsActive-f.sessions))
}

// weekStartOf is the first day of monday's week that asks for anything: the
// Monday, or the day the goal began (the day after, when it passed with no
// session) or its schedule last changed that week. It matches weekAsk's.
// The goal and the log are pointed to, here and in the week's other
// helpers, not copied: a review asks of every week of twenty years, and a
// goal is some hundreds of bytes.
func weekStartOf(g *Goal, log *reviewLog, monday Day) Day {
	sunday := monday.AddDays(6)
	skipFirst := firstDaySkipped(g.Created, monday, sunday.AddDays(1), func(d Day) bool { return log.showedUp(d) })
	return askStartOf(g.Created, g.Schedules, monday, sunday, skipFirst)
}

// weekAskActive is what monday's week asks (weekAsk, so the week a goal
// begins or changes schedule asks only what fits), less what falls on days
// the goal was not active: for weekday schedules the scheduled days, for
// N-a-week plans one session a day, as missedInARow counts them. It can be
// 0 or less when nothing was asked.
func weekAskActive(g Goal, log reviewLog, monday Day) int {
	return weekAskActiveFrom(&g, &log, monday, weekStartOf(&g, &log, monday))
}

// weekAskActiveFrom is weekAskActive with the week's start (weekStartOf)
// worked out already.
func weekAskActiveFrom(g *Goal, log *reviewLog, monday, start Day) int {
	sunday := monday.AddDays(6)
	s := g.ScheduleOn(sunday)
	ask := log.weekAsk(g, monday, start)
	if activeAllWeek(g, monday) {
		return ask
	}
	for d := start; !d.After(sunday); d = d.AddDays(1) {
		if g.StatusOn(d) != Active && (len(s.Weekdays) == 0 || s.On(d)) {
			ask--
		}
	}
	return ask
}

// activeAllWeek reports whether g was active on every day of monday's
// week: active on its Sunday, with no status change after its Monday. Most
// weeks of most goals are, and then no day of them need be asked.
func activeAllWeek(g *Goal, monday Day) bool {
	sunday := monday.AddDays(6)
	for _, c := range g.Statuses {
		if c.From.After(monday) && !c.From.After(sunday) {
			return false
		}
	}
	return g.StatusOn(sunday) == Active
}

// weekAsk is what monday's week asks from day start, remembered: it depends
// only on the schedule in force and the day the week's asking starts.
func (l *reviewLog) weekAsk(g *Goal, monday, start Day) int {
	sunday := monday.AddDays(6)
	in := 0
	for i, c := range g.Schedules {
		if !c.From.After(sunday) {
			in = i
		}
	}
	// One number, the schedule's place above the start's day in the
	// week: a map of numbers is asked twice as fast as one of pairs.
	key := int64(in)<<32 | int64(uint32(start.DaysSince(monday)))
	ask, ok := l.asks[key]
	if !ok {
		ask = askFrom(*g, g.ScheduleOn(sunday), monday, start)
		l.asks[key] = ask
	}
	return ask
}

// weekVerdict is how an ISO week stands for weeks kept.
type weekVerdict int

const (
	weekNeutral weekVerdict = iota // asked nothing, or not over yet
	weekKept
	weekNotKept
)

// verdictOf judges monday's week: kept when its ask N′ (less each rest,
// unwell or away day) was brought to 0 by them or its sessions ≥
// max(1, N′ − 1), or with
// keptWeekUnwellDays unwell or away days (COACH §6.4, clarified); a week
// not over yet is neutral until it is kept, and so is a week whose active
// days asked for nothing (all paused).
func verdictOf(g Goal, log reviewLog, monday, today Day) weekVerdict {
	f := log.week(&g, monday)
	ask := max(0, f.asked-f.skipsAsked) // weekAskOf, from the facts of the week
	switch {
	case f.sessions >= max(1, ask-1), ask == 0 && f.skips > 0, f.away >= keptWeekUnwellDays:
		return weekKept
	case !monday.AddDays(6).Before(today), f.asked <= 0:
		return weekNeutral
	}
	return weekNotKept
}

// weeksKept counts the kept weeks of the current run of weeks: a single week
// not kept neither adds nor ends the run, two in a row (neutral weeks
// between them do not count) end it, and the count starts again with the
// next kept week.
func weeksKept(g Goal, log reviewLog, today Day) int {
	kept, notKept := 0, 0
	for monday := reviewStart(g, log, today).Monday(); !monday.After(today); monday = monday.AddDays(7) {
		switch verdictOf(g, log, monday, today) {
		case weekKept:
			kept, notKept = kept+1, 0
		case weekNotKept:
			notKept++
			if notKept >= 2 {
				kept = 0
			}
		case weekNeutral:
		}
	}
	return kept
}
