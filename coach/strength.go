package coach

import "math"

// Habit strength (COACH §4, §6.4) is Loop Habit Tracker's score: an
// exponential average of how well each day kept the schedule, with a
// half-life that grows as sessions get rarer (13 days for a daily habit).

// strengthDays is how far back habit strength is computed: a day a year ago
// moves today's score by far less than 0.1%, so older days are left out. [D]
const strengthDays = 365

// loopHalfLifeDays is the constant of Loop's multiplier
// 0.5^(sqrt(frequency)/13): the half-life in days of a daily habit.
const loopHalfLifeDays = 13.0

// The bands habit strength is shown in, named by the whole percent shown
// ("62% · building"): below 40, 40–69, 70–89, and 90 and over.
const (
	bandStarting = "starting"
	bandBuilding = "building"
	bandSteady   = "steady"
	bandStrong   = "strong"
)

// StrengthPercent is habit strength as the whole percent shown on screen.
// It rounds down, so that the number and its band always agree: 0.899 is
// "89% · steady", never "90% · steady".
func StrengthPercent(s float64) int {
	switch {
	case !(s > 0): // also NaN
		return 0
	case s >= 1:
		return 100
	}
	return int(math.Floor(s * 100))
}

// strengthBand names the band of habit strength s (0..1). The band is read
// off the percent shown, so a screen never shows a number in a band it does
// not belong to.
func strengthBand(s float64) string {
	switch p := StrengthPercent(s); {
	case p < 40:
		return bandStarting
	case p < 70:
		return bandBuilding
	case p < 90:
		return bandSteady
	default:
		return bandStrong
	}
}

// habitStrength runs Loop's score over the goal's history, from its first
// check-in (or strengthDays ago, if later) through yesterday, and today when
// today has a check-in.
//
// Two rules on top of Loop's, on every schedule (COACH §6.4, clarified): on
// a day without a session the score never rises (Loop's rolling window
// would let it climb through the days after a session), and a SKIP day
// leaves it exactly as it was. SKIP days are unwell and away days, days the
// goal was paused, in safety hold or archived, and rest days on daily and
// weekday plans; on N-a-week plans a rest day is an ordinary day without a
// session.
func habitStrength(g Goal, log reviewLog, today Day) float64 {
	if len(log.days) == 0 {
		return 0
	}
	start := log.days[0].Day
	if limit := today.AddDays(-strengthDays); start.Before(limit) {
		start = limit
	}
	end := today.AddDays(-1)
	if _, ok := log.outcome(today); ok {
		end = today
	}
	return strengthThrough(g, log, start, end)
}

// strengthThrough is the score from day start through day end.
func strengthThrough(g Goal, log reviewLog, start, end Day) float64 {
	score := 0.0
	// The sessions of the checkmark's two weeks are counted as the days
	// go by, not again for every day: Today works this out for every goal
	// over the recent window.
	window := log.sessionsIn(start.AddDays(-checkmarkDays), start.AddDays(-1))
	for d := start; !d.After(end); d = d.AddDays(1) {
		showed := log.showedUp(d)
		if showed {
			window++
		}
		if log.showedUp(d.AddDays(-checkmarkDays)) {
			window-- // window now counts d-13 through d
		}
		if strengthSkips(&g, &log, d) {
			continue
		}
		n := strengthPerWeek(scheduleOn(g.Schedules, d))
		m := loopMultipliers[n]
		next := score*m + checkmarkOf(showed, window, n)*(1-m)
		if !showed {
			next = math.Min(score, next)
		}
		score = next
	}
	return score
}

// checkmarkDays is the span of checkmarkOf's count: two weeks.
const checkmarkDays = 14

// loopMultipliers are loopMultiplier at 1 to 7 sessions a week, worked
// out once.
var loopMultipliers = func() (m [8]float64) {
	for n := 1; n <= 7; n++ {
		m[n] = loopMultiplier(float64(n) / 7)
	}
	return m
}()

// checkmarkOf is how well a day kept a schedule of n sessions a week:
// for a daily schedule 1 on a day shown up and 0 otherwise; for others
// Loop's doubled rolling window, the sessions in the last 2·7 days (d
// included) against 2·n, at most 1. Doubling the window smooths out
// irregular weeks (Loop's fix for issue #641).
// It is worked out from whether the day had a session and the sessions of
// the two weeks ending on it, counted by the caller as the days go by.
func checkmarkOf(showed bool, sessions, n int) float64 {
	if n >= 7 {
		if showed {
			return 1
		}
		return 0
	}
	return min(1, float64(sessions)/float64(2*n))
}

// loopMultiplier is Loop's decay for one day at the given frequency
// (sessions per day): 0.94808 daily, 0.96570 at 3 a week.
func loopMultiplier(freq float64) float64 {
	return math.Pow(0.5, math.Sqrt(freq)/loopHalfLifeDays)
}

// strengthPerWeek is the schedule's sessions per week, from 1 to 7.
func strengthPerWeek(s Schedule) int {
	return min(max(s.Sessions(), 1), 7)
}

// strengthSkips reports whether day d is a SKIP day, which leaves the score
// as it was: an unwell or away check-in, a rest day on a daily or weekday
// plan, or no session on a day the goal was paused, in safety hold or
// archived. A session always counts, whatever the status said. The goal
// and log are pointed to, not copied: this is asked of every day of a year
// for each goal on Today.
func strengthSkips(g *Goal, log *reviewLog, d Day) bool {
	if o, ok := log.outcome(d); ok {
		switch {
		case o.ShowedUp():
			return false
		case o == Unwell || o == Away:
			return true
		case o == Rest && missesDays(scheduleOn(g.Schedules, d)):
			return true
		}
	}
	return statusOn(g.Statuses, d) != Active
}
