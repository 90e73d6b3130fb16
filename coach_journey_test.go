package main

import (
	"strings"
	"testing"
	"time"
)

// The coach at its edges, through the built binary (issue 11): weeks lived
// a day at a time with TEND_NOW, each journey named for the clarified rule
// of COACH.md that it pins. The same rules have coach table tests in
// coach/edges_test.go; these show that what a person reads says so too.

// dayOf is env with the clock on testDay plus n days.
func dayOf(t *testing.T, env Env, n int) Env {
	t.Helper()
	d, err := time.Parse("2006-01-02", testDay)
	if err != nil {
		t.Fatal(err)
	}
	env.Now = d.AddDate(0, 0, n).Format("2006-01-02")
	return env
}

// wantIn fails unless out holds every want and none of the not.
func wantIn(t *testing.T, what, out string, want []string, not ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(out, w) {
			t.Errorf("%s lacks %q:\n%s", what, w, out)
		}
	}
	for _, w := range not {
		if strings.Contains(out, w) {
			t.Errorf("%s says %q:\n%s", what, w, out)
		}
	}
}

// The ping-pong guard's bridge is taken once per return (COACH §6.3, clarified):
// back from 15 to 12 minutes, the return goes through 14 once, then on.
// The week after, W1 names its dates, its level change and its mood lift.
func TestCoachJourneyPingPongBridgeOncePerReturn(t *testing.T) {
	env := newEnv(t)
	mustTend(t, env, "add", "Walk", "--plan", "daily-walk", "--days", "7", "--capacity", "20")
	mustTend(t, dayOf(t, env, 0), "done", "walk", "3")
	wantIn(t, "the second short walk", mustTend(t, dayOf(t, env, 1), "done", "walk", "3"),
		[]string{"Two tough ones in a row", "walk 12 minutes"})
	for day := 2; day <= 4; day++ {
		mustTend(t, dayOf(t, env, day), "done", "walk")
	}
	wantIn(t, "the return to 15", mustTend(t, dayOf(t, env, 5), "done", "walk"),
		[]string{"Level up: 15 min", "in-between step: walk 14 minutes"})
	for day := 6; day <= 8; day++ {
		args := []string{"done", "walk"}
		if day == 7 {
			args = append(args, "--mood-before", "3", "--mood-after", "7")
		}
		mustTend(t, dayOf(t, env, day), args...)
	}
	wantIn(t, "off the bridge", mustTend(t, dayOf(t, env, 9), "done", "walk"),
		[]string{"Level up: 15 min"}, "in-between")
	for day := 10; day <= 13; day++ {
		wantIn(t, "at 15 again", mustTend(t, dayOf(t, env, day), "done", "walk"), nil, "in-between", "14 minutes")
	}
	wantIn(t, "Today the week after", mustTend(t, dayOf(t, env, 14), "today"), []string{
		"Last week (9–15 March): 7/7 sessions",
		"habit strength",
		"Up to 18 min after 4 sessions at 15 min.",
		"Biggest mood lift: +4.",
	}, "Week 11")
}

// The same at Walk to run's week 4: back to week 3 after two tough runs, the
// return goes through the 12 run-minute bridge once, then week 4 itself.
func TestCoachJourneyWeek4BridgeOncePerReturn(t *testing.T) {
	env := newEnv(t)
	mustTend(t, env, "add", "Run", "--plan", "walk-to-run", "--capacity", "30")
	day := 0
	at := func() Env { return dayOf(t, env, day) }
	run := func(args ...string) string {
		for !todayGoal(t, at(), "Run").Due {
			day++
		}
		out := mustTend(t, at(), append([]string{"done", "run"}, args...)...)
		day++
		return out
	}
	for day < 120 && !(todayGoal(t, at(), "Run").Level == 8 && !todayGoal(t, at(), "Run").Bridge) {
		run()
	}
	run("4")
	wantIn(t, "two tough runs at week 4", run("4"), []string{"Two tough ones in a row"})
	var back strings.Builder
	for i := 0; i < 3; i++ {
		back.WriteString(run())
	}
	wantIn(t, "the return to week 4", back.String(), []string{"run 3 min, walk 2 min"})
	if g := todayGoal(t, at(), "Run"); !g.Bridge || g.Level != 8 {
		t.Fatalf("after the return: level %d, bridge %v; want week 4's bridge", g.Level, g.Bridge)
	}
	var off strings.Builder
	for i := 0; i < 6; i++ {
		off.WriteString(run())
	}
	wantIn(t, "off the bridge and on", off.String(), []string{"Level up: ", "week 4. You completed 3 sessions"}, "added an in-between step")
	if g := todayGoal(t, at(), "Run"); g.Bridge || g.Level < 8 {
		t.Errorf("six runs after the bridge: level %d, bridge %v; want past it", g.Level, g.Bridge)
	}
}

// After graduation (COACH §6.3, clarified): A2 once, asking what is next only
// where a next plan exists (Daily walk → Walk to run); then the top rung is
// kept: after a long gap and an easy session no in-between step, no second
// "You finished", and Today never says the plan "moves on after" it.
func TestCoachJourneyGraduatedGoalKeepsItsTopRung(t *testing.T) {
	env := newEnv(t)
	mustTend(t, env, "add", "Sit", "--plan", "mindful", "--capacity", "14")
	mustTend(t, env, "add", "Walk", "--plan", "daily-walk", "--days", "7", "--capacity", "40")
	var sit, walk strings.Builder
	for day := 0; day <= 4; day++ {
		sit.WriteString(mustTend(t, dayOf(t, env, day), "done", "sit"))
		walk.WriteString(mustTend(t, dayOf(t, env, day), "done", "walk"))
	}
	wantIn(t, "Mindful minutes' sessions", sit.String(), []string{
		"You finished Mindful minutes. 5 sessions. That took showing up — well done. From here each session keeps it going.",
	}, "pick what's next", "Keep it, or")
	wantIn(t, "Daily walk's sessions", walk.String(), []string{
		"You finished Daily walk. 4 sessions. That took showing up — well done. Keep it, or start Walk to run?",
		"Keeping it up: brisk walk 30 minutes. You finished Daily walk; each session keeps it going.",
	}, "pick what's next")
	var later strings.Builder
	for _, day := range []int{30, 31, 32, 60, 61} { // two long gaps
		later.WriteString(mustTend(t, dayOf(t, env, day), "done", "sit", "--effort", "easy"))
		later.WriteString(mustTend(t, dayOf(t, env, day), "today"))
	}
	wantIn(t, "the sessions after long gaps", later.String(), []string{"Welcome back. Starting 10 min", "Keeping it up"},
		"in-between", "You finished Mindful minutes. ", "moves on after", "Welcome back after")
}

// R5 (clarified): Couch to 5K week 5's run-3 alternative (12 + 8) takes that
// session's place once, on the same step; done, week 5 is done.
func TestCoachJourneyWeek5Run3AlternativeOnce(t *testing.T) {
	env := newEnv(t)
	mustTend(t, env, "add", "Run", "--plan", "walk-to-run", "--capacity", "30") // P4, the walk with jogs
	day := 0
	next := func() Env { day += 2; return dayOf(t, env, day) }
	for day < 100 && todayGoal(t, dayOf(t, env, day), "Run").Level != 9 {
		mustTend(t, dayOf(t, env, day), "done", "run")
		next()
	}
	mustTend(t, dayOf(t, env, day), "done", "run") // week 5, run 1
	mustTend(t, next(), "done", "run")             // run 2
	var out strings.Builder
	for i := 0; i < 4; i++ { // run 3, twelve of its twenty minutes, four times
		out.WriteString(mustTend(t, next(), "done", "run", "12"))
	}
	wantIn(t, "run 3 short four times", out.String(), []string{"in-between step: run 12 min, walk 2 min, run 8 min"},
		"bridge to week 5")
	at := next()
	for !todayGoal(t, at, "Run").Due {
		day--
		at = next() // one day on
	}
	wantIn(t, "Today on the alternative", mustTend(t, at, "today"), []string{"Run 12 min, walk 2 min, run 8 min"})
	wantIn(t, "the alternative done once", mustTend(t, at, "done", "run"), []string{"Level up: ", "week 6, run 1"})
}

// R6 (clarified): after H2 (ok, ok, ok, hard) the next Today repeats it; it
// does not say "4/4 sessions done… moves on after 4".
func TestCoachJourneyTodayAfterH2AgreesWithIt(t *testing.T) {
	env := newEnv(t)
	mustTend(t, env, "add", "Walk", "--plan", "daily-walk", "--days", "7")
	for day := 0; day < 3; day++ {
		mustTend(t, dayOf(t, env, day), "done", "walk")
	}
	wantIn(t, "the hard fourth", mustTend(t, dayOf(t, env, 3), "done", "walk", "--effort", "hard"),
		[]string{"Let's repeat 10 min once more — last time felt hard."})
	wantIn(t, "Today after it", mustTend(t, dayOf(t, env, 4), "today"),
		[]string{"Let's repeat 10 min once more"}, "4/4 sessions done", "moves on after")
}

// §6.2 and R2 (clarified): a goal's first day is not a miss, and a goal
// never started is not "welcomed back"; §6.5 hard yoga eases off; the words
// say "a doctor", and never "Push ups's".
func TestCoachJourneyFirstDaysAndWords(t *testing.T) {
	env := newEnv(t)
	mustTend(t, env, "add", "Walk", "--plan", "daily-walk", "--days", "7")
	mustTend(t, env, "add", "Push ups", "--unit", "reps", "--start", "5", "--step", "1", "--max", "10")
	mustTend(t, env, "add", "Yoga", "--plan", "yoga")
	wantIn(t, "Today the day after the start", mustTend(t, dayOf(t, env, 1), "today"), nil, "slipped by", "miss")
	wantIn(t, "the first check-in, a day after the start", mustTend(t, dayOf(t, env, 1), "done", "walk"), nil,
		"miss", "back")
	wantIn(t, "Push ups 56 days on", mustTend(t, dayOf(t, env, 56), "today"), nil, "Welcome back after 56 days")
	wantIn(t, "Push ups' first session", mustTend(t, dayOf(t, env, 56), "done", "push"), nil, "Welcome back")
	wantIn(t, "undo", mustTend(t, dayOf(t, env, 56), "undo", "push"), []string{"Cleared the check-in for Push ups"}, "ups's")
	wantIn(t, "hard yoga", mustTend(t, dayOf(t, env, 57), "done", "yoga", "--effort", "hard"),
		[]string{"Ease off to a comfortable stretch"})
	wantIn(t, "pain", mustTend(t, dayOf(t, env, 58), "done", "walk", "--pain", "pain"),
		[]string{"a doctor or physio can help"}, "GP")
}

// §6.4 rule 1 (clarified): habit strength never rises on days without a
// session, as `tend review` reads it day by day.
func TestCoachJourneyStrengthNeverRisesWithoutASession(t *testing.T) {
	env := newEnv(t)
	mustTend(t, env, "add", "Walk", "--plan", "daily-walk")
	for day := 0; day < 21; day++ {
		if day%7 < 3 {
			mustTend(t, dayOf(t, env, day), "done", "walk")
		}
	}
	prev := reviewOf(t, dayOf(t, env, 21), "Walk").Strength
	for day := 22; day <= 28; day++ { // a week with no session at all
		s := reviewOf(t, dayOf(t, env, day), "Walk").Strength
		if s > prev {
			t.Fatalf("day %d without a session: strength rose from %v to %v", day, prev, s)
		}
		prev = s
	}
}

// R8's M2 (clarified): after two missed sessions Today adds "Want the
// minimum version today (…) or the previous level's …?" to the step's
// reason, and `tend done --previous` takes that target: it shows up, never
// moves the level; where it is not offered it is refused, unchanged.
func TestCLIPreviousLevelAfterTwoMisses(t *testing.T) {
	env := newEnv(t)
	mustTend(t, env, "add", "Walk", "--plan", "daily-walk", "--on", "mon,tue,wed,thu,fri", "--capacity", "20", "--readiness", "none")
	mustTend(t, env, "done", "walk") // Monday, at 15 min
	refusedUnchanged(t, dayOf(t, env, 2), 1, []string{"previous level's target is offered after two missed sessions",
		"today's target is walk 15 minutes"}, "done", "walk", "--previous")
	thu := dayOf(t, env, 3)
	wantIn(t, "Thursday's Today", mustTend(t, thu, "today"), []string{"Same target today (15 min).",
		"Want the minimum version today (5 minutes out the door) or the previous level's walk 12 minutes?"})
	refusedUnchanged(t, thu, 2, []string{"--minimum, --previous or --full"}, "done", "walk", "--previous", "--minimum")
	wantIn(t, "tend done walk --previous", mustTend(t, thu, "done", "walk", "--previous"), []string{"Showed up: 12 min."})
	wantIn(t, "Thursday's Today after it", mustTend(t, thu, "today"), []string{"Showed up: 12 min."}, "out the door")
	if g := goalsByName(t, thu)["Walk"]; g.Level != 4 {
		t.Errorf("--previous moved the level to %d", g.Level)
	}
}
