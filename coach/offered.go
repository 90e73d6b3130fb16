package coach

import "fmt"

// Offered is the session a goal's current step asks for: a one-session ease
// after pain (P1), an in-between step, or the level's session.
func Offered(g Goal, p Plan) Session {
	switch {
	case g.Eased && g.Variant > 1:
		return p.Session(g.Level, g.Variant-1)
	case g.Eased:
		return p.Session(max(1, g.Level-1), 1)
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

// OfferedStep is the level and session the offered session belongs to, which
// a check-in records: an eased session counts at the level it came from.
func OfferedStep(g Goal) (level, variant int) {
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

// GapEase is R2 applied to a day: after a long gap since the last session
// the goal restarts its level (G0) or steps down one (G1) or two (G2)
// levels. Today shows it before any check-in; the next check-in writes it.
type GapEase struct {
	Goal    Goal
	Action  Action
	Code    string
	Message string
}

// gapEase returns the eased goal when the gap before day asks for one.
func gapEase(g Goal, p Plan, hist []CheckIn, day Day) (GapEase, bool) {
	// Counted from the last session, or from the goal's creation where that
	// is later: back-filled days before it never start a goal eased.
	last, sessions := g.Created, 0
	for _, c := range hist {
		if c.Day.Before(day) && c.Outcome.ShowedUp() {
			sessions++
			if c.Day.After(last) {
				last = c.Day
			}
		}
	}
	gap := day.DaysSince(last)
	e := GapEase{Goal: g}
	e.Goal.Bridge, e.Goal.BridgeTarget, e.Goal.Eased, e.Goal.Variant, e.Goal.LevelFrom = false, 0, false, 1, day
	switch {
	case gap >= Back2GapDays:
		e.Goal.Level, e.Action, e.Code = max(1, g.Level-2), ActEaseGap, "G2"
	case gap >= Back1GapDays:
		e.Goal.Level, e.Action, e.Code = max(1, g.Level-1), ActEaseGap, "G1"
	case gap >= RepeatGapDays(g.ScheduleOn(day).Sessions()):
		e.Goal.Bridge, e.Goal.BridgeTarget = g.Bridge, g.BridgeTarget
		e.Action, e.Code = ActRestart, "G0"
		e.Message = fmt.Sprintf("Welcome back. Starting %s from its first session — a week away is normal.", StepLabel(e.Goal, p))
		return e, true
	default:
		return GapEase{}, false
	}
	e.Message = fmt.Sprintf("Welcome back after %d days. We'll start at %s so your body can catch up; your %d sessions still count.",
		gap, StepLabel(e.Goal, p), sessions)
	if sessions == 0 {
		e.Message = fmt.Sprintf("Welcome back after %d days. We'll start at %s, nice and gentle.", gap, StepLabel(e.Goal, p))
	}
	return e, true
}
