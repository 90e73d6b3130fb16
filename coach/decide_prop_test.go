package coach_test

import (
	"testing"

	"pgregory.net/rapid"

	"tend/coach"
)

// randomHistory draws up to two years of check-ins for a goal on a random
// built-in plan: each step skips 0–35 days and logs a random outcome,
// amount, effort and pain. Warnings are rare, as in life.
func randomEntries(t *rapid.T) (string, []coach.Entry) {
	plan := rapid.SampledFrom([]string{coach.WalkToRunID, coach.DailyWalkID, coach.StrengthID, coach.YogaID, coach.MindfulID}).Draw(t, "plan")
	n := rapid.IntRange(1, 120).Draw(t, "n")
	day := simStart
	var es []coach.Entry
	for i := 0; i < n && day.DaysSince(simStart) < 730; i++ {
		day = day.AddDays(rapid.SampledFrom([]int{1, 1, 1, 2, 2, 3, 5, 9, 15, 29}).Draw(t, "skip"))
		e := coach.Entry{Day: day}
		e.Outcome = rapid.SampledFrom(coach.Outcomes).Draw(t, "outcome")
		e.Effort = rapid.SampledFrom(coach.Efforts).Draw(t, "effort")
		e.Pain = rapid.SampledFrom([]coach.Pain{coach.PainNone, coach.PainNone, coach.PainNone, coach.PainSore, coach.PainPain}).Draw(t, "pain")
		if e.Outcome == coach.Partial || rapid.Bool().Draw(t, "amount?") {
			e.Amount = float64(rapid.IntRange(1, 40).Draw(t, "amount"))
		}
		es = append(es, e)
	}
	return plan, es
}

// replay runs entries through Record the way the store does and checks the
// engine's promises after every check-in.
func replay(t *rapid.T, planID string, es []coach.Entry) []coach.Decision {
	p, _ := coach.PlanByID(planID)
	g, err := coach.NewGoal("Prop", p, nil, coach.Schedule{PerWeek: p.PerWeek}, 0, simStart)
	if err != nil {
		t.Fatal(err)
	}
	g.Level = rapid.IntRange(1, len(p.Levels)).Draw(t, "start level")
	var hist []coach.CheckIn
	var ds []coach.Decision
	for _, e := range es {
		before := g
		if before.Status() != coach.Active && !e.Outcome.Skips() {
			// A paused goal takes no sessions; the person resumes it first.
			before = before.SetStatus(coach.Active, e.Day)
		}
		rec, err := coach.Record(before, hist, e, e.Day)
		if err != nil {
			t.Fatalf("%s %v: %v", e.Day, e.Outcome, err)
		}
		d, after := rec.Decision, rec.Goal
		step := after.Level - before.Level
		switch {
		case longGap(hist, e.Day, g.Created):
			// G2, the one two-level move; a guard after it may name
			// the decision, so the gap is what allows it.
			if step < -2 || step > 0 {
				t.Fatalf("after a gap of four weeks: moved %d levels", step)
			}
		case step < -1 || step > 1:
			t.Fatalf("%s moved %d levels (%d → %d)", d.ReasonCode, step, before.Level, after.Level)
		}
		if e.Outcome.Skips() && (after.Level != before.Level || after.Variant != before.Variant || after.Bridge != before.Bridge) {
			t.Fatalf("%v moved the goal: %+v → %+v", e.Outcome, before.Step(), after.Step())
		}
		if e.Outcome == coach.Minimum && step > 0 {
			t.Fatalf("a minimum raised the level")
		}
		if after.Level < 1 || after.Level > len(p.Levels) || after.Variant < 1 || after.Variant > len(p.Level(after.Level).Variants) {
			t.Fatalf("off the ladder: level %d variant %d", after.Level, after.Variant)
		}
		if after.Bridge && after.BridgeTarget == 0 {
			_, bridge := p.Bridges[after.Level]
			_, alt := p.Alternatives[[2]int{after.Level, after.Variant}]
			if !bridge && !alt {
				t.Fatalf("on a bridge the plan does not have: level %d variant %d", after.Level, after.Variant)
			}
		}
		if d.Message == "" {
			t.Fatalf("decision %s without a reason", d.ReasonCode)
		}
		g, hist, ds = after, append(hist, rec.CheckIn), append(ds, d)
	}
	return ds
}

func TestPropertyEngineKeepsItsPromises(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		plan, es := randomEntries(t)
		replay(t, plan, es)
	})
}

// The same history always gives the same decisions.
func TestPropertyEngineIsDeterministic(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		plan, es := randomEntries(t)
		seed := rapid.IntRange(1, 1<<20).Draw(t, "seed")
		a := replayFixed(t, plan, es, seed)
		b := replayFixed(t, plan, es, seed)
		for i := range a {
			if a[i].ReasonCode != b[i].ReasonCode || a[i].To != b[i].To || a[i].Message != b[i].Message {
				t.Fatalf("check-in %d: %+v then %+v", i, a[i], b[i])
			}
		}
	})
}

func replayFixed(t *rapid.T, plan string, es []coach.Entry, level int) []coach.Decision {
	p, _ := coach.PlanByID(plan)
	g, _ := coach.NewGoal("Prop", p, nil, coach.Schedule{PerWeek: p.PerWeek}, 0, simStart)
	g.Level = 1 + level%len(p.Levels)
	var hist []coach.CheckIn
	var ds []coach.Decision
	for _, e := range es {
		if g.Status() != coach.Active {
			g = g.SetStatus(coach.Active, e.Day)
		}
		rec, err := coach.Record(g, hist, e, e.Day)
		if err != nil {
			t.Fatal(err)
		}
		g, hist, ds = rec.Goal, append(hist, rec.CheckIn), append(ds, rec.Decision)
	}
	return ds
}

// Safety hold never offers a target, whatever came before.
func TestPropertySafetyHoldOffersNoSession(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		plan, es := randomEntries(t)
		last := es[len(es)-1]
		last.Outcome, last.Pain = coach.Done, coach.PainWarning
		es[len(es)-1] = last
		p, _ := coach.PlanByID(plan)
		g, _ := coach.NewGoal("Prop", p, nil, coach.Schedule{PerWeek: p.PerWeek}, 0, simStart)
		var hist []coach.CheckIn
		for _, e := range es {
			if g.Status() != coach.Active {
				g = g.SetStatus(coach.Active, e.Day)
			}
			rec, err := coach.Record(g, hist, e, e.Day)
			if err != nil {
				t.Fatal(err)
			}
			g, hist = rec.Goal, append(hist, rec.CheckIn)
		}
		for d := 0; d < 3; d++ {
			td, err := coach.TodayFor(g, hist, last.Day.AddDays(d))
			if err != nil {
				t.Fatal(err)
			}
			if g.Status() != coach.SafetyHold || td.Due || td.Reason != coach.MsgS1 {
				t.Fatalf("after a warning: status %s, due %v, reason %q", g.Status(), td.Due, td.Reason)
			}
		}
	})
}

// longGap reports whether day comes four weeks or more after the last
// session (or the goal's creation).
func longGap(hist []coach.CheckIn, day, created coach.Day) bool {
	last := created
	for _, c := range hist {
		if c.Outcome.ShowedUp() && c.Day.After(last) {
			last = c.Day
		}
	}
	return day.DaysSince(last) >= coach.Back2GapDays
}
