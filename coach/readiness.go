package coach

// NeedsClearance reports whether a plan is refused after a readiness "yes"
// until the person says a doctor has cleared them: Walk to run and Strength
// (COACH §6.5). The other exercise plans are the gentler ones offered.
func (p Plan) NeedsClearance() bool { return p.ID == WalkToRunID || p.ID == StrengthID }

// AskChecked is the question that resumes a goal from a safety hold
// (COACH R0): yes resumes it, no keeps the hold (S2).
const AskChecked = "Have you been checked by a doctor or nurse?"

// MsgS2 answers a "no" to AskChecked: the hold stays (COACH §6.6), and the
// care note follows it.
const MsgS2 = "That's fine. It stays on hold until a doctor or nurse has checked you."

// HeldByWarning returns the goals that a warning sign on goal warned holds
// at once (COACH R0): a warning is about the person, so every other
// exercise goal not archived and not already held goes into safety hold
// from day, status only (no check-in or decision of its own). Mindful
// minutes and custom ladders counted in times carry on.
func HeldByWarning(goals []Goal, warned uint64, day Day) []Goal {
	var out []Goal
	for _, g := range goals {
		if g.ID == warned || g.Status() == Archived || g.Status() == SafetyHold {
			continue
		}
		if p, err := g.Plan(); err != nil || !p.Exercise() {
			continue
		}
		out = append(out, g.SetStatus(SafetyHold, day))
	}
	return out
}

// LiftHold undoes a safety hold set on or after since: the goal returns to
// the status it had before. It reports false, and changes nothing, when
// the goal is not in a hold that began then.
func (g Goal) LiftHold(since Day) (Goal, bool) {
	n := len(g.Statuses)
	if g.Status() != SafetyHold || n == 0 || g.Statuses[n-1].From.Before(since) {
		return g, false
	}
	g.Statuses = append([]StatusChange(nil), g.Statuses[:n-1]...)
	return g, true
}

// Restore brings an archived goal back with the status it had before it
// was archived: archiving never lifts a safety hold (COACH R0), and a
// paused goal comes back paused. A goal not archived is returned as it is.
func (g Goal) Restore(day Day) Goal {
	n := len(g.Statuses)
	if g.Status() != Archived {
		return g
	}
	before := Active
	if n >= 2 {
		before = g.Statuses[n-2].Status
	}
	return g.SetStatus(before, day)
}
