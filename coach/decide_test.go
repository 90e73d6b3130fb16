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
