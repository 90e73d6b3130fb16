package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"

	"tend/coach"
)

// Golden views of each step of the new-goal flow at 40×12, 80×24 and
// 120×30, and the small windows where every question must still show.

// goldenSteps are the keys, from Today, that reach each step's view.
var goldenSteps = []struct {
	name string
	keys []tea.Msg
}{
	{"plan", []tea.Msg{keyPress('a')}},
	{"filter", append([]tea.Msg{keyPress('a'), keyPress('/')}, typeText("walk")...)},
	{"nomatch", append(append([]tea.Msg{keyPress('a'), keyPress('/')}, typeText("zumba")...), ngEnter)},
	{"custom", append([]tea.Msg{keyPress('a'), ngUp, ngEnter}, ladder(1, "5", "2", "15", "2")...)},
	{"custom_problem", append(append([]tea.Msg{keyPress('a'), ngUp, ngEnter}, ladder(1, "2.5", "2", "15", "2")...), ngEnter)},
	{"name", []tea.Msg{keyPress('a'), ngEnter}},
	{"days", []tea.Msg{keyPress('a'), ngDown, ngEnter, ngEnter}},
	{"weekdays", []tea.Msg{keyPress('a'), ngDown, ngEnter, ngEnter, ngTab, ngRight}},
	{"readiness", []tea.Msg{keyPress('a'), ngEnter, ngEnter, ngEnter}},
	{"advice", []tea.Msg{keyPress('a'), ngDown, ngEnter, ngEnter, ngEnter, ngRight, ngEnter}},
	{"advice_cleared", []tea.Msg{keyPress('a'), ngDown, ngEnter, ngEnter, ngEnter, ngRight, ngEnter, ngDown}},
	{"advice_gentle_plan", []tea.Msg{keyPress('a'), ngEnter, ngEnter, ngEnter, ngRight, ngEnter}},
	{"gentler", []tea.Msg{keyPress('a'), ngDown, ngEnter, ngEnter, ngEnter, ngRight, ngEnter, ngEnter}},
	{"capacity", append([]tea.Msg{keyPress('a'), ngEnter, ngEnter, ngEnter, ngEnter}, typeText("20")...)},
	{"anchor", append([]tea.Msg{keyPress('a'), ngEnter, ngEnter, ngEnter, ngEnter, ngEnter}, typeText("I make coffee")...)},
	{"ifthen", []tea.Msg{keyPress('a'), ngEnter, ngEnter, ngEnter, ngEnter, ngEnter, ngTab, ngRight}},
	{"preview", []tea.Msg{keyPress('a'), ngEnter, ngEnter, ngEnter, ngEnter, ngEnter, ngEnter}},
}

// overflowing are the views known to be wider or taller than their window
// (see ngKnownBug in TestGoldenNewGoal).
var overflowing = map[string]bool{
	"custom/40x12": true, "custom_problem/40x12": true, "capacity/40x12": true,
	"anchor/40x12": true, "ifthen/40x12": true,
}

func TestGoldenNewGoal(t *testing.T) {
	for _, step := range goldenSteps {
		for _, s := range []struct{ w, h int }{{80, 24}, {40, 12}} {
			size := fmt.Sprintf("%dx%d", s.w, s.h)
			t.Run(step.name+"/"+size, func(t *testing.T) {
				snap := seeded(t)
				m := loaded(t, &recordingStore{snap: snap}, snap, s.w, s.h)
				m = pressAll(t, m, step.keys...)
				if m.screen != screenNewGoal {
					t.Fatalf("left the flow: screen %v", m.screen)
				}
				v := m.View()
				golden.RequireEqual(t, v)
				if wide := tooWide(v, s.w); len(wide) > 0 && overflowing[step.name+"/"+size] {
					ngKnownBug(t, fmt.Sprintf("tui/newgoal_view.go: lines wider than the %d-column window are "+
						"cut off on screen: %q", s.w, wide))
				}
				checkFits(t, v, s.w, s.h)
			})
		}
	}
}

// tooWide is the lines of view wider than w, spaces trimmed.
func tooWide(view string, w int) []string {
	var out []string
	for _, l := range strings.Split(view, "\n") {
		if lipgloss.Width(l) > w {
			out = append(out, strings.TrimSpace(l))
		}
	}
	return out
}

// The readiness questions matter most: in a small window they must not be
// cut to make room, least of all the first ones.
func TestNewGoalReadinessFitsASmallWindow(t *testing.T) {
	m, _ := openNewGoal(t, 40, 12)
	m = pickPlan(t, m, "Daily walk")
	m = pressAll(t, m, ngEnter, ngEnter)
	atStep(t, m, ngReady)
	// A small window asks all six in one sentence.
	v := strings.ReplaceAll(squashSpaces(m.View()), "- ", "-")
	for _, q := range []string{"heart condition", "chest pain", "dizziness", "bone or joint", "blood-pressure", "another reason", "Any of these?"} {
		if !strings.Contains(v, q) {
			t.Errorf("at 40×12 the readiness step lacks %q:\n%s", q, m.View())
		}
	}
}

// In a small window every weekday can still be seen and picked.
func TestNewGoalWeekdaysFitASmallWindow(t *testing.T) {
	m, _ := openNewGoal(t, 40, 12)
	m = pickPlan(t, m, "Daily walk")
	m = pressAll(t, m, ngEnter, ngTab)
	atStep(t, m, ngDays)
	v := m.View()
	if strings.Contains(v, "·t…") || strings.Contains(v, "✓t…") {
		ngKnownBug(t, "tui/days_form.go daysForm.view: at 40 columns the weekday row is cut after wed (ansiCut), "+
			"so thu to sun cannot be seen, though the cursor moves onto them")
	}
	for _, d := range []string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"} {
		if !strings.Contains(v, d) {
			t.Errorf("at 40×12 the weekdays lack %s:\n%s", d, v)
		}
	}
}

// The longest name a goal can have still fits the name and preview steps.
func TestNewGoalLongNameFits(t *testing.T) {
	for _, s := range []struct{ w, h int }{{80, 24}, {40, 12}} {
		t.Run(fmt.Sprintf("%dx%d", s.w, s.h), func(t *testing.T) {
			m, _ := openNewGoal(t, s.w, s.h)
			m = pickPlan(t, m, "Daily walk")
			m = pressAll(t, m, ngClear)
			m = pressAll(t, m, typeText(strings.Repeat("w", coach.MaxNameLen))...)
			name := m.View()
			m = pressAll(t, m, enters(5)...)
			atStep(t, m, ngPreview)
			preview := m.View()
			if wide := append(tooWide(name, s.w), tooWide(preview, s.w)...); len(wide) > 0 {
				ngKnownBug(t, fmt.Sprintf("tui/newgoal_view.go: a 64-character name runs past the %d-column window "+
					"on the name step (fieldRow) and in the preview's title: %q", s.w, wide))
			}
			checkFits(t, name, s.w, s.h)
			checkFits(t, preview, s.w, s.h)
		})
	}
}
