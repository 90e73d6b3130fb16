package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// What issue 13 found broken at 40 columns stays whole there.
func TestFortyColumnsKeepWhatMatters(t *testing.T) {
	snap := seeded(t)
	today := loaded(t, &recordingStore{snap: snap}, snap, 40, 12)
	lineWith := func(v, s string) bool {
		for _, l := range strings.Split(v, "\n") {
			if strings.Contains(l, s) {
				return true
			}
		}
		return false
	}
	cases := []struct {
		name string
		keys []tea.Msg
		want []string // each on one line
	}{
		{"the warning answer of the pain question", []tea.Msg{ngEnter, ngDown, ngDown}, []string{"chest pain/dizzy/faint"}},
		{"the custom ladder's intro", []tea.Msg{keyPress('a'), ngUp, ngEnter}, []string{"Build your own ladder"}},
		{"the preview's heading", []tea.Msg{keyPress('a'), ngEnter, ngEnter, ngEnter, ngEnter, ngEnter, ngEnter},
			[]string{"Daily walk 2 · if every session"}},
		{"the Goals list's status", []tea.Msg{keyPress('g')}, []string{"· active"}},
		{"the help bar's way to everything", nil, []string{"? more", "…"}},
		{"the check-in's way past the defaults", []tea.Msg{ngEnter}, []string{"←/→ choose"}},
		{"the session's skip and stop", []tea.Msg{keyPress('s')}, []string{"n skip", "q stop"}},
	}
	for _, c := range cases {
		v := pressAll(t, today, c.keys...).View()
		checkFits(t, v, 40, 12)
		for _, w := range c.want {
			if !lineWith(v, w) {
				t.Errorf("%s: %q is not whole on a line at 40×12:\n%s", c.name, w, v)
			}
		}
	}
	// The review's legend and month labels: under the grid, and never "M…".
	h := seededHistory(t)
	text := strings.Join(ReviewLines(h, 38, Styles{}), "\n")
	for _, w := range []string{"■ done", "- paused", "› away"} {
		if !strings.Contains(text, w) {
			t.Errorf("the review at 40 columns lacks %q:\n%s", w, text)
		}
	}
	if first := strings.Split(text, "\n")[0]; strings.Contains(first, "…") {
		t.Errorf("a month label is cut: %q", first)
	}
}

// A window too small to draw tend ("Make the window a little bigger")
// takes no key but quitting: a check-in made there is one the person never
// saw (DESIGN Reliability: a tiny terminal leaves the data as it was).
func TestTooSmallWindowTakesOnlyQuit(t *testing.T) {
	snap := seeded(t)
	st := &recordingStore{snap: snap}
	m := loaded(t, st, snap, 20, 6)
	for _, k := range []tea.KeyMsg{keyPress('j'), keyPress('d'), keyOf(tea.KeyEnter), keyPress('r'),
		keyOf(tea.KeyEnter), keyPress('a'), keyPress('u')} {
		var cmd tea.Cmd
		m, cmd = press(t, m, k)
		m = settle(t, m, cmd)
	}
	if len(st.entries) != 0 || m.screen != screenToday || m.today.cursor != 0 {
		t.Fatalf("keys in a too-small window: %d check-ins saved, screen %v, cursor %d; want none, Today, 0",
			len(st.entries), m.screen, m.today.cursor)
	}
	_, cmd := press(t, m, keyPress('q'))
	if cmd == nil {
		t.Fatal("q in a too-small window did not quit")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("q in a too-small window did not quit")
	}
}
