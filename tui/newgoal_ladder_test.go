package tui

import (
	"regexp"
	"strings"
	"testing"

	"tend/coach"
)

// The new-goal flow's own ladder: the unit, the four numbers, what is
// refused, and a ladder saved from start to end.

func TestNewGoalCustomUnitChoice(t *testing.T) {
	m, _ := openNewGoal(t, 80, 24)
	m = pickPlan(t, m, "Build my own ladder")
	atStep(t, m, ngCustom)
	if m.newGoal.custom.focus != 0 || customUnits[m.newGoal.custom.unit] != coach.Minutes {
		t.Fatalf("the ladder should start on the unit, minutes; focus %d unit %v", m.newGoal.custom.focus, m.newGoal.custom.unit)
	}
	want := []coach.Unit{coach.Reps, coach.Km, coach.Miles, coach.Times, coach.Minutes}
	for i, u := range want {
		m = pressAll(t, m, ngRight)
		if got := customUnits[m.newGoal.custom.unit]; got != u {
			t.Fatalf("→ #%d: unit %v, want %v", i+1, got, u)
		}
	}
	m = pressAll(t, m, ngLeft)
	if got := customUnits[m.newGoal.custom.unit]; got != coach.Times {
		t.Fatalf("← from minutes: unit %v, want times (it wraps)", got)
	}
	if !strings.Contains(m.View(), "[times]") {
		t.Errorf("the chosen unit is not marked:\n%s", m.View())
	}
	// ↓ and tab go through the fields; ← and → there do not change the unit.
	m = pressAll(t, m, ngDown)
	if m.newGoal.custom.focus != 1 || !m.newGoal.editing() {
		t.Fatalf("↓ from the unit: focus %d", m.newGoal.custom.focus)
	}
	m = pressAll(t, m, ngLeft, ngRight)
	if got := customUnits[m.newGoal.custom.unit]; got != coach.Times {
		t.Errorf("←/→ in a field changed the unit to %v", got)
	}
	m = pressAll(t, m, ngTab, ngTab, ngTab, ngTab)
	if m.newGoal.custom.focus != 0 {
		t.Errorf("tab should wrap from the last field to the unit; focus %d", m.newGoal.custom.focus)
	}
	m = pressAll(t, m, ngUp)
	if m.newGoal.custom.focus != 4 {
		t.Errorf("↑ from the unit should wrap to the last field; focus %d", m.newGoal.custom.focus)
	}
}

// Enter moves down the ladder's rows, from the unit through Start at, Add
// each step, Up to and Sessions per step; only on the last does it check
// the ladder and go on to the name.
func TestNewGoalCustomEnterMovesToTheNextRow(t *testing.T) {
	m, _ := openNewGoal(t, 80, 24)
	m = pickPlan(t, m, "Build my own ladder")
	for row := 1; row <= 4; row++ {
		m = pressAll(t, m, ngEnter)
		atStep(t, m, ngCustom)
		if m.newGoal.custom.focus != row || !m.newGoal.editing() {
			t.Fatalf("Enter #%d: focus %d, want the %s row", row, m.newGoal.custom.focus, customLabels[row-1])
		}
		if !strings.Contains(m.View(), "▸ "+customLabels[row-1]) {
			t.Errorf("Enter #%d: the pointer is not on %s:\n%s", row, customLabels[row-1], m.View())
		}
	}
	m = pressAll(t, m, ngEnter)
	atStep(t, m, ngName)
}

// Each answer the ladder cannot use gets a plain sentence, and Enter stays.
func TestNewGoalCustomValidation(t *testing.T) {
	cases := []struct {
		name                    string
		rights                  int // → presses from minutes: 1 reps, 2 km
		start, step, max, every string
		want                    string
	}{
		{"start not a number", 0, "ten", "5", "30", "3", "Start at needs a plain number, like 10"},
		{"start empty", 0, "", "5", "30", "3", "Start at needs a plain number, like 10"},
		{"step not a number", 0, "10", "-1", "30", "3", "Add each step needs a plain number, like 5"},
		{"max with an exponent", 0, "10", "5", "1e3", "3", "Up to needs a plain number, like 30"},
		{"step 0", 0, "10", "0", "30", "3", "The step must be more than 0"},
		{"start 0", 0, "0", "5", "30", "3", "The start must be more than 0"},
		{"start above max", 0, "40", "5", "30", "3", "The start must not be more than the maximum"},
		{"half a rep", 1, "2.5", "1", "10", "3", "Reps are counted in whole numbers"},
		{"half a rep step", 1, "2", "0.5", "10", "3", "Reps are counted in whole numbers"},
		{"too many rungs", 0, "1", "1", "100", "3", "That ladder has more than 60 rungs; take a bigger step"},
		{"no sessions per step", 0, "10", "5", "30", "0", "Sessions per step is a whole number from 1 to 20"},
		{"too many sessions per step", 0, "10", "5", "30", "21", "Sessions per step is a whole number from 1 to 20"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, st := openNewGoal(t, 80, 24)
			m = pickPlan(t, m, "Build my own ladder")
			m = pressAll(t, m, append(ladder(c.rights, c.start, c.step, c.max, c.every), ngEnter)...)
			refused(t, m, ngCustom, c.want)
			if len(st.added) != 0 {
				t.Fatal("saved a goal")
			}
			// Any key clears the problem.
			m = pressAll(t, m, ngTab)
			if m.newGoal.problem != "" {
				t.Errorf("problem %q stays after a key", m.newGoal.problem)
			}
		})
	}
}

// Decimals are fine where the unit allows them, and the ladder ends at its
// maximum exactly.
func TestNewGoalCustomKmTakesDecimals(t *testing.T) {
	m, _ := openNewGoal(t, 80, 24)
	m = pickPlan(t, m, "Build my own ladder")
	m = pressAll(t, m, append(ladder(2, "1.5", "0.5", "5", "3"), ngEnter)...)
	atStep(t, m, ngName)
	c, err := m.newGoal.custom.ladder()
	if err != nil || c.Unit != coach.Km || c.Start != 1.5 || c.Step != 0.5 || c.Max != 5 || c.Every != 3 {
		t.Fatalf("ladder %+v, %v", c, err)
	}
	if m.newGoal.nameValue() != "" {
		t.Errorf("a custom ladder's name should start empty, not %q", m.newGoal.nameValue())
	}
}

// The custom form's empty fields show a hint; it must not look like a value
// Enter would take.
func TestNewGoalCustomHintsDoNotLookLikeValues(t *testing.T) {
	m, _ := openNewGoal(t, 80, 24)
	m = pickPlan(t, m, "Build my own ladder")
	v := m.View()
	if regexp.MustCompile(`(?m)Start at +1\s*$`).MatchString(v) && m.newGoal.custom.fields[0].Value() == "" {
		ngKnownBug(t, "tui/ladder_form.go newLadderForm: two-character placeholders (10, 30) show as 1 and 3 "+
			"(bubbles textinput with Width 0 draws only the first character), and look like values; "+
			"Enter then says Start at needs a plain number")
	}
	// Either the fields hold values that Enter takes, or their hints show whole.
	if next := pressAll(t, m, ngEnter); next.newGoal.step != ngCustom {
		return
	}
	for i, f := range m.newGoal.custom.fields[:3] {
		if f.Value() != "" {
			continue
		}
		if row := customLabels[i]; !regexp.MustCompile(row + ` +` + regexp.QuoteMeta(f.Placeholder)).MatchString(v) {
			t.Errorf("%s shows no whole hint %q:\n%s", row, f.Placeholder, v)
		}
	}
}

// Each field of the ladder has room between its label and its value.
func TestNewGoalCustomLabelsStandApart(t *testing.T) {
	m, _ := openNewGoal(t, 80, 24)
	m = pickPlan(t, m, "Build my own ladder")
	v := m.View()
	if strings.Contains(v, "Sessions per step3") {
		ngKnownBug(t, "tui/newgoal_view.go fieldRow pads labels to 14 columns, and Sessions per step is 17, "+
			"so its value runs into it: Sessions per step3")
	}
	for _, l := range customLabels {
		if !regexp.MustCompile(regexp.QuoteMeta(l) + ` +\S`).MatchString(v) {
			t.Errorf("no space between %q and its value:\n%s", l, v)
		}
	}
}

// A custom ladder all the way: reps, 5 + 2 up to 15, 2 sessions a step.
func TestNewGoalCustomLadderSaves(t *testing.T) {
	m, st := toCustomName(t)
	m = pressAll(t, m, append(typeText("Push-ups"), ngEnter)...)
	m = setPerWeek(t, m, 3)
	m = pressAll(t, m, ngEnter)
	if m.newGoal.step == ngReady {
		m = pressAll(t, m, ngEnter)
	}
	atStep(t, m, ngAnchor) // no capacity question for a ladder of your own
	m = pressAll(t, m, ngEnter)
	atStep(t, m, ngPreview)
	if !strings.Contains(m.View(), "This week    5 reps") {
		t.Errorf("preview:\n%s", m.View())
	}
	m = pressAll(t, m, ngEnter)
	if len(st.added) != 1 {
		t.Fatalf("saved %d", len(st.added))
	}
	g := st.added[0]
	if g.Name != "Push-ups" || g.PlanID != coach.CustomPlanID || g.Custom == nil || g.Schedule().PerWeek != 3 {
		t.Fatalf("goal %+v", g)
	}
	if c := *g.Custom; c.Unit != coach.Reps || c.Start != 5 || c.Step != 2 || c.Max != 15 || c.Every != 2 {
		t.Errorf("ladder %+v", c)
	}
	if !strings.Contains(m.View(), "Push-ups") || !strings.Contains(m.View(), "5 reps") {
		t.Errorf("Today:\n%s", m.View())
	}
}

// Every step has a default, so Enter alone gets through a ladder once its
// numbers are typed: the days step too.
func TestNewGoalCustomLadderDaysHaveADefault(t *testing.T) {
	m, st := toCustomName(t)
	m = pressAll(t, m, append(typeText("Push-ups"), ngEnter)...)
	atStep(t, m, ngDays)
	if m.newGoal.days.perWeek == 0 && strings.Contains(m.View(), "[0]") {
		ngKnownBug(t, "tui/newgoal_flow.go afterPlan: the custom ladder returns before s.days = newDaysForm(...), "+
			"so its days step shows Days a week [0] and Enter alone is refused two steps later, on the anchor "+
			"step, with Days a week is a number from 1 to 7")
	}
	m = pressAll(t, m, enters(4)...) // days, readiness, anchor, preview
	if len(st.added) != 1 {
		t.Fatalf("saved %d; step %s, problem %q", len(st.added), stepNames(m.newGoal.step), m.newGoal.problem)
	}
}
