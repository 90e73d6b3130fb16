package coach

import (
	"fmt"
	"strings"
)

// Decide applies the rules of COACH §6.3 to one check-in: step 1 (R0–R6,
// first match wins) sets the level, step 2 (the ping-pong guard and the
// spike guard R7) looks at the session that follows, and the notes P0 and
// Z4 are added last. hist holds the goal's check-ins before in.Day, in day
// order, within the recent window; g is the goal as it stood before that
// day. It returns the goal's new state and the decision, with its reason.
func Decide(g Goal, p Plan, hist []CheckIn, in CheckIn) (Goal, Decision) {
	j := judgement{g: g, p: p, hist: hist, in: in, out: g}
	j.out.Eased = false // any check-in but a rest day uses up a one-session ease
	j.dec = Decision{Day: in.Day, Before: g.Step(), From: g.Level}
	if !j.safety() && !j.restDay() && !j.gap() {
		j.judge()
	}
	if j.out.Status() == Active && !in.Outcome.Skips() {
		j.pingPong()
		j.spike()
		j.notes()
	}
	j.dec.To = j.out.Level
	j.dec.NextTarget = Offered(j.out, p).Target
	j.dec.Message = strings.Join(j.msgs, " ")
	if j.dec.Action != ActNone && j.dec.Action != ActHold {
		j.out.Reason, j.out.ReasonCode = j.dec.Message, j.dec.ReasonCode
	}
	return j.out, j.dec
}

// judgement carries one decision while the rules run.
type judgement struct {
	g    Goal
	p    Plan
	hist []CheckIn
	in   CheckIn
	out  Goal
	dec  Decision
	msgs []string
}

// set records the rule that set the next session: its action and code win,
// and its sentence follows any earlier one.
func (j *judgement) set(a Action, code, msg string) {
	j.dec.Action, j.dec.ReasonCode = a, code
	j.msgs = append(j.msgs, msg)
}

// safety is R0: a warning sign holds the goal, pain twice pauses it, pain
// once eases the next session.
func (j *judgement) safety() bool {
	day := j.in.Day
	switch {
	case j.in.Pain == PainWarning:
		j.out = j.out.SetStatus(SafetyHold, day)
		j.set(ActSafetyHold, "S1", MsgS1)
	case j.in.Pain >= PainPain && j.recentPains() >= 2:
		j.out = j.out.SetStatus(Paused, day)
		j.set(ActPause, "P2", MsgP2)
	case j.in.Pain == PainPain && j.in.Outcome.ShowedUp():
		j.out.Eased = true
		j.set(ActEasePain, "P1", fmt.Sprintf(
			"Thanks for flagging pain. Next session is lighter (%s). Stop if it hurts; if it persists, a GP or physio can help.",
			SessionWords(j.p, Offered(j.out, j.p))))
	default:
		return false
	}
	return true
}

// recentPains counts pain in the last three check-ins that were attempts or
// minimums, this one included.
func (j *judgement) recentPains() int {
	all := append(append([]CheckIn(nil), j.hist...), j.in)
	n, seen := 0, 0
	for i := len(all) - 1; i >= 0 && seen < 3; i-- {
		if !all[i].Outcome.ShowedUp() {
			continue
		}
		seen++
		if all[i].Pain >= PainPain {
			n++
		}
	}
	return n
}

// restDay is R1: rest, unwell and away never move anything.
func (j *judgement) restDay() bool {
	if !j.in.Outcome.Skips() {
		return false
	}
	j.out.Eased = j.g.Eased
	j.set(ActNone, map[Outcome]string{Rest: "Z1", Unwell: "Z2", Away: "Z3"}[j.in.Outcome], restMessage(j.in.Outcome))
	return true
}

// gap is R2: after a long gap the goal restarts its level or steps down.
func (j *judgement) gap() bool {
	eased, ok := gapEase(j.g, j.p, j.hist, j.in.Day)
	if !ok {
		return false
	}
	j.out = eased.Goal
	j.set(eased.Action, eased.Code, eased.Message)
	return true
}

// judge runs R3–R6 on a session.
func (j *judgement) judge() {
	if j.in.Outcome == Minimum {
		j.set(ActHold, "H1", fmt.Sprintf("The minimum counts: you showed up. Next time is still %s.", j.targetWords(j.out)))
		return
	}
	a := attempts(j.g, append(append([]CheckIn(nil), j.hist...), j.in))
	if len(a) == 0 || a[len(a)-1].Day != j.in.Day {
		// An eased session (P1) is judged at the level it came from, so it
		// is no attempt at this one: it counts, and the plan goes on.
		j.set(ActHold, "H1", fmt.Sprintf("The lighter session counts. Next time is %s again.", j.targetWords(j.out)))
		return
	}
	switch {
	case len(a) >= 2 && j.struggled(a[len(a)-1]) && j.struggled(a[len(a)-2]) && j.stepBack():
	case j.ready(a) && j.advance(len(a)):
	case j.ready(a) && j.nextVariant():
	case len(a) >= HoldLimit(j.p.AdvanceAfter) && j.bridge():
	default:
		j.hold(a)
	}
}

func (j *judgement) struggled(c CheckIn) bool {
	r := c.Ratio()
	return r < PartialShare || (j.p.EffortStepsBack && r < Complete && c.Effort == EffortHard)
}

// ready is R4's test on the attempts: enough completed sessions, the last one
// completed without feeling hard, and no pain in the last week.
func (j *judgement) ready(a []CheckIn) bool {
	last := a[len(a)-1]
	if last.Ratio() < Complete || last.Effort == EffortHard || j.painWeek() {
		return false
	}
	k := j.p.AdvanceAfter
	if j.p.Domain == DomainStrength {
		if len(a) < k {
			return false
		}
		for _, c := range a[len(a)-k:] {
			if c.Ratio() < Complete || c.Effort == EffortHard {
				return false
			}
		}
		return true
	}
	n := 0
	for _, c := range a {
		inWindow := j.p.AdvanceWindowDays == 0 || j.in.Day.DaysSince(c.Day) < j.p.AdvanceWindowDays
		if c.Ratio() >= Complete && inWindow {
			n++
		}
	}
	variants := len(j.p.Level(j.g.Level).Variants)
	// On a level with several sessions, the count is met by finishing them
	// in order, so only the last one can move the level.
	return n >= k || (variants > 1 && j.g.Variant < variants)
}

func (j *judgement) painWeek() bool {
	for _, c := range append(append([]CheckIn(nil), j.hist...), j.in) {
		if c.Pain >= PainPain && j.in.Day.DaysSince(c.Day) < PainWindowDays {
			return true
		}
	}
	return false
}

// advance moves to the next level (A1), or past the last one graduates (A2).
// It declines on a level whose later sessions are still to come.
func (j *judgement) advance(n int) bool {
	g, p := j.g, j.p
	if !g.Bridge && g.Variant < len(p.Level(g.Level).Variants) {
		return false
	}
	old := j.stepLabel(g)
	next := g
	switch {
	case g.Bridge && !j.isAlternative(g):
		next.Bridge, next.BridgeTarget, next.Variant = false, 0, 1 // the bridge leads into its own level
	case g.Level >= len(p.Levels) && g.ReasonCode == "A2":
		// Graduated already: the top rung is kept, not finished again.
		j.set(ActHold, "H1", fmt.Sprintf("You're at the top of %s: %s keeps it. That's the habit, kept.",
			p.Name, j.targetWords(g)))
		return true
	case g.Level >= len(p.Levels):
		j.out.Bridge, j.out.BridgeTarget = false, 0
		j.set(ActGraduate, "A2", fmt.Sprintf("You finished %s. %d sessions. That took showing up — well done. Keep it, or pick what's next?",
			p.Name, j.sessionsTotal()))
		return true
	default:
		next.Level, next.Variant, next.Bridge, next.BridgeTarget = g.Level+1, 1, false, 0
	}
	next.LevelFrom = j.in.Day
	j.out = next.withMeta(j.out)
	msg := fmt.Sprintf("Level up: %s. You completed %d sessions at %s and the last felt %s.",
		j.stepLabel(next), n, old, j.in.Effort)
	if Offered(next, p).WarmupS > 0 {
		msg += " Same easy start as before."
	}
	j.set(ActAdvance, "A1", msg)
	return true
}

// withMeta keeps o's status and history on the step of g.
func (g Goal) withMeta(o Goal) Goal {
	o.Level, o.Variant, o.Bridge, o.BridgeTarget, o.LevelFrom = g.Level, g.Variant, g.Bridge, g.BridgeTarget, g.LevelFrom
	return o
}

// nextVariant moves through a level's sessions in order (Couch to 5K weeks 5
// and 6): finishing one well leads to the next.
func (j *judgement) nextVariant() bool {
	g := j.g
	if g.Bridge || g.Variant >= len(j.p.Level(g.Level).Variants) {
		return false
	}
	j.out.Variant = g.Variant + 1
	j.set(ActHold, "H1", fmt.Sprintf("Nicely done. Next: %s (session %d of %d this week of the plan).",
		j.targetWords(j.out), j.out.Variant, len(j.p.Level(g.Level).Variants)))
	return true
}

// stepBack is R3: two tough sessions in a row step back one level, or one
// session on a level with several, and declines on the first rung.
func (j *judgement) stepBack() bool {
	g := j.g
	next := g
	switch {
	case g.Bridge && j.isAlternative(g):
		next.Bridge, next.BridgeTarget = false, 0
		next.Variant = max(1, g.Variant-1)
	case g.Bridge:
		next.Bridge, next.BridgeTarget, next.Level, next.Variant = false, 0, max(1, g.Level-1), 1
	case g.Variant > 1:
		next.Variant = g.Variant - 1
	case g.Level > 1:
		next.Level, next.Variant = g.Level-1, 1
	default:
		return false
	}
	if next.Level != g.Level || next.Bridge != g.Bridge {
		// Within a level of several sessions every attempt still counts.
		next.LevelFrom = j.in.Day
	}
	j.out = next.withMeta(j.out)
	if next.Level < g.Level && !containsInt(j.out.SteppedBack, g.Level) {
		j.out.SteppedBack = append(append([]int(nil), j.out.SteppedBack...), g.Level)
	}
	j.set(ActStepBack, "B1", fmt.Sprintf(
		"Two tough ones in a row, so next time is %s. Stepping back to step forward is how graded plans work.",
		j.targetWords(j.out)))
	return true
}
