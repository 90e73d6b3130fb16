package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"tend/coach"
)

// The end of the new-goal flow: the preview, the one save, and Esc back
// from every step.

func TestNewGoalPreviewShowsFourWeeks(t *testing.T) {
	m, st := openNewGoal(t, 80, 24)
	m = pickPlan(t, m, "Daily walk")
	m = pressAll(t, m, enters(5)...)
	atStep(t, m, ngPreview)
	v := m.View()
	if len(m.newGoal.preview) != 4 {
		t.Errorf("preview has %d weeks, want 4", len(m.newGoal.preview))
	}
	// Each week is named by the day it starts (a bare "Week 2" would read
	// as the plan's week, which Walk to run's sessions name).
	for _, w := range []string{"This week    Walk 10 minutes", "From 9 Mar ", "From 16 Mar ", "From 23 Mar "} {
		if !strings.Contains(v, w) {
			t.Errorf("preview lacks %q:\n%s", w, v)
		}
	}
	if strings.Contains(v, "From 30 Mar") ||
		!strings.Contains(squashSpaces(v), "Repeating a week is normal") {
		t.Errorf("preview:\n%s", v)
	}
	if len(st.added) != 0 {
		t.Fatal("saved before the last Enter")
	}
}

func TestNewGoalConfirmSavesOnceWithTheAnswers(t *testing.T) {
	m, st := openNewGoal(t, 80, 24)
	m = pickPlan(t, m, "Walk to run")
	m = pressAll(t, m, ngClear)
	m = pressAll(t, m, append(typeText("Couch to 5K"), ngEnter)...)
	m = pressAll(t, m, ngTab, ngSpace, ngRight, ngSpace, ngRight, ngSpace, ngRight, ngSpace, ngRight, ngSpace,
		ngRight, ngSpace, ngEnter) // tue, thu, sat
	m = pressAll(t, m, ngRight, ngEnter, ngDown, ngEnter) // readiness yes, a doctor has cleared me
	m = pressAll(t, m, append(typeText("30"), ngEnter)...)
	m = pressAll(t, m, append(typeText("I get home from work"), ngTab, ngRight, ngEnter)...)
	atStep(t, m, ngPreview)
	if !strings.Contains(m.View(), "Couch to 5K · if every session goes well:") {
		t.Errorf("preview:\n%s", m.View())
	}

	// Two Enters before the save comes back still save once.
	m, cmd1 := press(t, m, ngEnter)
	m, cmd2 := press(t, m, ngEnter)
	if !strings.Contains(m.View(), "Saving…") {
		t.Errorf("no sign of saving:\n%s", m.View())
	}
	m = settle(t, m, cmd1)
	m = settle(t, m, cmd2)
	if len(st.added) != 1 {
		t.Fatalf("saved %d goals, want exactly 1", len(st.added))
	}
	g := st.added[0]
	s := g.Schedule()
	switch {
	case g.Name != "Couch to 5K", g.PlanID != coach.WalkToRunID, g.Custom != nil:
		t.Errorf("goal %q plan %q custom %v", g.Name, g.PlanID, g.Custom)
	case fmt.Sprint(s.Weekdays) != fmt.Sprint([]time.Weekday{time.Tuesday, time.Thursday, time.Saturday}) || s.PerWeek != 0:
		t.Errorf("schedule %+v, want tue, thu, sat", s)
	case g.Capacity != 30 || g.Created != fixedDay || g.Status() != coach.Active:
		t.Errorf("capacity %d, created %v, status %v", g.Capacity, g.Created, g.Status())
	case g.Anchor != "I get home from work" || g.IfThen != coach.IfThenPlans[0]:
		t.Errorf("anchor %q, if-then %q", g.Anchor, g.IfThen)
	}
	if m.screen != screenToday || !strings.Contains(m.status, "Added Couch to 5K") {
		t.Errorf("after saving: screen %v, status %q", m.screen, m.status)
	}
}

// walkForward presses each key and records the step it lands on.
func walkForward(t *testing.T, m Model, keys [][]tea.Msg) (Model, []ngStep) {
	t.Helper()
	steps := []ngStep{m.newGoal.step}
	for _, ks := range keys {
		m = pressAll(t, m, ks...)
		if m.screen != screenNewGoal {
			t.Fatalf("left the flow after %s", stepNames(steps...))
		}
		steps = append(steps, m.newGoal.step)
	}
	return m, steps
}

func TestNewGoalEscGoesBackFromEveryStep(t *testing.T) {
	paths := []struct {
		name string
		keys [][]tea.Msg
		want []ngStep
	}{
		{"walk to run, yes, doctor fine", [][]tea.Msg{
			{ngDown, ngEnter},               // plan: Walk to run
			append(typeText("!"), ngEnter),  // name
			{ngEnter},                       // days
			{ngRight, ngEnter},              // readiness: yes
			{ngDown, ngEnter},               // advice: a doctor has cleared me
			append(typeText("25"), ngEnter), // capacity
			append(typeText("I wake"), ngTab, ngRight, ngEnter), // anchor, if-then
		}, []ngStep{ngPlan, ngName, ngDays, ngReady, ngAdvice, ngCapacity, ngAnchor, ngPreview}},
		{"custom ladder", [][]tea.Msg{
			{ngUp, ngEnter}, // plan: Build my own ladder
			append(ladder(1, "5", "2", "15", "2"), ngEnter),
			append(typeText("Push-ups"), ngEnter),
			{ngRight, ngRight, ngEnter}, // days, whatever the default
			{ngEnter},                   // readiness: a ladder of reps is exercise
			{ngEnter},                   // anchor
		}, []ngStep{ngPlan, ngCustom, ngName, ngDays, ngReady, ngAnchor, ngPreview}},
		{"mindful, no readiness", [][]tea.Msg{
			{ngUp, ngUp, ngEnter}, {ngEnter}, {ngEnter}, {ngEnter}, {ngEnter},
		}, []ngStep{ngPlan, ngName, ngDays, ngCapacity, ngAnchor, ngPreview}},
	}
	for _, p := range paths {
		t.Run(p.name, func(t *testing.T) {
			m, st := openNewGoal(t, 80, 24)
			m, got := walkForward(t, m, p.keys)
			if stepNames(got...) != stepNames(p.want...) {
				t.Fatalf("forward through %s, want %s; problem %q", stepNames(got...), stepNames(p.want...), m.newGoal.problem)
			}
			answers := m.newGoal
			for i := len(p.want) - 2; i >= 0; i-- {
				m = pressAll(t, m, ngEsc)
				atStep(t, m, p.want[i])
				if m.newGoal.problem != "" {
					t.Errorf("problem %q after esc", m.newGoal.problem)
				}
			}
			// The answers wait where they were left.
			if m.newGoal.plan().ID != answers.plan().ID || m.newGoal.name.Value() != answers.name.Value() ||
				m.newGoal.capac.Value() != answers.capac.Value() || m.newGoal.anchor.Value() != answers.anchor.Value() {
				t.Errorf("going back lost answers")
			}
			m = pressAll(t, m, ngEsc)
			if m.screen != screenToday {
				t.Fatalf("esc on the first step, opened from Today: screen %v", m.screen)
			}
			if len(st.added) != 0 {
				t.Fatalf("saved %d goals after backing out", len(st.added))
			}
		})
	}
}

// Back from the preview, a changed answer is what is saved.
func TestNewGoalBackAndChangeSavesTheNewAnswer(t *testing.T) {
	m, st := openNewGoal(t, 80, 24)
	m = pickPlan(t, m, "Daily walk")
	m = pressAll(t, m, enters(5)...)
	atStep(t, m, ngPreview)
	m = pressAll(t, m, ngEsc, ngEsc, ngEsc, ngEsc, ngEsc) // anchor, capacity, readiness, days, name
	atStep(t, m, ngName)
	m = pressAll(t, m, ngClear)
	m = pressAll(t, m, append(typeText("Evening stroll"), ngEnter)...)
	pressAll(t, m, enters(5)...)
	if len(st.added) != 1 || st.added[0].Name != "Evening stroll" {
		t.Fatalf("saved %+v", st.added)
	}
}

// On the first run there is nowhere to go back to: Esc on the first step
// stays, after going forward and back too.
func TestNewGoalWelcomeEscStays(t *testing.T) {
	st := &recordingStore{snap: coach.Snapshot{DayStartHour: 4, CheckIns: map[uint64][]coach.CheckIn{}}}
	m := loaded(t, st, st.snap, 80, 24)
	atStep(t, m, ngPlan)
	if strings.Contains(m.View(), "esc back") {
		t.Errorf("the welcome offers esc back:\n%s", m.View())
	}
	m = pressAll(t, m, ngEnter, ngEnter) // name, days
	atStep(t, m, ngDays)
	m = pressAll(t, m, ngEsc, ngEsc, ngEsc, ngEsc)
	atStep(t, m, ngPlan)
	if !m.newGoal.welcome || len(st.added) != 0 {
		t.Fatalf("welcome %v, saved %d", m.newGoal.welcome, len(st.added))
	}
}
