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
	h := tui.History{Decisions: []coach.Decision{{Day: day, Action: coach.ActAdvance, From: 2, To: 3, Message: msg}},
		Today: day.AddDays(10)}
	lines := historyLines(h, 40)
	if len(lines) < 4 || lines[0] != "Level history" || !strings.HasPrefix(lines[1], "  2 Mar  Level up") {
		t.Fatalf("history reads %q", lines)
	}
	for _, l := range lines[2:] {
		if !strings.HasPrefix(l, strings.Repeat(" ", 9)) || strings.HasPrefix(l, strings.Repeat(" ", 10)) {
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

// The level history writes its days as the review's "Last change" does:
// "12 Mar", with the year when it is not this year, the reasons lined up.
func TestLevelHistoryDatesReadLikeLastChange(t *testing.T) {
	today := coach.DayOf(2026, time.March, 20)
	h := tui.History{Today: today, Decisions: []coach.Decision{
		{Day: coach.DayOf(2025, time.December, 29), Action: coach.ActAdvance, From: 1, To: 2, Message: "Level up: 10 min."},
		{Day: coach.DayOf(2026, time.March, 12), Action: coach.ActAdvance, From: 2, To: 3, Message: "Level up: 12 min."},
	}}
	want := []string{
		"Level history",
		"  29 Dec 2025  Level up: 10 min.",
		"  12 Mar       Level up: 12 min.",
	}
	if got := historyLines(h, 80); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("history reads\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
