package tui

import (
	"tend/coach"
)

// weeklyLines are the weekly reviews (COACH W1) to show in a new week: each
// goal's until its first check-in of the week (coach.WeeklyReview decides).
func weeklyLines(snap coach.Snapshot, day coach.Day) []string {
	var out []string
	for _, g := range snap.Goals {
		if line, ok := weeklyLine(g, snap.CheckIns[g.ID], day); ok {
			out = append(out, line)
		}
	}
	return out
}

// weeklyLine is goal g's weekly review under its name, if it has one today.
func weeklyLine(g coach.Goal, recent []coach.CheckIn, day coach.Day) (string, bool) {
	p, err := g.Plan()
	if err != nil {
		return "", false
	}
	line, ok := coach.WeeklyReview(g, p, recent, day)
	return g.Name + " · " + line, ok
}
