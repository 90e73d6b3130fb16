package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"

	"tend/coach"
)

// sizes are the windows every screen is drawn at: narrow, standard, wide.
var sizes = []struct{ w, h int }{{40, 12}, {80, 24}, {120, 40}}

// checkFits fails if the view is taller or wider than the window.
func checkFits(t *testing.T, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) > h {
		t.Errorf("view is %d lines, window is %d", len(lines), h)
	}
	for i, l := range lines {
		if lipgloss.Width(l) > w {
			t.Errorf("line %d is %d cells, window is %d: %q", i+1, lipgloss.Width(l), w, l)
		}
	}
}

// goldenAt draws a screen at each window size: it must fit, and match its
// golden file (testdata/TestName/WxH.golden).
func goldenAt(t *testing.T, sizes []struct{ w, h int }, draw func(t *testing.T, w, h int) Model) {
	t.Helper()
	for _, s := range sizes {
		t.Run(fmt.Sprintf("%dx%d", s.w, s.h), func(t *testing.T) {
			matchesGolden(t, draw(t, s.w, s.h).View(), s.w, s.h)
		})
	}
}

// matchesGolden checks that a view fits its window and matches its golden.
func matchesGolden(t *testing.T, v string, w, h int) {
	t.Helper()
	checkFits(t, v, w, h)
	golden.RequireEqual(t, v)
}

func TestGoldenWelcome(t *testing.T) {
	goldenAt(t, sizes, func(t *testing.T, w, h int) Model {
		m := loaded(t, nil, coach.Snapshot{DayStartHour: 4}, w, h)
		return m
	})
}

func TestGoldenToday(t *testing.T) {
	goldenAt(t, sizes, func(t *testing.T, w, h int) Model {
		m := loaded(t, nil, seeded(t), w, h)
		return m
	})
}

func TestGoldenCheckIn(t *testing.T) {
	goldenAt(t, sizes, func(t *testing.T, w, h int) Model {
		m := loaded(t, nil, seeded(t), w, h)
		m, cmd := press(t, m, keyOf(0x0d))
		m = settle(t, m, cmd)
		return m
	})
}

func TestGoldenHelp(t *testing.T) {
	m := loaded(t, nil, seeded(t), 80, 24)
	m, _ = press(t, m, keyPress('?'))
	v := m.View()
	matchesGolden(t, v, 80, 24)
}

func TestTinyWindowAsksForRoom(t *testing.T) {
	for _, s := range []struct{ w, h int }{{1, 1}, {20, 5}, {29, 24}, {80, 7}} {
		m := loaded(t, nil, seeded(t), s.w, s.h)
		v := m.View()
		checkFits(t, v, s.w, s.h)
		if s.w < 20 {
			continue
		}
		if !strings.Contains(strings.ReplaceAll(v, "\n", " "), "a little bigger") {
			t.Errorf("%dx%d: view %q does not ask for a bigger window", s.w, s.h, v)
		}
	}
}

// Every size from 1×1 to 200×60 draws without panicking, on every screen.
func TestAnySizeDraws(t *testing.T) {
	snap := seeded(t)
	for w := 1; w <= 200; w += 7 {
		for h := 1; h <= 60; h += 5 {
			m := loaded(t, nil, snap, w, h)
			_ = m.View()
			m, cmd := press(t, m, keyOf(0x0d))
			m = settle(t, m, cmd)
			_ = m.View()
		}
	}
}

// At the first visit of a new week, last week's review stands below the goals.
func TestGoldenTodayNewWeek(t *testing.T) {
	snap := seeded(t)
	delete(snap.CheckIns, 2) // nothing checked in yet this week
	m := loaded(t, nil, snap, 80, 24)
	v := m.View()
	checkFits(t, v, 80, 24)
	if !strings.Contains(v, "Walk to run · Last week (23 February – 1 March): 2/2 sessions") {
		t.Errorf("no weekly review for Walk to run:\n%s", v)
	}
	golden.RequireEqual(t, v)
}
