package coach

import (
	"fmt"
	"strings"
	"time"
)

// Entry is what a person reports in one check-in, before the coach fills in
// the target and the goal's place on its plan.
type Entry struct {
	Day     Day
	Outcome Outcome
	// Amount is what was done, in the plan's unit; 0 means "the target" for a
	// done session and is required for a partial one.
	Amount     float64
	Effort     Effort
	Pain       Pain
	MoodBefore *int
	MoodAfter  *int
	Note       string
	// Full takes the full session where the coach offered an in-between one.
	Full bool
	// Previous takes the previous level's target where M2 offers it: a
	// session judged against that target that counts as showing up and,
	// like a minimum, is not an attempt (COACH R8, clarified).
	Previous bool
	At       time.Time
}

// Recorded is a saved check-in and what it did to its goal.
type Recorded struct {
	Goal    Goal
	CheckIn CheckIn
	// Decided is false for a back-fill: a check-in for a day before the
	// goal's newest one joins the history and decides nothing.
	Decided  bool
	Decision Decision
	// Message is what to tell the person: the celebration of a session
	// (C1), then the decision's reason.
	Message string
}

// Record turns an entry into a check-in for goal g and decides what follows
// (COACH §6.3). recent holds the goal's check-ins in the recent window, in
// any order; a check-in already on the entry's day is merged with it (§6.2).
// g must be the goal as it stood before the entry's day: the store puts it
// back from that day's decision when a day is checked in twice.
func Record(g Goal, recent []CheckIn, e Entry, today Day) (Recorded, error) {
	if err := checkEntry(g, e, today); err != nil {
		return Recorded{}, err
	}
	p, err := g.Plan()
	if err != nil {
		return Recorded{}, err
	}
	hist := sortedBefore(recent, e.Day)
	newest := true
	for _, c := range recent {
		newest = newest && !c.Day.After(e.Day)
	}
	in, err := checkInToSave(g, p, recent, hist, e, newest)
	if err != nil {
		return Recorded{}, err
	}
	rec := Recorded{Goal: g, CheckIn: in}
	if newest {
		judged := g
		if e.Full {
			// Taking the full session leaves the in-between step for
			// good: the day is judged as the level itself.
			judged.Bridge, judged.BridgeTarget = false, 0
		}
		rec.Goal, rec.Decision = decide(judged, p, hist, in)
		rec.Decided = true
	}
	if rec.Message, err = recordMessage(rec, p, recent, newest); err != nil {
		return Recorded{}, err
	}
	return rec, nil
}

// checkInToSave is the day's check-in as it will be kept: the entry filled
// in against the session the goal offered that day (eased after a gap, the
// full session, the previous level), merged with what the day already had.
func checkInToSave(g Goal, p Plan, recent, hist []CheckIn, e Entry, newest bool) (CheckIn, error) {
	offer := g
	if ge, ok := gapEase(g, p, hist, e.Day); ok && newest && !e.Outcome.Skips() {
		offer = ge.goal
	}
	if e.Full {
		if !offer.Bridge {
			return CheckIn{}, says(ErrBadValue, "there is no in-between session to skip; the full session is already today's")
		}
		offer.Bridge, offer.BridgeTarget = false, 0
	}
	in := checkInFrom(e, offer, p)
	if e.Previous {
		var err error
		if in, err = previousCheckIn(g, p, recent, e, in); err != nil {
			return CheckIn{}, err
		}
	}
	if prev, ok := checkInOn(sortedBefore(recent, e.Day.AddDays(1)), e.Day); ok {
		in = prev.merge(in)
	}
	if p.Unit == Minutes && in.Achieved > MinutesInADay {
		// More than a day holds is a typo (99999 for 15); kept, it would
		// sit in the totals and the active minutes for good.
		return CheckIn{}, says(ErrBadValue, "that would make %s on %s, more than a day holds (%d minutes); check the amount",
			Amount(in.Achieved, p.Unit), e.Day, MinutesInADay)
	}
	return in, nil
}

// recordMessage is what the person reads after a check-in: the
// celebration, then the decision's reason, each on its own line.
func recordMessage(rec Recorded, p Plan, recent []CheckIn, newest bool) (string, error) {
	in := rec.CheckIn
	after, err := TodayFor(rec.Goal, append(withoutDay(recent, in.Day), in), in.Day)
	if err != nil {
		return "", err
	}
	msg := ""
	if in.Outcome.ShowedUp() && rec.Decision.Action != ActSafetyHold {
		// After a warning sign the only words are the safety message.
		msg = fmt.Sprintf("%s That's %d this week. %s", celebration(in, p), after.WeekDone, MsgCelebrate)
	}
	// The celebration and the reason are two thoughts: two lines.
	msg = strings.TrimSpace(msg + "\n" + rec.Decision.Message)
	if !newest && in.Pain == PainWarning {
		// A back-filled warning holds the goals too (R0), and makes no
		// decision whose message would say so: the safety words are the
		// only words, as on the day itself.
		msg = msgS1
	}
	if !newest {
		msg = strings.TrimSpace(fmt.Sprintf("%s Logged for %s; it counts in your history.", msg, in.Day))
	}
	return msg, nil
}

// checkInFrom fills in an entry against the session the goal offered.
func checkInFrom(e Entry, offer Goal, p Plan) CheckIn {
	level, variant := offeredStep(offer)
	in := CheckIn{
		Day: e.Day, Outcome: e.Outcome, Achieved: e.Amount, Target: Offered(offer, p).Target,
		Effort: e.Effort, Pain: e.Pain, MoodBefore: e.MoodBefore, MoodAfter: e.MoodAfter, Note: e.Note,
		Level: level, Variant: variant, Bridge: offer.Bridge && !offer.Eased, WrittenAt: e.At,
	}
	switch e.Outcome {
	case Done, Partial:
		if e.Amount == 0 {
			in.Achieved = in.Target
		}
		in.Outcome = Classify(in.Outcome, in.Achieved, in.Target)
	case Minimum:
		if e.Amount == 0 {
			in.Achieved = p.Minimum.Target
		}
	case Rest, Unwell, Away:
		in.Achieved, in.Effort, in.Pain = 0, EffortOK, PainNone
	}
	return in
}

// previousCheckIn makes in the previous level's session M2 offers today:
// recorded as a minimum is (it shows up, never advances, is no attempt),
// against the previous level's target.
func previousCheckIn(g Goal, p Plan, recent []CheckIn, e Entry, in CheckIn) (CheckIn, error) {
	t, err := TodayFor(g, withoutDay(recent, e.Day), e.Day)
	if err != nil {
		return in, err
	}
	if t.Previous == nil || e.Full || e.Outcome != Done {
		return in, says(ErrBadValue, "the previous level's target is offered after two missed sessions, off the "+
			"first rung; today's target is %s", lowerFirst(t.Text))
	}
	in.Outcome, in.Target, in.Achieved = Minimum, t.Previous.Target, e.Amount
	if e.Amount == 0 {
		in.Achieved = t.Previous.Target
	}
	return in, nil
}

// Classify is what a session counts as, from what the person said and the
// target it was judged against (COACH §6.2): an amount below the target is
// partial, at or above it done, whether they said "done 8" or answered
// "how far?". A minimum stays a minimum and a rest stays a rest. It is the
// only place this is decided; Record applies it once, inside the store's
// write transaction, so the command line and the screens pass on what the
// person said and never judge it themselves.
func Classify(said Outcome, achieved, target float64) Outcome {
	if said != Done && said != Partial || target <= 0 {
		return said
	}
	if achieved < target {
		return Partial
	}
	return Done
}

// celebration is C1's first sentence: "Done: 12 min.", "Logged 6 min of
// 10 min.", "Showed up: 5 min." (COACH §6.6, clarified).
func celebration(in CheckIn, p Plan) string {
	switch in.Outcome {
	case Partial:
		return fmt.Sprintf("Logged %s of %s.", Amount(in.Achieved, p.Unit), Amount(in.Target, p.Unit))
	case Minimum:
		return fmt.Sprintf("Showed up: %s.", Amount(in.Achieved, p.Unit))
	default:
		return fmt.Sprintf("Done: %s.", Amount(in.Achieved, p.Unit))
	}
}

// MinutesInADay bounds a day's minutes on a minutes plan.
const MinutesInADay = 24 * 60

func checkEntry(g Goal, e Entry, today Day) error {
	switch {
	case e.Day.IsZero():
		return says(ErrBadDate, "no day given")
	case e.Day.After(today):
		return says(ErrFutureDate, "%s is after today (%s)", e.Day, today)
	case g.StatusOn(e.Day) != Active && !e.Outcome.Skips():
		return says(ErrNotActive, "%s is %s", g.Name, g.StatusOn(e.Day))
	case e.Outcome < Done || e.Outcome > Away:
		return says(ErrBadValue, "no outcome given")
	case e.Outcome == Partial && e.Amount <= 0:
		return says(ErrBadValue, "say how much was done for a partial session")
	case !(e.Amount >= 0 && e.Amount <= MaxCustomAmount): // written so that NaN fails too
		return says(ErrBadValue, "the amount must be between 0 and %d", MaxCustomAmount)
	}
	for _, m := range []*int{e.MoodBefore, e.MoodAfter} {
		if m != nil && (*m < MoodMin || *m > MoodMax) {
			return says(ErrBadValue, "mood is a number from %d to %d", MoodMin, MoodMax)
		}
	}
	return nil
}

func withoutDay(cs []CheckIn, d Day) []CheckIn {
	out := make([]CheckIn, 0, len(cs)+1)
	for _, c := range cs {
		if c.Day != d {
			out = append(out, c)
		}
	}
	return out
}
