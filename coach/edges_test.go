package coach_test

import (
	"strings"
	"testing"

	"tend/coach"
)

// The coach at its edges (issue 11): each test is named for the clarified
// rule of COACH.md it pins, and fails on the behaviour the issue found.

// Ping-pong guard (§6.3 step 2, clarified): "the bridge is taken once per
// return" — an advance that comes off the bridge goes on into the level.
func TestPingPongBridgeIsTakenOncePerReturn(t *testing.T) {
	tests := []struct {
		name         string
		plan         string
		sched        coach.Schedule
		level        int
		bridgeTarget float64 // the in-between step's target
		next         float64 // the level's target after it
	}{
		{"Daily walk at 15 min: the 14-min step, then 15", coach.DailyWalkID, coach.Schedule{PerWeek: 7}, 4, 14, 15},
		{"Walk to run week 4: the 12 run-minute bridge, then week 4", coach.WalkToRunID, coach.Schedule{PerWeek: 3}, 8, 12, 16},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSim(t, tt.plan, tt.sched, tt.level, 1)
			day := simStart
			next := func() coach.Day { day = day.AddDays(2); return day }
			// Two struggles step back; the level below is then completed.
			s.ratio(day, 0.3, coach.EffortOK)
			wantDecision(t, s.ratio(next(), 0.3, coach.EffortOK), coach.CodeB1, tt.level-1, 1, s.g)
			for s.g.Level < tt.level || (!s.g.Bridge && s.g.Level == tt.level-1) {
				s.done(next(), coach.EffortOK)
				if day.DaysSince(simStart) > 120 {
					t.Fatalf("never came back to level %d: at %d", tt.level, s.g.Level)
				}
			}
			if !s.g.Bridge || coach.Offered(s.g, s.p).Target != tt.bridgeTarget {
				t.Fatalf("the return went to %v (bridge %v); want the %v bridge", coach.Offered(s.g, s.p).Target, s.g.Bridge, tt.bridgeTarget)
			}
			for s.g.Bridge {
				d := s.done(next(), coach.EffortOK)
				if d.ReasonCode == coach.CodeB2 {
					t.Fatalf("off the bridge, back onto it: %q", d.Message)
				}
				if day.DaysSince(simStart) > 120 {
					t.Fatal("stuck on the bridge")
				}
			}
			if s.g.Level != tt.level || coach.Offered(s.g, s.p).Target != tt.next {
				t.Errorf("off the bridge at level %d, %v; want level %d, %v", s.g.Level, coach.Offered(s.g, s.p).Target, tt.level, tt.next)
			}
		})
	}
}

// graduate runs a goal at the top rung of its plan until it finishes it.
func graduate(t *testing.T, planID string, s coach.Schedule) (*coachSim, coach.Day) {
	t.Helper()
	p := mustPlan(t, planID)
	sim := newSim(t, planID, s, len(p.Levels), 1)
	day := simStart
	for i := 0; i < 20 && !sim.g.Graduated; i++ {
		sim.done(day, coach.EffortOK)
		day = day.AddDays(1 + p.MinRestDays)
	}
	if !sim.g.Graduated || sim.last.Decision.ReasonCode != coach.CodeA2 {
		t.Fatalf("%s did not graduate: %s", planID, sim.last.Decision.ReasonCode)
	}
	return sim, day
}

// After graduation (§6.3, clarified): A2 once; R2 keeps the level (G0 after
// a long gap); R3, R5, the ping-pong guard and R7 never apply; R6 says H4.
func TestAfterGraduationTheTopRungIsKept(t *testing.T) {
	for _, planID := range []string{coach.MindfulID, coach.DailyWalkID, coach.WalkToRunID, coach.YogaID, coach.StrengthID} {
		t.Run(planID, func(t *testing.T) {
			s, day := graduate(t, planID, coach.Schedule{PerWeek: 3})
			top := s.g.Level
			// Years of it, with long gaps and hard and short sessions: never
			// finished again, never bridged, stepped or eased down.
			for i := 0; i < 150; i++ {
				switch i % 10 {
				case 3:
					day = day.AddDays(40) // a long gap
				case 5, 6:
					s.ratio(day, 0.3, coach.EffortHard)
					day = day.AddDays(2)
					continue
				}
				d := s.done(day, coach.EffortEasy)
				if d.ReasonCode == coach.CodeA2 || d.ReasonCode == coach.CodeB2 || d.ReasonCode == coach.CodeB1 ||
					d.ReasonCode == coach.CodeB3 || d.ReasonCode == coach.CodeG1 || d.ReasonCode == coach.CodeG2 {
					t.Fatalf("session %d after graduating: %s %q", i, d.ReasonCode, d.Message)
				}
				if s.g.Level != top || s.g.Bridge || strings.Contains(d.Message, "You finished") && d.ReasonCode != coach.CodeH4 {
					t.Fatalf("session %d: level %d (bridge %v), %q", i, s.g.Level, s.g.Bridge, d.Message)
				}
				day = day.AddDays(2)
			}
			if d := s.done(day, coach.EffortOK); d.ReasonCode != coach.CodeH4 || !strings.HasPrefix(d.Message, "Keeping it up") {
				t.Errorf("a session after graduation: %s %q, want H4", d.ReasonCode, d.Message)
			}
		})
	}
}

// Today after graduation says H4, never "moves on after N" on a goal that
// cannot move on (§6.3 R6, clarified).
func TestTodayNeverSaysMovesOnAfterGraduation(t *testing.T) {
	s, day := graduate(t, coach.MindfulID, coach.Schedule{PerWeek: 7})
	for i := 0; i < 6; i++ {
		s.done(day, coach.EffortOK)
		day = day.AddDays(1)
	}
	td := s.today(day)
	if strings.Contains(td.Reason, "moves on") || !strings.HasPrefix(td.Reason, "Keeping it up: sit quietly, 10 minutes") {
		t.Errorf("Today after graduating: %q, want H4", td.Reason)
	}
}

// A2 asks what is next only where a next plan exists: Daily walk → Walk to
// run; every other plan's next step is keeping it (§6.3, §6.6 A2, clarified).
func TestGraduationAsksWhatsNextOnlyWhereThereIsANextPlan(t *testing.T) {
	tests := []struct {
		plan string
		ends string
		asks bool
	}{
		{coach.DailyWalkID, "Keep it, or start Walk to run?", true},
		{coach.WalkToRunID, "From here each session keeps it going.", false},
		{coach.StrengthID, "From here each session keeps it going.", false},
		{coach.YogaID, "From here each session keeps it going.", false},
		{coach.MindfulID, "From here each session keeps it going.", false},
	}
	for _, tt := range tests {
		t.Run(tt.plan, func(t *testing.T) {
			s, day := graduate(t, tt.plan, coach.Schedule{PerWeek: 3})
			msg := s.last.Decision.Message
			if !strings.Contains(msg, "You finished "+s.p.Name+".") || !strings.HasSuffix(msg, tt.ends) ||
				strings.Contains(msg, "pick what's next") {
				t.Errorf("A2 = %q, want it to end %q", msg, tt.ends)
			}
			if s.g.AsksWhatsNext() != tt.asks {
				t.Errorf("AsksWhatsNext = %v, want %v", s.g.AsksWhatsNext(), tt.asks)
			}
			// Until "keep it" is chosen, Today ends with the question; after it, no more.
			s.done(day, coach.EffortOK)
			for day = day.AddDays(1); !coach.Due(s.g, s.p, s.hist, day); day = day.AddDays(1) {
			}
			if got := s.today(day).Reason; strings.HasSuffix(got, "Walk to run?") != tt.asks {
				t.Errorf("Today after a session: %q", got)
			}
			s.g = s.g.KeepIt()
			if got := s.today(day).Reason; strings.Contains(got, "?") || s.g.AsksWhatsNext() {
				t.Errorf("Today after keep it: %q", got)
			}
			next, ok, err := coach.StartNextPlan(s.g, coach.Schedule{PerWeek: 3}, day)
			if err != nil || ok != tt.asks || ok && (next.PlanID != coach.WalkToRunID || next.Level != 4) {
				t.Errorf("StartNextPlan = %s level %d, %v, %v; want Walk to run at P4 only after Daily walk",
					next.PlanID, next.Level, ok, err)
			}
		})
	}
}

// R5 (clarified): the W5 run-3 alternative takes that session's place once,
// on the same step, no bridge: done once, week 5 is done.
func TestTheW5R3AlternativeTakesThatSessionsPlaceOnce(t *testing.T) {
	s := newSim(t, coach.WalkToRunID, coach.Schedule{PerWeek: 3}, 9, 1)
	day := simStart
	for i := 0; i < 2; i++ { // runs 1 and 2 of week 5, done well
		s.done(day, coach.EffortOK)
		day = day.AddDays(2)
	}
	for i := 0; i < 4 && !s.g.Alternative; i++ { // run 3 short of its 20 minutes
		if s.g.Variant != 3 {
			t.Fatalf("attempt %d of run 3 is at run %d", i, s.g.Variant)
		}
		s.ratio(day, 0.6, coach.EffortOK)
		day = day.AddDays(2)
	}
	if !s.g.Alternative || s.g.Bridge || s.g.Level != 9 || s.g.Variant != 3 {
		t.Fatalf("after 6 attempts at week 5: level %d run %d, alternative %v, bridge %v", s.g.Level, s.g.Variant, s.g.Alternative, s.g.Bridge)
	}
	td := s.today(day)
	if !strings.Contains(strings.ToLower(td.Text), "run 12 min, walk 2 min, run 8 min") || td.Offer.Bridge {
		t.Errorf("Today offers %q (bridge %v), want the alternative", td.Text, td.Offer.Bridge)
	}
	if got := s.log(day, coach.Entry{Outcome: coach.Done}); got.ReasonCode != coach.CodeA1 || s.g.Level != 10 || s.g.Alternative {
		t.Errorf("the alternative done: %s to level %d (alternative %v); want A1 to week 6", got.ReasonCode, s.g.Level, s.g.Alternative)
	}
}

// R6 (clarified): the projection the morning after names what is missing as
// the decision did; after (ok, ok, hard) it is H2, not "3/3 … moves on after 3".
func TestTodayAfterH2DoesNotContradictIt(t *testing.T) {
	tests := []struct {
		name  string
		plan  string
		sched coach.Schedule
		level int
		want  string
	}{
		{"Walk to run week 4", coach.WalkToRunID, coach.Schedule{PerWeek: 3}, 8, "week 4 once more — last time felt hard"},
		{"Daily walk", coach.DailyWalkID, coach.Schedule{PerWeek: 7}, 3, "Let's repeat 12 min once more"},
		{"Strength, hard breaks the run of two", coach.StrengthID, coach.Schedule{PerWeek: 2}, 5, "Let's repeat 2×8 once more"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSim(t, tt.plan, tt.sched, tt.level, 1)
			k := s.p.AdvanceAfter
			day := simStart
			for i := 0; i < k; i++ {
				eff := coach.EffortOK
				if i == k-1 {
					eff = coach.EffortHard
				}
				s.done(day, eff)
				day = day.AddDays(1 + s.p.MinRestDays)
			}
			if s.last.Decision.ReasonCode != coach.CodeH2 {
				t.Fatalf("the hard last one: %s", s.last.Decision.ReasonCode)
			}
			for !coach.Due(s.g, s.p, s.hist, day) {
				day = day.AddDays(1)
			}
			if got := s.today(day).Reason; !strings.Contains(got, tt.want) || strings.Contains(got, "moves on after") {
				t.Errorf("Today after H2: %q, want %q", got, tt.want)
			}
		})
	}
}

// The 20-year history: "You finished…" once, never an in-between
// step after it, whatever the gaps and the hard days (§6.3, clarified).
func TestTwentyYearsAtTheTopFinishOnce(t *testing.T) {
	s, day := graduate(t, coach.MindfulID, coach.Schedule{PerWeek: 3})
	finished := 0
	for i := 0; i < twentyYears; i++ {
		cut := day.AddDays(-coach.RecentDays)
		for len(s.hist) > 0 && s.hist[0].Day.Before(cut) {
			s.hist = s.hist[1:]
		}
		eff := []coach.Effort{coach.EffortEasy, coach.EffortOK, coach.EffortHard}[i%3]
		d := s.ratio(day, []float64{1, 1, 0.4, 1, 0.8}[i%5], eff)
		switch d.ReasonCode {
		case coach.CodeA2:
			finished++
		case coach.CodeB1, coach.CodeB2, coach.CodeB3, coach.CodeG1, coach.CodeG2:
			t.Fatalf("session %d after graduating: %s %q", i, d.ReasonCode, d.Message)
		}
		day = day.AddDays([]int{2, 2, 3, 16, 2, 9}[i%6])
	}
	if finished != 0 || s.g.Level != len(s.p.Levels) {
		t.Errorf("finished again %d times; level %d", finished, s.g.Level)
	}
}
