package coach_test

import (
	"strings"
	"testing"
	"time"

	"tend/coach"
)

// coachSim drives one goal through check-ins day by day, the way the store
// does: each check-in is recorded against the history before it, and the
// goal takes the state the decision leaves.
type coachSim struct {
	t    *testing.T
	g    coach.Goal
	p    coach.Plan
	hist []coach.CheckIn
	last coach.Recorded
}

// simStart is the Monday every simulation starts on.
var simStart = coach.DayOf(2026, time.January, 5)

func newSim(t *testing.T, planID string, s coach.Schedule, level, variant int) *coachSim {
	t.Helper()
	p := mustPlan(t, planID)
	g, err := coach.NewGoal("Sim", p, nil, s, 0, simStart)
	if err != nil {
		t.Fatal(err)
	}
	g.Level, g.Variant = level, variant
	return &coachSim{t: t, g: g, p: p}
}

// log records an entry on day d and returns the decision.
func (s *coachSim) log(d coach.Day, e coach.Entry) coach.Decision {
	s.t.Helper()
	e.Day = d
	rec, err := coach.Record(s.g, s.hist, e, d)
	if err != nil {
		s.t.Fatalf("%s: Record: %v", d, err)
	}
	s.g, s.last = rec.Goal, rec
	kept := s.hist[:0:0]
	for _, c := range s.hist {
		if c.Day != d {
			kept = append(kept, c)
		}
	}
	s.hist = append(kept, rec.CheckIn)
	return rec.Decision
}

func (s *coachSim) done(d coach.Day, eff coach.Effort) coach.Decision {
	return s.log(d, coach.Entry{Outcome: coach.Done, Effort: eff})
}

// ratio logs a session that reached share r of its target.
func (s *coachSim) ratio(d coach.Day, r float64, eff coach.Effort) coach.Decision {
	s.t.Helper()
	target := coach.Offered(s.g, s.p).Target
	o := coach.Done
	if r < coach.Complete {
		o = coach.Partial
	}
	return s.log(d, coach.Entry{Outcome: o, Amount: target * r, Effort: eff})
}

func (s *coachSim) today(d coach.Day) coach.Today {
	s.t.Helper()
	td, err := coach.TodayFor(s.g, s.hist, d)
	if err != nil {
		s.t.Fatal(err)
	}
	return td
}

func wantDecision(t *testing.T, d coach.Decision, code coach.Code, level, variant int, g coach.Goal) {
	t.Helper()
	if d.ReasonCode != code || g.Level != level || g.Variant != variant {
		t.Fatalf("decision %s (%s) → level %d variant %d; want %s → level %d variant %d\nmessage: %s",
			d.ReasonCode, d.Action, g.Level, g.Variant, code, level, variant, d.Message)
	}
	if d.Message == "" {
		t.Fatalf("decision %s has no message", d.ReasonCode)
	}
}

// COACH §6.7 example 1.
func TestExample1WalkToRunWeek4RepeatsAfterHardThenAdvances(t *testing.T) {
	s := newSim(t, coach.WalkToRunID, coach.Schedule{PerWeek: 3}, 8, 1)
	s.done(simStart, coach.EffortOK)
	s.done(simStart.AddDays(2), coach.EffortOK)
	d := s.done(simStart.AddDays(4), coach.EffortHard)
	wantDecision(t, d, coach.CodeH2, 8, 1, s.g)
	if !strings.Contains(d.Message, "repeat NHS week 4") {
		t.Errorf("H2 message %q does not name the week", d.Message)
	}
	d = s.done(simStart.AddDays(7), coach.EffortOK)
	wantDecision(t, d, coach.CodeA1, 9, 1, s.g)
	if d.Action != coach.ActAdvance || d.From != 8 || d.To != 9 {
		t.Errorf("decision %+v", d)
	}
}

// COACH §6.7 example 2.
func TestExample2Week5StepsBackThenBridgesToTheAlternative(t *testing.T) {
	s := newSim(t, coach.WalkToRunID, coach.Schedule{PerWeek: 3}, 9, 1)
	day := simStart
	next := func() coach.Day { day = day.AddDays(2); return day }
	wantDecision(t, s.done(day, coach.EffortOK), coach.CodeH1, 9, 2, s.g) // R1 → R2
	wantDecision(t, s.done(next(), coach.EffortOK), coach.CodeH1, 9, 3, s.g)
	wantDecision(t, s.ratio(next(), 0.45, coach.EffortOK), coach.CodeH1, 9, 3, s.g)
	wantDecision(t, s.ratio(next(), 0.45, coach.EffortOK), coach.CodeB1, 9, 2, s.g) // R2 once
	wantDecision(t, s.done(next(), coach.EffortOK), coach.CodeH1, 9, 3, s.g)        // then R3 again
	d := s.ratio(next(), 0.45, coach.EffortOK)                                      // the 6th attempt at W5
	wantDecision(t, d, coach.CodeB2, 9, 3, s.g)
	if s.g.Bridge || !s.g.Alternative || coach.Offered(s.g, s.p).Target != 20 ||
		!strings.Contains(d.Message, "run 12 min, walk 2 min, run 8 min") {
		t.Errorf("bridge %v, alternative %v, target %v, message %q; want the W5R3 alternative, no bridge",
			s.g.Bridge, s.g.Alternative, coach.Offered(s.g, s.p).Target, d.Message)
	}
	// The alternative takes run 3's place once: done, week 5 is done.
	wantDecision(t, s.done(next(), coach.EffortOK), coach.CodeA1, 10, 1, s.g)
}

// COACH §6.7 example 3.
func TestExample3DailyWalkLevelsUpThenOneMissIsM1(t *testing.T) {
	s := newSim(t, coach.DailyWalkID, coach.Schedule{Weekdays: weekdays()}, 4, 1)
	for i := 0; i < 3; i++ {
		wantDecision(t, s.done(simStart.AddDays(i), coach.EffortOK), coach.CodeH1, 4, 1, s.g)
	}
	d := s.done(simStart.AddDays(3), coach.EffortEasy)
	wantDecision(t, d, coach.CodeA1, 5, 1, s.g)
	if !strings.Contains(d.Message, "Level up: 18 min") || !strings.Contains(d.Message, "felt easy") {
		t.Errorf("A1 message %q", d.Message)
	}
	// Friday done, the next Monday missed: Tuesday's Today says M1, added
	// to the step's reason, not in its place (COACH §6.3, clarified).
	s.done(simStart.AddDays(4), coach.EffortOK)
	tue := simStart.AddDays(8)
	if td := s.today(tue); !strings.HasPrefix(td.Reason, "Same target today (18 min).") ||
		!strings.HasSuffix(td.Reason, " A session slipped by — that's fine. One miss doesn't undo a habit. Today: brisk walk 18 minutes.") {
		t.Errorf("Tuesday after one miss: %q, want the step's reason and then M1", td.Reason)
	}
}

// COACH §6.7 example 4.
func TestExample4TwoMissesOfferTheMinimum(t *testing.T) {
	s := newSim(t, coach.DailyWalkID, coach.Schedule{Weekdays: weekdays()}, 4, 1)
	s.done(simStart.AddDays(4), coach.EffortOK) // a Friday
	wed := simStart.AddDays(9)
	td := s.today(wed)
	if !strings.Contains(td.Reason, "minimum version today (5 minutes out the door)") {
		t.Fatalf("Wednesday after two misses: %q, want M2", td.Reason)
	}
	s.log(wed, coach.Entry{Outcome: coach.Minimum})
	if td := s.today(wed); td.WeekDone != 1 || !td.Done() {
		t.Errorf("the minimum does not count toward the week: %d done", td.WeekDone)
	}
}

// COACH §6.7 example 5.
func TestExample5GapsEaseBackAndUnwellDaysRestartOnly(t *testing.T) {
	for _, c := range []struct {
		daysWithout int
		code        coach.Code
		level       int
	}{{16, coach.CodeG1, 5}, {30, coach.CodeG2, 4}} {
		s := newSim(t, coach.DailyWalkID, coach.Schedule{PerWeek: 7}, 6, 1)
		s.done(simStart, coach.EffortOK)
		wantDecision(t, s.done(simStart.AddDays(c.daysWithout+1), coach.EffortOK), c.code, c.level, 1, s.g)
	}
	s := newSim(t, coach.MindfulID, coach.Schedule{PerWeek: 7}, 3, 1)
	s.done(simStart, coach.EffortOK)
	for i := 1; i <= 7; i++ {
		if d := s.log(simStart.AddDays(i), coach.Entry{Outcome: coach.Unwell}); d.ReasonCode != coach.CodeZ2 {
			t.Fatalf("unwell day %d: %s", i, d.ReasonCode)
		}
	}
	d := s.done(simStart.AddDays(8), coach.EffortOK)
	wantDecision(t, d, coach.CodeG0, 3, 1, s.g)
}

func TestGapThresholds(t *testing.T) {
	for _, c := range []struct {
		name  string
		gap   int // days from the last session to the day judged
		code  coach.Code
		level int
	}{
		{"one day short of the repeat gap", 7, coach.CodeH1, 6},
		{"the repeat gap restarts the level", 8, coach.CodeG0, 6},
		{"one day short of a level down", 13, coach.CodeG0, 6},
		{"two weeks is one level down", 14, coach.CodeG1, 5},
		{"one day short of two levels", 27, coach.CodeG1, 5},
		{"four weeks is two levels down", 28, coach.CodeG2, 4},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := newSim(t, coach.DailyWalkID, coach.Schedule{PerWeek: 7}, 6, 1)
			s.done(simStart, coach.EffortOK)
			wantDecision(t, s.done(simStart.AddDays(c.gap), coach.EffortOK), c.code, c.level, 1, s.g)
		})
	}
}

// COACH §6.7 example 6.
func TestExample6StrengthAdvancesAfterTwoAndPainEasesThenPauses(t *testing.T) {
	s := newSim(t, coach.StrengthID, coach.Schedule{PerWeek: 2}, 5, 1)
	wantDecision(t, s.done(simStart, coach.EffortOK), coach.CodeH1, 5, 1, s.g)
	wantDecision(t, s.done(simStart.AddDays(3), coach.EffortOK), coach.CodeA1, 6, 1, s.g)

	s = newSim(t, coach.StrengthID, coach.Schedule{PerWeek: 2}, 5, 1)
	d := s.log(simStart, coach.Entry{Outcome: coach.Done, Pain: coach.PainPain})
	wantDecision(t, d, coach.CodeP1, 5, 1, s.g)
	if got := coach.Offered(s.g, s.p).Target; got != 48 {
		t.Errorf("after pain the next target is %v reps, want L4's 48", got)
	}
	s.done(simStart.AddDays(3), coach.EffortOK)
	if got := coach.Offered(s.g, s.p).Target; got != 64 {
		t.Errorf("the ease lasts one session: target %v, want 64", got)
	}
	d = s.log(simStart.AddDays(6), coach.Entry{Outcome: coach.Done, Pain: coach.PainPain})
	if d.ReasonCode != coach.CodeP2 || s.g.Status() != coach.Paused {
		t.Fatalf("second pain in three check-ins: %s, status %s", d.ReasonCode, s.g.Status())
	}
}

// COACH §6.7 example 7.
func TestExample7WarningHoldsWithNoTarget(t *testing.T) {
	s := newSim(t, coach.DailyWalkID, coach.Schedule{PerWeek: 5}, 3, 1)
	d := s.log(simStart, coach.Entry{Outcome: coach.Done, Pain: coach.PainWarning})
	if d.ReasonCode != coach.CodeS1 || d.Action != coach.ActSafetyHold || s.g.Status() != coach.SafetyHold {
		t.Fatalf("warning: %s %s, status %s", d.ReasonCode, d.Action, s.g.Status())
	}
	td := s.today(simStart.AddDays(1))
	if td.Due || td.Reason != coach.MsgS1 {
		t.Errorf("in safety hold: due %v, reason %q", td.Due, td.Reason)
	}
}

// COACH §6.7 example 8.
func TestExample8TodayShowsTheGapEaseBeforeTheCheckIn(t *testing.T) {
	s := newSim(t, coach.DailyWalkID, coach.Schedule{PerWeek: 7}, 3, 1)
	s.done(simStart, coach.EffortOK)
	day := simStart.AddDays(20) // nothing for 19 days
	td := s.today(day)
	if td.Session.Target != 10 || !strings.HasPrefix(td.Reason, "Welcome back after 20 days") {
		t.Fatalf("Today: %v min, %q; want 10 min with G1", td.Session.Target, td.Reason)
	}
	d := s.done(day, coach.EffortOK)
	wantDecision(t, d, coach.CodeG1, 2, 1, s.g)
	if s.last.CheckIn.Target != 10 || s.last.CheckIn.Level != 2 {
		t.Errorf("the check-in was judged against %v at level %d, want 10 at 2", s.last.CheckIn.Target, s.last.CheckIn.Level)
	}
	if d = s.done(day.AddDays(1), coach.EffortOK); d.ReasonCode == coach.CodeG1 {
		t.Error("G1 written twice")
	}
}

func TestStepBackNeedsTwoStrugglesInARow(t *testing.T) {
	s := newSim(t, coach.DailyWalkID, coach.Schedule{PerWeek: 7}, 5, 1)
	wantDecision(t, s.ratio(simStart, 0.4, coach.EffortOK), coach.CodeH1, 5, 1, s.g)
	wantDecision(t, s.ratio(simStart.AddDays(1), 0.8, coach.EffortOK), coach.CodeH1, 5, 1, s.g) // not a struggle
	wantDecision(t, s.ratio(simStart.AddDays(2), 0.8, coach.EffortHard), coach.CodeH2, 5, 1, s.g)
	d := s.ratio(simStart.AddDays(3), 0.3, coach.EffortOK)
	wantDecision(t, d, coach.CodeB1, 4, 1, s.g)
	if !strings.Contains(d.Message, "next time is walk 15 minutes") {
		t.Errorf("B1 message %q", d.Message)
	}
}

// Mindful never steps back for effort alone: hard but complete holds.
func TestMindfulHardIsNotAStruggle(t *testing.T) {
	s := newSim(t, coach.MindfulID, coach.Schedule{PerWeek: 7}, 3, 1)
	s.ratio(simStart, 0.8, coach.EffortHard)
	wantDecision(t, s.ratio(simStart.AddDays(1), 0.8, coach.EffortHard), coach.CodeH2, 3, 1, s.g)
}

// Ping-pong: back up into a level stepped back from goes through its bridge.
func TestPingPongGoesThroughTheBridge(t *testing.T) {
	s := newSim(t, coach.DailyWalkID, coach.Schedule{PerWeek: 7}, 5, 1)
	s.ratio(simStart, 0.3, coach.EffortOK)
	wantDecision(t, s.ratio(simStart.AddDays(1), 0.3, coach.EffortOK), coach.CodeB1, 4, 1, s.g)
	for i := 2; i < 5; i++ {
		s.done(simStart.AddDays(i), coach.EffortOK)
	}
	d := s.done(simStart.AddDays(5), coach.EffortOK)
	wantDecision(t, d, coach.CodeB2, 5, 1, s.g)
	if !s.g.Bridge || coach.Offered(s.g, s.p).Target != 17 {
		t.Errorf("bridge %v at %v min; want the midpoint of 15 and 18, rounded half up: 17", s.g.Bridge, coach.Offered(s.g, s.p).Target)
	}
	if !strings.HasPrefix(d.Message, "Level up") {
		t.Errorf("message %q should say the level-up first", d.Message)
	}
}

// R5: 2K attempts without advancing offer the midpoint bridge.
func TestHoldLimitAddsAMidpointBridge(t *testing.T) {
	s := newSim(t, coach.DailyWalkID, coach.Schedule{PerWeek: 7}, 5, 1)
	for i := 0; i < 7; i++ {
		wantDecision(t, s.ratio(simStart.AddDays(i), 0.7, coach.EffortOK), coach.CodeH1, 5, 1, s.g)
	}
	wantDecision(t, s.ratio(simStart.AddDays(7), 0.7, coach.EffortOK), coach.CodeB2, 5, 1, s.g)
	if got := coach.Offered(s.g, s.p).Target; got != 17 {
		t.Errorf("bridge target %v, want 17", got)
	}
}

// R7: week 3 to week 4 is 9 → 16 run-minutes, more than the spike guard
// allows, so the bridge (12) comes first; after it, week 4 passes.
func TestSpikeGuardTripsAtWeek4Only(t *testing.T) {
	s := newSim(t, coach.WalkToRunID, coach.Schedule{PerWeek: 3}, 7, 1)
	day := simStart
	s.done(day, coach.EffortOK)
	s.done(day.AddDays(2), coach.EffortOK)
	d := s.done(day.AddDays(4), coach.EffortOK)
	wantDecision(t, d, coach.CodeB3, 8, 1, s.g)
	if !s.g.Bridge || coach.Offered(s.g, s.p).Target != 12 || !strings.Contains(d.Message, "(9→16 min)") {
		t.Fatalf("bridge %v, target %v, message %q", s.g.Bridge, coach.Offered(s.g, s.p).Target, d.Message)
	}
	s.done(day.AddDays(7), coach.EffortOK)
	s.done(day.AddDays(9), coach.EffortOK)
	d = s.done(day.AddDays(11), coach.EffortOK)
	wantDecision(t, d, coach.CodeA1, 8, 1, s.g)
	if s.g.Bridge {
		t.Error("still on the bridge after completing it")
	}
}

// Z4: two runs on consecutive days are accepted, with a suggestion.
func TestBackToBackRunsGetZ4(t *testing.T) {
	s := newSim(t, coach.WalkToRunID, coach.Schedule{PerWeek: 3}, 5, 1)
	s.done(simStart, coach.EffortOK)
	if d := s.done(simStart.AddDays(1), coach.EffortOK); !strings.HasSuffix(d.Message, coach.MsgZ4) {
		t.Errorf("back-to-back: %q", d.Message)
	}
	if d := s.done(simStart.AddDays(3), coach.EffortOK); strings.Contains(d.Message, coach.MsgZ4) {
		t.Errorf("with a rest day between: %q", d.Message)
	}
}

func TestSorenessAddsP0AndDoesNotStopAdvancing(t *testing.T) {
	s := newSim(t, coach.StrengthID, coach.Schedule{PerWeek: 2}, 5, 1)
	s.done(simStart, coach.EffortOK)
	d := s.log(simStart.AddDays(3), coach.Entry{Outcome: coach.Done, Pain: coach.PainSore})
	wantDecision(t, d, coach.CodeA1, 6, 1, s.g)
	if !strings.HasSuffix(d.Message, coach.MsgP0) {
		t.Errorf("message %q", d.Message)
	}
}

func TestMinimumNeverMovesTheLevel(t *testing.T) {
	s := newSim(t, coach.DailyWalkID, coach.Schedule{PerWeek: 7}, 4, 1)
	for i := 0; i < 10; i++ {
		d := s.log(simStart.AddDays(i), coach.Entry{Outcome: coach.Minimum, Effort: coach.EffortEasy})
		wantDecision(t, d, coach.CodeH1, 4, 1, s.g)
	}
}

func TestGraduationPastTheLastLevel(t *testing.T) {
	s := newSim(t, coach.MindfulID, coach.Schedule{PerWeek: 7}, 5, 1)
	for i := 0; i < 4; i++ {
		s.done(simStart.AddDays(i), coach.EffortOK)
	}
	d := s.done(simStart.AddDays(4), coach.EffortOK)
	if d.ReasonCode != coach.CodeA2 || d.Action != coach.ActGraduate || s.g.Level != 5 {
		t.Fatalf("%s %s level %d", d.ReasonCode, d.Action, s.g.Level)
	}
	// Graduation happens once; the sessions after it keep the top rung.
	for i := 5; i < 12; i++ {
		if d := s.done(simStart.AddDays(i), coach.EffortOK); d.ReasonCode != coach.CodeH4 || !strings.Contains(d.Message, "Keeping it up") {
			t.Fatalf("day %d after graduating: %s %q", i, d.ReasonCode, d.Message)
		}
	}
}

func weekdays() []time.Weekday {
	return []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday}
}

// R8: three or more missed sessions say M3 on Today, with no pressure; two
// say M2, offering the minimum or the previous level's target. Each M line
// is added to the step's reason (clarified).
func TestThreeMissesSayNoPressure(t *testing.T) {
	s := newSim(t, coach.DailyWalkID, coach.Schedule{Weekdays: weekdays()}, 4, 1)
	s.done(simStart, coach.EffortOK) // Monday
	const step = "Same target today (15 min). 1/4 sessions done at this level; the plan moves on after 4. "
	td := s.today(simStart.AddDays(3))
	if want := step + "It's been a couple of sessions. Want the minimum version today (5 minutes out the door) " +
		"or the previous level's walk 12 minutes? Starting small still counts."; td.Reason != want {
		t.Errorf("Thursday after two misses:\n got %q\nwant %q", td.Reason, want)
	}
	if td.Previous == nil || td.Previous.Target != 12 {
		t.Errorf("M2 offers the previous level's 12 min; Today.Previous is %+v", td.Previous)
	}
	if td := s.today(simStart.AddDays(4)); td.Reason != step+coach.MsgM3 || td.Previous != nil {
		t.Errorf("Friday after three misses: %q (previous %+v), want the step's reason and then M3", td.Reason, td.Previous)
	}
}

// M2 on the first rung offers the minimum only; so does a rung whose
// previous one asks no more than the minimum (Daily walk's 10 min after its
// 5-minute rung, which is the minimum's 5 minutes).
func TestM2OffersTheMinimumOnlyWhereNothingIsBelow(t *testing.T) {
	for _, tc := range []struct {
		plan  string
		level int
	}{{coach.DailyWalkID, 1}, {coach.DailyWalkID, 2}, {coach.YogaID, 1}} {
		s := newSim(t, tc.plan, coach.Schedule{Weekdays: weekdays()}, tc.level, 1)
		s.done(simStart, coach.EffortOK)
		td := s.today(simStart.AddDays(3))
		if !strings.HasSuffix(td.Reason, "Want the minimum version today ("+strings.ToLower(td.Plan.Minimum.Text[:1])+
			td.Plan.Minimum.Text[1:]+")? Starting small still counts.") || td.Previous != nil {
			t.Errorf("%s at %s: %q (previous %+v), want M2 with the minimum only", tc.plan, td.Text, td.Reason, td.Previous)
		}
	}
}

// After missed sessions, the decision ends with a word about coming back.
func TestComingBackAfterAMissIsNamedKindly(t *testing.T) {
	s := newSim(t, coach.DailyWalkID, coach.Schedule{Weekdays: weekdays()}, 4, 1)
	s.done(simStart, coach.EffortOK)
	if d := s.done(simStart.AddDays(2), coach.EffortOK); !strings.HasSuffix(d.Message, "One miss doesn't undo a habit, and this session shows it.") {
		t.Errorf("after one miss: %q", d.Message)
	}
	if d := s.done(simStart.AddDays(3), coach.EffortOK); strings.Contains(d.Message, "miss") {
		t.Errorf("with no miss: %q", d.Message)
	}
}

// A1's {k} is the completed sessions that moved the level, not every
// attempt: a partial on the way is an attempt but was not completed
// (COACH §6.6 A1 "You completed {k} sessions at {old}").
func TestA1CountsCompletedSessionsNotAttempts(t *testing.T) {
	s := newSim(t, coach.DailyWalkID, coach.Schedule{PerWeek: 5}, 3, 1)
	s.done(simStart, coach.EffortOK)
	s.ratio(simStart.AddDays(1), 0.5, coach.EffortOK) // a partial: an attempt, not completed
	s.done(simStart.AddDays(2), coach.EffortOK)
	s.done(simStart.AddDays(3), coach.EffortOK)
	d := s.done(simStart.AddDays(4), coach.EffortEasy)
	wantDecision(t, d, coach.CodeA1, 4, 1, s.g)
	if !strings.Contains(d.Message, "You completed 4 sessions at 12 min") {
		t.Errorf("A1 message %q; want it to count the 4 completed sessions", d.Message)
	}
}

// M2's "or the previous level's" (R8, clarified): `--previous` is a
// session judged against the previous level's target that counts as
// showing up and, like a minimum, is not an attempt; where M2 does not offer
// it, it is refused and nothing is recorded.
func TestPreviousLevelAfterTwoMisses(t *testing.T) {
	s := newSim(t, coach.DailyWalkID, coach.Schedule{Weekdays: weekdays()}, 4, 1)
	s.done(simStart, coach.EffortOK) // Monday; Tuesday and Wednesday missed
	if _, err := coach.Record(s.g, s.hist, coach.Entry{Day: simStart.AddDays(2), Outcome: coach.Done, Previous: true},
		simStart.AddDays(2)); err == nil || !strings.Contains(err.Error(), "today's target is walk 15 minutes") {
		t.Errorf("after one miss --previous should be refused with today's target; got %v", err)
	}
	thu := simStart.AddDays(3)
	d := s.log(thu, coach.Entry{Outcome: coach.Done, Previous: true, Effort: coach.EffortEasy})
	c := s.last.CheckIn
	if c.Outcome != coach.Minimum || c.Target != 12 || c.Achieved != 12 {
		t.Errorf("the previous level's session recorded as %v %v of %v, want a minimum of 12 against 12", c.Outcome, c.Achieved, c.Target)
	}
	if d.Action == coach.ActAdvance || s.g.Level != 4 {
		t.Errorf("it moved the level: %+v, level %d", d, s.g.Level)
	}
	// Its words are a lighter session's, not the minimum version's.
	if !strings.HasPrefix(d.Message, "The lighter session counts. Next time is walk 15 minutes again.") {
		t.Errorf("the previous level's session said %q", d.Message)
	}
	if td := s.today(simStart.AddDays(4)); !strings.Contains(td.Reason, "1/4 sessions done") || td.Previous != nil {
		t.Errorf("Friday counts it as an attempt or still offers it: %q", td.Reason)
	}
	// On the first rung M2 offers the minimum only: --previous is refused.
	first := newSim(t, coach.DailyWalkID, coach.Schedule{Weekdays: weekdays()}, 1, 1)
	first.done(simStart, coach.EffortOK)
	if _, err := coach.Record(first.g, first.hist, coach.Entry{Day: thu, Outcome: coach.Done, Previous: true}, thu); err == nil {
		t.Error("--previous on the first rung was recorded")
	}
}
