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

// §6.5 Yoga: effort hard = straining → hold and "ease off to a comfortable stretch".
func TestHardYogaSaysEaseOffToAComfortableStretch(t *testing.T) {
	s := newSim(t, coach.YogaID, coach.Schedule{PerWeek: 4}, 3, 1)
	d := s.done(simStart, coach.EffortHard)
	if d.ReasonCode != coach.CodeH2 || !strings.Contains(d.Message, "Ease off to a comfortable stretch") {
		t.Errorf("hard yoga: %s %q", d.ReasonCode, d.Message)
	}
}

// §6.2 (clarified): a goal's creation day never counts as missed.
func TestAGoalsFirstDayIsNotAMiss(t *testing.T) {
	for _, sched := range []coach.Schedule{{PerWeek: 7}, {Weekdays: weekdays()}, {PerWeek: 5}} {
		s := newSim(t, coach.DailyWalkID, sched, 2, 1) // created on Monday simStart
		tue := simStart.AddDays(1)
		if got := s.today(tue).Reason; strings.Contains(got, "slipped") || strings.Contains(got, "miss") {
			t.Errorf("%+v: Tuesday's Today after a Monday start: %q", sched, got)
		}
		d := s.done(tue, coach.EffortOK)
		if strings.Contains(d.Message, "miss") || strings.Contains(d.Message, "back") {
			t.Errorf("%+v: the very first check-in says %q", sched, d.Message)
		}
		r := coach.ReviewOf(s.g, s.p, s.hist, tue)
		if r.PendingMiss || r.RunEnded {
			t.Errorf("%+v: the first day counts in the streak: %+v", sched, r)
		}
		if marks := coach.DayMarks(s.g, s.hist, simStart, simStart, tue); marks[0] == coach.MarkMissed {
			t.Errorf("%+v: the heatmap marks the creation day missed", sched)
		}
	}
}

// R2 (clarified): a goal never started keeps its start level and is never
// welcomed back.
func TestAGoalNeverStartedIsNeverWelcomedBack(t *testing.T) {
	s := newSim(t, coach.DailyWalkID, coach.Schedule{PerWeek: 5}, 4, 1)
	later := simStart.AddDays(56)
	td := s.today(later)
	if strings.Contains(td.Reason, "Welcome back") || td.Offer.Level != 4 {
		t.Errorf("56 days after the start: %q at level %d", td.Reason, td.Offer.Level)
	}
	d := s.done(later, coach.EffortOK)
	if strings.Contains(d.Message, "Welcome back") || d.ReasonCode == coach.CodeG2 || s.g.Level != 4 {
		t.Errorf("the first check-in: %s %q, level %d", d.ReasonCode, d.Message, s.g.Level)
	}
}

// §6.4 rule 1 (clarified): on a day without a session strength never rises;
// rule 2: unwell days leave it exactly as it was.
func TestStrengthNeverRisesWithoutASession(t *testing.T) {
	tests := []struct {
		name  string
		sched coach.Schedule
		gap   coach.Outcome // 0: days with no check-in at all
		days  int
	}{
		{"five missed weekdays at 5 a week", coach.Schedule{PerWeek: 5}, 0, 5},
		{"a fortnight unwell at 3 a week", coach.Schedule{PerWeek: 3}, coach.Unwell, 14},
		{"a week of rest days at 2 a week", coach.Schedule{PerWeek: 2}, coach.Rest, 7},
		{"a week away on weekdays", coach.Schedule{Weekdays: weekdays()}, coach.Away, 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, p := rvGoal(t, coach.YogaID, tt.sched, rvMon)
			// Three sessions on the last three days before the gap: the
			// rolling window is still full of them while the gap runs.
			hist := rvAll(rvMon, 21, coach.Done, 5, func(i int, _ coach.Day) bool { return i%7 < 3 })
			start := rvMon.AddDays(21)
			if tt.gap != 0 {
				hist = rvCat(hist, rvAll(start, tt.days, tt.gap, 0, nil))
			}
			prev := coach.ReviewOf(g, p, hist, start).Strength
			for i := 1; i <= tt.days; i++ {
				s := coach.ReviewOf(g, p, hist, start.AddDays(i)).Strength
				if s > prev+1e-12 {
					t.Fatalf("day %d of the gap: strength rose from %.4f to %.4f", i, prev, s)
				}
				if tt.gap == coach.Unwell || tt.gap == coach.Away {
					if s != prev {
						t.Fatalf("day %d %s: strength moved from %.4f to %.4f", i, tt.gap, prev, s)
					}
				}
				prev = s
			}
		})
	}
}

// §6.2 (clarified): the effort hint belongs to the plan's family, and the
// pain question tells soreness from pain.
func TestEffortHintsFollowThePlansFamily(t *testing.T) {
	custom := func(u coach.Unit) coach.Plan {
		p, err := coach.CustomPlan("Mine", coach.Custom{Unit: u, Start: 5, Step: 5, Max: 20, Every: 3})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name string
		p    coach.Plan
		e    coach.Effort
		want string
	}{
		{"walk: the talk test", mustPlan(t, coach.DailyWalkID), coach.EffortEasy, "could chat or sing, plenty left"},
		{"run: the talk test", mustPlan(t, coach.WalkToRunID), coach.EffortHard, "a few words at a time, had to stop or grind it out"},
		{"strength: reps in reserve", mustPlan(t, coach.StrengthID), coach.EffortOK, "1–3 reps left"},
		{"strength hard", mustPlan(t, coach.StrengthID), coach.EffortHard, "none left, or form slipped"},
		{"yoga: the stretch", mustPlan(t, coach.YogaID), coach.EffortHard, "straining, shaking or holding your breath"},
		{"mindful: staying with it", mustPlan(t, coach.MindfulID), coach.EffortOK, "drifted, kept coming back"},
		{"custom reps as strength", custom(coach.Reps), coach.EffortEasy, "4 or more reps left"},
		{"custom km as walk", custom(coach.Km), coach.EffortOK, "sentences, not songs, a fair push"},
		{"custom times without a hint", custom(coach.Times), coach.EffortOK, ""},
	}
	for _, tt := range tests {
		if got := coach.EffortHint(tt.p, tt.e); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
	for _, p := range []coach.Plan{mustPlan(t, coach.StrengthID), mustPlan(t, coach.YogaID), mustPlan(t, coach.MindfulID)} {
		for _, e := range coach.Efforts {
			if h := coach.EffortHint(p, e); strings.Contains(h, "chat") || strings.Contains(h, "sing") {
				t.Errorf("%s %s: the talk test %q", p.ID, e, h)
			}
		}
	}
	sore, pain := coach.PainHint(coach.PainSore), coach.PainHint(coach.PainPain)
	if !strings.Contains(sore, "dull ache") || !strings.Contains(sore, "a day or two") ||
		!strings.Contains(pain, "sharp") || !strings.Contains(pain, "joint") {
		t.Errorf("soreness %q and pain %q are not told apart", sore, pain)
	}
}

// §5 (clarified): tend says "your doctor" or "a doctor", never "GP" alone;
// and a first session's Today does not read "A gentle start at 15 min walk".
func TestTheWordsSayDoctorAndReadWell(t *testing.T) {
	for where, s := range visibleTexts(t) {
		if strings.Contains(strings.ReplaceAll(s, "doctor (GP)", ""), "GP") {
			t.Errorf("%s says GP: %q", where, s)
		}
	}
	s := newSim(t, coach.StrengthID, coach.Schedule{PerWeek: 2}, 5, 1)
	if d := s.log(simStart, coach.Entry{Outcome: coach.Done, Pain: coach.PainPain}); d.ReasonCode != coach.CodeP1 ||
		strings.Contains(d.Message, "GP") || !strings.Contains(d.Message, "a doctor or physio") {
		t.Errorf("P1: %q", d.Message)
	}
	if strings.Contains(coach.MsgO1, "GP") || !strings.Contains(coach.MsgO1, "talk to your doctor") {
		t.Errorf("O1: %q", coach.MsgO1)
	}
	w := newSim(t, coach.WalkToRunID, coach.Schedule{PerWeek: 3}, 2, 1)
	if got := w.today(simStart).Reason; strings.Contains(got, " at 15 min walk") {
		t.Errorf("a gentle start reads %q", got)
	}
}

// §6.2 (clarified): the week's ask N′ is N less one for each rest, unwell or
// away day logged, "so a logged rest day is never a missed session".
func TestALoggedRestDayIsNeverAMissedSession(t *testing.T) {
	s := newSim(t, coach.WalkToRunID, coach.Schedule{PerWeek: 3}, 2, 1) // from Monday 5 January
	s.done(simStart, coach.EffortOK)
	s.log(simStart.AddDays(1), coach.Entry{Outcome: coach.Rest})
	s.done(simStart.AddDays(2), coach.EffortOK) // two runs and a rest: N′ = 2
	nextMon := simStart.AddDays(7)
	if got := s.today(nextMon).Reason; strings.Contains(got, "slipped") {
		t.Errorf("Monday after: %q", got)
	}
	if r := coach.ReviewOf(s.g, s.p, s.hist, nextMon); r.PendingMiss || r.ShowUpStreak != 2 {
		t.Errorf("streak %d, pending miss %v; want 2 and none", r.ShowUpStreak, r.PendingMiss)
	}
	if line, _ := coach.WeeklyReview(s.g, s.p, s.hist, nextMon); !strings.Contains(line, "2/2 sessions") {
		t.Errorf("W1: %q, want 2/2", line)
	}
}

// twentyYears is how many sessions the long run below has: about 20 years
// at 3 a week, read through the store's window of coach.RecentDays.
const twentyYears = 20 * 52 * 3

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
