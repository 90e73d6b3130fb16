package coach_test

// The guards (R0, the ping-pong guard, R7), the minimum, graduation and the
// M lines after missed sessions, driven through the same coachSim as the
// acceptance examples in decide_test.go.

import (
	"strings"
	"testing"
	"time"

	"tend/coach"
)

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
