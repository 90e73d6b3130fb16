package tui

import (
	"errors"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// On the full help, + and - move the hour a new day starts, through the
// store, wrapping round midnight; the help says the hour; a store that
// refuses leaves the hour as it was and says why.
func TestHelpChangesDayStart(t *testing.T) {
	var saved []int
	fail := false
	set := func(h int) error {
		if fail {
			return errors.New("the disk is read-only")
		}
		saved = append(saved, h)
		return nil
	}
	m := New(Deps{Clock: fixedClock, Styles: DefaultStyles(), Tick: noTick, SetDayStart: set})
	m, _ = press(t, m, tea.WindowSizeMsg{Width: 80, Height: 40})
	m, _ = press(t, m, loadedMsg{snap: seeded(t), day: fixedDay})
	m = pressAll(t, m, keyPress('?'))
	if !strings.Contains(m.View(), "Your day starts at 04:00") || !strings.Contains(m.View(), "+/- day starts") {
		t.Fatalf("the help does not offer the day start:\n%s", m.View())
	}
	m, cmd := press(t, m, keyPress('+'))
	msg := cmd()
	m, _ = press(t, m, msg)
	if len(saved) != 1 || saved[0] != 5 || m.snap.DayStartHour != 5 || !strings.Contains(m.status, "05:00") {
		t.Fatalf("after +: saved %v, hour %d, status %q", saved, m.snap.DayStartHour, m.status)
	}
	if !strings.Contains(m.View(), "Your day starts at 05:00") {
		t.Errorf("the help still shows the old hour:\n%s", m.View())
	}
	m.snap.DayStartHour = 0
	m, cmd = press(t, m, keyPress('-'))
	m, _ = press(t, m, cmd())
	if saved[len(saved)-1] != 23 {
		t.Errorf("- from 00:00 saved %v, want 23", saved)
	}
	fail = true
	m, cmd = press(t, m, keyPress('+'))
	m, _ = press(t, m, cmd())
	if m.snap.DayStartHour != 23 || !m.statusErr {
		t.Errorf("a refused save: hour %d, status %q", m.snap.DayStartHour, m.status)
	}
	plain := New(Deps{Clock: fixedClock, Styles: DefaultStyles(), Tick: noTick})
	plain, _ = press(t, plain, tea.WindowSizeMsg{Width: 80, Height: 40})
	plain, _ = press(t, plain, loadedMsg{snap: seeded(t), day: fixedDay})
	plain = pressAll(t, plain, keyPress('?'))
	if strings.Contains(plain.View(), "day starts") {
		t.Error("without a store to keep it, the help offers the day start")
	}
}

// A save in the app runs AfterWrite (main's daily backup) once, in the
// background; a key that writes nothing runs none.
func TestAfterWriteFollowsSaves(t *testing.T) {
	snap := seeded(t)
	st := &recordingStore{snap: snap}
	runs := 0
	m := New(Deps{Store: st, Clock: fixedClock, Styles: DefaultStyles(), Tick: noTick, AfterWrite: func() { runs++ }})
	m, _ = press(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m, _ = press(t, m, loadedMsg{snap: snap, day: fixedDay})
	m = pressAll(t, m, keyPress('v'), keyOf(tea.KeyEsc))
	if runs != 0 {
		t.Fatalf("reading ran AfterWrite %d times", runs)
	}
	m = pressAll(t, m, keyPress('d'))
	if len(st.entries) != 1 || runs != 1 {
		t.Errorf("one check-in: %d saved, AfterWrite ran %d times", len(st.entries), runs)
	}
	_ = m
}
