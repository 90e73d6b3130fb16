package coach_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"tend/coach"
)

// rvDays reads a history written one character a day from day from:
// d done, p partial, m minimum, r rest, u unwell, a away, . nothing.
// Spaces (between weeks) are skipped. It returns the check-ins and the day
// after the last one.
func rvDays(from coach.Day, pattern string) ([]coach.CheckIn, coach.Day) {
	outcomes := map[rune]coach.Outcome{'d': coach.Done, 'p': coach.Partial, 'm': coach.Minimum,
		'r': coach.Rest, 'u': coach.Unwell, 'a': coach.Away}
	var out []coach.CheckIn
	d := from
	for _, ch := range strings.ReplaceAll(pattern, " ", "") {
		if o, ok := outcomes[ch]; ok {
			out = append(out, rvIn(d, o, 10))
		}
		d = d.AddDays(1)
	}
	return out, d
}

// streakCase is a history from a goal's first day, read as of the day after
// it (or today, days after the goal's first day, when set).
type streakCase struct {
	name    string
	pattern string
	today   int // days from the start; 0 means the day after the pattern
	pause   [2]int
	streak  int
	best    int
	ended   bool
	pending bool
}

func runStreakCases(t *testing.T, planID string, s coach.Schedule, start coach.Day, cases []streakCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			g, p := rvGoal(t, planID, s, start)
			if tc.pause != [2]int{} {
				g = rvPaused(g, coach.Paused, start.AddDays(tc.pause[0]), start.AddDays(tc.pause[1]))
			}
			hist, today := rvDays(start, tc.pattern)
			if tc.today > 0 {
				today = start.AddDays(tc.today)
			}
			r := coach.ReviewOf(g, p, hist, today)
			if r.ShowUpStreak != tc.streak || r.BestStreak != tc.best || r.RunEnded != tc.ended || r.PendingMiss != tc.pending {
				t.Errorf("streak %d, best %d, ended %v, pending %v; want %d, %d, %v, %v",
					r.ShowUpStreak, r.BestStreak, r.RunEnded, r.PendingMiss, tc.streak, tc.best, tc.ended, tc.pending)
			}
		})
	}
}

func TestShowUpStreakDailyForgivesOneMissedDay(t *testing.T) {
	runStreakCases(t, coach.MindfulID, coach.Schedule{PerWeek: 7}, rvMon, []streakCase{
		{name: "every day", pattern: "dddd", streak: 4, best: 4},
		{name: "partial and minimum show up", pattern: "dpmd", streak: 4, best: 4},
		{name: "a missed day waits to be repaired", pattern: "ddd.", streak: 3, best: 3, pending: true},
		{name: "the next session repairs it and adds nothing", pattern: "dd.d", streak: 3, best: 3},
		{name: "single misses, each repaired", pattern: "dd.d.d.d", streak: 5, best: 5},
		{name: "two missed days in a row end the run", pattern: "ddd..", streak: 0, best: 3, ended: true},
		{name: "a new run starts with the next session", pattern: "ddd..dd", streak: 2, best: 3},
		{name: "a rest day between two misses does not repair them", pattern: "dd.r.d", streak: 1, best: 2},
		{name: "rest days are neutral", pattern: "ddrrrd", streak: 3, best: 3},
		{name: "a week unwell is neutral", pattern: "dd uuuuuuu d", streak: 3, best: 3},
		{name: "away days are neutral", pattern: "ddaaad.", streak: 3, best: 3, pending: true},
		{name: "paused days are neutral", pattern: "dd.....d", pause: [2]int{2, 6}, streak: 3, best: 3},
		{name: "today is not a miss until it is over", pattern: "ddd.", today: 3, streak: 3, best: 3},
		{name: "days before the first session are not held against it", pattern: "....dd", streak: 2, best: 2},
		{name: "no session yet: no run to end", pattern: "....", streak: 0, best: 0},
		{name: "the best run is kept", pattern: "ddddd..dd.", streak: 2, best: 5, pending: true},
	})
}

func TestShowUpStreakWeekdaysMissOnlyScheduledDays(t *testing.T) {
	monWedFri := coach.Schedule{Weekdays: []time.Weekday{time.Monday, time.Wednesday, time.Friday}}
	runStreakCases(t, coach.WalkToRunID, monWedFri, rvMon, []streakCase{
		{name: "days off the schedule are never missed", pattern: "d.d.d.. d", streak: 4, best: 4},
		{name: "Wednesday missed, Friday repairs", pattern: "d...d", streak: 2, best: 2},
		{name: "Wednesday and Friday missed", pattern: "d.....", streak: 0, best: 1, ended: true},
		{name: "a run on a day off counts", pattern: "d.d.dd. d", streak: 5, best: 5},
	})
}

func TestShowUpStreakNAWeekCountsMissesWhenAWeekEnds(t *testing.T) {
	three := coach.Schedule{PerWeek: 3}
	runStreakCases(t, coach.YogaID, three, rvMon, []streakCase{
		{name: "a kept week", pattern: "d.d.d..", streak: 3, best: 3},
		{name: "one short: a miss waits", pattern: "ddd.... dd.....", streak: 5, best: 5, pending: true},
		{name: "one short in each of two weeks, sessions between", pattern: "dd..... dd.....", streak: 4, best: 4, pending: true},
		{name: "two short in one week end the run", pattern: "ddd.... d......", streak: 0, best: 4, ended: true},
		{name: "a week not over yet misses nothing", pattern: "ddd.... d.....", streak: 4, best: 4},
		{name: "unwell and away days lower what the week asks", pattern: "d.uu.a.", streak: 1, best: 1},
		{name: "a paused week asks for nothing", pattern: "ddd.... ....... ddd....", pause: [2]int{7, 13}, streak: 6, best: 6},
		{name: "an empty week after a short one", pattern: "dd..... .......", streak: 0, best: 2, ended: true},
	})
	runStreakCases(t, coach.YogaID, coach.Schedule{PerWeek: 1}, rvMon, []streakCase{
		{name: "1 a week: one empty week waits", pattern: "d...... .......", streak: 1, best: 1, pending: true},
		{name: "1 a week: one in each of two weeks in a row", pattern: "d...... ....... .......", streak: 0, best: 1, ended: true},
	})
	// Created on a Saturday, the first week asks for the two days left.
	runStreakCases(t, coach.YogaID, three, rvMon.AddDays(5), []streakCase{
		{name: "the first week asks what fits", pattern: "d. ddd....", streak: 4, best: 4},
	})
}

func TestWeeksKept(t *testing.T) {
	three := coach.Schedule{PerWeek: 3}
	tests := []struct {
		name    string
		plan    string
		sched   coach.Schedule
		start   coach.Day
		pattern string
		today   int
		pause   [2]int
		want    int
	}{
		{"N − 1 sessions keep a week", coach.YogaID, three, rvMon, "dd..... ddd.... d.d....", 0, [2]int{}, 3},
		{"a single week not kept neither adds nor ends", coach.YogaID, three, rvMon, "ddd.... d...... dd.....", 0, [2]int{}, 2},
		{"two in a row end the run; the next kept week starts again", coach.YogaID, three, rvMon,
			"ddd.... ddd.... d...... ....... dd.....", 0, [2]int{}, 1},
		{"after two not kept, nothing kept since", coach.YogaID, three, rvMon, "ddd.... d...... .......", 0, [2]int{}, 0},
		{"the current week counts once kept", coach.YogaID, three, rvMon, "ddd.... dd.", 0, [2]int{}, 2},
		{"the current week is not held against the run", coach.YogaID, three, rvMon, "ddd.... d...... ..", 0, [2]int{}, 1},
		{"four unwell or away days keep a week", coach.YogaID, three, rvMon, "ddd.... uuaa...", 0, [2]int{}, 2},
		// N′ = 3 less three unwell days = 0: a week that asks nothing is kept
		// (COACH §6.4, clarified); a daily plan needs four of them.
		{"three unwell days on 3 a week leave nothing asked", coach.YogaID, three, rvMon, "ddd.... uuu....", 0, [2]int{}, 2},
		{"three unwell days on a daily plan do not", coach.MindfulID, coach.Schedule{PerWeek: 7}, rvMon,
			"ddddddd uuu....", 0, [2]int{}, 1},
		// Rest days lower the ask: two rests and one session of 3 keep it.
		{"rest days never make a week not kept", coach.YogaID, three, rvMon, "ddd.... rdr.... ddd....", 0, [2]int{}, 3},
		// and a paused day beside the rest changes nothing (a skip day never lowers a measure).
		{"a rest that leaves nothing asked keeps the week, a paused day too", coach.YogaID,
			coach.Schedule{PerWeek: 1}, rvMon, "d...... r......", 0, [2]int{8, 8}, 2},
		{"a paused week is neutral", coach.YogaID, three, rvMon, "ddd.... ....... ddd....", 0, [2]int{7, 13}, 2},
		{"neutral weeks do not split two not kept", coach.YogaID, three, rvMon,
			"ddd.... ....... ....... ....... ddd....", 0, [2]int{14, 20}, 1},
		{"daily: six of seven", coach.MindfulID, coach.Schedule{PerWeek: 7}, rvMon, "dddddd. ddddd..", 0, [2]int{}, 1},
		{"the first week asks what fits", coach.WalkToRunID, three, rvMon.AddDays(5), "d. d.d.d..", 0, [2]int{}, 2},
		{"no check-ins", coach.YogaID, three, rvMon, ".......", 0, [2]int{}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g, p := rvGoal(t, tc.plan, tc.sched, tc.start)
			if tc.pause != [2]int{} {
				g = rvPaused(g, coach.Paused, tc.start.AddDays(tc.pause[0]), tc.start.AddDays(tc.pause[1]))
			}
			hist, today := rvDays(tc.start, tc.pattern)
			if tc.today > 0 {
				today = tc.start.AddDays(tc.today)
			}
			if got := coach.ReviewOf(g, p, hist, today).WeeksKept; got != tc.want {
				t.Errorf("WeeksKept = %d, want %d", got, tc.want)
			}
		})
	}
}

func TestDayMarksShowEveryKindOfDay(t *testing.T) {
	g, _ := rvGoal(t, coach.MindfulID, coach.Schedule{PerWeek: 7}, rvMon.AddDays(1))
	g = rvPaused(g, coach.Paused, rvMon.AddDays(8), rvMon.AddDays(9))
	hist, _ := rvDays(rvMon, ".dpmrua. .r")
	today := rvMon.AddDays(10)
	got := coach.DayMarks(g, hist, rvMon, rvMon.AddDays(11), today)
	want := []coach.Mark{
		coach.MarkNone, // before the goal began
		coach.MarkDone, coach.MarkPartial, coach.MarkMinimum, coach.MarkRest, coach.MarkUnwell, coach.MarkAway,
		coach.MarkMissed, // Monday: nothing, and over
		coach.MarkPaused,
		coach.MarkRest,   // a rest day logged while paused shows the rest day
		coach.MarkNone,   // today, not over yet
		coach.MarkFuture, // tomorrow
	}
	if !slices.Equal(got, want) {
		t.Errorf("DayMarks =\n%v\nwant\n%v", got, want)
	}
	names := make([]string, len(got))
	for i, m := range got {
		names[i] = m.String()
	}
	if s := strings.Join(names, " "); s != "none done partial minimum rest unwell away missed paused rest none future" {
		t.Errorf("names: %s", s)
	}
	if coach.Mark(99).String() != "unknown" {
		t.Errorf("Mark(99) = %q", coach.Mark(99).String())
	}
	if m := coach.DayMarks(g, hist, rvMon.AddDays(3), rvMon.AddDays(2), today); len(m) != 0 {
		t.Errorf("an empty range gave %v", m)
	}
}

func TestDayMarksMissOnlyWhatTheScheduleAsked(t *testing.T) {
	mwf := coach.Schedule{Weekdays: []time.Weekday{time.Monday, time.Wednesday, time.Friday}}
	g, _ := rvGoal(t, coach.WalkToRunID, mwf, rvMon)
	hist, today := rvDays(rvMon, "d......")
	want := []coach.Mark{coach.MarkDone, coach.MarkNone, coach.MarkMissed, coach.MarkNone, coach.MarkMissed,
		coach.MarkNone, coach.MarkNone}
	if got := coach.DayMarks(g, hist, rvMon, rvMon.AddDays(6), today); !slices.Equal(got, want) {
		t.Errorf("weekdays: %v, want %v", got, want)
	}
	// N a week misses sessions, not days: no day is marked missed.
	g3, _ := rvGoal(t, coach.YogaID, coach.Schedule{PerWeek: 3}, rvMon)
	want = []coach.Mark{coach.MarkDone, coach.MarkNone, coach.MarkNone, coach.MarkNone, coach.MarkNone,
		coach.MarkNone, coach.MarkNone}
	if got := coach.DayMarks(g3, hist, rvMon, rvMon.AddDays(6), today); !slices.Equal(got, want) {
		t.Errorf("3 a week: %v, want %v", got, want)
	}
}
