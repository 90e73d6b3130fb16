package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// An earlier day on Today shows only what that day holds: a done row says
// what was done, with no "Next: …" under it, and no warm-up hint or if-then
// anchor for a session still to come; a guided session is offered only
// today, since it happens now.
func TestTodayOnAnEarlierDayShowsOnlyWhatItHolds(t *testing.T) {
	snap := withNote(t)
	snap.Goals[0].Anchor = "get home from work"
	m := loaded(t, &recordingStore{snap: snap}, snap, 120, 40)
	run := m.today.items[0]
	if run.Warmup == "" || !m.today.keys.Session.Enabled() || !strings.Contains(m.View(), run.Warmup) ||
		!strings.Contains(m.View(), "After I get home from work") {
		t.Fatalf("today should offer Walk to run's session with its warm-up and anchor (%q):\n%s", run.Warmup, m.View())
	}
	for days := 1; days <= 3; days++ { // nothing logged, then a session, on Walk to run
		m = pressAll(t, m, keyOf(tea.KeyLeft))
		v := m.View()
		for _, bad := range []string{"Next:", run.Warmup, "After I", "s session"} {
			if strings.Contains(v, bad) {
				t.Errorf("%d days back Today shows %q:\n%s", days, bad, v)
			}
		}
		if m.today.keys.Session.Enabled() {
			t.Errorf("%d days back s session is enabled", days)
		}
		m = pressAll(t, m, keyPress('s'))
		if m.screen != screenToday {
			t.Fatalf("%d days back s opened screen %v", days, screenNames[m.screen])
		}
	}
	if v := m.View(); !strings.Contains(v, "Done: Week 3 of 9 session.") {
		t.Errorf("three days back the done row lacks what was done:\n%s", v)
	}
}

// A goal just added is the one selected on Today, so its first target is
// the one a key acts on.
func TestANewGoalIsSelectedOnToday(t *testing.T) {
	m, st := openNewGoal(t, 80, 24)
	m = pickPlan(t, m, "Daily walk")
	m = pressAll(t, m, ngClear)
	m = pressAll(t, m, append(typeText("Evening walk"), ngEnter)...)
	m = pressAll(t, m, enters(5)...)
	if len(st.added) != 1 || m.screen != screenToday {
		t.Fatalf("added %d goals, screen %v:\n%s", len(st.added), screenNames[m.screen], m.View())
	}
	if sel, ok := m.today.selected(); !ok || sel.Goal.ID != st.added[0].ID {
		t.Errorf("selected %q, want the new goal:\n%s", sel.Goal.Name, m.View())
	}
}
