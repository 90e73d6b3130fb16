package coach

import (
	"fmt"
	"sort"
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
	before := sortedBefore(recent, day)
	t := Today{Goal: g, Offer: g, Plan: p, Day: day, Status: g.StatusOn(day)}
	if c, ok := checkInOn(hist, day); ok {
		t.CheckIn = &c
	}
	gapMsg := ""
	if t.CheckIn == nil && t.Status == Active {
		if ge, ok := gapEase(g, p, before, day); ok {
			t.Offer, gapMsg = ge.Goal, ge.Message
		}
	}
	level, _ := OfferedStep(t.Offer)
	t.Level = p.Level(level)
	t.Session = Offered(t.Offer, p)
	t.Text = SessionWords(p, t.Session)
	if pre := t.Level.Prefix; pre != "" && !t.Offer.Bridge {
		t.Text = pre + " · " + t.Text
	}
	t.Warmup = WarmupWords(p, t.Session)
	t.Due = Due(g, p, before, day)
	t.WeekDone, t.WeekTarget = weekCount(g, p, hist, day)
	t.Reason = t.reason(gapMsg, before)
	return t, nil
}

// reason says why today's target is what it is, most pressing first.
func (t Today) reason(gapMsg string, before []CheckIn) string {
	g, p := t.Offer, t.Plan
	switch {
	case t.Status == SafetyHold:
		return MsgS1
	case t.Status == Paused && g.ReasonCode == "P2":
		return g.Reason
	case t.Status == Paused:
		return "Paused. Your progress is kept; resume whenever you're ready."
	case t.Status == Archived:
		return "Archived. Its history is kept."
	case t.Done():
		return fmt.Sprintf("Done. That's %d this week.", t.WeekDone)
	case t.CheckIn != nil:
		return restMessage(t.CheckIn.Outcome)
	case !t.Due:
		return MsgZ1
	case gapMsg != "":
		return gapMsg
	case g.Eased:
		return fmt.Sprintf("A lighter session today (%s) after the pain you flagged. Stop if it hurts.",
			lowerFirst(SessionWords(p, t.Session)))
	}
	switch missed := MissedInARow(t.Goal, before, t.Day); {
	case missed >= 3:
		return MsgM3
	case missed == 2:
		return fmt.Sprintf("It's been a couple of sessions. Want the minimum version today (%s)? Starting small still counts.",
			lowerFirst(SessionWords(p, p.Minimum)))
	case missed == 1:
		return fmt.Sprintf("A session slipped by — that's fine. One miss doesn't undo a habit. Today: %s.",
			lowerFirst(SessionWords(p, t.Session)))
	}
	done := 0
	for _, c := range attempts(g, before) {
		if c.Ratio() >= Complete {
			done++
		}
	}
	k := p.AdvanceAfter
	switch {
	case len(attempts(g, before)) == 0 && g.Reason != "":
		return g.Reason
	case len(attempts(g, before)) == 0:
		return fmt.Sprintf("A gentle start at %s. The plan moves on after %d sessions here.", StepLabel(g, p), k)
	}
	return fmt.Sprintf("Same target today (%s). %d/%d sessions done at this level; the plan moves on after %d.",
		StepLabel(g, p), min(done, k), k, k)
}

func sortedBefore(cs []CheckIn, end Day) []CheckIn {
	out := make([]CheckIn, 0, len(cs))
	for _, c := range cs {
		if c.Day.Before(end) {
			out = append(out, c)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Day.Before(out[j].Day) })
	return out
}

func checkInOn(hist []CheckIn, d Day) (CheckIn, bool) {
	for i := len(hist) - 1; i >= 0; i-- {
		if hist[i].Day == d {
			return hist[i], true
		}
	}
	return CheckIn{}, false
}
