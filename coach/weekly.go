package coach

import "fmt"

// WeeklyReview is the W1 line (COACH §6.6) about the ISO week before
// today's: sessions against the schedule, active minutes against 150, and
// habit strength with its band. It is shown at the first visit of a new
// week, and says nothing for a goal that did not exist then.
func WeeklyReview(g Goal, p Plan, hist []CheckIn, today Day) (string, bool) {
	monday := today.Monday().AddDays(-7)
	if g.Created.After(monday.AddDays(6)) || g.Status() != Active {
		return "", false
	}
	sessions, ask, active := weekSummary(g, p, hist, today)
	_, week := monday.ISOWeek()
	if sessions == 0 {
		// No tally of zeros: say what happens next.
		return fmt.Sprintf("Week %d was a quiet one, and that happens. This week starts fresh.", week), true
	}
	strength := ReviewOf(g, p, hist, monday.AddDays(6)).Strength
	line := fmt.Sprintf("Week %d: %d/%d sessions", week, sessions, ask)
	if p.Unit == Minutes && p.Domain != DomainMind {
		line += fmt.Sprintf(", %.0f active minutes (%d%% of %d)", active,
			int(100*active/ActiveMinutesPerWeek+0.5), ActiveMinutesPerWeek)
	}
	if pct := StrengthPercent(strength); pct > 0 {
		line += fmt.Sprintf(", habit strength %d%% (%s)", pct, strengthBand(strength))
	}
	line += "."
	if g.IfThen != "" {
		line += " Your plan for a hard day: " + lowerFirst(g.IfThen)
	}
	return line, true
}

// FirstVisitOfWeek reports whether no goal has a check-in yet this ISO week:
// the weekly review shows until the week's first check-in.
func FirstVisitOfWeek(s Snapshot, today Day) bool {
	monday := today.Monday()
	for _, cs := range s.CheckIns {
		for _, c := range cs {
			if !c.Day.Before(monday) && !c.Day.After(today) {
				return false
			}
		}
	}
	return true
}
