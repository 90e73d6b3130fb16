package tui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"tend/coach"
)

// bells counts the terminal bells the session writes.
type bells struct{ n int }

func (b *bells) Write(p []byte) (int, error) {
	b.n += strings.Count(string(p), "\a")
	return len(p), nil
}

// onSession opens the guided session for the first goal (Walk to run,
// week 3) without running its timer: ticks are fed by hand, and the bell
// is counted.
func onSession(t *testing.T, w, h int) (Model, *bells) {
	t.Helper()
	return onSessionOf(t, seeded(t), 0, w, h)
}

func onSessionOf(t *testing.T, snap coach.Snapshot, i, w, h int) (Model, *bells) {
	t.Helper()
	b := &bells{}
	m := New(Deps{Clock: fixedClock, Styles: DefaultStyles(), Tick: noTick, Bell: b})
	m, _ = press(t, m, tea.WindowSizeMsg{Width: w, Height: h})
	m, _ = press(t, m, loadedMsg{snap: snap, day: fixedDay})
	m, _ = press(t, m, openSessionMsg{item: m.today.items[i]})
	if m.screen != screenSession {
		t.Fatalf("the session did not open: %v", m.screen)
	}
	return m, b
}

// step feeds the session one message and runs the commands it asks for,
// the way the runtime would (the bell among them), following only the
// messages that end the session.
func step(t *testing.T, m Model, msg tea.Msg) Model {
	t.Helper()
	m, cmd := press(t, m, msg)
	return runCmds(t, m, cmd)
}

func runCmds(t *testing.T, m Model, cmd tea.Cmd) Model {
	t.Helper()
	if cmd == nil {
		return m
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			m = runCmds(t, m, c)
		}
	case sessionEndMsg:
		m = settle(t, m, send(msg))
	case tea.QuitMsg:
		t.Fatal("the session quit tend")
	}
	return m
}

func tickFor(m Model) tea.Msg { return sessionTickMsg{id: m.session.id, gen: m.session.gen} }

func ticks(t *testing.T, m Model, n int) Model {
	t.Helper()
	for i := 0; i < n; i++ {
		m = step(t, m, tickFor(m))
	}
	return m
}

// The bell rings once when a block changes, never while one runs: the old
// bell sat in the view and rang at every redraw, each second.
func TestSessionBellRingsOncePerChange(t *testing.T) {
	m, b := onSession(t, 80, 24)
	if m.session.parts[0].Phase != coach.PhaseWarmup || m.session.left != 300 {
		t.Fatalf("starts at %+v with %d left", m.session.parts[0], m.session.left)
	}
	m = ticks(t, m, 299)
	if b.n != 0 {
		t.Fatalf("%d bells during the warm-up", b.n)
	}
	m = ticks(t, m, 1)
	if m.session.at != 1 || m.session.parts[1].Kind != coach.Run || m.session.left != 90 || b.n != 1 {
		t.Fatalf("after the warm-up: at %d (%s), %d left, %d bells", m.session.at, m.session.parts[m.session.at].Label(), m.session.left, b.n)
	}
	m = ticks(t, m, 89)
	if b.n != 1 {
		t.Fatalf("%d bells by the end of the first run, want 1", b.n)
	}
	m = ticks(t, m, 1)
	if b.n != 2 {
		t.Fatalf("%d bells after the first run, want 2", b.n)
	}
	m = step(t, m, keyPress('n')) // a skip is a change too
	if b.n != 3 {
		t.Fatalf("%d bells after a skip, want 3", b.n)
	}
	if strings.Contains(m.View(), "\a") {
		t.Error("the view carries a bell: it would ring at every redraw")
	}
}

// A tick from before a pause, or from another session, is dropped.
func TestSessionDropsStaleTicks(t *testing.T) {
	m, _ := onSession(t, 80, 24)
	stale := tickFor(m)
	m = step(t, m, keyPress(' ')) // pause
	m = step(t, m, stale)
	m = step(t, m, tickFor(m))
	if m.session.left != 300 {
		t.Fatalf("paused, yet %d left", m.session.left)
	}
	m = step(t, m, keyPress(' ')) // resume
	m = step(t, m, stale)
	if m.session.left != 300 {
		t.Fatalf("a tick from before the pause counted: %d left", m.session.left)
	}
	m = step(t, m, sessionTickMsg{id: m.session.id + 1, gen: m.session.gen})
	if m.session.left != 300 {
		t.Fatalf("another session's tick counted: %d left", m.session.left)
	}
}

// q stops the session and asks first (DESIGN "Screens"): no goes back to
// the session where it was, yes opens the check-in as a part session with
// what was done, in the plan's unit.
func TestSessionQAsksBeforeStopping(t *testing.T) {
	m, _ := onSession(t, 80, 24)
	m = step(t, m, keyPress('n')) // skip the warm-up
	m = ticks(t, m, 90)           // one 90-second run
	m = step(t, m, keyPress('q'))
	if m.screen != screenSession || !strings.Contains(m.View(), "Stop and check in what you did?") {
		t.Fatalf("q did not ask:\n%s", m.View())
	}
	if strings.Contains(m.View(), "q quit") {
		t.Error("the session's help offers q quit")
	}
	left := m.session.left
	m = ticks(t, m, 5)
	if m.session.left != left {
		t.Fatal("the timer ran on while the question was asked")
	}
	m = step(t, m, keyPress('n'))
	if m.screen != screenSession || strings.Contains(m.View(), "Stop and check in") {
		t.Fatalf("no did not go back to the session: %v", m.screen)
	}
	m = ticks(t, m, 1)
	if m.session.left != left-1 {
		t.Fatal("the timer did not run on after no")
	}
	m = step(t, m, keyPress('q'))
	m = step(t, m, keyOf(tea.KeyEnter)) // yes is the default
	if m.screen != screenCheckIn || m.checkIn.outcomeValue() != coach.Partial || m.checkIn.amount.Value() != "1.5" {
		t.Fatalf("after stopping: screen %v, outcome %v, amount %q", m.screen, m.checkIn.outcomeValue(), m.checkIn.amount.Value())
	}
	m = step(t, m, keyOf(tea.KeyEnter)) // to "how far?"
	if v := m.View(); !regexp.MustCompile(`How far\? +1\.5 +min`).MatchString(v) {
		t.Errorf("how far? shows no unit:\n%s", v)
	}
}

// A skipped block is not done: skipping every block opens a part check-in
// with only the seconds spent, never a done one.
func TestSessionSkipIsNotDone(t *testing.T) {
	m, _ := onSession(t, 80, 24)
	m = step(t, m, keyPress('n')) // the warm-up
	m = ticks(t, m, 30)           // half a minute of the first run
	for m.screen == screenSession {
		m = step(t, m, keyPress('n'))
	}
	if m.screen != screenCheckIn || m.checkIn.outcomeValue() != coach.Partial || m.checkIn.amount.Value() != "0.5" {
		t.Fatalf("after skipping: screen %v, outcome %v, amount %q", m.screen, m.checkIn.outcomeValue(), m.checkIn.amount.Value())
	}
}

// The walk: one block, skipped after 10 s, is 0.2 min, not done.
func TestSessionSkippedWalkIsAPart(t *testing.T) {
	m, _ := onSessionOf(t, oneWalk(t), 0, 80, 24)
	if v := m.View(); strings.Contains(v, "Last one") || !strings.Contains(v, "Then a check-in.") {
		t.Errorf("a one-block walk says:\n%s", v)
	}
	m = ticks(t, m, 10)
	m = step(t, m, keyPress('n'))
	if m.screen != screenCheckIn || m.checkIn.outcomeValue() != coach.Partial || m.checkIn.amount.Value() != "0.2" {
		t.Fatalf("a walk skipped after 10 s: screen %v, outcome %v, amount %q", m.screen, m.checkIn.outcomeValue(), m.checkIn.amount.Value())
	}
}

// Skipping what never counts (the warm-up, the cool-down) and doing the rest
// is a finished session: the check-in is a done one.
func TestSessionFinishOpensADoneCheckIn(t *testing.T) {
	m, b := onSession(t, 80, 24)
	parts := m.session.parts
	for i, p := range parts {
		if p.Phase != coach.PhaseMain {
			m = step(t, m, keyPress('n'))
			continue
		}
		m = ticks(t, m, p.Secs)
		if i+1 < len(parts) && m.screen != screenSession {
			t.Fatalf("the session ended at stretch %d", i)
		}
	}
	if m.screen != screenCheckIn || m.checkIn.outcomeValue() != coach.Done {
		t.Fatalf("after the last block: screen %v, outcome %v", m.screen, m.checkIn.outcomeValue())
	}
	if b.n != len(parts) {
		t.Errorf("%d bells for %d changes and the end", b.n, len(parts)-1)
	}
}

// "Last one. Then a check-in." belongs to the last block alone.
func TestSessionLastOneOnlyInTheLastBlock(t *testing.T) {
	m, _ := onSession(t, 80, 24)
	for m.session.at+1 < len(m.session.parts) {
		if strings.Contains(m.View(), "Last one") {
			t.Fatalf("block %d of %d says last one", m.session.at+1, len(m.session.parts))
		}
		m = step(t, m, keyPress('n'))
	}
	if !strings.Contains(m.View(), "Last one. Then a check-in.") {
		t.Errorf("the last block does not say so:\n%s", m.View())
	}
}

// oneWalk is a snapshot with a Daily walk at 10 minutes, one block.
func oneWalk(t *testing.T) coach.Snapshot {
	t.Helper()
	p, _ := coach.PlanByID(coach.DailyWalkID)
	g, err := coach.NewGoal("Walk", p, nil, coach.Schedule{PerWeek: 7}, 0, fixedDay)
	if err != nil {
		t.Fatal(err)
	}
	g.ID = 1
	return coach.Snapshot{DayStartHour: 4, Goals: []coach.Goal{g}, CheckIns: map[uint64][]coach.CheckIn{}}
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
			m, _ := onSession(t, s.w, s.h)
			m = step(t, m, keyPress('n'))
			m = ticks(t, m, 40)
			v := m.View()
			matchesGolden(t, v, s.w, s.h)
			t.Run("stop", func(t *testing.T) {
				m := step(t, m, keyPress('q'))
				v := m.View()
				matchesGolden(t, v, s.w, s.h)
			})
		})
	}
}
