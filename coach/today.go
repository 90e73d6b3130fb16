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
	Goal    Goal
	Plan    Plan
	Day     Day
	Status  Status
	Due     bool
	CheckIn *CheckIn // the day's check-in, if there is one
	Level   Level
	Session Session // the session offered
	Text    string  // the session in words
	Warmup  string  // the warm-up sentence, or ""
	Reason  string  // why the target is what it is, one sentence or two
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
	t := Today{Goal: g, Plan: p, Day: day, Status: g.StatusOn(day), Level: p.Level(g.Level)}
	if c, ok := checkInOn(hist, day); ok {
		t.CheckIn = &c
	}
	t.Session = offered(g, p)
	t.Text = SessionWords(p, t.Session)
	if pre := t.Level.Prefix; pre != "" && !g.Bridge {
		t.Text = pre + " · " + t.Text
	}
	t.Warmup = WarmupWords(p, t.Session)
	t.Due = Due(g, p, hist, day)
	t.WeekDone, t.WeekTarget = weekCount(g, p, hist, day)
	t.Reason = reasonFor(t, attemptsAtStep(g, hist))
	return t, nil
}

// offered is the session the goal's current step asks for.
func offered(g Goal, p Plan) Session {
	if g.Bridge {
		if b, ok := p.Bridges[g.Level]; ok {
			return b
		}
	}
	if alt, ok := p.Alternatives[[2]int{g.Level, g.Variant}]; ok && g.Bridge {
		return alt
	}
	return p.Session(g.Level, g.Variant)
}

func reasonFor(t Today, attempts int) string {
	switch {
	case t.Status == SafetyHold:
		return MsgS1
	case t.Status == Paused:
		return "Paused. Your progress is kept; resume whenever you're ready."
	case t.Status == Archived:
		return "Archived. Its history is kept."
	case t.CheckIn != nil && t.CheckIn.Outcome.ShowedUp():
		return fmt.Sprintf("Done. That's %d this week.", t.WeekDone)
	case t.CheckIn != nil:
		return restMessage(t.CheckIn.Outcome)
	case !t.Due:
		return MsgZ1
	}
	k := t.Plan.AdvanceAfter
	if attempts == 0 {
		return fmt.Sprintf("A gentle start at %s. The plan moves on after %d sessions here.", t.Level.Label, k)
	}
	return fmt.Sprintf("Same target today (%s). %d/%d sessions done at this level; the plan moves on after %d.",
		t.Level.Label, attempts, k, k)
}

// attemptsAtStep counts done and partial check-ins at the goal's current
// level, variant and step since the level began (COACH §6.3 "A").
func attemptsAtStep(g Goal, hist []CheckIn) int {
	n := 0
	for _, c := range hist {
		if (g.LevelFrom.IsZero() || c.Day.After(g.LevelFrom)) &&
			c.Level == g.Level && c.Variant == g.Variant && c.Bridge == g.Bridge &&
			(c.Outcome == Done || c.Outcome == Partial) {
			n++
		}
	}
	return n
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
