package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
)

// The help bar keeps the screen's keys in their ranking, says "…" when it
// leaves some out and only then, and always shows the way to the full help.
func TestHelpBarRanksAndSaysWhatItLeavesOut(t *testing.T) {
	b := func(k, d string) key.Binding { return key.NewBinding(key.WithKeys(k), key.WithHelp(k, d)) }
	ranked := []key.Binding{b("enter", "check in"), b("s", "session"), b("r", "rest"), b("a", "add"), b("v", "review")}
	dead := b("u", "undo")
	dead.SetEnabled(false)
	ranked = append(ranked[:2], append([]key.Binding{dead}, ranked[2:]...)...)
	tail := []key.Binding{b("?", "more"), b("q", "quit")}
	for width := 20; width <= 100; width++ {
		bar := helpBar(ranked, tail, 1, width, Styles{})
		if lipgloss.Width(bar) > width {
			t.Fatalf("width %d: bar of %d cells: %q", width, lipgloss.Width(bar), bar)
		}
		if !strings.Contains(bar, "? more") {
			t.Errorf("width %d: no way to the full help: %q", width, bar)
		}
		if strings.Contains(bar, "u undo") {
			t.Errorf("width %d: a disabled key is shown: %q", width, bar)
		}
		all := strings.Contains(bar, "v review")
		if all == strings.Contains(bar, "…") {
			t.Errorf("width %d: \"…\" must show exactly when keys are left out: %q", width, bar)
		}
		// Ranked: a key shows only when every key ranked above it does.
		prev := true
		for _, k := range []string{"enter check in", "q quit", "s session", "r rest", "a add", "v review"} {
			has := strings.Contains(bar, k)
			if has && !prev {
				t.Errorf("width %d: %q shows though a key ranked above it does not: %q", width, k, bar)
			}
			prev = has
		}
	}
	if got := helpBar(ranked, tail, 1, 80, Styles{}); got != "enter check in · s session · r rest · a add · v review · ? more · q quit" {
		t.Errorf("at 80 columns the bar is %q", got)
	}
	if got := helpBar(ranked, tail, 1, 38, Styles{}); got != "enter check in · … · ? more · q quit" {
		t.Errorf("at 38 columns the bar is %q", got)
	}
}
