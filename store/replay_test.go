package store

import (
	"math/rand/v2"
	"testing"

	"tend/coach"
)

// Replaying a random history through the store gives the same goal, day by
// day, as the pure engine does on its own: the store adds nothing to the
// coach's decisions and loses nothing between calls.
func TestReplayThroughTheStoreMatchesTheEngine(t *testing.T) {
	plans := []string{coach.WalkToRunID, coach.DailyWalkID, coach.StrengthID, coach.YogaID, coach.MindfulID}
	for seed := uint64(1); seed <= 10; seed++ {
		r := rand.New(rand.NewPCG(seed, 7))
		planID := plans[seed%uint64(len(plans))]
		s := newStore(t)
		p, _ := coach.PlanByID(planID)
		start := coach.DayOf(2026, 1, 5)
		g, err := coach.NewGoal("Replay", p, nil, coach.Schedule{PerWeek: p.PerWeek}, 0, start)
		if err != nil {
			t.Fatal(err)
		}
		g.Level = 1 + r.IntN(len(p.Levels))
		if g, err = s.AddGoal(g); err != nil {
			t.Fatal(err)
		}
		pure, hist := g, []coach.CheckIn(nil)
		day := start
		for i := 0; i < 40; i++ {
			day = day.AddDays([]int{1, 1, 2, 3, 9, 16}[r.IntN(6)])
			e := coach.Entry{Day: day, Outcome: coach.Outcomes[r.IntN(len(coach.Outcomes))],
				Effort: coach.Efforts[r.IntN(3)], Pain: []coach.Pain{coach.PainNone, coach.PainNone, coach.PainSore, coach.PainPain}[r.IntN(4)]}
			if e.Outcome == coach.Partial {
				e.Amount = float64(1 + r.IntN(20))
			}
			if pure.Status() != coach.Active {
				// Resume, as a person would, in both.
				pure = pure.SetStatus(coach.Active, day)
				if _, err := s.EditGoal(g.ID, func(stored coach.Goal) (coach.Goal, error) {
					return stored.SetStatus(coach.Active, day), nil
				}); err != nil {
					t.Fatal(err)
				}
			}
			want, err := coach.Record(pure, hist, e, day)
			if err != nil {
				t.Fatalf("seed %d, %s: engine: %v", seed, day, err)
			}
			got, err := s.CheckIn(g.ID, e, day)
			if err != nil {
				t.Fatalf("seed %d, %s: store: %v", seed, day, err)
			}
			if got.Goal.Step().Level != want.Goal.Level || got.Decision.ReasonCode != want.Decision.ReasonCode ||
				got.Goal.Variant != want.Goal.Variant || got.Goal.Bridge != want.Goal.Bridge {
				t.Fatalf("seed %d (%s), %s: store %s → level %d, engine %s → level %d",
					seed, planID, day, got.Decision.ReasonCode, got.Goal.Level, want.Decision.ReasonCode, want.Goal.Level)
			}
			pure, hist = want.Goal, append(hist, want.CheckIn)
		}
		stored, err := s.Goals()
		if err != nil || len(stored) != 1 || stored[0].Level != pure.Level || stored[0].Variant != pure.Variant {
			t.Fatalf("seed %d: stored %+v, engine level %d", seed, stored, pure.Level)
		}
	}
}
