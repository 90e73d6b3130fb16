package coach

import (
	"sort"
	"strings"
)

// RecentDays is how far back Today and status read: enough for every rule and
// measure, and bounded so start-up never reads a whole history. [D]
const RecentDays = 400

// Today is one goal as the coach offers it on a day.
type Today struct {
	Goal Goal
	// Offer is the goal as the coach offers it today: after a long gap it is
	// already eased back (R2), before the check-in that writes it.
	Offer   Goal
	Plan    Plan
	Day     Day
	Status  Status
	Due     bool
	CheckIn *CheckIn // the day's check-in, if there is one
	Level   Level    // the level the offered session belongs to
	Session Session  // the session offered
	Text    string   // the session in words
	Warmup  string   // the warm-up sentence, or ""
	Reason  string   // why the target is what it is, one sentence or two
	// Previous is the previous level's session that M2 offers after two
	// missed sessions (`tend done --previous`), or nil.
	Previous *Session
	// Missed is the M line at the end of Reason while sessions are missed,
	// or "": a narrow window that cannot show the whole reason shows it.
	Missed string
	// WeekDone counts this ISO week's sessions; WeekTarget is what the
	// schedule asks of this week.
	WeekDone, WeekTarget int
}

// Done reports whether the day has a check-in that showed up.
func (t Today) Done() bool { return t.CheckIn != nil && t.CheckIn.Outcome.ShowedUp() }

// TodayFor works out what the coach offers for goal g on day, from the goal's
// recent check-ins (any order).
func TodayFor(g Goal, recent []CheckIn, day Day) (Today, error) {
	p, err := g.Plan()
	if err != nil {
		return Today{}, err
	}
	hist := sortedBefore(recent, day.AddDays(1))
	before := prefixBefore(hist, day)
	t := Today{Goal: g, Offer: g, Plan: p, Day: day, Status: g.StatusOn(day)}
	if c, ok := checkInOn(hist, day); ok {
		t.CheckIn = &c
	}
	gapMsg := ""
	if t.CheckIn == nil && t.Status == Active {
		if ge, ok := gapEase(g, p, before, day); ok {
			t.Offer, gapMsg = ge.goal, ge.said.String()
		}
	}
	level, _ := offeredStep(t.Offer)
	t.Level = p.Level(level)
	t.Session = Offered(t.Offer, p)
	words := SessionWords(p, t.Session)
	t.Text = words
	if pre := t.Level.Prefix; pre != "" && !t.Offer.Bridge {
		t.Text = pre + " · " + t.Text
	}
	t.Warmup = warmupWords(p, t.Session)
	t.Due = due(g, p, before, day)
	// The sessions missed in a row are counted once: the M2 offer, the M
	// line and the reason all ask, and the count walks the recent days.
	missed := missedInARow(g, before, day)
	if t.Status == Active && gapMsg == "" && missed == 2 {
		if prev, ok := previousOffer(t.Offer, p); ok {
			t.Previous = &prev
		}
	}
	t.WeekDone, t.WeekTarget = weekCount(g, p, hist, day)
	// The session's words are worked out once for the row, the reason and
	// the M line; the reasons read t in place, not a copy of it each.
	target := lowerFirst(words)
	m := t.missedLine(missed, target)
	t.Reason = t.reason(gapMsg, before, m, target)
	if m != "" && strings.HasSuffix(t.Reason, " "+m) {
		t.Missed = m
	}
	return t, nil
}

// reason says why today's target is what it is, most pressing first;
// missed is the M line (missedLine), target the session in words.
func (t *Today) reason(gapMsg string, before []CheckIn, missed, target string) string {
	g := &t.Offer
	switch {
	case t.Status == SafetyHold:
		return msgS1
	case t.Status == Paused && g.ReasonCode == CodeP2:
		return g.Reason
	case t.Status == Paused:
		return msgPaused
	case t.Status == Archived:
		return msgArchived
	case t.Done():
		return msgDoneToday(t.WeekDone)
	case t.CheckIn != nil:
		_, msg := restMessage(t.CheckIn.Outcome)
		return msg
	case !t.Due:
		return msgZ1
	case gapMsg != "":
		return gapMsg
	case g.Eased:
		return withMissed(msgEasedToday(target), missed)
	}
	return withMissed(t.plainReason(before, target), missed)
}

// plainReason is the reason of the step the goal is on, before any M line.
func (t *Today) plainReason(before []CheckIn, target string) string {
	g, p := t.Offer, t.Plan
	a := attempts(g, before)
	switch {
	case g.Graduated:
		return graduatedReason(g, p, target, len(a) > 0)
	case len(a) == 0 && g.Reason != "":
		return g.Reason
	case len(a) == 0:
		return msgGentleStart(p.AdvanceAfter)
	}
	_, said := holdReason(g, p, a, before, t.Day, "today")
	msg := said.String()
	return msg
}

func sortedBefore(cs []CheckIn, end Day) []CheckIn {
	// The store hands out a history in day order: then the days before end
	// are a prefix, shared rather than copied and sorted again. The cap is
	// cut so that an append to it can never write into cs.
	if inDayOrder(cs) {
		return prefixBefore(cs, end)
	}
	out := make([]CheckIn, 0, len(cs))
	for _, c := range cs {
		if c.Day.Before(end) {
			out = append(out, c)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Day.Before(out[j].Day) })
	return out
}

// prefixBefore is the check-ins of sorted, which is in day order, on days
// before end: a prefix, with its cap cut so that an append to it can never
// write into sorted.
func prefixBefore(sorted []CheckIn, end Day) []CheckIn {
	i := sort.Search(len(sorted), func(i int) bool { return !sorted[i].Day.Before(end) })
	return sorted[:i:i]
}

// inDayOrder reports whether cs is in day order, equal days allowed.
func inDayOrder(cs []CheckIn) bool {
	for i := 1; i < len(cs); i++ {
		if cs[i].Day.Before(cs[i-1].Day) {
			return false
		}
	}
	return true
}

func checkInOn(hist []CheckIn, d Day) (CheckIn, bool) {
	for i := len(hist) - 1; i >= 0; i-- {
		if hist[i].Day == d {
			return hist[i], true
		}
	}
	return CheckIn{}, false
}

// missedLine is R8's line while sessions are missed (COACH §6.3): M1, M2
// with the minimum and, off the first rung, the previous level's target,
// or M3; "" when none was missed. missed is missedInARow's count.
func (t *Today) missedLine(missed int, target string) string {
	p := t.Plan
	switch {
	case missed >= 3:
		return msgM3
	case missed == 2:
		prev := ""
		if t.Previous != nil {
			prev = lowerFirst(SessionWords(p, *t.Previous))
		}
		return msgM2(lowerFirst(SessionWords(p, p.Minimum)), prev)
	case missed == 1:
		return msgM1(target)
	}
	return ""
}

// withMissed appends the M line to the step's reason: Today's reason is the
// step's, and the M lines are added while sessions are missed (clarified).
func withMissed(reason, missed string) string {
	if missed == "" {
		return reason
	}
	return reason + " " + missed
}

// previousOffer is the previous level's session M2 offers: the last
// session of the level below the one the goal is on. None on the first
// rung, and none where it asks no more than the minimum version does, which
// M2 offers anyway (Daily walk's 5-minute rung is its minimum).
func previousOffer(g Goal, p Plan) (Session, bool) {
	if g.Level <= 1 || len(p.Levels) == 0 {
		return Session{}, false
	}
	below := p.Level(g.Level - 1)
	prev := below.Variants[len(below.Variants)-1]
	if prev.Target <= p.Minimum.Target {
		return Session{}, false
	}
	return prev, true
}
