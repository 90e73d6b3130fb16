package cli

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"

	"tend/coach"
	"tend/tui"
)

// `tend review`'s level history wraps to the terminal under each reason's
// start, and stays one line a change when stdout is not a terminal.
func TestLevelHistoryWrapsWithAHangingIndent(t *testing.T) {
	day := coach.DayOf(2026, time.March, 2)
	msg := "Level up: 12 min. You completed 4 sessions at 10 min and the last felt easy. Same easy start as before."
	h := tui.History{Decisions: []coach.Decision{{Day: day, Action: coach.ActAdvance, From: 2, To: 3, Message: msg}}}
	lines := historyLines(h, 40)
	if len(lines) < 4 || lines[0] != "Level history" || !strings.HasPrefix(lines[1], "  2026-03-02  Level up") {
		t.Fatalf("history reads %q", lines)
	}
	for _, l := range lines[2:] {
		if !strings.HasPrefix(l, strings.Repeat(" ", 14)) || strings.HasPrefix(l, strings.Repeat(" ", 15)) {
			t.Errorf("continuation %q does not start under the reason", l)
		}
	}
	for _, l := range lines {
		if lipgloss.Width(l) > 40 {
			t.Errorf("line of %d cells: %q", lipgloss.Width(l), l)
		}
	}
	if plain := historyLines(h, tui.NoWrap); len(plain) != 2 || !strings.HasSuffix(plain[1], msg) {
		t.Errorf("not a terminal: history reads %q; want one line", plain)
	}
}
