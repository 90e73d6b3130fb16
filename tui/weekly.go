package tui

import (
	"tend/coach"
)

// weeklyLines are the weekly reviews (COACH W1) to show in a new week: each
// goal's until its first check-in of the week (coach.WeeklyReview decides).
func weeklyLines(snap coach.Snapshot, day coach.Day) []string {
	var out []string
	for _, g := range snap.Goals {
		p, err := g.Plan()
		if err != nil {
			continue
		}
		if line, ok := coach.WeeklyReview(g, p, snap.CheckIns[g.ID], day); ok {
			out = append(out, g.Name+" · "+line)
		}
	}
	return out
}
