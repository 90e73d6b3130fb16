package coach_test

import (
	"math"
	"testing"
	"time"

	"tend/coach"
)

// The measures' tests share these helpers, prefixed rv (review) so that they
// stay apart from the rest of the package's tests. rvMon is a Monday.
var rvMon = coach.DayOf(2025, time.January, 6)

// rvTB is what the helpers need of a *testing.T or a *rapid.T.
type rvTB interface {
	Helper()
	Fatalf(format string, args ...any)
}

func rvPlan(t rvTB, id string) coach.Plan {
	t.Helper()
	p, err := coach.PlanByID(id)
	if err != nil {
		t.Fatalf("PlanByID(%q): %v", id, err)
	}
	return p
}

func rvGoal(t testing.TB, planID string, s coach.Schedule, created coach.Day) (coach.Goal, coach.Plan) {
	t.Helper()
	p := rvPlan(t, planID)
	g, err := coach.NewGoal("Review goal", p, nil, s, 0, created)
	if err != nil {
		t.Fatalf("NewGoal(%s): %v", planID, err)
	}
	return g, p
}

// rvIn is a check-in of outcome o on day d that achieved amount a.
func rvIn(d coach.Day, o coach.Outcome, a float64) coach.CheckIn {
	return coach.CheckIn{Day: d, Outcome: o, Achieved: a, Target: a, Level: 1, Variant: 1}
}

// rvAll gives outcome o, achieving a, on every day from from for n days
// that keep(i) allows (nil keeps every day); i counts from 0.
func rvAll(from coach.Day, n int, o coach.Outcome, a float64, keep func(i int, d coach.Day) bool) []coach.CheckIn {
	var out []coach.CheckIn
	for i := range n {
		d := from.AddDays(i)
		if keep == nil || keep(i, d) {
			out = append(out, rvIn(d, o, a))
		}
	}
	return out
}

// rvOn gives outcome o on each of the days.
func rvOn(o coach.Outcome, a float64, days ...coach.Day) []coach.CheckIn {
	out := make([]coach.CheckIn, len(days))
	for i, d := range days {
		out[i] = rvIn(d, o, a)
	}
	return out
}

// rvPaused returns g with status s from day from through day to, and
// active again after.
func rvPaused(g coach.Goal, s coach.Status, from, to coach.Day) coach.Goal {
	g.Statuses = append(append([]coach.StatusChange(nil), g.Statuses...),
		coach.StatusChange{From: from, Status: s}, coach.StatusChange{From: to.AddDays(1), Status: coach.Active})
	return g
}

func rvCat(hs ...[]coach.CheckIn) []coach.CheckIn {
	var out []coach.CheckIn
	for _, h := range hs {
		out = append(out, h...)
	}
	return out
}

func TestReviewTotalsCountEverySessionAndItsAmount(t *testing.T) {
	g, p := rvGoal(t, coach.DailyWalkID, coach.Schedule{PerWeek: 5}, rvMon)
	hist := rvCat(
		rvOn(coach.Done, 10, rvMon, rvMon.AddDays(1)),
		rvOn(coach.Partial, 6, rvMon.AddDays(2)),
		rvOn(coach.Minimum, 5, rvMon.AddDays(3)),
		rvOn(coach.Rest, 0, rvMon.AddDays(4)),
		rvOn(coach.Unwell, 0, rvMon.AddDays(7)),
		rvOn(coach.Done, 12, rvMon.AddDays(8)),
		rvOn(coach.Done, 99, rvMon.AddDays(30)), // after today: not read
	)
	// A done session saved with no amount achieved its target.
	hist = append(hist, coach.CheckIn{Day: rvMon.AddDays(9), Outcome: coach.Done, Target: 12, Level: 3, Variant: 1})
	r := coach.ReviewOf(g, p, hist, rvMon.AddDays(9))
	if r.Sessions != 6 || r.Total != 10+10+6+5+12+12 {
		t.Errorf("Sessions, Total = %d, %v; want 6, 55", r.Sessions, r.Total)
	}
	// This ISO week (from Monday the 13th) has 12 + 12 walking minutes.
	if r.WeekActiveMin != 24 {
		t.Errorf("WeekActiveMin = %v, want 24", r.WeekActiveMin)
	}
}

func TestReviewActiveMinutesCountRunsTwiceAndOnlyMovement(t *testing.T) {
	runs := rvPlan(t, coach.WalkToRunID)
	at := func(d coach.Day, o coach.Outcome, a float64, level int) coach.CheckIn {
		c := rvIn(d, o, a)
		c.Level = level
		return c
	}
	tests := []struct {
		name string
		plan string
		hist []coach.CheckIn
		want float64
	}{
		{"walking rungs of Walk to run count once", coach.WalkToRunID,
			[]coach.CheckIn{at(rvMon, coach.Done, 15, 2), at(rvMon.AddDays(2), coach.Partial, 12, 3)}, 27},
		{"running weeks count twice", coach.WalkToRunID,
			[]coach.CheckIn{at(rvMon, coach.Done, 8, 5), at(rvMon.AddDays(2), coach.Done, 9, 6)}, 34},
		{"the bridge before week 4 is a run", coach.WalkToRunID,
			[]coach.CheckIn{{Day: rvMon, Outcome: coach.Done, Achieved: 12, Level: 8, Variant: 1, Bridge: true}}, 24},
		{"a minimum in a running week is a walk", coach.WalkToRunID,
			[]coach.CheckIn{at(rvMon, coach.Minimum, 5, 7), at(rvMon.AddDays(2), coach.Done, 9, 7)}, 5 + 18},
		{"the walk with jogs is not a run", coach.WalkToRunID,
			[]coach.CheckIn{at(rvMon, coach.Done, 20, 4)}, 20},
		{"last week's runs are not this week's", coach.WalkToRunID,
			[]coach.CheckIn{at(rvMon.AddDays(-1), coach.Done, 8, 5)}, 0},
		{"yoga minutes count", coach.YogaID, rvOn(coach.Done, 7, rvMon, rvMon.AddDays(1)), 14},
		{"strength counts reps, not minutes", coach.StrengthID, rvOn(coach.Done, 20, rvMon), 0},
		{"sitting still is not activity", coach.MindfulID, rvOn(coach.Done, 5, rvMon, rvMon.AddDays(1)), 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g, p := rvGoal(t, tc.plan, coach.Schedule{PerWeek: 3}, rvMon.AddDays(-7))
			if tc.plan == coach.WalkToRunID && p.Domain != runs.Domain {
				t.Fatal("plan mix-up")
			}
			if got := coach.ReviewOf(g, p, tc.hist, rvMon.AddDays(3)).WeekActiveMin; got != tc.want {
				t.Errorf("WeekActiveMin = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestReviewMoodSetsActiveDaysAgainstOthers(t *testing.T) {
	g, p := rvGoal(t, coach.DailyWalkID, coach.Schedule{PerWeek: 7}, rvMon)
	mood := func(c coach.CheckIn, before, after *int) coach.CheckIn {
		c.MoodBefore, c.MoodAfter = before, after
		return c
	}
	n := func(v int) *int { return &v }
	hist := []coach.CheckIn{
		mood(rvIn(rvMon, coach.Done, 10), n(3), n(6)),              // lift 3, active 6
		mood(rvIn(rvMon.AddDays(1), coach.Done, 10), n(5), n(5)),   // lift 0, active 5
		mood(rvIn(rvMon.AddDays(2), coach.Partial, 6), n(4), nil),  // active 4
		mood(rvIn(rvMon.AddDays(3), coach.Rest, 0), n(2), nil),     // other 2
		mood(rvIn(rvMon.AddDays(4), coach.Unwell, 0), nil, n(3)),   // other 3
		mood(rvIn(rvMon.AddDays(5), coach.Minimum, 5), n(6), n(4)), // lift -2, active 4
		rvIn(rvMon.AddDays(6), coach.Done, 10),                     // no mood
		mood(rvIn(rvMon.AddDays(7), coach.Done, 10), n(2), n(7)),   // lift 5, active 7
		mood(rvIn(rvMon.AddDays(8), coach.Done, 10), n(5), n(6)),   // lift 1, active 6
		mood(rvIn(rvMon.AddDays(40), coach.Done, 10), n(0), n(10)), // after today
	}
	got := coach.ReviewOf(g, p, hist, rvMon.AddDays(8)).Mood
	want := coach.MoodSummary{
		LiftDays: 5, Lift: (3 + 0 - 2 + 5 + 1) / 5.0, BestLift: 5,
		ActiveDays: 6, OtherDays: 2, ActiveMood: (6 + 5 + 4 + 4 + 7 + 6) / 6.0, OtherMood: 2.5,
		Enough: true,
	}
	if got != want {
		t.Errorf("Mood = %+v\nwant   %+v", got, want)
	}
	// Four lift days are not enough to show a lift.
	if m := coach.ReviewOf(g, p, hist, rvMon.AddDays(7)).Mood; m.Enough || m.LiftDays != 4 || m.Lift != 1.5 {
		t.Errorf("with four lift days: %+v, want LiftDays 4, Lift 1.5, not Enough", m)
	}
	if m := coach.ReviewOf(g, p, nil, rvMon).Mood; m != (coach.MoodSummary{}) {
		t.Errorf("no check-ins: %+v, want all zero", m)
	}
}

func TestReviewTakesTheCheckInWrittenLastOnADay(t *testing.T) {
	g, p := rvGoal(t, coach.DailyWalkID, coach.Schedule{PerWeek: 7}, rvMon)
	at := func(c coach.CheckIn, hour int) coach.CheckIn {
		c.WrittenAt = time.Date(2025, time.January, 6, hour, 0, 0, 0, time.UTC)
		return c
	}
	later := at(rvIn(rvMon, coach.Rest, 0), 20)
	earlier := at(rvIn(rvMon, coach.Done, 10), 8)
	for _, hist := range [][]coach.CheckIn{{later, earlier}, {earlier, later}} {
		if r := coach.ReviewOf(g, p, hist, rvMon); r.Sessions != 0 {
			t.Errorf("the later rest day should stand: Sessions = %d", r.Sessions)
		}
	}
	// With the same time, the later in the list stands.
	same := []coach.CheckIn{rvIn(rvMon, coach.Rest, 0), rvIn(rvMon, coach.Done, 10)}
	if r := coach.ReviewOf(g, p, same, rvMon); r.Sessions != 1 || r.Total != 10 {
		t.Errorf("Sessions, Total = %d, %v; want 1, 10", r.Sessions, r.Total)
	}
}

func TestWeekSummaryIsThePreviousISOWeek(t *testing.T) {
	g, p := rvGoal(t, coach.WalkToRunID, coach.Schedule{PerWeek: 3}, rvMon.AddDays(-14))
	run := func(d coach.Day, a float64) coach.CheckIn {
		c := rvIn(d, coach.Done, a)
		c.Level = 5 // week 1 of Couch to 5K
		return c
	}
	hist := []coach.CheckIn{
		run(rvMon.AddDays(-7), 8), run(rvMon.AddDays(-5), 8), // the week before last
		run(rvMon, 8), rvIn(rvMon.AddDays(2), coach.Minimum, 5), rvIn(rvMon.AddDays(3), coach.Rest, 0),
		run(rvMon.AddDays(7), 8), // this week
	}
	s, ask, mins := coach.WeekSummary(g, p, hist, rvMon.AddDays(9))
	if s != 2 || ask != 3 || mins != 8*2+5 {
		t.Errorf("WeekSummary = %d/%d, %v min; want 2/3, 21 min", s, ask, mins)
	}
	// The week a goal began asks only what fits: created on Saturday, Walk
	// to run (a rest day between runs) asks one run of that week.
	late, _ := rvGoal(t, coach.WalkToRunID, coach.Schedule{PerWeek: 3}, rvMon.AddDays(5))
	if s, ask, _ := coach.WeekSummary(late, p, nil, rvMon.AddDays(7)); s != 0 || ask != 1 {
		t.Errorf("creation week: %d/%d, want 0/1", s, ask)
	}
	// Paused days ask for nothing: paused Monday to Friday leaves 3 − 5 → 0.
	paused := rvPaused(g, coach.Paused, rvMon, rvMon.AddDays(4))
	if _, ask, _ := coach.WeekSummary(paused, p, nil, rvMon.AddDays(7)); ask != 0 {
		t.Errorf("paused week asks %d, want 0", ask)
	}
	// Before the goal began, nothing was asked.
	if s, ask, mins := coach.WeekSummary(g, p, nil, rvMon.AddDays(-14)); s != 0 || ask != 0 || mins != 0 {
		t.Errorf("before the goal: %d/%d, %v; want zeros", s, ask, mins)
	}
}

func TestReviewOfNothingIsAQuietStart(t *testing.T) {
	g, p := rvGoal(t, coach.YogaID, coach.Schedule{PerWeek: 4}, rvMon)
	r := coach.ReviewOf(g, p, nil, rvMon.AddDays(20))
	want := coach.Review{Band: coach.BandStarting}
	if r != want {
		t.Errorf("ReviewOf(no check-ins) = %+v, want %+v", r, want)
	}
	if math.IsNaN(r.Strength) {
		t.Error("strength is NaN")
	}
}
