package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"tend/coach"
)

// The new-goal flow's questions after the name: how often, readiness
// (PAR-Q) and the advice a yes leads to, capacity, and the anchor.

func TestNewGoalDaysAWeek(t *testing.T) {
	m, st := openNewGoal(t, 80, 24)
	m = pickPlan(t, m, "Daily walk")
	m = pressAll(t, m, ngEnter)
	atStep(t, m, ngDays)
	if m.newGoal.days.perWeek != 5 || m.newGoal.days.weekdayMode {
		t.Fatalf("Daily walk's days: %+v, want 5 a week", m.newGoal.days)
	}
	m = pressAll(t, m, ngLeft)
	if m.newGoal.days.perWeek != 4 || !strings.Contains(m.View(), "[4]") {
		t.Fatalf("← gives %d:\n%s", m.newGoal.days.perWeek, m.View())
	}
	m = pressAll(t, m, ngRight, ngRight, ngRight, ngRight)
	if m.newGoal.days.perWeek != 1 {
		t.Fatalf("→ past 7 should wrap to 1; got %d", m.newGoal.days.perWeek)
	}
	m = pressAll(t, m, ngRight, ngRight)
	m = pressAll(t, m, enters(5)...) // days, readiness, capacity, anchor, preview
	if len(st.added) != 1 {
		t.Fatalf("saved %d goals; step %s, problem %q", len(st.added), stepNames(m.newGoal.step), m.newGoal.problem)
	}
	if s := st.added[0].Schedule(); s.PerWeek != 3 || len(s.Weekdays) != 0 {
		t.Errorf("schedule %+v, want 3 a week", s)
	}
}

func TestNewGoalWeekdays(t *testing.T) {
	m, st := openNewGoal(t, 80, 24)
	m = pickPlan(t, m, "Daily walk")
	m = pressAll(t, m, ngEnter, ngTab)
	atStep(t, m, ngDays)
	if !m.newGoal.days.weekdayMode {
		t.Fatal("tab does not switch to weekdays")
	}
	// Monday to Friday are on for five a week; space turns each off.
	for i := 0; i < 5; i++ {
		m = pressAll(t, m, ngSpace, ngRight)
	}
	if len(m.newGoal.days.chosen()) != 0 {
		t.Fatalf("days still on: %v", m.newGoal.days.chosen())
	}
	m = pressAll(t, m, ngEnter)
	refused(t, m, ngDays, "Pick at least one day, or switch back to days a week with tab.")

	// Saturday (the cursor is on it now), and Tuesday.
	m = pressAll(t, m, ngSpace, ngLeft, ngLeft, ngLeft, ngLeft, ngSpace)
	if !strings.Contains(m.View(), "✓tue") || !strings.Contains(m.View(), "✓sat") {
		t.Errorf("chosen days not marked:\n%s", m.View())
	}
	m = pressAll(t, m, enters(5)...)
	if len(st.added) != 1 {
		t.Fatalf("saved %d goals; step %s, problem %q", len(st.added), stepNames(m.newGoal.step), m.newGoal.problem)
	}
	s := st.added[0].Schedule()
	if fmt.Sprint(s.Weekdays) != fmt.Sprint([]time.Weekday{time.Tuesday, time.Saturday}) {
		t.Errorf("weekdays %v, want Tuesday and Saturday", s.Weekdays)
	}

	// Tab back to days a week uses the count again.
	m, _ = openNewGoal(t, 80, 24)
	m = pickPlan(t, m, "Daily walk")
	m = pressAll(t, m, ngEnter, ngTab, ngTab)
	if m.newGoal.days.weekdayMode {
		t.Error("tab twice is still on weekdays")
	}
}

// Walk to run asks for 3 days, with a rest day between, and says why.
func TestNewGoalWalkToRunDaysSayWhy(t *testing.T) {
	m, _ := openNewGoal(t, 80, 24)
	m = pickPlan(t, m, "Walk to run")
	m = pressAll(t, m, ngEnter)
	atStep(t, m, ngDays)
	v := m.View()
	if m.newGoal.days.perWeek != 3 || !strings.Contains(v, "✓mon  ·tue  ✓wed  ·thu  ✓fri") ||
		!strings.Contains(squashSpaces(v), "works best with a rest day between sessions") {
		t.Errorf("Walk to run's days should be 3, spread out, with the reason:\n%s", v)
	}
}

func TestNewGoalReadinessNoMovesOn(t *testing.T) {
	m, _ := openNewGoal(t, 80, 24)
	m = pickPlan(t, m, "Daily walk")
	m = pressAll(t, m, ngEnter, ngEnter)
	atStep(t, m, ngReady)
	if m.newGoal.ready != 0 || !strings.Contains(m.View(), "[no]") {
		t.Fatalf("readiness default should be no:\n%s", m.View())
	}
	for _, q := range coach.ReadinessQuestions {
		if !strings.Contains(squashSpaces(m.View()), q) {
			t.Errorf("question %q not shown", q)
		}
	}
	m = pressAll(t, m, ngEnter)
	atStep(t, m, ngCapacity)
}

// Mindful minutes is not exercise: no readiness questions.
func TestNewGoalNoReadinessForMindful(t *testing.T) {
	m, _ := openNewGoal(t, 80, 24)
	m = pickPlan(t, m, "Mindful minutes")
	m = pressAll(t, m, ngEnter, ngEnter)
	if m.newGoal.step == ngReady {
		t.Fatal("Mindful minutes asks the exercise readiness questions")
	}
	atStep(t, m, ngCapacity)
}

// A yes leads to the advice, whose default is the safe choice: Enter shows
// a list with no plan that waits for a doctor (Walk to run, Strength) in
// it, so none can be picked (COACH §6.5).
func TestNewGoalReadinessYesOffersGentlerPlans(t *testing.T) {
	m, st := openNewGoal(t, 80, 24)
	m = pickPlan(t, m, "Walk to run")
	m = pressAll(t, m, ngEnter, ngEnter, ngRight)
	if !strings.Contains(m.View(), "[yes]") {
		t.Fatalf("yes not chosen:\n%s", m.View())
	}
	m = pressAll(t, m, ngEnter)
	atStep(t, m, ngAdvice)
	if v := m.View(); !strings.Contains(squashSpaces(v), "Please talk to your doctor before becoming much more active") ||
		!strings.Contains(v, "[show gentler plans]") {
		t.Errorf("the advice, with the safe choice first:\n%s", v)
	}
	m = pressAll(t, m, ngEnter)
	atStep(t, m, ngPlan)
	v := m.View()
	if strings.Contains(v, "Walk to run") || strings.Contains(v, "Strength") || !strings.Contains(v, "Here are the gentler plans") {
		t.Errorf("the gentler list should leave out Walk to run and Strength and say why:\n%s", v)
	}
	for i := 0; i < len(m.newGoal.plans)+1; i++ {
		if p := m.newGoal.plan(); p.NeedsClearance() {
			t.Fatalf("%s can be selected after show gentler plans", p.Name)
		}
		m = pressAll(t, m, ngDown)
	}
	// Nor can it be reached by filtering for it.
	m = pressAll(t, m, keyPress('/'))
	m = pressAll(t, m, append(typeText("run"), ngEnter)...)
	if m.newGoal.step != ngPlan {
		t.Fatalf("filter run + enter went on to %s with %q", stepNames(m.newGoal.step), m.newGoal.plan().Name)
	}
	if len(st.added) != 0 {
		t.Fatal("saved a goal")
	}
}

// Two Enters after a yes never put someone who reported heart trouble into
// Walk to run: the path, for each plan that waits for a doctor.
func TestNewGoalTwoEntersAfterYesAreSafe(t *testing.T) {
	for _, plan := range []string{"Walk to run", "Strength"} {
		m, st := openNewGoal(t, 80, 24)
		m = pickPlan(t, m, plan)
		m = pressAll(t, m, ngEnter, ngEnter, ngRight, ngEnter, ngEnter)
		pressAll(t, m, enters(6)...)
		for _, g := range st.added {
			if g.PlanID == coach.WalkToRunID || g.PlanID == coach.StrengthID {
				t.Fatalf("%s: Enter alone after a readiness yes saved %s", plan, g.PlanID)
			}
		}
	}
}

// After "show gentler plans", a gentle plan can be set up with Enter alone:
// it asks no readiness questions again, and is saved.
func TestNewGoalGentlerPlanCanBeSetUp(t *testing.T) {
	m, st := openNewGoal(t, 80, 24)
	m = pickPlan(t, m, "Walk to run")
	m = pressAll(t, m, ngEnter, ngEnter, ngRight, ngEnter, ngEnter)
	atStep(t, m, ngPlan)
	m = pickPlan(t, m, "Daily walk")
	m = pressAll(t, m, ngEnter, ngEnter) // name, days
	atStep(t, m, ngCapacity)
	m = pressAll(t, m, enters(3)...)
	if len(st.added) != 1 || st.added[0].PlanID != coach.DailyWalkID {
		t.Fatalf("saved %v; step %s, problem %q", st.added, stepNames(m.newGoal.step), m.newGoal.problem)
	}
}

// A yes on a gentle plan advises and carries on, gently, with that plan.
func TestNewGoalYesOnAGentlePlanCarriesOn(t *testing.T) {
	m, st := openNewGoal(t, 80, 24)
	m = pickPlan(t, m, "Daily walk")
	m = pressAll(t, m, ngEnter, ngEnter, ngRight, ngEnter)
	atStep(t, m, ngAdvice)
	if v := squashSpaces(m.View()); !strings.Contains(v, "Please talk to your doctor") || !strings.Contains(v, "begin slowly and build up gradually") {
		t.Errorf("advice on a gentle plan:\n%s", m.View())
	}
	m = pressAll(t, m, ngEnter)
	atStep(t, m, ngCapacity)
	pressAll(t, m, enters(3)...)
	if len(st.added) != 1 || st.added[0].PlanID != coach.DailyWalkID {
		t.Fatalf("saved %v", st.added)
	}
}

// "A doctor has cleared me" is an explicit choice, below the safe one:
// ↓ (or →) reaches it in the vertical list, ↑ comes back, and it carries on
// to the plan chosen.
func TestNewGoalDoctorClearedContinues(t *testing.T) {
	m, st := openNewGoal(t, 80, 24)
	m = pickPlan(t, m, "Walk to run")
	m = pressAll(t, m, ngEnter, ngEnter, ngRight, ngEnter)
	atStep(t, m, ngAdvice)
	m = pressAll(t, m, ngDown)
	if !strings.Contains(m.View(), "[a doctor has cleared me]") {
		t.Fatalf("down did not move to the cleared choice:\n%s", m.View())
	}
	m = pressAll(t, m, ngUp)
	if m.newGoal.advice != adviceGentle {
		t.Fatal("up did not move back to the safe choice")
	}
	m = pressAll(t, m, ngDown, ngEnter)
	atStep(t, m, ngCapacity)
	m = pressAll(t, m, enters(3)...)
	if len(st.added) != 1 || st.added[0].PlanID != coach.WalkToRunID {
		t.Fatalf("saved %+v", st.added)
	}
}

// A custom ladder in minutes, reps, km or miles is exercise: the readiness
// questions are asked; one counted in times is not (COACH §6.5).
func TestNewGoalCustomLadderAsksReadiness(t *testing.T) {
	for unit, asks := range map[int]bool{0: true, 1: true, 2: true, 3: true, 4: false} {
		m, _ := openNewGoal(t, 80, 24)
		m = pickPlan(t, m, "Build my own ladder")
		m = pressAll(t, m, append(ladder(unit, "1", "1", "3", "2"), ngEnter)...)
		m = pressAll(t, m, append(typeText("Mine"), ngEnter)...)
		m = pressAll(t, m, ngEnter) // days
		if got := m.newGoal.step == ngReady; got != asks {
			t.Errorf("a ladder in %s: readiness asked %v, want %v", customUnits[unit], got, asks)
		}
	}
}

func TestNewGoalCapacity(t *testing.T) {
	m, st := openNewGoal(t, 80, 24)
	m = pickPlan(t, m, "Daily walk")
	m = pressAll(t, m, ngEnter, ngEnter, ngEnter)
	atStep(t, m, ngCapacity)
	if v := m.View(); !strings.Contains(v, "How many minutes could you comfortably do today?") ||
		!strings.Contains(v, "You'll start at: walk 10 minutes") {
		t.Errorf("capacity, empty:\n%s", v)
	}
	m = pressAll(t, m, typeText("abc")...)
	m = pressAll(t, m, ngEnter)
	refused(t, m, ngCapacity, "Type a number of minutes, like 15, or leave it empty to skip.")
	for _, bad := range []string{"0", "601", "1.5"} {
		m = pressAll(t, m, ngClear)
		m = pressAll(t, m, append(typeText(bad), ngEnter)...)
		refused(t, m, ngCapacity, "Type a number of minutes")
	}
	m = pressAll(t, m, ngClear)
	m = pressAll(t, m, typeText("20")...)
	if v := m.View(); !strings.Contains(v, "You'll start at: walk 15 minutes") {
		t.Errorf("20 minutes should start at a 15-minute walk:\n%s", v)
	}
	m = pressAll(t, m, ngEnter, ngEnter, ngEnter)
	if len(st.added) != 1 {
		t.Fatalf("saved %d; step %s problem %q", len(st.added), stepNames(m.newGoal.step), m.newGoal.problem)
	}
	g := st.added[0]
	p, _ := coach.PlanByID(coach.DailyWalkID)
	if g.Capacity != 20 || coach.Offered(g, p).Target != 15 {
		t.Errorf("capacity %d, first target %v; want 20 and 15", g.Capacity, coach.Offered(g, p).Target)
	}
}

// Empty skips: the plan's own start.
func TestNewGoalCapacityEmptySkips(t *testing.T) {
	m, st := openNewGoal(t, 80, 24)
	m = pickPlan(t, m, "Daily walk")
	pressAll(t, m, enters(6)...)
	if len(st.added) != 1 || st.added[0].Capacity != 0 || st.added[0].Level != 2 {
		t.Fatalf("saved %+v; want capacity 0 at the plan's start, level 2", st.added)
	}
}

func TestNewGoalWalkToRunCapacityStartsAtATwentyMinuteWalk(t *testing.T) {
	m, st := openNewGoal(t, 80, 24)
	m = pickPlan(t, m, "Walk to run")
	m = pressAll(t, m, ngEnter, ngEnter, ngEnter) // name, days, readiness no
	atStep(t, m, ngCapacity)
	// 0.75 × 30 = 22.5: the highest rung at or below it is P4, the
	// 20-minute walk with jogs (P3 is a plain 20-minute walk; ties go up).
	m = pressAll(t, m, typeText("30")...)
	if v := m.View(); !strings.Contains(v, "You'll start at: 20-minute walk with six 30-second easy jogs") {
		t.Errorf("30 minutes should start Walk to run at the 20-minute walk:\n%s", v)
	}
	pressAll(t, m, ngEnter, ngEnter, ngEnter)
	if len(st.added) != 1 {
		t.Fatalf("saved %d", len(st.added))
	}
	g := st.added[0]
	p, _ := coach.PlanByID(coach.WalkToRunID)
	if s := coach.Offered(g, p); g.Level != 4 || s.Target != 20 {
		t.Errorf("first session %q (level %d, target %v), want P4, the 20-minute walk", coach.SessionWords(p, s), g.Level, s.Target)
	}
}

func TestNewGoalAnchorAndIfThen(t *testing.T) {
	m, st := openNewGoal(t, 80, 24)
	m = pickPlan(t, m, "Yoga / stretch")
	m = pressAll(t, m, ngEnter, ngEnter, ngEnter, ngEnter) // name, days, readiness, capacity
	atStep(t, m, ngAnchor)
	if !m.newGoal.editing() || m.newGoal.focus != 0 {
		t.Fatal("the anchor field should have focus")
	}
	m = pressAll(t, m, typeText("I brush my teeth, q and all")...)
	m = pressAll(t, m, ngTab)
	if m.newGoal.focus != 1 || m.newGoal.editing() {
		t.Fatalf("tab should move to the if-then choice; focus %d", m.newGoal.focus)
	}
	m = pressAll(t, m, ngRight, ngRight)
	if m.newGoal.ifThen != 1 || !strings.Contains(m.View(), coach.IfThenPlans[1]) {
		t.Fatalf("→ → picks plan %d:\n%s", m.newGoal.ifThen, m.View())
	}
	m = pressAll(t, m, ngLeft, ngLeft, ngLeft)
	if m.newGoal.ifThen != len(coach.IfThenPlans)-1 {
		t.Fatalf("← past none should wrap to the last plan; got %d", m.newGoal.ifThen)
	}
	m = pressAll(t, m, ngRight) // none
	if m.newGoal.ifThen != -1 || !strings.Contains(m.View(), "◂ none ▸") {
		t.Fatalf("none: %d", m.newGoal.ifThen)
	}
	m = pressAll(t, m, ngRight, ngRight, ngRight)
	m = pressAll(t, m, ngEnter, ngEnter)
	if len(st.added) != 1 {
		t.Fatalf("saved %d; step %s problem %q", len(st.added), stepNames(m.newGoal.step), m.newGoal.problem)
	}
	g := st.added[0]
	if g.Anchor != "I brush my teeth, q and all" || g.IfThen != coach.IfThenPlans[2] {
		t.Errorf("anchor %q, if-then %q", g.Anchor, g.IfThen)
	}
}
