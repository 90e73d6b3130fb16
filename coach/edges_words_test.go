package coach_test

// The coach at its edges, continued (issue 11): first days, habit strength
// in gaps, the hints and the words, each named for the COACH rule it pins.

import (
	"strings"
	"testing"

	"tend/coach"
)

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
