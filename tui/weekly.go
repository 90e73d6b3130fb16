package tui

import (
	"tend/coach"
)

// WeeklyLines are the weekly reviews (COACH W1) to show at the first visit
// of a new week: before the week's first check-in.
func WeeklyLines(snap coach.Snapshot, day coach.Day) []string {
	if !coach.FirstVisitOfWeek(snap, day) {
		return nil
	}
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
