package coach

// gapResult is R2 applied to a day: after a long gap since the last session
// the goal restarts its level (G0) or steps down one (G1) or two (G2)
// levels. Today shows it before any check-in; the next check-in writes it.
type gapResult struct {
	goal   Goal
	action Action
	code   Code
	said   Said
}

// gapEase returns the eased goal when the gap before day asks for one. A
// goal with no session yet keeps its start: it was never away (COACH §6.3
// R2, clarified). A graduated goal keeps its top rung: a long gap restarts
// it (G0) and never steps it down.
func gapEase(g Goal, p Plan, hist []CheckIn, day Day) (gapResult, bool) {
	// Counted from the last session, or from the goal's creation where that
	// is later: back-filled days before it never start a goal eased.
	last, sessions := g.Created, 0
	for i := range hist {
		if c := &hist[i]; c.Day.Before(day) && c.Outcome.ShowedUp() {
			sessions++
			if c.Day.After(last) {
				last = c.Day
			}
		}
	}
	if sessions == 0 {
		return gapResult{}, false
	}
	gap := day.DaysSince(last)
	e := gapResult{goal: g}
	e.goal.Bridge, e.goal.BridgeTarget, e.goal.Eased, e.goal.Variant, e.goal.LevelFrom = false, 0, false, 1, day.AddDays(-1)
	e.goal.Alternative = false
	switch {
	case gap >= back2GapDays && !g.Graduated:
		e.goal.Level, e.action, e.code = max(1, g.Level-2), ActEaseGap, CodeG2
	case gap >= back1GapDays && !g.Graduated:
		e.goal.Level, e.action, e.code = max(1, g.Level-1), ActEaseGap, CodeG1
	case gap >= repeatGapDays(g.ScheduleOn(day).Sessions()):
		e.goal.Bridge, e.goal.BridgeTarget = g.Bridge, g.BridgeTarget
		e.action, e.code = ActRestart, CodeG0
		e.said = sayG0(stepLabel(e.goal, p))
		return e, true
	default:
		return gapResult{}, false
	}
	e.said = sayG12(gap, stepLabel(e.goal, p), sessions)
	return e, true
}
