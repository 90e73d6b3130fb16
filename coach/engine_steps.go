package coach

import (
	"fmt"
	"math"
	"strings"
)

// bridge is R5: after many attempts without moving on, an in-between step.
func (j *judgement) bridge() bool {
	if j.g.Bridge {
		return false
	}
	next, ok := bridgeFor(j.g, j.p)
	if !ok {
		return false
	}
	next.LevelFrom = j.in.Day
	j.out = next.withMeta(j.out)
	j.set(ActBridge, "B2", fmt.Sprintf("This step looks bigger than it should be, so we've added an in-between step: %s.",
		j.targetWords(j.out)))
	return true
}

// bridgeFor returns g on the in-between step for its current level and
// session: the plan's alternative for a session, the plan's bridge before
// the level, or for a plan of plain amounts the midpoint of the previous
// and current targets. Strength and the first rung have none.
func bridgeFor(g Goal, p Plan) (Goal, bool) {
	next := g
	next.Bridge, next.BridgeTarget = true, 0
	if _, ok := p.Alternatives[[2]int{g.Level, g.Variant}]; ok {
		return next, true
	}
	if _, ok := p.Bridges[g.Level]; ok {
		next.Variant = 1
		return next, true
	}
	if !scalar(p) || g.Level <= 1 {
		return g, false
	}
	prev, cur := p.Session(g.Level-1, 1).Target, p.Session(g.Level, 1).Target
	mid := roundHalfUp((prev+cur)/2, p.Unit)
	if mid <= prev || mid >= cur {
		return g, false
	}
	next.BridgeTarget = mid
	return next, true
}

// scalar reports whether a plan's levels are plain amounts of one thing.
func scalar(p Plan) bool {
	return p.Domain == DomainWalk || p.Domain == DomainYoga || p.Domain == DomainMind || p.Domain == DomainCustom
}

func roundHalfUp(v float64, u Unit) float64 {
	if u.Whole() {
		return math.Floor(v + 0.5)
	}
	return math.Floor(v*10+0.5) / 10
}

// hold is R6: the level stays, and the reason says what is missing.
func (j *judgement) hold(a []CheckIn) {
	last := a[len(a)-1]
	switch {
	case j.painWeek():
		j.set(ActHold, "H3", MsgH3)
	case last.Effort == EffortHard:
		msg := fmt.Sprintf("Let's repeat %s once more — last time felt hard.", j.stepLabel(j.out))
		if j.p.ID == WalkToRunID {
			msg += " NHS Couch to 5K: you can repeat any week until you feel ready."
		} else {
			msg += " Repeating a step is part of the plan."
		}
		j.set(ActHold, "H2", msg)
	default:
		done := 0
		for _, c := range a {
			if c.Ratio() >= Complete {
				done++
			}
		}
		k := j.p.AdvanceAfter
		j.set(ActHold, "H1", fmt.Sprintf("Same target next time (%s). %d/%d sessions done at this level; the plan moves on after %d.",
			j.stepLabel(j.out), min(done, k), k, k))
	}
}

// pingPong sends an advance into a level the person stepped back from
// before through that level's bridge first.
func (j *judgement) pingPong() {
	if j.dec.Action != ActAdvance || j.out.Bridge || !containsInt(j.g.SteppedBack, j.out.Level) {
		return
	}
	next, ok := bridgeFor(j.out, j.p)
	if !ok {
		return
	}
	j.out = next
	j.set(ActBridge, "B2", fmt.Sprintf("This step looks bigger than it should be, so we've added an in-between step: %s.",
		j.targetWords(j.out)))
}

// spike is R7: a run plan's next session may not jump far past the longest
// run of the last month; if it would, the next session is the bridge.
func (j *judgement) spike() {
	p := j.p
	if p.Domain != DomainRun {
		return
	}
	max30 := 0.0
	for _, c := range append(append([]CheckIn(nil), j.hist...), j.in) {
		if c.Outcome.ShowedUp() && hasRun(p.Session(c.Level, c.Variant)) &&
			j.in.Day.DaysSince(c.Day) < SpikeWindowDays {
			max30 = math.Max(max30, c.Achieved)
		}
	}
	if max30 < SpikeFloorMin {
		return
	}
	next := Offered(j.out, p).Target
	limit := math.Max(Spike*max30, max30+SpikeAbsMin)
	if next <= limit {
		return
	}
	n := j.out
	if b, ok := p.Bridges[n.Level]; ok && !n.Bridge && b.Target <= limit {
		n.Bridge, n.Variant, n.BridgeTarget = true, 1, 0
	} else {
		n.Bridge, n.BridgeTarget = true, math.Floor(limit)
	}
	j.out = n
	j.set(ActBridge, "B3", fmt.Sprintf("The next run is a big jump from anything in the last month (%s→%s min), "+
		"so next time is the bridge session. Feeling ready? You can choose the full one.", num(max30), num(next)))
}

// notes adds P0 (soreness is normal) and Z4 (runs back to back) last.
func (j *judgement) notes() {
	if j.in.Pain == PainSore {
		j.msgs = append(j.msgs, MsgP0)
	}
	if j.in.Outcome.ShowedUp() {
		// R8's words after missed sessions, as said to someone who has
		// just come back: Today said the rest before the check-in.
		switch missed := MissedInARow(j.g, j.hist, j.in.Day); {
		case missed >= 3:
			j.msgs = append(j.msgs, "Good to see you back. Whenever you show up, it counts.")
		case missed == 2:
			j.msgs = append(j.msgs, "After a couple of quiet sessions, starting again is the hard part, and you did it.")
		case missed == 1:
			j.msgs = append(j.msgs, "One miss doesn't undo a habit, and this session shows it.")
		}
	}
	if j.p.Domain != DomainRun || j.p.MinRestDays == 0 || !hasRun(Offered(j.g, j.p)) {
		return
	}
	for i := len(j.hist) - 1; i >= 0; i-- {
		c := j.hist[i]
		if c.Outcome.ShowedUp() && hasRun(j.p.Session(c.Level, c.Variant)) {
			if j.in.Day.DaysSince(c.Day)-1 < j.p.MinRestDays {
				j.msgs = append(j.msgs, MsgZ4)
			}
			return
		}
	}
}

func hasRun(s Session) bool { return runMinutes(s) > 0 }

func num(v float64) string { return strings.TrimSuffix(fmt.Sprintf("%.1f", v), ".0") }

// isAlternative reports whether g is on a plan's alternative session.
func (j *judgement) isAlternative(g Goal) bool {
	_, ok := j.p.Alternatives[[2]int{g.Level, g.Variant}]
	return g.Bridge && g.BridgeTarget == 0 && ok
}

// stepLabel names the step a goal is on, for a sentence: "15 min",
// "week 5, run 2", "the in-between step".
func (j *judgement) stepLabel(g Goal) string { return StepLabel(g, j.p) }

// StepLabel names the step a goal is on, for a sentence.
func StepLabel(g Goal, p Plan) string {
	l := p.Level(g.Level)
	switch {
	case g.Bridge && g.BridgeTarget > 0 && scalar(p):
		return Amount(g.BridgeTarget, p.Unit)
	case g.Bridge:
		return "the in-between step before " + l.Label
	case len(l.Variants) > 1:
		return fmt.Sprintf("%s, run %d", l.Label, g.Variant)
	}
	return l.Label
}

func (j *judgement) targetWords(g Goal) string {
	return lowerFirst(SessionWords(j.p, Offered(g, j.p)))
}

func (j *judgement) sessionsTotal() int {
	n := 0
	for _, c := range append(append([]CheckIn(nil), j.hist...), j.in) {
		if c.Outcome.ShowedUp() {
			n++
		}
	}
	return n
}

// attempts are the done and partial check-ins at the goal's current level
// and step since the level began (COACH §6.3 "A"); on a level with several
// sessions, all of them count.
func attempts(g Goal, hist []CheckIn) []CheckIn {
	var a []CheckIn
	for _, c := range hist {
		if (g.LevelFrom.IsZero() || c.Day.After(g.LevelFrom)) && c.Level == g.Level && c.Bridge == g.Bridge &&
			(c.Outcome == Done || c.Outcome == Partial) {
			a = append(a, c)
		}
	}
	return a
}

func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

func lowerFirst(s string) string {
	if s == "" || strings.HasPrefix(s, "Week") {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
