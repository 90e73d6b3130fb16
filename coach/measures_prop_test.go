package coach_test

import (
	"math"
	"slices"
	"testing"
	"time"

	"pgregory.net/rapid"

	"tend/coach"
)

// rvWorld is a goal, its history and the day it is read on, drawn at random:
// any built-in plan, a schedule of N a week or of weekdays that may change
// once, spans paused or in safety hold, and up to ten months of check-ins.
type rvWorld struct {
	g       coach.Goal
	p       coach.Plan
	hist    []coach.CheckIn
	today   coach.Day
	holds   map[coach.Day]coach.Status // days not active
	maxDays int
}

func rvSchedule(t *rapid.T, label string) coach.Schedule {
	if rapid.Bool().Draw(t, label+" weekdays?") {
		all := []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday}
		ws := rapid.SliceOfNDistinct(rapid.SampledFrom(all), 1, 7, func(w time.Weekday) time.Weekday { return w }).Draw(t, label+" days")
		slices.Sort(ws)
		return coach.Schedule{Weekdays: ws}
	}
	return coach.Schedule{PerWeek: rapid.IntRange(1, 7).Draw(t, label+" per week")}
}

func rvDraw(t *rapid.T) rvWorld {
	id := rapid.SampledFrom([]string{coach.WalkToRunID, coach.DailyWalkID, coach.StrengthID, coach.YogaID, coach.MindfulID}).Draw(t, "plan")
	p, _ := coach.PlanByID(id)
	created := rvMon.AddDays(rapid.IntRange(0, 6).Draw(t, "created"))
	g, err := coach.NewGoal("Prop", p, nil, rvSchedule(t, "schedule"), 0, created)
	if err != nil {
		t.Fatal(err)
	}
	span := rapid.IntRange(0, 300).Draw(t, "span")
	if rapid.IntRange(0, 2).Draw(t, "change schedule?") == 0 && span > 1 {
		g = g.WithSchedule(rvSchedule(t, "new schedule"), created.AddDays(rapid.IntRange(1, span).Draw(t, "changed on")))
	}
	w := rvWorld{g: g, p: p, holds: map[coach.Day]coach.Status{}, maxDays: span}
	for i := rapid.IntRange(0, 2).Draw(t, "holds"); i > 0; i-- {
		from := rapid.IntRange(1, span+1).Draw(t, "hold from")
		st := rapid.SampledFrom([]coach.Status{coach.Paused, coach.SafetyHold}).Draw(t, "hold status")
		for d := range rapid.IntRange(1, 20).Draw(t, "hold days") {
			w.holds[created.AddDays(from+d)] = st
		}
	}
	w.g.Statuses = rvStatuses(created, w.holds)
	kinds := rapid.SliceOfN(rapid.IntRange(0, 9), span+3, span+3).Draw(t, "days")
	for i, k := range kinds {
		if k < 4 {
			continue // nothing logged
		}
		o := []coach.Outcome{coach.Done, coach.Done, coach.Partial, coach.Minimum, coach.Rest, coach.Unwell}[k-4]
		if k == 9 && i%2 == 0 {
			o = coach.Away
		}
		w.hist = append(w.hist, rvDrawIn(t, p, created.AddDays(i-2), o))
	}
	w.today = created.AddDays(rapid.IntRange(0, span+20).Draw(t, "today"))
	return w
}

// rvDrawIn draws the details of one check-in.
func rvDrawIn(t *rapid.T, p coach.Plan, d coach.Day, o coach.Outcome) coach.CheckIn {
	c := coach.CheckIn{Day: d, Outcome: o, Level: rapid.IntRange(1, len(p.Levels)).Draw(t, "level"), Variant: 1,
		WrittenAt: time.Date(2025, time.January, 1, 12, 0, 0, 0, time.UTC).AddDate(0, 0, d.DaysSince(rvMon))}
	if o.ShowedUp() {
		c.Achieved = float64(rapid.IntRange(1, 40).Draw(t, "amount"))
		c.Target = c.Achieved
	}
	if rapid.IntRange(0, 3).Draw(t, "mood?") == 0 {
		before, after := rapid.IntRange(0, 10).Draw(t, "before"), rapid.IntRange(0, 10).Draw(t, "after")
		c.MoodBefore, c.MoodAfter = &before, &after
	}
	return c
}

// rvStatuses turns the days a goal was not active into its status history.
func rvStatuses(created coach.Day, holds map[coach.Day]coach.Status) []coach.StatusChange {
	days := make([]coach.Day, 0, len(holds))
	for d := range holds {
		days = append(days, d)
	}
	slices.SortFunc(days, func(a, b coach.Day) int { return a.DaysSince(b) })
	out := []coach.StatusChange{{From: created, Status: coach.Active}}
	for _, d := range days {
		if out[len(out)-1].Status != holds[d] {
			out = append(out, coach.StatusChange{From: d, Status: holds[d]})
		}
		if _, held := holds[d.AddDays(1)]; !held {
			out = append(out, coach.StatusChange{From: d.AddDays(1), Status: coach.Active})
		}
	}
	return out
}

func (w rvWorld) review() coach.Review { return coach.ReviewOf(w.g, w.p, w.hist, w.today) }

// freeDay is the first day from d on with no check-in.
func (w rvWorld) freeDay(d coach.Day) coach.Day {
	for slices.ContainsFunc(w.hist, func(c coach.CheckIn) bool { return c.Day == d }) {
		d = d.AddDays(1)
	}
	return d
}

// A skip day — rest, unwell, away or paused — never lowers anything, with
// one exception COACH §6.4 makes: on an N-a-week plan a rest day is an
// ordinary day without a session, so it costs strength what any such day
// costs (rule 1: the score never rises, and may decay). Logged today, it
// brings that day into the score a day early; logged on another day, it
// changes nothing.
func TestPropertySkipDaysNeverLowerAnything(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		w := rvDraw(t)
		before := w.review()
		more := w
		ordinary := false // a rest day on an N-a-week plan
		wantStrength := before.Strength
		if rapid.Bool().Draw(t, "a paused span?") {
			more.holds = map[coach.Day]coach.Status{}
			for d, s := range w.holds {
				more.holds[d] = s
			}
			from := rapid.IntRange(1, w.maxDays+20).Draw(t, "pause from")
			for d := range rapid.IntRange(1, 30).Draw(t, "pause days") {
				day := w.g.Created.AddDays(from + d)
				if _, held := more.holds[day]; !held {
					more.holds[day] = coach.Paused
				}
			}
			more.g.Statuses = rvStatuses(w.g.Created, more.holds)
		} else {
			d := w.freeDay(w.g.Created.AddDays(rapid.IntRange(-2, w.maxDays+20).Draw(t, "skip day")))
			o := rapid.SampledFrom([]coach.Outcome{coach.Rest, coach.Unwell, coach.Away}).Draw(t, "skip outcome")
			more.hist = append(slices.Clone(w.hist), rvIn(d, o, 0))
			if s := w.g.ScheduleOn(d); o == coach.Rest && len(s.Weekdays) == 0 && !s.Daily() {
				ordinary = true
				if d == w.today {
					// Read a day later, with nothing logged then, the
					// world without the rest counts today the same way.
					tomorrow := w
					tomorrow.today = w.today.AddDays(1)
					tomorrow.hist = slices.DeleteFunc(slices.Clone(w.hist), func(c coach.CheckIn) bool { return c.Day == tomorrow.today })
					wantStrength = tomorrow.review().Strength
				}
			}
		}
		after := more.review()
		switch {
		case ordinary && math.Abs(after.Strength-wantStrength) > 1e-12:
			t.Fatalf("a rest day on an N-a-week plan gave strength %v, want %v as for any day without a session", after.Strength, wantStrength)
		case after.Strength < before.Strength-1e-12 && !ordinary:
			t.Fatalf("strength fell from %v to %v", before.Strength, after.Strength)
		case after.ShowUpStreak < before.ShowUpStreak, after.BestStreak < before.BestStreak:
			t.Fatalf("streak fell: %d (best %d) → %d (best %d)", before.ShowUpStreak, before.BestStreak, after.ShowUpStreak, after.BestStreak)
		case after.RunEnded && !before.RunEnded:
			t.Fatalf("a skip day ended the run")
		case after.WeeksKept < before.WeeksKept:
			t.Fatalf("weeks kept fell from %d to %d", before.WeeksKept, after.WeeksKept)
		case after.Sessions != before.Sessions || after.Total != before.Total:
			t.Fatalf("totals changed: %d, %v → %d, %v", before.Sessions, before.Total, after.Sessions, after.Total)
		}
	})
}

// rvRunOfSessions draws days for a daily plan: each block is a session,
// up to two neutral days, then maybe one missed day, so two misses never
// come without a session between them. It returns the pattern and its
// sessions.
func rvRunOfSessions(t *rapid.T, label string, blocks int) (string, int) {
	s := ""
	for range blocks {
		s += "d" + rapid.SampledFrom([]string{"", "r", "u", "a", "rr", "ua"}).Draw(t, label+" neutral")
		if rapid.Bool().Draw(t, label+" miss?") {
			s += "."
		}
	}
	return s, blocks
}

func TestPropertyOneMissedDayNeverEndsADailyRunTwoInARowDo(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		g, err := coach.NewGoal("Prop", rvPlan(t, coach.MindfulID), nil, coach.Schedule{PerWeek: 7}, 0, rvMon)
		if err != nil {
			t.Fatal(err)
		}
		p := rvPlan(t, coach.MindfulID)
		a, na := rvRunOfSessions(t, "first run", rapid.IntRange(1, 60).Draw(t, "first blocks"))
		hist, today := rvDays(rvMon, a)
		r := coach.ReviewOf(g, p, hist, today)
		if r.RunEnded || r.ShowUpStreak != na || r.BestStreak != na || r.PendingMiss != (a[len(a)-1] == '.') {
			t.Fatalf("%s: %+v, want an unbroken run of %d", a, r, na)
		}
		b, nb := rvRunOfSessions(t, "second run", rapid.IntRange(0, 60).Draw(t, "second blocks"))
		hist, today = rvDays(rvMon, a+".."+b)
		r = coach.ReviewOf(g, p, hist, today)
		if r.RunEnded != (nb == 0) || r.ShowUpStreak != nb || r.BestStreak != max(na, nb) {
			t.Fatalf("%s..%s: %+v, want a run of %d after the two misses", a, b, r, nb)
		}
	})
}

func TestPropertyTotalsNeverDecrease(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		w := rvDraw(t)
		before := w.review()
		later := w
		later.today = w.today.AddDays(rapid.IntRange(1, 30).Draw(t, "days later"))
		if r := later.review(); r.Sessions < before.Sessions || r.Total < before.Total {
			t.Fatalf("%d days later: %d, %v → %d, %v", later.today.DaysSince(w.today), before.Sessions, before.Total, r.Sessions, r.Total)
		}
		d := w.freeDay(w.today.AddDays(-rapid.IntRange(0, 400).Draw(t, "new day")))
		if d.After(w.today) {
			d = w.today.AddDays(-500) // no check-in so long before
		}
		o := rapid.SampledFrom(coach.Outcomes).Draw(t, "new outcome")
		more := w
		more.hist = append(slices.Clone(w.hist), rvDrawIn(t, w.p, d, o))
		after := more.review()
		if after.Sessions < before.Sessions || after.Total < before.Total || after.WeekActiveMin < before.WeekActiveMin {
			t.Fatalf("a %v day on %s: %+v → %+v", o, d, before, after)
		}
		if o.ShowedUp() && (after.Sessions != before.Sessions+1 || after.Total <= before.Total) {
			t.Fatalf("a session on %s added %d sessions and %v", d, after.Sessions-before.Sessions, after.Total-before.Total)
		}
	})
}

func TestPropertyOrderAndDuplicatesDoNotMatter(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		w := rvDraw(t)
		// Check-ins written earlier on a day are superseded by the last.
		mixed := slices.Clone(w.hist)
		for _, i := range rapid.SliceOfN(rapid.IntRange(0, max(0, len(w.hist)-1)), 0, 10).Draw(t, "superseded") {
			if i < len(w.hist) {
				old := rvDrawIn(t, w.p, w.hist[i].Day, rapid.SampledFrom(coach.Outcomes).Draw(t, "old outcome"))
				old.WrittenAt = w.hist[i].WrittenAt.Add(-time.Hour)
				mixed = append(mixed, old)
			}
		}
		mixed = rapid.Permutation(mixed).Draw(t, "order")
		for _, i := range rapid.SliceOfN(rapid.IntRange(0, max(0, len(w.hist)-1)), 0, 10).Draw(t, "copies") {
			if i < len(w.hist) {
				mixed = slices.Insert(mixed, rapid.IntRange(0, len(mixed)).Draw(t, "at"), w.hist[i])
			}
		}
		other := w
		other.hist = mixed
		if a, b := w.review(), other.review(); a != b {
			t.Fatalf("in order: %+v\nmixed:    %+v", a, b)
		}
		from, to := w.g.Created.AddDays(-3), w.today.AddDays(3)
		if a, b := coach.DayMarks(w.g, w.hist, from, to, w.today), coach.DayMarks(w.g, mixed, from, to, w.today); !slices.Equal(a, b) {
			t.Fatalf("marks differ:\n%v\n%v", a, b)
		}
	})
}

// Moving every day by whole weeks changes nothing. (Any other shift moves
// the ISO week boundaries and the weekdays, which the measures read.)
func TestPropertyShiftingByWholeWeeksChangesNothing(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		w := rvDraw(t)
		n := 7 * rapid.IntRange(-300, 300).Draw(t, "weeks")
		s := w
		s.today = w.today.AddDays(n)
		s.g.Created = w.g.Created.AddDays(n)
		s.g.Schedules = slices.Clone(w.g.Schedules)
		for i := range s.g.Schedules {
			s.g.Schedules[i].From = s.g.Schedules[i].From.AddDays(n)
		}
		s.g.Statuses = slices.Clone(w.g.Statuses)
		for i := range s.g.Statuses {
			s.g.Statuses[i].From = s.g.Statuses[i].From.AddDays(n)
		}
		s.hist = slices.Clone(w.hist)
		for i := range s.hist {
			s.hist[i].Day = s.hist[i].Day.AddDays(n)
		}
		if a, b := w.review(), s.review(); a != b {
			t.Fatalf("shifted %d days:\n%+v\n%+v", n, a, b)
		}
		s1, a1, m1 := coach.WeekSummary(w.g, w.p, w.hist, w.today)
		s2, a2, m2 := coach.WeekSummary(s.g, s.p, s.hist, s.today)
		if s1 != s2 || a1 != a2 || m1 != m2 {
			t.Fatalf("week summary: %d/%d %v, shifted %d/%d %v", s1, a1, m1, s2, a2, m2)
		}
		from, to := w.g.Created.AddDays(-3), w.today.AddDays(3)
		if a, b := coach.DayMarks(w.g, w.hist, from, to, w.today), coach.DayMarks(s.g, s.hist, from.AddDays(n), to.AddDays(n), s.today); !slices.Equal(a, b) {
			t.Fatalf("marks differ:\n%v\n%v", a, b)
		}
	})
}

// Strength stays a share, whatever the history.
func TestPropertyStrengthIsAShare(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r := rvDraw(t).review()
		if math.IsNaN(r.Strength) || r.Strength < 0 || r.Strength > 1 || r.Band != coach.StrengthBand(r.Strength) {
			t.Fatalf("strength %v, band %q", r.Strength, r.Band)
		}
		if r.ShowUpStreak > r.BestStreak || r.ShowUpStreak > r.Sessions || (r.RunEnded && r.ShowUpStreak != 0) ||
			(r.PendingMiss && (r.RunEnded || r.ShowUpStreak == 0)) {
			t.Fatalf("streak %d, best %d, sessions %d, ended %v, pending %v",
				r.ShowUpStreak, r.BestStreak, r.Sessions, r.RunEnded, r.PendingMiss)
		}
	})
}

// The show-up streak agrees with the engine's count of missed sessions
// (MissedInARow, behind M1 and M2) for daily and weekday plans: a miss
// waits (◌) exactly when one session was missed, and a run has ended exactly
// when two or more were.
func TestPropertyStreakAgreesWithMissedInARow(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		w := rvDraw(t)
		s := w.g.Schedules[0].Schedule
		if len(w.g.Schedules) > 1 || (len(s.Weekdays) == 0 && s.PerWeek < 7) {
			return // N-a-week plans count misses by the week
		}
		hadRun, today := false, false
		for _, c := range w.hist {
			hadRun = hadRun || (c.Outcome.ShowedUp() && c.Day.Before(w.today))
			today = today || (c.Outcome.ShowedUp() && c.Day == w.today)
		}
		if !hadRun || today {
			return
		}
		r := w.review()
		missed := coach.MissedInARow(w.g, w.hist, w.today)
		if r.RunEnded != (missed >= 2) || r.PendingMiss != (missed == 1) {
			t.Fatalf("MissedInARow %d, but ended %v, pending %v", missed, r.RunEnded, r.PendingMiss)
		}
	})
}
