package coach_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"tend/coach"
)

// walkGoal is a Daily walk goal at its default start (level 2, 10 minutes),
// five days a week, made the week before the test week.
func walkGoal(t *testing.T) coach.Goal {
	t.Helper()
	g := mustGoal(t, coach.DailyWalkID, fivePerWeek, lastMon)
	if g.Level != 2 {
		t.Fatalf("Daily walk starts at level %d, want 2", g.Level)
	}
	return g
}

func mustRecord(t *testing.T, g coach.Goal, recent []coach.CheckIn, e coach.Entry, today coach.Day) coach.Recorded {
	t.Helper()
	r, err := coach.Record(g, recent, e, today)
	if err != nil {
		t.Fatalf("Record(%+v): %v", e, err)
	}
	return r
}

func TestRecordFillsInWhatWasAchieved(t *testing.T) {
	tests := []struct {
		name     string
		plan     string
		e        coach.Entry
		achieved float64
		target   float64
	}{
		{"done without an amount achieves the target", coach.DailyWalkID, coach.Entry{Day: wed, Outcome: done}, 10, 10},
		{"done with more than the target keeps the amount", coach.DailyWalkID, coach.Entry{Day: wed, Outcome: done, Amount: 14}, 14, 10},
		{"partial keeps its amount", coach.DailyWalkID, coach.Entry{Day: wed, Outcome: partial, Amount: 6}, 6, 10},
		{"minimum achieves the plan's minimum", coach.DailyWalkID, coach.Entry{Day: wed, Outcome: minimum}, 5, 10},
		{"minimum of walk to run", coach.WalkToRunID, coach.Entry{Day: wed, Outcome: minimum}, 5, 10},
		{"minimum of strength", coach.StrengthID, coach.Entry{Day: wed, Outcome: minimum}, 5, 20},
		{"minimum of mindful minutes", coach.MindfulID, coach.Entry{Day: wed, Outcome: minimum}, 0.5, 2},
		{"rest achieves nothing", coach.DailyWalkID, coach.Entry{Day: wed, Outcome: rest, Amount: 12, Effort: coach.EffortHard, Pain: coach.PainPain}, 0, 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := mustGoal(t, tt.plan, coach.Schedule{PerWeek: mustPlan(t, tt.plan).PerWeek}, lastMon)
			r := mustRecord(t, g, nil, tt.e, fri)
			c := r.CheckIn
			if c.Achieved != tt.achieved || c.Target != tt.target {
				t.Errorf("achieved %v of %v, want %v of %v", c.Achieved, c.Target, tt.achieved, tt.target)
			}
			if c.Day != wed || c.Outcome != tt.e.Outcome || c.Level != g.Level || c.Variant != 1 || c.Bridge {
				t.Errorf("check-in %+v does not record the day, outcome and step", c)
			}
			if want := tt.achieved / tt.target; math.Abs(c.Ratio()-want) > 1e-12 {
				t.Errorf("Ratio() = %v, want %v", c.Ratio(), want)
			}
		})
	}
}

func TestRecordRestUnwellAwayAreRestDays(t *testing.T) {
	tests := []struct {
		o    coach.Outcome
		code coach.Code
		msg  string
	}{
		{rest, coach.CodeZ1, coach.MsgZ1},
		{unwell, coach.CodeZ2, coach.MsgZ2},
		{away, coach.CodeZ3, coach.MsgZ3},
	}
	for _, tt := range tests {
		t.Run(tt.o.String(), func(t *testing.T) {
			g := walkGoal(t)
			r := mustRecord(t, g, nil, coach.Entry{Day: wed, Outcome: tt.o, Effort: coach.EffortHard, Pain: coach.PainSore}, wed)
			if r.CheckIn.Effort != coach.EffortOK || r.CheckIn.Pain != coach.PainNone || r.CheckIn.Achieved != 0 {
				t.Errorf("a %s day kept effort %v, pain %v, amount %v", tt.o, r.CheckIn.Effort, r.CheckIn.Pain, r.CheckIn.Achieved)
			}
			if r.Decision.Action != coach.ActNone || r.Decision.ReasonCode != tt.code {
				t.Errorf("decision %v %s, want none %s", r.Decision.Action, r.Decision.ReasonCode, tt.code)
			}
			// The sentence reaches the person, as the celebration line or as
			// the decision's reason.
			if shown := r.Message + " " + r.Decision.Message; !strings.Contains(shown, tt.msg) {
				t.Errorf("Message %q, decision %q; want %q", r.Message, r.Decision.Message, tt.msg)
			}
			if r.Goal.Level != g.Level {
				t.Errorf("a %s day moved the level from %d to %d", tt.o, g.Level, r.Goal.Level)
			}
		})
	}
}

func TestRecordRefusesWhatCannotBeSaved(t *testing.T) {
	g := walkGoal(t)
	paused := withStatus(g, tue, coach.Paused)
	held := withStatus(g, tue, coach.SafetyHold)
	tests := []struct {
		name string
		g    coach.Goal
		e    coach.Entry
		want error
	}{
		{"tomorrow", g, coach.Entry{Day: thu, Outcome: done}, coach.ErrFutureDate},
		{"next week", g, coach.Entry{Day: nextMon, Outcome: rest}, coach.ErrFutureDate},
		{"no day", g, coach.Entry{Outcome: done}, coach.ErrBadDate},
		{"no outcome", g, coach.Entry{Day: wed}, coach.ErrBadValue},
		{"an outcome that does not exist", g, coach.Entry{Day: wed, Outcome: coach.Outcome(9)}, coach.ErrBadValue},
		{"partial without an amount", g, coach.Entry{Day: wed, Outcome: partial}, coach.ErrBadValue},
		{"negative amount", g, coach.Entry{Day: wed, Outcome: done, Amount: -5}, coach.ErrBadValue},
		{"absurd amount", g, coach.Entry{Day: wed, Outcome: done, Amount: 100001}, coach.ErrBadValue},
		// A day has 1440 minutes: 99999 is a typo, and would sit in the
		// totals and active minutes for good.
		{"more minutes than a day has", g, coach.Entry{Day: wed, Outcome: done, Amount: 1441}, coach.ErrBadValue},
		{"not a number", g, coach.Entry{Day: wed, Outcome: partial, Amount: math.NaN()}, coach.ErrBadValue},
		{"infinite", g, coach.Entry{Day: wed, Outcome: done, Amount: math.Inf(1)}, coach.ErrBadValue},
		{"mood before 11", g, coach.Entry{Day: wed, Outcome: done, MoodBefore: ptr(11)}, coach.ErrBadValue},
		{"mood after -1", g, coach.Entry{Day: wed, Outcome: done, MoodAfter: ptr(-1)}, coach.ErrBadValue},
		{"done while paused", paused, coach.Entry{Day: wed, Outcome: done}, coach.ErrNotActive},
		{"partial while paused", paused, coach.Entry{Day: wed, Outcome: partial, Amount: 3}, coach.ErrNotActive},
		{"minimum while paused", paused, coach.Entry{Day: wed, Outcome: minimum}, coach.ErrNotActive},
		{"done in safety hold", held, coach.Entry{Day: wed, Outcome: done}, coach.ErrNotActive},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := coach.Record(tt.g, nil, tt.e, wed)
			if !errors.Is(err, tt.want) {
				t.Errorf("Record = %+v, %v; want %v", r.CheckIn, err, tt.want)
			}
		})
	}
}

func TestRecordAcceptsRestDaysWhilePausedAndMoodsAtTheEnds(t *testing.T) {
	g := walkGoal(t)
	paused := withStatus(g, tue, coach.Paused)
	ok := []struct {
		name string
		g    coach.Goal
		e    coach.Entry
	}{
		{"rest while paused", paused, coach.Entry{Day: wed, Outcome: rest}},
		{"unwell while paused", paused, coach.Entry{Day: wed, Outcome: unwell}},
		{"away while paused", paused, coach.Entry{Day: wed, Outcome: away}},
		{"done on a day before the pause", paused, coach.Entry{Day: mon, Outcome: done}},
		{"today", g, coach.Entry{Day: wed, Outcome: done}},
		{"a back-fill", g, coach.Entry{Day: lastMon, Outcome: done}},
		{"moods 0 and 10", g, coach.Entry{Day: wed, Outcome: done, MoodBefore: ptr(0), MoodAfter: ptr(10)}},
	}
	for _, tt := range ok {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := coach.Record(tt.g, nil, tt.e, wed); err != nil {
				t.Errorf("Record: %v", err)
			}
		})
	}
}

func TestRecordMergesTheSameDay(t *testing.T) {
	g := walkGoal(t) // target 10 min
	earlier := func(o coach.Outcome, amount float64, e coach.Effort, p coach.Pain) coach.CheckIn {
		c := ci(g, wed, o)
		c.Achieved, c.Target, c.Effort, c.Pain = amount, 10, e, p
		return c
	}
	tests := []struct {
		name     string
		earlier  coach.CheckIn
		later    coach.Entry
		outcome  coach.Outcome
		achieved float64
		effort   coach.Effort
		pain     coach.Pain
	}{
		{"amounts add and stay partial below 90%",
			earlier(partial, 4, coach.EffortEasy, coach.PainNone),
			coach.Entry{Day: wed, Outcome: partial, Amount: 4, Effort: coach.EffortOK},
			partial, 8, coach.EffortOK, coach.PainNone},
		// COACH §6.2 (clarified): the outcome follows the sum, partial below
		// the target; 90% still counts as completed where the engine judges.
		{"two partials at 90% stay partial",
			earlier(partial, 5, coach.EffortOK, coach.PainNone),
			coach.Entry{Day: wed, Outcome: partial, Amount: 4},
			partial, 9, coach.EffortOK, coach.PainNone},
		{"two partials reaching the target are a done day",
			earlier(partial, 5, coach.EffortOK, coach.PainNone),
			coach.Entry{Day: wed, Outcome: partial, Amount: 5},
			done, 10, coach.EffortOK, coach.PainNone},
		{"two partials past the target are a done day",
			earlier(partial, 6, coach.EffortOK, coach.PainNone),
			coach.Entry{Day: wed, Outcome: partial, Amount: 6},
			done, 12, coach.EffortOK, coach.PainNone},
		// COACH §6.2 (clarified), SYNC §7.1: the most demanding effort stands.
		{"the harder effort stands, even when the later was easier",
			earlier(partial, 3, coach.EffortHard, coach.PainNone),
			coach.Entry{Day: wed, Outcome: partial, Amount: 2, Effort: coach.EffortEasy},
			partial, 5, coach.EffortHard, coach.PainNone},
		{"the worse pain stands when the later one is milder",
			earlier(partial, 3, coach.EffortOK, coach.PainPain),
			coach.Entry{Day: wed, Outcome: partial, Amount: 2, Pain: coach.PainNone},
			partial, 5, coach.EffortOK, coach.PainPain},
		{"the worse pain stands when the later one is worse",
			earlier(partial, 3, coach.EffortOK, coach.PainSore),
			coach.Entry{Day: wed, Outcome: partial, Amount: 2, Pain: coach.PainWarning},
			partial, 5, coach.EffortOK, coach.PainWarning},
		// SYNC §7.1: with a done or partial among them, the sum decides.
		{"a minimum after a partial adds the minimum to the partial",
			earlier(partial, 3, coach.EffortOK, coach.PainNone),
			coach.Entry{Day: wed, Outcome: minimum},
			partial, 8, coach.EffortOK, coach.PainNone},
		{"a done after a rest day entry is a done day",
			earlier(rest, 0, coach.EffortOK, coach.PainNone),
			coach.Entry{Day: wed, Outcome: done},
			done, 10, coach.EffortOK, coach.PainNone},
		// Issue 11: a rest never overwrites a session logged that day.
		{"a rest after a done keeps the done",
			earlier(done, 10, coach.EffortHard, coach.PainSore),
			coach.Entry{Day: wed, Outcome: rest},
			done, 10, coach.EffortHard, coach.PainSore},
		{"unwell outranks a rest when neither is a session",
			earlier(rest, 0, coach.EffortOK, coach.PainNone),
			coach.Entry{Day: wed, Outcome: coach.Unwell},
			coach.Unwell, 0, coach.EffortOK, coach.PainNone},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recent := []coach.CheckIn{ci(g, mon, done), tt.earlier}
			r := mustRecord(t, g, recent, tt.later, wed)
			c := r.CheckIn
			if c.Outcome != tt.outcome || c.Achieved != tt.achieved || c.Effort != tt.effort || c.Pain != tt.pain {
				t.Errorf("merged %v %v %v %v, want %v %v %v %v",
					c.Outcome, c.Achieved, c.Effort, c.Pain, tt.outcome, tt.achieved, tt.effort, tt.pain)
			}
			if c.Day != wed {
				t.Errorf("merged check-in on %s, want %s", c.Day, wed)
			}
		})
	}
}

func TestRecordMergeKeepsEarlierMoodAndNoteUnlessGivenAgain(t *testing.T) {
	g := walkGoal(t)
	first := ci(g, wed, partial)
	first.Achieved, first.Target, first.MoodBefore, first.MoodAfter, first.Note = 3, 10, ptr(3), ptr(5), "morning"
	r := mustRecord(t, g, []coach.CheckIn{first}, coach.Entry{Day: wed, Outcome: partial, Amount: 3, MoodAfter: ptr(8)}, wed)
	c := r.CheckIn
	if c.MoodBefore == nil || *c.MoodBefore != 3 || c.MoodAfter == nil || *c.MoodAfter != 8 || c.Note != "morning" {
		t.Errorf("merged moods %v/%v note %q, want 3/8 and \"morning\"", c.MoodBefore, c.MoodAfter, c.Note)
	}
}

func TestRecordMessageCelebratesAndCountsTheWeek(t *testing.T) {
	g := walkGoal(t)
	twoDone := []coach.CheckIn{ci(g, mon, done), ci(g, tue, partial)}
	tests := []struct {
		name   string
		recent []coach.CheckIn
		e      coach.Entry
		prefix string
	}{
		{"first of the week", nil, coach.Entry{Day: wed, Outcome: done}, "Done: 10 min. That's 1 this week."},
		{"third of the week", twoDone, coach.Entry{Day: wed, Outcome: done}, "Done: 10 min. That's 3 this week."},
		{"done with an amount", twoDone, coach.Entry{Day: wed, Outcome: done, Amount: 12}, "Done: 12 min. That's 3 this week."},
		{"partial", twoDone, coach.Entry{Day: wed, Outcome: partial, Amount: 6}, "Logged 6 min of 10 min. That's 3 this week."},
		{"minimum", nil, coach.Entry{Day: wed, Outcome: minimum}, "Showed up: 5 min. That's 1 this week."},
		{"last week's sessions are not this week's", []coach.CheckIn{ci(g, lastSun, done), ci(g, lastMon, done)},
			coach.Entry{Day: wed, Outcome: done}, "Done: 10 min. That's 1 this week."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := mustRecord(t, g, tt.recent, tt.e, wed)
			if !strings.HasPrefix(r.Message, tt.prefix) {
				t.Errorf("Message = %q, want it to start %q", r.Message, tt.prefix)
			}
			if !strings.Contains(r.Message, coach.MsgCelebrate) {
				t.Errorf("Message = %q, want the celebration %q", r.Message, coach.MsgCelebrate)
			}
		})
	}
}

// COACH §6.2 (clarified): mood before is the first given, mood after the
// last; distinct notes are joined. A rest after a walk keeps the walk's
// mood and note and adds only what the rest itself gave.
func TestRecordMergesMoodsAndNotes(t *testing.T) {
	g := walkGoal(t) // target 10 min
	three, seven, five := 3, 7, 5
	walk := ci(g, wed, coach.Done)
	walk.Achieved, walk.Target, walk.MoodBefore, walk.MoodAfter, walk.Note = 10, 10, &three, &seven, "by the river"
	r := mustRecord(t, g, []coach.CheckIn{walk}, coach.Entry{Day: wed, Outcome: coach.Rest}, wed)
	c := r.CheckIn
	if c.Outcome != coach.Done || c.Note != "by the river" || *c.MoodBefore != 3 || *c.MoodAfter != 7 {
		t.Errorf("a rest after a walk: %v %q before %v after %v", c.Outcome, c.Note, *c.MoodBefore, *c.MoodAfter)
	}
	r = mustRecord(t, g, []coach.CheckIn{walk}, coach.Entry{Day: wed, Outcome: coach.Done, Amount: 5,
		MoodBefore: &five, MoodAfter: &five, Note: "and again"}, wed)
	c = r.CheckIn
	if c.Achieved != 15 || c.Note != "by the river · and again" || *c.MoodBefore != 3 || *c.MoodAfter != 5 {
		t.Errorf("a second walk: %v %q before %v after %v", c.Achieved, c.Note, *c.MoodBefore, *c.MoodAfter)
	}
	r = mustRecord(t, g, []coach.CheckIn{r.CheckIn}, coach.Entry{Day: wed, Outcome: coach.Done, Amount: 1, Note: "by the river"}, wed)
	if r.CheckIn.Note != "by the river · and again" {
		t.Errorf("a note given twice is kept once: %q", r.CheckIn.Note)
	}
}

// A whole day of minutes is accepted, and a second session may not take a
// day past its 1440 minutes.
func TestRecordMinutesFitInADay(t *testing.T) {
	g := walkGoal(t)
	r, err := coach.Record(g, nil, coach.Entry{Day: wed, Outcome: done, Amount: 1440}, wed)
	if err != nil {
		t.Fatalf("1440 minutes: %v", err)
	}
	if _, err := coach.Record(r.Goal, []coach.CheckIn{r.CheckIn}, coach.Entry{Day: wed, Outcome: done, Amount: 1}, wed); !errors.Is(err, coach.ErrBadValue) {
		t.Errorf("1441 minutes in one day over two sessions: %v, want ErrBadValue", err)
	}
}

// A warning sign logged for an older day holds the goal as one logged on
// the day does (COACH R0: "a back-filled one too"), so the words are the
// safety message, never a celebration.
func TestABackFilledWarningSaysStopNow(t *testing.T) {
	g := walkGoal(t)
	thu := wed.AddDays(1)
	recent := []coach.CheckIn{mustRecord(t, g, nil, coach.Entry{Day: thu, Outcome: done}, thu).CheckIn}
	r := mustRecord(t, g, recent, coach.Entry{Day: wed, Outcome: done, Pain: coach.PainWarning}, thu)
	if r.Decided {
		t.Fatalf("a back-fill decided: %+v", r.Decision)
	}
	if !strings.HasPrefix(r.Message, "Stop now.") || !strings.Contains(r.Message, "until you've been checked") ||
		!strings.Contains(r.Message, "Logged for "+wed.String()) {
		t.Errorf("a back-filled warning says %q, want the S1 words and the day it was logged for", r.Message)
	}
	for _, cheer := range []string{"That's", "notice you did it", "Done:"} {
		if strings.Contains(r.Message, cheer) {
			t.Errorf("a back-filled warning celebrates (%q): %q", cheer, r.Message)
		}
	}
}
