package coach

import "sync"

import "fmt"

// Built-in plan ids, as typed in `tend add --plan`.
const (
	WalkToRunID = "walk-to-run"
	DailyWalkID = "daily-walk"
	StrengthID  = "strength"
	YogaID      = "yoga"
	MindfulID   = "mindful"
)

// walkToRunWalkingRungs is how many of Walk to run's first rungs are walks
// (P1–P4), before the NHS Couch to 5K weeks begin.
const walkToRunWalkingRungs = 4

// Plans returns the built-in plans in the order they are offered.
func Plans() []Plan { return append([]Plan(nil), builtIn()...) }

// builtIn builds the plans once: a goal's plan is looked up for every
// goal on every screen and check-in, and building all five each time was
// most of a check-in's work. Plans are values nobody changes, so the one
// set is shared.
var builtIn = sync.OnceValue(func() []Plan {
	return []Plan{dailyWalk(), walkToRun(), strength(), yoga(), mindful()}
})

// PlanByID returns the built-in plan with the given id.
func PlanByID(id string) (Plan, error) {
	ps := builtIn()
	for i := range ps { // by index: a Plan is a large value to copy for each one passed
		if ps[i].ID == id {
			return ps[i], nil
		}
	}
	return Plan{}, says(ErrUnknownPlan, "%q", id)
}

func timed(kind BlockKind, secs int) Block { return Block{Kind: kind, Secs: secs} }

func once(blocks ...Block) Round { return Round{Times: 1, Blocks: blocks} }

func mins(m int) int { return m * 60 }

// minutesLadder builds a plan's levels from minutes of one activity.
func minutesLadder(kind BlockKind, minutes ...int) []Level {
	levels := make([]Level, len(minutes))
	for i, m := range minutes {
		levels[i] = Level{
			Number:   i + 1,
			Label:    fmt.Sprintf("%d min", m),
			Variants: []Session{{Rounds: []Round{once(timed(kind, mins(m)))}, Target: float64(m)}},
		}
	}
	return levels
}

func dailyWalk() Plan {
	return Plan{
		ID: DailyWalkID, Name: "Daily walk", Domain: DomainWalk, Unit: Minutes,
		Summary:      "10 → 30 minutes, 5 days a week · about 8 weeks",
		PerWeek:      5,
		AdvanceAfter: 4, EffortStepsBack: true,
		Levels:     minutesLadder(Walk, 5, 10, 12, 15, 18, 20, 23, 25, 28, 30),
		Minimum:    Session{Rounds: []Round{once(timed(Walk, mins(5)))}, Target: 5, Text: "5 minutes out the door"},
		StartLevel: 2,
	}
}

func yoga() Plan {
	return Plan{
		ID: YogaID, Name: "Yoga / stretch", Domain: DomainYoga, Unit: Minutes,
		Summary:      "5 → 20 minutes, 4 days a week · about 7 weeks",
		PerWeek:      4,
		AdvanceAfter: 4, EffortStepsBack: true,
		Levels:     minutesLadder(Move, 5, 7, 10, 12, 15, 18, 20),
		Minimum:    Session{Rounds: []Round{once(timed(Move, mins(2)))}, Target: 2, Text: "2 minutes: one pose and 5 slow breaths"},
		StartLevel: 1,
	}
}

func mindful() Plan {
	return Plan{
		ID: MindfulID, Name: "Mindful minutes", Domain: DomainMind, Unit: Minutes,
		Summary:      "2 → 10 minutes a day · about 4 weeks",
		PerWeek:      7,
		AdvanceAfter: 5, AdvanceWindowDays: 7, EffortStepsBack: false,
		Levels:     minutesLadder(Sit, 2, 3, 5, 7, 10),
		Minimum:    Session{Rounds: []Round{once(timed(Sit, 30))}, Target: 0.5, Text: "3 slow breaths"},
		StartLevel: 1,
	}
}

// strengthMoves are the four bodyweight moves of the starter, and their
// harder forms from level 8.
var (
	strengthMoves = []string{"sit-to-stand", "wall push-up", "heel raise", "glute bridge"}
	harderMoves   = []string{"no-hands sit-to-stand (3 s down)", "counter-top push-up",
		"single-leg heel raise (hold on)", "glute bridge (2 s hold)"}
)

func strength() Plan {
	type rung struct{ sets, reps int }
	rungs := []rung{{1, 5}, {1, 8}, {1, 10}, {1, 12}, {2, 8}, {2, 10}, {2, 12}, {2, 8}, {2, 10}, {2, 12}}
	levels := make([]Level, len(rungs))
	for i, r := range rungs {
		moves, label := strengthMoves, fmt.Sprintf("%d×%d", r.sets, r.reps)
		if i >= 7 {
			moves, label = harderMoves, label+" harder"
		}
		blocks := make([]Block, len(moves))
		for j, m := range moves {
			blocks[j] = Block{Kind: Move, Sets: r.sets, Reps: r.reps, Name: m}
		}
		levels[i] = Level{
			Number: i + 1, Label: label,
			Variants: []Session{{WarmupS: mins(3), Rounds: []Round{once(blocks...)},
				Target: float64(len(moves) * r.sets * r.reps)}},
		}
	}
	return Plan{
		ID: StrengthID, Name: "Strength", Domain: DomainStrength, Unit: Reps,
		Summary: "four simple moves, twice a week · about 10 weeks",
		PerWeek: 2, MinRestDays: 1,
		AdvanceAfter: 2, EffortStepsBack: true,
		Levels: levels,
		Minimum: Session{Rounds: []Round{once(Block{Kind: Move, Sets: 1, Reps: 5, Name: "sit-to-stand"})},
			Target: 5, Text: "1×5 sit-to-stands"},
		StartLevel: 1,
	}
}

// IfThenPlans are the barrier plans offered when a goal is set up (COACH
// §6.5 step 5): an if-then plan makes the next step obvious on a hard day.
var IfThenPlans = []string{
	"If I feel too tired, then I'll do the minimum version.",
	"If I slept badly, then today is easy effort or a walk.",
	"If something hurts, then I stop, log it, and the coach adjusts.",
	"If the weather is bad or time is short, then I do the 5-minute indoor version.",
}

// ReadinessQuestions are the PAR-Q style questions asked before an exercise
// plan (COACH §5): any "yes" means talking to a doctor before becoming much
// more active.
var ReadinessQuestions = []string{
	"Has a doctor ever said you have a heart condition?",
	"Have you had chest pain, with activity or at rest, in the last month?",
	"Do you lose your balance from dizziness, or ever lose consciousness?",
	"Do you have a bone or joint problem that activity could make worse?",
	"Do you take medicine for blood pressure or a heart condition?",
	"Do you know of any other reason to be careful with exercise?",
}

// ReadinessShort are the same questions in a few words each, for a small
// window: "Before exercise: do you have …?"
var ReadinessShort = []string{
	"a heart condition", "chest pain in the last month", "dizziness or fainting",
	"a bone or joint problem", "heart or blood-pressure medicine", "or another reason to be careful",
}

// Exercise reports whether a plan is physical activity, for which the
// readiness questions are asked and which a warning sign holds (COACH R0,
// §6.5): every plan but Mindful minutes, and custom ladders unless they
// count times.
func (p Plan) Exercise() bool {
	switch p.Domain {
	case DomainWalk, DomainRun, DomainStrength, DomainYoga:
		return true
	case DomainCustom:
		return p.Unit != Times
	case DomainMind:
	}
	return false
}

// NextPlan is the plan a finished one leads on to, where there is one: only
// Daily walk has one, Walk to run from its walk with jogs (COACH §6.3 "After
// graduation"). Every other plan's next step is keeping it.
func NextPlan(p Plan) (*Plan, bool) {
	if p.ID != DailyWalkID {
		return nil, false
	}
	next := walkToRun()
	return &next, true
}

// nextPlanCapacity is the walking minutes a graduate of Daily walk starts
// Walk to run with (onboarding step 3): 30, which starts it at P4.
const nextPlanCapacity = 30

// StartNextPlan makes the goal that a finished goal's next plan starts:
// Walk to run at its walk with jogs for a Daily walk graduate, beside the
// goal that stays. It reports false where the plan has no next one.
func StartNextPlan(g Goal, sched Schedule, day Day) (Goal, bool, error) {
	p, err := g.Plan()
	if err != nil {
		return Goal{}, false, err
	}
	next, ok := NextPlan(p)
	if !ok || !g.Graduated {
		return Goal{}, false, nil
	}
	ng, err := NewGoal(next.Name, *next, nil, sched, nextPlanCapacity, day)
	return ng, err == nil, err
}
