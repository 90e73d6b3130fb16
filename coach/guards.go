package coach

import "math"

// The guards around the level (COACH §6.3): R0 puts safety before any
// progress, the ping-pong guard and the spike guard R7 look at the session
// a decision leads to, and the notes add what sets nothing.

// safety is R0: a warning sign holds the goal, pain twice pauses it, pain
// once eases the next session.
func (j *judgement) safety() bool {
	day := j.in.Day
	switch {
	case j.in.Pain == PainWarning:
		j.out = j.out.SetStatus(SafetyHold, day)
		j.set(ActSafetyHold, CodeS1, sayS1)
	case j.in.Pain >= PainPain && j.recentPains() >= 2:
		j.out = j.out.SetStatus(Paused, day)
		j.set(ActPause, CodeP2, sayP2)
	case j.in.Pain == PainPain && j.in.Outcome.ShowedUp():
		j.out.Eased = true
		j.set(ActEasePain, CodeP1, sayP1(SessionWords(j.p, Offered(j.out, j.p))))
	default:
		return false
	}
	return true
}

// recentPains counts pain in the last three check-ins that were attempts or
// minimums, this one included.
func (j *judgement) recentPains() int {
	all := j.all()
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

// painWithin reports a check-in with pain on day or the six days before it
// (PAIN_WIN).
func painWithin(cs []CheckIn, day Day) bool {
	for _, c := range cs {
		if c.Pain >= PainPain && !c.Day.After(day) && day.DaysSince(c.Day) < painWindowDays {
			return true
		}
	}
	return false
}

// pingPong sends an advance into a level the person stepped back from
// before through that level's bridge first, once per return: an advance
// that comes off that bridge goes on into the level (COACH §6.3, clarified).
func (j *judgement) pingPong() {
	if j.dec.Action != ActAdvance || j.out.Bridge || j.g.Bridge || j.g.Graduated ||
		!containsInt(j.g.SteppedBack, j.out.Level) {
		return
	}
	next, ok := bridgeFor(j.out, j.p)
	if !ok {
		return
	}
	j.out = next
	j.set(ActBridge, CodeB2, sayB2(j.targetWords(j.out)))
}

// spike is R7: a run plan's next session may not jump far past the longest
// run of the last month; if it would, the next session is the bridge.
func (j *judgement) spike() {
	p := j.p
	if p.Domain != DomainRun || j.out.Graduated {
		return
	}
	max30 := 0.0
	for _, c := range j.all() {
		if c.Outcome.ShowedUp() && hasRun(p.Session(c.Level, c.Variant)) &&
			j.in.Day.DaysSince(c.Day) < spikeWindowDays {
			max30 = math.Max(max30, c.Achieved)
		}
	}
	if max30 < spikeFloorMin {
		return
	}
	next := Offered(j.out, p).Target
	limit := math.Max(spike*max30, max30+spikeAbsMin)
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
	j.set(ActBridge, CodeB3, sayB3(max30, next))
}

// notes adds P0 (soreness is normal), the words after missed sessions, and
// Z4 (runs back to back) last.
func (j *judgement) notes() {
	if j.in.Pain == PainSore {
		j.note(sayP0)
	}
	if j.in.Outcome.ShowedUp() && hasSession(j.hist) {
		// "Back" is said to someone who was here before: a goal's first
		// session follows no miss of theirs.
		if s, ok := sayBackAfterMissed(missedInARow(j.g, j.hist, j.in.Day)); ok {
			j.note(s)
		}
	}
	if j.p.Domain != DomainRun || j.p.MinRestDays == 0 || !hasRun(Offered(j.g, j.p)) {
		return
	}
	for i := len(j.hist) - 1; i >= 0; i-- {
		c := j.hist[i]
		if c.Outcome.ShowedUp() && hasRun(j.p.Session(c.Level, c.Variant)) {
			if j.in.Day.DaysSince(c.Day)-1 < j.p.MinRestDays {
				j.note(sayZ4)
			}
			return
		}
	}
}

func hasRun(s Session) bool { return runMinutes(s) > 0 }

func hasSession(cs []CheckIn) bool {
	for _, c := range cs {
		if c.Outcome.ShowedUp() {
			return true
		}
	}
	return false
}
