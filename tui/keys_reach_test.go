package tui

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"

	"tend/coach"
)

// STYLE rule 25 and issue 13: no dead key anywhere. On every screen and in
// every state, each key the help shows (bar or full help) does something,
// and each key that does something can be found in the full help.

// keyState is a screen in one state, ready for a key.
type keyState struct {
	name string // the screen and state, at its size
	slug string // the same for a golden file's name
	m    Model
}

// keyMsgOf is the message a key name from a binding sends.
func keyMsgOf(name string) tea.KeyMsg {
	types := map[string]tea.KeyType{
		"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight, "enter": tea.KeyEnter,
		"esc": tea.KeyEsc, "tab": tea.KeyTab, "shift+tab": tea.KeyShiftTab, "ctrl+c": tea.KeyCtrlC,
		"ctrl+s": tea.KeyCtrlS, "pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown, "backspace": tea.KeyBackspace,
		" ": tea.KeySpace,
	}
	if t, ok := types[name]; ok {
		if t == tea.KeySpace {
			return tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
		}
		return tea.KeyMsg{Type: t}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(name)}
}

// glyphKeys are the key names a help label's glyphs stand for.
var glyphKeys = map[string]string{"↑": "up", "↓": "down", "←": "left", "→": "right", "space": " "}

// labelKeys are the key names a help label ("↑/↓", "←/→", "enter") names.
func labelKeys(label string) []string {
	var out []string
	for _, tok := range strings.Split(label, "/") {
		if k, ok := glyphKeys[tok]; ok {
			tok = k
		}
		out = append(out, tok)
	}
	return out
}

// screenBindings are every binding the active screen (or the full help)
// has, with the global ones.
func screenBindings(m Model) []key.Binding {
	var v any
	switch {
	case m.showHelp:
		v = m.helpKeysNow()
	case m.screen == screenToday:
		v = m.today.keys
	case m.screen == screenCheckIn:
		v = m.checkIn.keys
	case m.screen == screenDay:
		v = m.dayView.form.keys
	case m.screen == screenReview:
		v = m.review.keys
	case m.screen == screenGoals:
		v = m.goals.keys
	case m.screen == screenSession:
		v = m.session.keys
	case m.screen == screenNewGoal:
		v = m.newGoal.keys
	}
	var out []key.Binding
	rv := reflect.ValueOf(v)
	for i := 0; i < rv.NumField(); i++ {
		if !rv.Type().Field(i).IsExported() {
			continue
		}
		if b, ok := rv.Field(i).Interface().(key.Binding); ok {
			out = append(out, b)
		}
	}
	return append(out, m.keys.Help, m.keys.Quit, m.keys.ForceQuit)
}

// shownKeys are the enabled bindings the bar and the full help list.
func shownKeys(m Model) []key.Binding {
	if m.showHelp {
		k := m.helpKeysNow()
		return enabledKeys(append([]key.Binding{k.Close, k.Up, m.keys.Quit}, m.globalHelpKeys()...))
	}
	keys := m.activeKeys().ShortHelp()
	for _, g := range m.activeKeys().FullHelp() {
		keys = append(keys, g...)
	}
	var out []key.Binding
	for _, k := range enabledKeys(append(keys, m.globalHelpKeys()...)) {
		if !isIn(k, out) {
			out = append(out, k)
		}
	}
	return out
}

// acts reports whether pressing the named key quits, or changes the
// screen once what it asked for has run (a reload that shows the same is
// nothing).
func acts(t *testing.T, m Model, name string) bool {
	t.Helper()
	before := m.View()
	next, cmd := press(t, m, keyMsgOf(name))
	if cmd != nil {
		if _, quit := cmd().(tea.QuitMsg); quit {
			return true
		}
	}
	return settle(t, next, cmd).View() != before
}

func checkKeys(t *testing.T, s keyState) {
	t.Helper()
	shown := shownKeys(s.m)
	listed := map[string]bool{}
	for _, b := range shown {
		names := append(append([]string{}, b.Keys()...), labelKeys(b.Help().Key)...)
		for _, n := range names {
			listed[n] = true
		}
		works := false
		for _, n := range names {
			if acts(t, s.m, n) {
				works = true
				break
			}
		}
		if !works {
			t.Errorf("%s: the help shows %q %q, and no key of it does anything", s.name, b.Help().Key, b.Help().Desc)
		}
	}
	for _, b := range screenBindings(s.m) {
		if !b.Enabled() {
			continue
		}
		reachable := false
		for _, n := range b.Keys() {
			reachable = reachable || listed[n]
		}
		if reachable {
			continue
		}
		for _, n := range b.Keys() {
			if s.m.editing() && len([]rune(n)) == 1 {
				continue // a focused text field takes a typed character as text
			}
			if acts(t, s.m, n) {
				t.Errorf("%s: key %q (%v) does something, and the help does not list it", s.name, n, b.Keys())
				break
			}
		}
	}
}

// keyStates walks tend's screens through their states at one size.
func keyStates(t *testing.T, w, h int) []keyState {
	t.Helper()
	l := &stateList{w: w, h: h}
	snap := seeded(t)
	today := loaded(t, &recordingStore{snap: snap}, snap, w, h)
	l.todays(t, snap, today)
	l.checkIns(t, today)
	rv := l.reviews(t, snap)
	g := pressAll(t, today, keyPress('g'))
	l.add("Goals", g)
	l.add("Goals, days", pressAll(t, g, keyPress('d')))
	l.add("Goals, rename", pressAll(t, g, keyPress('n')))
	l.add("Goals, delete", pressAll(t, g, keyPress('D')))

	ses, _ := onSession(t, w, h)
	l.add("session", ses)
	l.add("session paused", pressAll(t, ses, keyPress(' ')))

	ng := pressAll(t, today, keyPress('a'))
	for i := 0; i < 12 && ng.screen == screenNewGoal; i++ {
		l.add(fmt.Sprintf("new goal step %s", stepNames(ng.newGoal.step)), ng)
		ng = pressAll(t, ng, keyOf(tea.KeyEnter))
	}
	l.add("new goal, own ladder", pressAll(t, today, keyPress('a'), keyOf(tea.KeyUp), keyOf(tea.KeyEnter)))

	for _, s := range []keyState{{name: "Today", m: today}, {name: "check-in", m: pressAll(t, today, keyOf(tea.KeyEnter))},
		{name: "review", m: rv}} {
		hm := pressAll(t, s.m, keyPress('?'))
		l.add("full help of "+s.name, hm)
		l.add("full help of "+s.name+", scrolled", pressAll(t, hm, keyOf(tea.KeyDown), keyOf(tea.KeyDown)))
	}
	return l.out
}

// stateList gathers the states at one size, each named for the test's
// messages and slugged for its golden file.
type stateList struct {
	w, h int
	out  []keyState
}

func (l *stateList) add(name string, m Model) {
	slug := strings.NewReplacer(" ", "_", ",", "").Replace(name) + fmt.Sprintf("/%dx%d", l.w, l.h)
	l.out = append(l.out, keyState{fmt.Sprintf("%s at %d×%d", name, l.w, l.h), slug, m})
}

// todays are Today's states: on each kind of goal, with one goal, the
// welcome with none, and the bridge offered.
func (l *stateList) todays(t *testing.T, snap coach.Snapshot, today Model) {
	w, h := l.w, l.h
	l.add("Today on a due goal", today)
	l.add("Today on a done goal", pressAll(t, today, keyPress('j')))
	l.add("Today on a rest day", pressAll(t, today, keyPress('j'), keyPress('j')))
	one := snap
	one.Goals = snap.Goals[1:2]
	l.add("Today with one goal", loaded(t, &recordingStore{snap: one}, one, w, h))
	l.add("welcome", loaded(t, &recordingStore{}, coach.Snapshot{DayStartHour: 4}, w, h))
	bridge := seeded(t)
	bridge.Goals[0].Level, bridge.Goals[0].Bridge = 8, true // the in-between step before week 4
	l.add("Today offering the bridge", loaded(t, &recordingStore{snap: bridge}, bridge, w, h))
}

// checkIns are the check-in form at each row and its follow-up questions,
// then an earlier day and the Day screen.
func (l *stateList) checkIns(t *testing.T, today Model) {
	ci := pressAll(t, today, keyOf(tea.KeyEnter))
	for i, q := range []string{"outcome", "effort", "pain", "mood before", "mood after", "note"} {
		l.add("check-in at "+q, ci)
		if i < 5 {
			ci = pressAll(t, ci, keyOf(tea.KeyDown))
		}
	}
	l.add("check-in at a mood given", pressAll(t, today, keyOf(tea.KeyEnter), keyOf(tea.KeyDown), keyOf(tea.KeyDown),
		keyOf(tea.KeyDown), keyPress('7')))
	l.add("check-in asking how far", pressAll(t, today, keyOf(tea.KeyEnter), keyOf(tea.KeyRight), keyOf(tea.KeyEnter)))
	l.add("check-in asking before more than double", pressAll(t, today, keyPress('j'), keyOf(tea.KeyEnter),
		keyOf(tea.KeyRight), keyOf(tea.KeyEnter), keyPress('4'), keyPress('0'), keyOf(tea.KeyCtrlS)))
	l.add("Today on an earlier day", pressAll(t, today, keyOf(tea.KeyLeft)))
	l.add("Day screen", pressAll(t, today, keyPress('j'), keyPress('e')))
}

// reviews are the review's states, of three goals and of one; it returns
// the review of three for the full help.
func (l *stateList) reviews(t *testing.T, snap coach.Snapshot) Model {
	// The review reads its history from the store, as it does for real.
	long := seeded(t)
	hist := seededHistory(t)
	long.Goals[1], long.CheckIns[2] = hist.Goal, hist.CheckIns
	rs := &recordingStore{snap: long}
	rv := pressAll(t, loaded(t, rs, long, l.w, l.h), keyPress('j'), keyPress('v'))
	l.add("review of three goals", rv)
	l.add("review scrolled down", pressAll(t, rv, keyOf(tea.KeyDown), keyOf(tea.KeyDown)))
	l.add("review picking a day", pressAll(t, rv, keyPress('c'), keyOf(tea.KeyUp)))
	l.add("Day screen from the calendar", pressAll(t, rv, keyPress('c'), keyOf(tea.KeyUp), keyOf(tea.KeyEnter)))
	one := snap
	one.Goals, one.CheckIns = long.Goals[1:2], long.CheckIns
	l.add("review of one goal", pressAll(t, loaded(t, &recordingStore{snap: one}, one, l.w, l.h), keyPress('v')))
	return rv
}

func TestEveryShownKeyWorksAndEveryWorkingKeyIsShown(t *testing.T) {
	for _, sz := range sizes {
		for _, s := range keyStates(t, sz.w, sz.h) {
			checkKeys(t, s)
		}
	}
}

// Every screen in every state, at 40×12, 80×24 and 120×40 on a fixed day,
// fits its window and reads as its golden file says.
func TestGoldenEveryScreen(t *testing.T) {
	for _, sz := range sizes {
		for _, s := range keyStates(t, sz.w, sz.h) {
			t.Run(s.slug, func(t *testing.T) {
				v := s.m.View()
				checkFits(t, v, sz.w, sz.h)
				golden.RequireEqual(t, v)
			})
		}
	}
}

// At 40×12 every key of every screen can be found: in the bar, or in the
// full help, which scrolls to its end without cutting a line.
func TestFullHelpScrollsToItsEnd(t *testing.T) {
	for _, s := range keyStates(t, 40, 12) {
		if !s.m.showHelp || strings.HasSuffix(s.name, "scrolled at 40×12") {
			continue
		}
		m := s.m
		all := m.helpLines(m.width - 2)
		seen := map[string]bool{}
		for i := 0; i < len(all)+2; i++ {
			for _, l := range strings.Split(m.View(), "\n") {
				seen[strings.TrimSpace(l)] = true
			}
			checkFits(t, m.View(), 40, 12)
			m = pressAll(t, m, keyOf(tea.KeyDown))
		}
		for _, l := range all {
			if !seen[strings.TrimSpace(l)] {
				t.Errorf("%s: the line %q of the full help never shows", s.name, l)
			}
		}
	}
}
