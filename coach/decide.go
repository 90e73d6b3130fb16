package coach

// decide applies the rules of COACH §6.3 to one check-in: step 1 (R0–R6,
// first match wins) sets the level, step 2 (the ping-pong guard and the
// spike guard R7) looks at the session that follows, and the notes P0, Z4
// and the words after missed sessions are added last. hist holds the goal's
// check-ins before in.Day, in day order, within the recent window; g is the
// goal as it stood before that day. It returns the goal's new state and the
// decision, with its reason.
func decide(g Goal, p Plan, hist []CheckIn, in CheckIn) (Goal, Decision) {
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
	j.dec.Said, j.dec.Message = j.msgs, Say(j.msgs)
	if j.dec.Action != ActNone && j.dec.Action != ActHold {
		j.out.Reason, j.out.ReasonCode, j.out.Said = j.dec.Message, j.dec.ReasonCode, j.msgs
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
	msgs []Said
	// whole is all()'s slice, made once: several rules read it, and a
	// replayed history (an import) decides hundreds of thousands of days.
	whole []CheckIn
}

// set records the rule that set the next session: its action and code win,
// and its sentence follows any earlier one.
func (j *judgement) set(a Action, code Code, msg Said) {
	j.dec.Action, j.dec.ReasonCode = a, code
	j.msgs = append(j.msgs, msg)
}

// note adds a sentence that sets nothing: P0, Z4, the words after a miss.
func (j *judgement) note(msg Said) { j.msgs = append(j.msgs, msg) }

// all is the history with the day's check-in last. Callers only read it.
// When the caller's slice already holds the check-in just past hist (an
// import's replay does), that is used as it is rather than copied.
func (j *judgement) all() []CheckIn {
	if j.whole != nil {
		return j.whole
	}
	if n := len(j.hist); cap(j.hist) > n && j.hist[:n+1][n] == j.in {
		j.whole = j.hist[:n+1]
	} else {
		j.whole = append(append(make([]CheckIn, 0, len(j.hist)+1), j.hist...), j.in)
	}
	return j.whole
}

// restDay is R1: rest, unwell and away never move anything.
func (j *judgement) restDay() bool {
	if !j.in.Outcome.Skips() {
		return false
	}
	j.out.Eased = j.g.Eased
	code, msg := sayRest(j.in.Outcome)
	j.set(ActNone, code, msg)
	return true
}

// gap is R2: after a long gap the goal restarts its level or steps down.
func (j *judgement) gap() bool {
	eased, ok := gapEase(j.g, j.p, j.hist, j.in.Day)
	if !ok {
		return false
	}
	j.out = eased.goal
	j.set(eased.action, eased.code, eased.said)
	return true
}

// judge runs R3–R6 on a session. After graduation only R6 is left: the goal
// keeps its top rung and every session keeps it going (H4).
func (j *judgement) judge() {
	if j.g.Graduated {
		j.set(ActHold, CodeH4, sayH4(j.targetWords(j.out), planName(j.p)))
		return
	}
	if j.in.Outcome == Minimum {
		said := sayMinimumCounts(j.targetWords(j.out))
		if prev, ok := previousOffer(j.g, j.p); ok && j.in.Target == prev.Target && j.in.Target != j.p.Minimum.Target {
			// The previous level's target M2 offered: a lighter session,
			// not the minimum version, so its own words.
			said = sayEasedCounts(j.targetWords(j.out))
		}
		j.set(ActHold, CodeH1, said)
		return
	}
	a := attempts(j.g, j.all())
	if len(a) == 0 || a[len(a)-1].Day != j.in.Day {
		// An eased session (P1) is judged at the level it came from, so it
		// is no attempt at this one: it counts, and the plan goes on.
		j.set(ActHold, CodeH1, sayEasedCounts(j.targetWords(j.out)))
		return
	}
	switch {
	case len(a) >= 2 && j.struggled(a[len(a)-1]) && j.struggled(a[len(a)-2]) && j.stepBack():
	case j.ready(a) && j.advance(credited(j.p, a, j.in.Day)):
	case j.ready(a) && j.nextVariant():
	case len(a) >= holdLimit(j.p.AdvanceAfter) && j.bridge():
	default:
		code, msg := holdReason(j.out, j.p, a, j.all(), j.in.Day, "next time")
		j.set(ActHold, code, msg)
	}
}

func (j *judgement) struggled(c CheckIn) bool {
	r := c.Ratio()
	return r < partialShare || (j.p.EffortStepsBack && r < Complete && c.Effort == EffortHard)
}

// ready is R4's test on the attempts: enough completed sessions, the last one
// completed without feeling hard, and no pain in the last week.
func (j *judgement) ready(a []CheckIn) bool {
	last := a[len(a)-1]
	if last.Ratio() < Complete || last.Effort == EffortHard || painWithin(j.all(), j.in.Day) {
		return false
	}
	variants := len(j.p.Level(j.g.Level).Variants)
	// On a level with several sessions, the count is met by finishing them
	// in order, so only the last one can move the level.
	return credited(j.p, a, j.in.Day) >= j.p.AdvanceAfter || (variants > 1 && j.g.Variant < variants)
}

// credited is how many of the attempts count towards R4's K: the completed
// ones (within the plan's window, if it has one); for strength and custom
// reps ladders the run of completed sessions, none hard, that ends with the
// last attempt.
func credited(p Plan, a []CheckIn, day Day) int {
	if p.Unit == Reps {
		n := 0
		for i := len(a) - 1; i >= 0 && a[i].Ratio() >= Complete && a[i].Effort != EffortHard; i-- {
			n++
		}
		return n
	}
	n := 0
	for _, c := range a {
		if c.Ratio() >= Complete && (p.AdvanceWindowDays == 0 || day.DaysSince(c.Day) < p.AdvanceWindowDays) {
			n++
		}
	}
	return n
}

// advance moves to the next level (A1), or past the last one graduates (A2);
// n is the completed sessions that earned it, which A1 names.
// It declines on a level whose later sessions are still to come.
func (j *judgement) advance(n int) bool {
	g, p := j.g, j.p
	if !g.Bridge && g.Variant < len(p.Level(g.Level).Variants) {
		return false
	}
	old := stepLabel(g, p)
	if len(p.Level(g.Level).Variants) > 1 && !g.Bridge {
		old = p.Level(g.Level).Label // the sessions counted were the level's, all of them
	}
	next := g
	switch {
	case g.Bridge && !isAlternative(g, p): // an alternative kept as a bridge by an older tend goes on like one
		next.Bridge, next.BridgeTarget, next.Variant = false, 0, 1 // the bridge leads into its own level
	case g.Level >= len(p.Levels):
		j.out.Bridge, j.out.BridgeTarget, j.out.Alternative, j.out.Graduated = false, 0, false, true
		j.out.LevelFrom = j.in.Day // the top rung kept is a step of its own
		next, _ := NextPlan(p)
		j.set(ActGraduate, CodeA2, sayA2(planName(p), j.sessionsTotal(), next))
		return true
	default:
		next.Level, next.Variant, next.Bridge, next.BridgeTarget = g.Level+1, 1, false, 0
	}
	next.Alternative = false
	next.LevelFrom = j.in.Day
	j.out = next.withMeta(j.out)
	j.set(ActAdvance, CodeA1, sayA1(stepLabel(next, p), old, n, j.in.Effort, Offered(next, p).WarmupS > 0))
	return true
}

// withMeta keeps o's status and history on the step of g.
func (g Goal) withMeta(o Goal) Goal {
	o.Level, o.Variant, o.Bridge, o.BridgeTarget, o.LevelFrom = g.Level, g.Variant, g.Bridge, g.BridgeTarget, g.LevelFrom
	o.Alternative = g.Alternative
	return o
}

// nextVariant moves through a level's sessions in order (Couch to 5K weeks 5
// and 6): finishing one well leads to the next.
func (j *judgement) nextVariant() bool {
	g := j.g
	if g.Bridge || g.Variant >= len(j.p.Level(g.Level).Variants) {
		return false
	}
	j.out.Variant, j.out.Alternative = g.Variant+1, false
	j.set(ActHold, CodeH1, sayNextVariant(j.targetWords(j.out), j.out.Variant, len(j.p.Level(g.Level).Variants)))
	return true
}

// stepBack is R3: two tough sessions in a row step back one level, or one
// session on a level with several, and declines on the first rung.
func (j *judgement) stepBack() bool {
	g := j.g
	next := g
	next.Alternative = false
	switch {
	case g.Alternative || isAlternative(g, j.p):
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
	j.set(ActStepBack, CodeB1, sayB1(j.targetWords(j.out)))
	return true
}

// bridge is R5: after many attempts without moving on, an in-between step.
// A session's alternative takes that session's place on the same step, so
// the attempts so far still count (COACH §6.3 R5, clarified).
func (j *judgement) bridge() bool {
	if j.g.Bridge || j.g.Alternative {
		return false
	}
	next, ok := bridgeFor(j.g, j.p)
	if !ok {
		return false
	}
	if !next.Alternative {
		next.LevelFrom = j.in.Day
	}
	j.out = next.withMeta(j.out)
	j.set(ActBridge, CodeB2, sayB2(j.targetWords(j.out)))
	return true
}

func (j *judgement) targetWords(g Goal) string {
	return lowerFirst(SessionWords(j.p, Offered(g, j.p)))
}

func (j *judgement) sessionsTotal() int {
	n := 0
	for _, c := range j.all() {
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
	// Counted, then copied into one array of their number: a goal long on
	// one level has hundreds, and Today asks this for every goal.
	n := 0
	for i := range hist {
		if isAttempt(&g, &hist[i]) {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	a := make([]CheckIn, 0, n)
	for i := range hist {
		if isAttempt(&g, &hist[i]) {
			a = append(a, hist[i])
		}
	}
	return a
}

// isAttempt reports whether c is a done or partial session at g's level and
// step since the level began.
func isAttempt(g *Goal, c *CheckIn) bool {
	return (g.LevelFrom.IsZero() || c.Day.After(g.LevelFrom)) && c.Level == g.Level && c.Bridge == g.Bridge &&
		(c.Outcome == Done || c.Outcome == Partial)
}

func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}
