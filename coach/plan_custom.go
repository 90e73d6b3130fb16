package coach

import "math"

// A custom ladder is a plan a person builds: from a start to a maximum in
// equal steps, moving up after a number of completed sessions.

// Custom describes a ladder a person built: from Start to Max in Steps,
// moving up after Every completed sessions.
type Custom struct {
	Unit  Unit
	Start float64
	Step  float64
	Max   float64
	Every int
}

// CustomLimits bound a custom ladder so that it stays something a person can
// read on one screen. [D]
const (
	maxCustomRungs  = 60
	MaxCustomAmount = 100000
)

// MaxEvery bounds a custom ladder's sessions per rung: a month of daily
// sessions on one rung is already slower than any built-in plan moves. [D]
const MaxEvery = 30

// CustomPlan builds the plan of a person's own ladder, checking that it makes
// sense: a positive step, start at most max, whole numbers where the unit
// counts whole things.
func CustomPlan(name string, c Custom) (Plan, error) {
	switch {
	case c.Step <= 0:
		return Plan{}, says(ErrBadValue, "the step must be more than 0")
	case c.Start <= 0:
		return Plan{}, says(ErrBadValue, "the start must be more than 0")
	case c.Start > c.Max:
		return Plan{}, says(ErrBadValue, "the start must not be more than the maximum")
	case c.Max > MaxCustomAmount:
		return Plan{}, says(ErrBadValue, "the maximum can be at most %d", MaxCustomAmount)
	case c.Unit.Whole() && (c.Start != math.Trunc(c.Start) || c.Step != math.Trunc(c.Step) || c.Max != math.Trunc(c.Max)):
		return Plan{}, says(ErrBadValue, "%s are counted in whole numbers", c.Unit)
	case c.Every < 1 || c.Every > MaxEvery:
		return Plan{}, says(ErrBadValue, "sessions per level is a whole number from 1 to %d", MaxEvery)
	}
	var levels []Level
	for a := c.Start; ; a += c.Step {
		if a > c.Max || nearly(a, c.Max) {
			a = c.Max
		}
		levels = append(levels, Level{Number: len(levels) + 1, Label: Amount(a, c.Unit),
			Variants: []Session{{Target: a}}})
		if a == c.Max {
			break
		}
		if len(levels) == maxCustomRungs {
			return Plan{}, says(ErrBadValue, "that ladder has more than %d rungs; take a bigger step", maxCustomRungs)
		}
	}
	// The minimum version is half the first rung, a whole number where the
	// unit counts whole things (2.5 push-ups cannot be done).
	minimum := levels[0].Variants[0].Target / 2
	if c.Unit.Whole() {
		minimum = math.Round(minimum)
	}
	return Plan{
		ID: CustomPlanID, Name: name, Domain: DomainCustom, Unit: c.Unit, PerWeek: 7,
		AdvanceAfter: c.Every, EffortStepsBack: true, Levels: levels, StartLevel: 1,
		Minimum: Session{Target: minimum, Text: "a small version, whatever fits today"},
	}, nil
}

func nearly(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
