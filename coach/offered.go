package coach

import (
	"fmt"
	"math"
)

// Offered is the session a goal's current step asks for: a one-session ease
// after pain (P1), an in-between step, or the level's session.
func Offered(g Goal, p Plan) Session {
	switch {
	case g.Eased && g.Variant > 1:
		return p.Session(g.Level, g.Variant-1)
	case g.Eased:
		return p.Session(max(1, g.Level-1), 1)
	case g.Alternative:
		if alt, ok := p.Alternatives[[2]int{g.Level, g.Variant}]; ok {
			return alt
		}
	case g.Bridge && g.BridgeTarget > 0:
		return scaled(p.Session(g.Level, g.Variant), g.BridgeTarget, p)
	case g.Bridge:
		if alt, ok := p.Alternatives[[2]int{g.Level, g.Variant}]; ok {
			return alt
		}
		if b, ok := p.Bridges[g.Level]; ok {
			return b
		}
	}
	return p.Session(g.Level, g.Variant)
}

// offeredStep is the level and session the offered session belongs to, which
// a check-in records: an eased session counts at the level it came from.
func offeredStep(g Goal) (level, variant int) {
	switch {
	case g.Eased && g.Variant > 1:
		return g.Level, g.Variant - 1
	case g.Eased:
		return max(1, g.Level-1), 1
	}
	return g.Level, g.Variant
}

// scaled shrinks a session to a smaller target: a plain amount directly, a
// run/walk session by shortening its runs.
func scaled(s Session, target float64, p Plan) Session {
	if !hasRun(s) {
		out := Session{WarmupS: s.WarmupS, CooldownS: s.CooldownS, Target: target}
		if p.Unit == Minutes && len(s.Rounds) == 1 && len(s.Rounds[0].Blocks) == 1 {
			b := s.Rounds[0].Blocks[0]
			b.Secs = int(target * 60)
			out.Rounds = []Round{{Times: 1, Blocks: []Block{b}}}
		}
		return out
	}
	factor := target / s.Target
	out := s
	out.Rounds = make([]Round, len(s.Rounds))
	for i, r := range s.Rounds {
		r.Blocks = append([]Block(nil), r.Blocks...)
		for k, b := range r.Blocks {
			if b.Kind == Run {
				// Whole half-minutes, so the words stay easy to follow.
				r.Blocks[k].Secs = max(30, int(float64(b.Secs)*factor/30)*30)
			}
		}
		out.Rounds[i] = r
	}
	out.Target = runMinutes(out)
	return out
}

// bridgeFor returns g on the in-between step for its current level and
// session: the plan's alternative for a session (on the same step, no
// bridge), the plan's bridge before the level, or for a plan of plain
// amounts the midpoint of the previous and current targets. Strength, reps
// ladders and the first rung have none.
func bridgeFor(g Goal, p Plan) (Goal, bool) {
	next := g
	if _, ok := p.Alternatives[[2]int{g.Level, g.Variant}]; ok {
		next.Alternative = true
		return next, true
	}
	next.Bridge, next.BridgeTarget = true, 0
	if _, ok := p.Bridges[g.Level]; ok {
		next.Variant = 1
		return next, true
	}
	if !scalar(p) || p.Unit == Reps || g.Level <= 1 {
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

// isAlternative reports whether g is on a plan's alternative session, as
// records before the Alternative field kept it: a bridge on that session.
func isAlternative(g Goal, p Plan) bool {
	_, ok := p.Alternatives[[2]int{g.Level, g.Variant}]
	return g.Bridge && g.BridgeTarget == 0 && ok
}

// stepLabel names the step a goal is on, for a sentence: "15 min",
// "week 5, run 2", "the in-between step before week 4".
func stepLabel(g Goal, p Plan) string {
	l := p.Level(g.Level)
	switch {
	case g.Alternative:
		return fmt.Sprintf("%s, run %d: %s", l.Label, g.Variant, runsWords(Offered(g, p)))
	case g.Bridge && g.BridgeTarget > 0 && scalar(p):
		return Amount(g.BridgeTarget, p.Unit)
	case g.Bridge:
		return "the in-between step before " + l.Label
	case len(l.Variants) > 1:
		return fmt.Sprintf("%s, run %d", l.Label, g.Variant)
	}
	return l.Label
}
