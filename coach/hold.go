package coach

import "strings"

// R6, the hold: the level stays and the reason names what is missing. The
// decision and Today's projection both read it from here, so that what
// Today says the morning after never contradicts what the check-in said
// ("3/3 sessions done… moves on after 3" after a hard third one).

// holdReason is R6's reason for goal g, which stays on its step: H3 in a
// pain week, H2 when the last attempt felt hard, otherwise H1 with what is
// done towards K. a are the attempts at the step, all every check-in read,
// day the day judged; when is "today" on Today and "next time" after a
// check-in.
func holdReason(g Goal, p Plan, a, all []CheckIn, day Day, when string) (Code, Said) {
	step := stepLabel(g, p)
	switch {
	case painWithin(all, day):
		return CodeH3, sayH3
	case len(a) > 0 && a[len(a)-1].Effort == EffortHard:
		return CodeH2, sayH2(p, step)
	}
	k := p.AdvanceAfter
	if done := credited(p, a, day); done < k {
		return CodeH1, sayH1(when, step, done, k)
	}
	// Enough sessions, but the last one was not complete: the next complete
	// one moves the plan on.
	return CodeH1, sayH1Next(when, step, k)
}

// graduatedReason is what Today says of a goal that finished its plan: the
// A2 sentence until a session follows it, then H4; where the plan leads on
// and the person has not said "keep it", the question stays at the end.
func graduatedReason(g Goal, p Plan, target string, attempted bool) string {
	if g.ReasonCode == CodeA2 && !attempted {
		return g.Reason
	}
	msg := msgH4(target, planName(p))
	if next, ok := NextPlan(p); ok && g.ReasonCode == CodeA2 {
		msg += " " + graduationQuestion(*next)
	}
	return msg
}

// KeepIt is the answer "keep it" to the graduation question: nothing about
// the goal's plan changes, and the question is not asked again.
func (g Goal) KeepIt() Goal {
	if !g.Graduated {
		return g
	}
	p, err := g.Plan()
	if err != nil {
		return g
	}
	said := sayH4(lowerFirst(SessionWords(p, Offered(g, p))), planName(p))
	g.Reason, g.ReasonCode, g.Said = said.String(), CodeH4, []Said{said}
	return g
}

// AsksWhatsNext reports whether the graduation question waits for an
// answer on this goal: "Keep it, or start Walk to run?".
func (g Goal) AsksWhatsNext() bool {
	p, err := g.Plan()
	if err != nil || !g.Graduated || g.ReasonCode != CodeA2 {
		return false
	}
	_, ok := NextPlan(p)
	return ok
}

// ReviewMessage is a decision's message as a review shows it now: A2's
// closing question ("Keep it, or start Walk to run?") goes once the goal no
// longer asks it, since the question has been answered (COACH §6.3).
func (g Goal) ReviewMessage(d Decision) string {
	if d.ReasonCode != CodeA2 || g.AsksWhatsNext() {
		return d.Message
	}
	p, err := g.Plan()
	if err != nil {
		return d.Message
	}
	if next, ok := NextPlan(p); ok {
		return strings.TrimSuffix(d.Message, " "+graduationQuestion(*next))
	}
	return d.Message
}
