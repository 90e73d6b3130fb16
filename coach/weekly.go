package coach

import (
	"fmt"
	"time"
)

// WeeklyReview is the W1 line (COACH §6.6) about the ISO week before
// today's: sessions against the week's ask, active minutes against 150,
// habit strength as of its Sunday, its level change with the reason, and
// its largest mood lift, each left out when the week had none; then the
// person's if-then plan, to look at again. It shows from a new week's first
// day until the goal's first check-in of the week, and says nothing for a
// goal that did not exist last week or is not active.
func WeeklyReview(g Goal, p Plan, hist []CheckIn, today Day) (string, bool) {
	monday := today.Monday().AddDays(-7)
	sunday := monday.AddDays(6)
	if g.Created.After(sunday) || g.Status() != Active {
		return "", false
	}
	for _, c := range weekTail(hist, today.Monday()) {
		if !c.Day.Before(today.Monday()) && !c.Day.After(today) {
			return "", false // the week has begun for this goal (asked before the log is built)
		}
	}
	log := newReviewLog(hist, today)
	dates := weekDates(monday)
	sessions := log.sessionsIn(monday, sunday)
	if sessions == 0 {
		// No tally of zeros: say what happens next.
		return fmt.Sprintf("Last week (%s) was a quiet one, and that happens. This week starts fresh.", dates), true
	}
	line := fmt.Sprintf("Last week (%s): %d/%d sessions", dates, sessions, weekAskShown(g, log, monday, sessions))
	if counts(p) {
		active := activeMinutes(p, log, monday, sunday)
		line += fmt.Sprintf(", %.0f active minutes (%d%% of %d)", active,
			int(100*active/ActiveMinutesPerWeek+0.5), ActiveMinutesPerWeek)
	}
	if s := strengthThrough(g, log, strengthStart(log, sunday), sunday); StrengthPercent(s) > 0 {
		line += fmt.Sprintf(", habit strength %d%% (%s)", StrengthPercent(s), strengthBand(s))
	}
	line += "."
	if change := weekChange(g, p, log, monday, sunday); change != "" {
		line += " " + change
	}
	if lift := bestLift(log, monday, sunday); lift > 0 {
		line += fmt.Sprintf(" Biggest mood lift: +%d.", lift)
	}
	if g.IfThen != "" {
		line += " Your plan for a hard day: " + lowerFirst(g.IfThen)
	}
	return line, true
}

// counts reports whether a plan's sessions count as active minutes.
func counts(p Plan) bool { return p.Unit == Minutes && p.Domain != DomainMind }

// weekDates names a calendar week by its days, never by a bare number that
// a person would read as their week on the plan: "2–8 March", "23 February
// – 1 March", "29 December 2025 – 4 January 2026".
func weekDates(monday Day) string {
	sunday := monday.AddDays(6)
	y1, m1, d1 := monday.Date()
	y2, m2, d2 := sunday.Date()
	switch {
	case y1 != y2:
		return fmt.Sprintf("%d %s %d – %d %s %d", d1, m1, y1, d2, m2, y2)
	case m1 != m2:
		return fmt.Sprintf("%d %s – %d %s", d1, m1, d2, m2)
	}
	return fmt.Sprintf("%d–%d %s", d1, d2, time.Month(m2))
}

// weekAskOf is the week's ask N′ (COACH §6.2): what it asked of the days
// the goal was active, less one for each rest, unwell or away day logged
// (on a weekday schedule, on a scheduled day), never below 0.
func weekAskOf(g Goal, log reviewLog, monday Day) int {
	return askLessSkips(g, log, monday, weekAskActive(g, log, monday))
}

// askLessSkips is weekAskOf from the week's active ask, worked out already.
func askLessSkips(g Goal, log reviewLog, monday Day, ask int) int {
	s := g.ScheduleOn(monday.AddDays(6))
	for d := monday; d.Before(monday.AddDays(7)); d = d.AddDays(1) {
		if o, ok := log.outcome(d); ok && o.Skips() && (len(s.Weekdays) == 0 || s.On(d)) {
			ask--
		}
	}
	return max(0, ask)
}

// weekAskShown is the ask the W1 line shows: N′, but where rest days
// logged after the week's sessions took it below them, the sessions done.
// A session is due only while the sessions are fewer than the ask (§6.2),
// so each was asked for when it was done; "2/1 sessions" would read as a
// sum gone wrong. Sessions beyond what the week asked before its rests
// still show as more than the ask ("4/3").
func weekAskShown(g Goal, log reviewLog, monday Day, sessions int) int {
	asked := max(0, weekAskActive(g, log, monday))
	return max(weekAskOf(g, log, monday), min(sessions, asked))
}

// strengthStart is where habit strength is scored from for a day: the
// first check-in, or strengthDays before.
func strengthStart(log reviewLog, day Day) Day {
	start := log.days[0].Day
	if limit := day.AddDays(-strengthDays); start.Before(limit) {
		start = limit
	}
	return start
}

// weekChange is the week's level change and its reason, in a few words:
// "Up to 18 min after 4 sessions at 15 min." It compares where the goal
// stands now, which is where the week left it (the line shows only before
// the new week's first check-in), with the last step of the week's
// sessions that was another one: the step it moved on from.
func weekChange(g Goal, p Plan, log reviewLog, monday, sunday Day) string {
	week := log.daysIn(monday, sunday)
	var from *Goal
	n := 0
	for _, c := range week {
		if !c.Outcome.ShowedUp() {
			continue
		}
		step := Goal{Level: c.Level, Variant: c.Variant, Bridge: c.Bridge}
		if step.Level == g.Level && step.Bridge == g.Bridge {
			continue
		}
		if from == nil || from.Level != step.Level || from.Bridge != step.Bridge {
			n = 0
		}
		from = &step
		if c.Ratio() >= Complete {
			n++
		}
	}
	switch {
	case from == nil:
		return ""
	case g.Level > from.Level || (g.Level == from.Level && from.Bridge):
		return fmt.Sprintf("Up to %s after %s at %s.", stepLabel(g, p), countWords(n, "session"), stepLabel(*from, p))
	case g.Level < from.Level || g.Bridge:
		return fmt.Sprintf("Back to %s for now: stepping back to step forward is part of the plan.", stepLabel(g, p))
	}
	return ""
}

// bestLift is the week's largest mood lift (after − before), 0 if none.
func bestLift(log reviewLog, monday, sunday Day) int {
	m := moodOf(log.daysIn(monday, sunday))
	if m.LiftDays == 0 {
		return 0
	}
	return m.BestLift
}
