package tui

import (
	"strings"
	"testing"

	"tend/coach"
)

// A held goal's row is the S1 text and then the key line that says how to
// carry on (issue 11: at 40×12 the long S1 text pushed "Once you have been
// checked" off the screen). Every exercise goal is held after a warning,
// so the seeded Walk to run and Daily walk both are.
func heldSnapshot(t *testing.T) coach.Snapshot {
	t.Helper()
	snap := seeded(t)
	for i := range snap.Goals[:2] {
		snap.Goals[i] = snap.Goals[i].SetStatus(coach.SafetyHold, fixedDay.AddDays(-1))
	}
	return snap
}

func TestGoldenTodayHeld(t *testing.T) {
	goldenAt(t, sizes, func(t *testing.T, w, h int) Model {
		m := loaded(t, nil, heldSnapshot(t), w, h)
		if v := m.View(); !strings.Contains(strings.Join(strings.Fields(v), " "), "Once you have been checked: g for goals, then p.") {
			t.Errorf("at %d×%d the held goal's key line is cut off:\n%s", w, h, v)
		}
		return m
	})
}
