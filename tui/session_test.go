package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"

	"tend/coach"
)

// onSession opens the guided session for the first goal (Walk to run,
// week 3) without running its timer: ticks are fed by hand.
func onSession(t *testing.T, w, h int) Model {
	t.Helper()
	m := loaded(t, nil, seeded(t), w, h)
	m, _ = press(t, m, keyPress('s'))
	m, _ = press(t, m, openSessionMsg{item: m.today.items[0]})
	if m.screen != screenSession {
		t.Fatalf("s opened %v", m.screen)
	}
	return m
}

func tickFor(m Model) tea.Msg { return sessionTickMsg{id: m.session.id, gen: m.session.gen} }

func TestSessionCountsDownAndMovesOn(t *testing.T) {
	m := onSession(t, 80, 24)
	if m.session.parts[0].Phase != coach.PhaseWarmup || m.session.left != 300 {
		t.Fatalf("starts at %+v with %d left", m.session.parts[0], m.session.left)
	}
	for i := 0; i < 300; i++ {
		m, _ = press(t, m, tickFor(m))
	}
	if m.session.at != 1 || m.session.parts[1].Kind != coach.Run || m.session.left != 90 || !m.session.bell {
		t.Fatalf("after the warm-up: at %d (%s), %d left, bell %v", m.session.at, m.session.parts[m.session.at].Label, m.session.left, m.session.bell)
	}
	if !strings.Contains(m.View(), "\a") {
		t.Error("no bell at the change")
	}
}

// A tick from before a pause, or from another session, is dropped.
func TestSessionDropsStaleTicks(t *testing.T) {
	m := onSession(t, 80, 24)
	stale := tickFor(m)
	m, _ = press(t, m, keyPress(' ')) // pause
	m, _ = press(t, m, stale)
	m, _ = press(t, m, tickFor(m))
	if m.session.left != 300 {
		t.Fatalf("paused, yet %d left", m.session.left)
	}
	m, _ = press(t, m, keyPress(' ')) // resume
	m, _ = press(t, m, stale)
	if m.session.left != 300 {
		t.Fatalf("a tick from before the pause counted: %d left", m.session.left)
	}
	m, _ = press(t, m, sessionTickMsg{id: m.session.id + 1, gen: m.session.gen})
	if m.session.left != 300 {
		t.Fatalf("another session's tick counted: %d left", m.session.left)
	}
}

// Stopping opens the check-in as a part session with what was done filled in.
func TestSessionStopFillsInTheCheckIn(t *testing.T) {
	m := onSession(t, 80, 24)
	m, _ = press(t, m, keyPress('n')) // skip the warm-up
	for i := 0; i < 90; i++ {         // one 90-second run
		m, _ = press(t, m, tickFor(m))
	}
	m, cmd := press(t, m, keyOf(tea.KeyEsc))
	m = settle(t, m, cmd)
	if m.screen != screenCheckIn || m.checkIn.outcomeValue() != coach.Partial || m.checkIn.amount.Value() != "1.5" {
		t.Fatalf("after stopping: screen %v, outcome %v, amount %q", m.screen, m.checkIn.outcomeValue(), m.checkIn.amount.Value())
	}
}

// Skipping to the end finishes the session: the check-in is a done one.
func TestSessionFinishOpensADoneCheckIn(t *testing.T) {
	m := onSession(t, 80, 24)
	for i := 0; i < len(m.session.parts); i++ {
		var cmd tea.Cmd
		m, cmd = press(t, m, keyPress('n'))
		m = settle(t, m, cmd)
	}
	if m.screen != screenCheckIn || m.checkIn.outcomeValue() != coach.Done {
		t.Fatalf("after the last block: screen %v, outcome %v", m.screen, m.checkIn.outcomeValue())
	}
}

// A plan counted in reps has no timer, so the key is not offered.
func TestSessionKeyOnlyForTimedSessions(t *testing.T) {
	p, _ := coach.PlanByID(coach.StrengthID)
	g, _ := coach.NewGoal("Strength", p, nil, coach.Schedule{PerWeek: 2}, 0, fixedDay)
	g.ID = 9
	m := loaded(t, nil, coach.Snapshot{DayStartHour: 4, Goals: []coach.Goal{g}}, 80, 24)
	if _, cmd := press(t, m, keyPress('s')); cmd != nil {
		t.Fatal("s did something for a strength goal")
	}
	if strings.Contains(m.View(), "s session") {
		t.Error("help offers a session for a strength goal")
	}
}

func TestGoldenSession(t *testing.T) {
	for _, s := range []struct{ w, h int }{{40, 12}, {80, 24}} {
		t.Run(fmt.Sprintf("%dx%d", s.w, s.h), func(t *testing.T) {
			m := onSession(t, s.w, s.h)
			m, _ = press(t, m, keyPress('n'))
			for i := 0; i < 40; i++ {
				m, _ = press(t, m, tickFor(m))
			}
			v := m.View()
			checkFits(t, v, s.w, s.h)
			golden.RequireEqual(t, v)
		})
	}
}
