package coach_test

import (
	"testing"
	"time"

	"tend/coach"
)

// on is one line of a test history: what happened on a day.
type on struct {
	d coach.Day
	o coach.Outcome
}

func checkInsOf(g coach.Goal, hs []on) []coach.CheckIn {
	out := make([]coach.CheckIn, len(hs))
	for i, h := range hs {
		out[i] = ci(g, h.d, h.o)
	}
	return out
}

const (
	done    = coach.Done
	partial = coach.Partial
	minimum = coach.Minimum
	rest    = coach.Rest
	unwell  = coach.Unwell
	away    = coach.Away
)

var (
	fivePerWeek  = coach.Schedule{PerWeek: 5}
	threePerWeek = coach.Schedule{PerWeek: 3}
	daily        = coach.Schedule{PerWeek: 7}
	monWedFri    = coach.Schedule{Weekdays: []time.Weekday{time.Monday, time.Wednesday, time.Friday}}
)

type dueCase struct {
	name    string
	plan    string
	sched   coach.Schedule
	created coach.Day
	hist    []on
	day     coach.Day
	want    bool
}

func runDueCases(t *testing.T, cases []dueCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			g := mustGoal(t, tc.plan, tc.sched, tc.created)
			p := mustPlan(t, tc.plan)
			if got := coach.Due(g, p, checkInsOf(g, tc.hist), tc.day); got != tc.want {
				t.Errorf("Due on %s %s = %v, want %v", tc.day.Weekday(), tc.day, got, tc.want)
			}
		})
	}
}

func TestDueNPerWeekStopsWhenWeekIsKept(t *testing.T) {
	fourDone := []on{{mon, done}, {tue, done}, {wed, done}, {thu, done}}
	fiveDone := append(append([]on(nil), fourDone...), on{fri, done})
	runDueCases(t, []dueCase{
		{"no sessions yet on Monday", coach.DailyWalkID, fivePerWeek, lastMon, nil, mon, true},
		{"four of five by Friday", coach.DailyWalkID, fivePerWeek, lastMon, fourDone, fri, true},
		{"five of five: Saturday is not due", coach.DailyWalkID, fivePerWeek, lastMon, fiveDone, sat, false},
		{"five of five: Sunday is not due", coach.DailyWalkID, fivePerWeek, lastMon, fiveDone, sun, false},
		{"the day's own check-in does not change it", coach.DailyWalkID, fivePerWeek, lastMon, fiveDone, fri, true},
		{"partial and minimum count as sessions", coach.DailyWalkID, fivePerWeek, lastMon,
			[]on{{mon, done}, {tue, partial}, {wed, minimum}, {thu, done}, {fri, partial}}, sat, false},
		// ... but each lowers the week's ask N′: 5 − 3 = 2, so two sessions keep it (COACH §6.2).
		{"rest, unwell and away lower the ask", coach.DailyWalkID, fivePerWeek, lastMon,
			[]on{{mon, done}, {tue, rest}, {wed, unwell}, {thu, away}, {fri, done}}, sat, false},
		{"rest, unwell and away are not sessions", coach.DailyWalkID, fivePerWeek, lastMon,
			[]on{{mon, done}, {tue, rest}, {wed, done}}, thu, true},
		{"last week's sessions do not count this week", coach.DailyWalkID, fivePerWeek, lastMon.AddDays(-7),
			[]on{{lastMon, done}, {lastMon.AddDays(1), done}, {lastMon.AddDays(2), done}, {lastMon.AddDays(3), done}, {lastMon.AddDays(4), done}},
			mon, true},
		{"yoga four a week: kept after four", coach.YogaID, coach.Schedule{PerWeek: 4}, lastMon,
			[]on{{mon, done}, {tue, done}, {wed, done}, {thu, done}}, fri, false},
		{"yoga four a week: three is not enough", coach.YogaID, coach.Schedule{PerWeek: 4}, lastMon,
			[]on{{mon, done}, {tue, done}, {wed, done}}, fri, true},
	})
}

func TestDueWalkToRunWantsARestDayBetweenRuns(t *testing.T) {
	runDueCases(t, []dueCase{
		{"the day after a run is not due", coach.WalkToRunID, threePerWeek, lastMon, []on{{mon, done}}, tue, false},
		{"two days after a run is due", coach.WalkToRunID, threePerWeek, lastMon, []on{{mon, done}}, wed, true},
		{"a partial run needs rest too", coach.WalkToRunID, threePerWeek, lastMon, []on{{mon, partial}}, tue, false},
		{"a rest day is not a run", coach.WalkToRunID, threePerWeek, lastMon, []on{{mon, done}, {tue, rest}}, wed, true},
		{"Sunday's run makes Monday a rest day", coach.WalkToRunID, threePerWeek, lastMon, []on{{lastSun, done}}, mon, false},
		{"Saturday's run leaves Monday due", coach.WalkToRunID, threePerWeek, lastMon, []on{{lastSun.AddDays(-1), done}}, mon, true},
		{"three runs keep the week", coach.WalkToRunID, threePerWeek, lastMon,
			[]on{{mon, done}, {wed, done}, {fri, done}}, sun, false},
		{"two runs by Saturday: Saturday is due", coach.WalkToRunID, threePerWeek, lastMon,
			[]on{{mon, done}, {wed, done}}, sat, true},
		{"strength also rests a day", coach.StrengthID, coach.Schedule{PerWeek: 2}, lastMon, []on{{tue, done}}, wed, false},
		{"strength two days later", coach.StrengthID, coach.Schedule{PerWeek: 2}, lastMon, []on{{tue, done}}, thu, true},
		{"daily walk has no rest rule", coach.DailyWalkID, fivePerWeek, lastMon, []on{{mon, done}}, tue, true},
	})
}

func TestDueWeekdayScheduleOnlyOnItsDays(t *testing.T) {
	runDueCases(t, []dueCase{
		{"Monday", coach.DailyWalkID, monWedFri, lastMon, nil, mon, true},
		{"Tuesday", coach.DailyWalkID, monWedFri, lastMon, nil, tue, false},
		{"Wednesday after Monday", coach.DailyWalkID, monWedFri, lastMon, []on{{mon, done}}, wed, true},
		{"Thursday", coach.DailyWalkID, monWedFri, lastMon, nil, thu, false},
		{"Friday after two sessions", coach.DailyWalkID, monWedFri, lastMon, []on{{mon, done}, {wed, done}}, fri, true},
		{"Saturday", coach.DailyWalkID, monWedFri, lastMon, nil, sat, false},
		{"Sunday even with nothing done", coach.DailyWalkID, monWedFri, lastMon, nil, sun, false},
	})
}

func TestDueDailyEveryDay(t *testing.T) {
	all := []on{{mon, done}, {tue, done}, {wed, done}, {thu, done}, {fri, done}, {sat, done}}
	for _, d := range []coach.Day{mon, tue, wed, thu, fri, sat, sun} {
		runDueCases(t, []dueCase{
			{"mindful " + d.Weekday().String(), coach.MindfulID, daily, lastMon, all, d, true},
			{"walk " + d.Weekday().String(), coach.DailyWalkID, daily, lastMon, all, d, true},
		})
	}
}

func TestDueNeverWhenGoalIsNotActive(t *testing.T) {
	for _, st := range []coach.Status{coach.Paused, coach.SafetyHold, coach.Archived} {
		t.Run(st.String(), func(t *testing.T) {
			for _, sched := range []coach.Schedule{daily, fivePerWeek, monWedFri} {
				g := withStatus(mustGoal(t, coach.DailyWalkID, sched, lastMon), wed, st)
				p := mustPlan(t, coach.DailyWalkID)
				if !coach.Due(g, p, nil, mon) {
					t.Errorf("%+v: Monday, before the %s, should be due", sched, st)
				}
				for _, d := range []coach.Day{wed, thu, fri, sat, sun, nextMon} {
					if coach.Due(g, p, nil, d) {
						t.Errorf("%+v: %s %s is due while %s", sched, d.Weekday(), d, st)
					}
				}
			}
		})
	}
}

func TestDueAgainAfterResuming(t *testing.T) {
	g := mustGoal(t, coach.DailyWalkID, daily, lastMon)
	g = withStatus(g, tue, coach.Paused)
	g = withStatus(g, thu, coach.Active)
	p := mustPlan(t, coach.DailyWalkID)
	want := map[coach.Day]bool{mon: true, tue: false, wed: false, thu: true, fri: true}
	for d, w := range want {
		if got := coach.Due(g, p, nil, d); got != w {
			t.Errorf("Due on %s = %v, want %v", d.Weekday(), got, w)
		}
	}
}

func TestDueNotBeforeTheGoalWasCreated(t *testing.T) {
	runDueCases(t, []dueCase{
		{"daily, the day before", coach.MindfulID, daily, wed, nil, tue, false},
		{"daily, the day itself", coach.MindfulID, daily, wed, nil, wed, true},
		{"weekdays, a scheduled day before", coach.DailyWalkID, monWedFri, tue, nil, mon, false},
		{"N a week, a week before", coach.DailyWalkID, fivePerWeek, mon, nil, lastMon, false},
	})
}

func TestDueCreationWeekAsksOnlyForTheDaysLeft(t *testing.T) {
	// 2/wk becomes 5/wk on Saturday: two days are left, so the week asks for
	// min(5, 2) = 2, and Monday's and Tuesday's sessions already keep it.
	g := mustGoal(t, coach.DailyWalkID, coach.Schedule{PerWeek: 2}, lastMon)
	g.Schedules = append(g.Schedules, coach.ScheduleChange{From: sat, Schedule: fivePerWeek})
	p := mustPlan(t, coach.DailyWalkID)
	hist := checkInsOf(g, []on{{mon, done}, {tue, done}})
	if coach.Due(g, p, hist, sat) {
		t.Error("Saturday is due, but the changed week asks for min(5, 2) = 2 and has 2")
	}
	if !coach.Due(g, p, checkInsOf(g, []on{{mon, done}}), sat) {
		t.Error("Saturday is not due with 1 of the 2 sessions the changed week asks for")
	}
	// The next week asks for all five again.
	next := checkInsOf(g, []on{{nextMon, done}, {nextMon.AddDays(1), done}})
	if !coach.Due(g, p, next, nextMon.AddDays(2)) {
		t.Error("the Wednesday after is not due with 2 of 5")
	}
}

func TestWeekTargetCountsTheDaysLeftInTheFirstWeek(t *testing.T) {
	tests := []struct {
		name    string
		plan    string
		sched   coach.Schedule
		created coach.Day
		day     coach.Day
		want    int
	}{
		{"5/wk created Friday asks 3", coach.DailyWalkID, fivePerWeek, fri, fri, 3},
		{"5/wk created Friday, on Sunday with Friday over and no session: what fits after it", coach.DailyWalkID, fivePerWeek, fri, sun, 2},
		{"5/wk created Monday asks 5", coach.DailyWalkID, fivePerWeek, mon, wed, 5},
		{"5/wk created Tuesday asks 5", coach.DailyWalkID, fivePerWeek, tue, tue, 5},
		{"5/wk created Thursday asks 4", coach.DailyWalkID, fivePerWeek, thu, thu, 4},
		{"5/wk the next week asks 5", coach.DailyWalkID, fivePerWeek, fri, nextMon, 5},
		{"3/wk created Sunday asks 1", coach.WalkToRunID, threePerWeek, sun, sun, 1},
		{"yoga 4/wk created Friday asks 3", coach.YogaID, coach.Schedule{PerWeek: 4}, fri, fri, 3},
		// With a rest day between runs, the days left hold fewer runs:
		// Friday and Sunday; Saturday alone; Thursday and Saturday.
		{"walk to run created Friday asks 2", coach.WalkToRunID, threePerWeek, fri, fri, 2},
		{"walk to run created Saturday asks 1", coach.WalkToRunID, threePerWeek, sat, sat, 1},
		{"walk to run created Thursday asks 2", coach.WalkToRunID, threePerWeek, thu, thu, 2},
		{"walk to run created Wednesday asks 3", coach.WalkToRunID, threePerWeek, wed, wed, 3},
		{"walk to run a full week asks 3", coach.WalkToRunID, threePerWeek, lastMon, wed, 3},
		{"strength created Saturday asks 1", coach.StrengthID, coach.Schedule{PerWeek: 2}, sat, sat, 1},
		{"strength created Friday asks 2", coach.StrengthID, coach.Schedule{PerWeek: 2}, fri, fri, 2},
		{"daily created Wednesday asks 5", coach.MindfulID, daily, wed, wed, 5},
		{"daily a full week asks 7", coach.MindfulID, daily, lastMon, wed, 7},
		{"mon/wed/fri created Tuesday asks 2", coach.DailyWalkID, monWedFri, tue, tue, 2},
		{"mon/wed/fri a full week asks 3", coach.DailyWalkID, monWedFri, lastMon, tue, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := mustGoal(t, tt.plan, tt.sched, tt.created)
			today, err := coach.TodayFor(g, nil, tt.day)
			if err != nil {
				t.Fatal(err)
			}
			if today.WeekTarget != tt.want {
				t.Errorf("WeekTarget = %d, want %d", today.WeekTarget, tt.want)
			}
		})
	}
}

func TestScheduleInForceFollowsItsHistory(t *testing.T) {
	g := mustGoal(t, coach.DailyWalkID, fivePerWeek, lastMon)
	g.Schedules = append(g.Schedules, coach.ScheduleChange{From: wed, Schedule: monWedFri})
	if got := g.ScheduleOn(tue).Sessions(); got != 5 {
		t.Errorf("Tuesday's schedule asks %d, want 5", got)
	}
	if got := g.ScheduleOn(wed).Sessions(); got != 3 {
		t.Errorf("Wednesday's schedule asks %d, want 3", got)
	}
	if got := g.Schedule().Sessions(); got != 3 {
		t.Errorf("current schedule asks %d, want 3", got)
	}
	if got := g.ScheduleOn(lastMon.AddDays(-30)).Sessions(); got != 5 {
		t.Errorf("a day before the first schedule uses the first one, asks %d, want 5", got)
	}
}

func TestNewGoalRefusesAScheduleThatIsNotOne(t *testing.T) {
	p := mustPlan(t, coach.DailyWalkID)
	bad := []coach.Schedule{
		{PerWeek: 0},
		{PerWeek: 8},
		{PerWeek: -1},
		{Weekdays: []time.Weekday{time.Monday, time.Monday}},
		{Weekdays: []time.Weekday{time.Weekday(7)}},
	}
	for _, s := range bad {
		if _, err := coach.NewGoal("Walk", p, nil, s, 0, mon); err == nil {
			t.Errorf("NewGoal with schedule %+v succeeded", s)
		}
	}
	if _, err := coach.NewGoal("Walk", p, nil, coach.Schedule{PerWeek: 1}, 0, mon); err != nil {
		t.Errorf("NewGoal with 1 a week: %v", err)
	}
}

func TestFirstWeekWithARestDayBetweenRunsIsNotAMiss(t *testing.T) {
	// Created on Saturday and run that day: Sunday is the rest day the plan
	// asks for, so the week was kept as far as it could be.
	g := mustGoal(t, coach.WalkToRunID, threePerWeek, sat)
	p := mustPlan(t, coach.WalkToRunID)
	hist := checkInsOf(g, []on{{sat, done}})
	if coach.Due(g, p, hist, sun) {
		t.Error("Sunday, the day after the first run, is due")
	}
	if n := coach.MissedInARow(g, hist, nextMon); n != 0 {
		t.Errorf("the next Monday counts %d missed, want 0", n)
	}
	today, err := coach.TodayFor(g, hist, sun)
	if err != nil {
		t.Fatal(err)
	}
	if today.WeekDone != 1 || today.WeekTarget != 1 {
		t.Errorf("Sunday shows %d of %d, want 1 of 1", today.WeekDone, today.WeekTarget)
	}
}

// The week's ask N′ is N less one for each rest, unwell or away day logged
// that week (weekday schedules: on a scheduled day), never below 0, so a
// logged rest day is never a missed session (COACH §6.2, clarified); Today
// and `week_target` show N′.
func TestWeekTargetIsLessEachRestDayLogged(t *testing.T) {
	yoga := coach.Schedule{PerWeek: 4}
	tests := []struct {
		name  string
		sched coach.Schedule
		log   []on
		day   coach.Day
		want  int
	}{
		{"4/wk, a rest on Monday", yoga, []on{{mon, rest}}, tue, 3},
		{"4/wk, a rest today counts today", yoga, []on{{wed, rest}}, wed, 3},
		{"4/wk, rest, unwell and away", yoga, []on{{mon, rest}, {tue, unwell}, {wed, away}}, thu, 1},
		{"never below 0", coach.Schedule{PerWeek: 2}, []on{{mon, rest}, {tue, rest}, {wed, away}}, thu, 0},
		{"mon/wed/fri, a rest on a free day asks the same", monWedFri, []on{{tue, rest}}, wed, 3},
		{"mon/wed/fri, a rest on Monday", monWedFri, []on{{mon, rest}}, wed, 2},
		{"last week's rest is last week's", yoga, []on{{lastSun, rest}}, mon, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := mustGoal(t, coach.YogaID, tt.sched, lastMon.AddDays(-7))
			var hist []coach.CheckIn
			for _, o := range tt.log {
				hist = append(hist, ci(g, o.d, o.o))
			}
			today, err := coach.TodayFor(g, hist, tt.day)
			if err != nil {
				t.Fatal(err)
			}
			if today.WeekTarget != tt.want {
				t.Errorf("WeekTarget = %d, want %d", today.WeekTarget, tt.want)
			}
		})
	}
}
