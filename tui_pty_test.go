package main

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	xterm "github.com/charmbracelet/x/term"
)

// The TUI end to end: the built binary in a real pseudo-terminal, read back
// through a terminal emulator: the first run, cancelling, resizing, the
// welcome in a small window, a warning sign, a check-in from another
// terminal, and the terminal left as it was found.

// checkInQuestions are the check-in form's rows after "Did it happen?" for a
// done session, in order; Enter accepts each default.
var checkInQuestions = []string{"How did it feel?", "Any pain?", "Mood before", "Mood after", "Note, optional"}

// TestE2EFirstRunCheckIn walks the first run: the welcome with its care
// note, Enter to start the Daily walk, Enter through the check-in, the done
// mark, q, and the check-in visible from the shell afterwards.
func TestE2EFirstRunCheckIn(t *testing.T) {
	t.Parallel()
	env := Env{Home: t.TempDir(), Now: testDay} // tend's default place for the database
	term := startTerm(t, 80, 24, env)

	s := term.WaitFor(t, "Pick a first goal", screenTimeout)
	for _, want := range []string{"not medical", "▸ Daily walk", "Walk to run", "Mindful minutes", "q quit"} {
		if !contains(s, want) {
			t.Errorf("welcome lacks %q:\n%s", want, frame(s))
		}
	}

	// Daily walk is chosen; every step of setting it up has a default.
	s = term.PressUntil(t, "enter", "○ Daily walk", 12)
	if !contains(s, "Walk 10 minutes") {
		t.Errorf("Today should offer a 10-minute walk first:\n%s", frame(s))
	}

	term.Step(t, "enter", "▸ Did it happen?")
	for _, q := range checkInQuestions {
		term.Step(t, "enter", "▸ "+q)
	}
	term.Step(t, "enter", "Take a second to notice you did it")
	term.WaitFor(t, "✓ Daily walk", screenTimeout)

	term.Quit(t)
	if out := term.Output(); strings.Contains(out, "\x1b[38;") || strings.Contains(out, "\x1b[1;38;") {
		t.Errorf("NO_COLOR=1, yet the TUI wrote colour escapes")
	}

	g := todayGoal(t, env, "Daily walk")
	if !g.Done || g.Outcome == nil || *g.Outcome != "done" {
		t.Errorf("after the check-in, tend today --json has done=%v outcome=%v; want done=true outcome=done", g.Done, deref(g.Outcome))
	}

	// The default database file, private to its owner (DESIGN.md "Data").
	assertMode(t, filepath.Dir(env.dbFile()), 0o700)
	assertMode(t, env.dbFile(), 0o600)
}

// TestE2ECancelAndQuitSaveNothing: esc leaves the check-in unsaved, and q in
// the middle of the form quits without saving.
func TestE2ECancelAndQuitSaveNothing(t *testing.T) {
	t.Parallel()
	env, term := walkOnToday(t)

	term.Step(t, "enter", "▸ Did it happen?")
	term.Step(t, "enter", "▸ How did it feel?")
	term.Press(t, "esc")
	term.WaitUntil(t, "Today again", func(s string) bool {
		return contains(s, "○ Walk") && !contains(s, "Did it happen?")
	}, screenTimeout)

	term.Step(t, "enter", "▸ Did it happen?")
	term.Step(t, "enter", "▸ How did it feel?")
	term.Quit(t)
	if g := todayGoal(t, env, "Walk"); g.Done || g.Outcome != nil {
		t.Errorf("nothing was saved, yet today --json has done=%v outcome=%v", g.Done, deref(g.Outcome))
	}
}

// TestE2EResize: the screens follow the window from 80×24 down to 40×12 and
// back, and ask for room below the smallest size.
func TestE2EResize(t *testing.T) {
	t.Parallel()
	env := newEnv(t)
	mustTend(t, env, "add", "Walk", "--plan", "daily-walk")
	term := startTerm(t, 80, 24, env)

	// drawnFor accepts a screen that was drawn for its size, not cropped or
	// left over from the last one: the day sits in the header's right side,
	// the key help on the last row.
	drawnFor := func(cols int) func(string) bool {
		return func(s string) bool {
			lines := strings.Split(s, "\n")
			head, last := lines[0], lines[len(lines)-1]
			return strings.HasPrefix(head, " tend") && strings.Contains(head, "2 Mar") &&
				len([]rune(head)) > cols-8 && strings.Contains(last, "q quit") && contains(s, "Walk 10")
		}
	}
	term.WaitUntil(t, "Today drawn at 80×24", drawnFor(80), screenTimeout)

	term.Resize(t, 40, 12)
	term.WaitUntil(t, "Today drawn at 40×12", drawnFor(40), screenTimeout)
	s := term.Step(t, "enter", "▸ Did it happen?")
	if !contains(s, "[done]") {
		t.Errorf("the check-in at 40×12 should show the chosen answer [done]:\n%s", frame(s))
	}
	term.Press(t, "esc")
	term.WaitUntil(t, "Today again at 40×12", func(s string) bool {
		return drawnFor(40)(s) && !contains(s, "Did it happen?")
	}, screenTimeout)

	term.Resize(t, 80, 24)
	term.WaitUntil(t, "Today drawn at 80×24 again", drawnFor(80), screenTimeout)

	term.Resize(t, 20, 5)
	term.WaitFor(t, "bigger", screenTimeout)

	term.Resize(t, 80, 24)
	term.WaitUntil(t, "Today drawn at 80×24 after the tiny window", drawnFor(80), screenTimeout)
	term.Quit(t)
}

// TestE2EWelcomeSmall: at 40×12 the welcome still says it is not medical
// care and offers the plans.
func TestE2EWelcomeSmall(t *testing.T) {
	t.Parallel()
	term := startTerm(t, 40, 12, newEnv(t))
	s := term.WaitFor(t, "Pick a first goal", screenTimeout)
	for _, want := range []string{"Not medical", "▸ Daily walk", "q quit"} {
		if !contains(s, want) {
			t.Errorf("welcome at 40×12 lacks %q:\n%s", want, frame(s))
		}
	}
	// "? for support lines": the help has them, even at this size.
	s = term.Step(t, "?", "not medical or mental-health care")
	if !contains(s, "116 123") || !contains(s, "988") {
		if contains(s, "esc back") {
			knownBug(t, "tui/app.go bodyView: at 40×12 the help cuts the care note off before the crisis lines "+
				"(Samaritans 116 123, 988) that the welcome's \"? for support lines\" promises")
		}
		t.Errorf("the help at 40×12 should show the support lines:\n%s", frame(s))
	}
}

// TestE2EPainWarning: choosing chest pain in the check-in shows the whole
// safety advice, and saving it puts the goal on hold.
func TestE2EPainWarning(t *testing.T) {
	t.Parallel()
	env, term := walkOnToday(t)
	term.Step(t, "enter", "▸ Did it happen?")
	term.Step(t, "enter", "▸ How did it feel?")
	term.Step(t, "enter", "▸ Any pain?")
	term.Press(t, "left") // from none, round to the last answer
	term.WaitFor(t, "[chest pain/dizzy/faint]", screenTimeout)
	s := term.WaitFor(t, "If you have chest pain", screenTimeout)
	var hintBug string
	if !contains(s, "stop now and get medical advice") {
		if !contains(s, "stop now and get") {
			t.Fatalf("the safety advice is missing:\n%s", frame(s))
		}
		// Go on to the save; skip at the end.
		hintBug = "tui/app.go footerView shows only the first wrapped line of a hint: at 80×24 the chest-pain " +
			"advice ends \"stop now and get\", without \"medical advice.\""
	}
	for _, q := range []string{"Mood before", "Mood after", "Note, optional"} {
		term.Step(t, "enter", "▸ "+q)
	}
	term.Step(t, "enter", "‖ Walk")
	term.WaitFor(t, "Once you have been checked: g for goals, then p.", screenTimeout) // the key, not the shell
	term.Quit(t)
	g := todayGoal(t, env, "Walk")
	if g.Status != "safety-hold" || g.Target != nil || !strings.Contains(g.Reason, "medical") {
		t.Errorf("after a chest-pain check-in today --json has status %q target %+v reason %q; want safety-hold, "+
			"no target, a reason that sends to medical advice", g.Status, g.Target, g.Reason)
	}
	if hintBug != "" {
		knownBug(t, hintBug)
	}
}

// TestE2ESeesShellCheckIn: a check-in made from the shell while the TUI is
// open shows up in the TUI, which watches the database file.
func TestE2ESeesShellCheckIn(t *testing.T) {
	t.Parallel()
	env, term := walkOnToday(t)

	mustTend(t, env, "done", "walk")
	// The TUI looks at the file every 2 s: two looks and a redraw.
	if !term.Await("✓ Walk", 6*time.Second) {
		// Tell a watch that misses a change made before its first look
		// from one that never works: by now it has looked, so another
		// change to the file must bring the check-in too.
		mustTend(t, env, "add", "Stretch", "--plan", "yoga")
		if !term.Await("✓ Walk", 6*time.Second) {
			t.Fatalf("a check-in from the shell never showed in the TUI; screen:\n%s", frame(term.Screen()))
		}
		// Go on to the undo; skip at the end.
		defer knownBug(t, "tui/app.go handleFileStat: a check-in made in another terminal within 2 s of the TUI "+
			"starting (before its first look at the file) never shows; only a later change brings it")
	}

	mustTend(t, env, "undo", "walk")
	term.WaitFor(t, "○ Walk", 6*time.Second)
}

// TestE2EQuitRestoresTerminal: q leaves the terminal as it found it: the
// main screen back, the cursor shown, bracketed paste off, cooked mode.
func TestE2EQuitRestoresTerminal(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		setup func(t *testing.T, env Env, term *Term)
		quit  string
	}{
		{name: "welcome", quit: "q", setup: func(t *testing.T, _ Env, term *Term) {
			term.WaitFor(t, "Pick a first goal", screenTimeout)
		}},
		{name: "today", quit: "q", setup: func(t *testing.T, env Env, term *Term) {
			term.WaitFor(t, "○ Walk", screenTimeout)
		}},
		{name: "amount input, ctrl+c", quit: "ctrl+c", setup: func(t *testing.T, env Env, term *Term) {
			term.WaitFor(t, "○ Walk", screenTimeout)
			term.Step(t, "enter", "▸ Did it happen?")
			term.Press(t, "right") // part: the form asks how far, in a text input
			term.WaitFor(t, "[part]", screenTimeout)
			term.Step(t, "enter", "▸ How far?")
			term.Press(t, "q") // typed into the amount, not a quit
			term.WaitUntil(t, "the q typed into the amount", func(s string) bool { return strings.Contains(s, "▸ How far?          q") }, screenTimeout)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			env := newEnv(t)
			if tc.name != "welcome" {
				mustTend(t, env, "add", "Walk", "--plan", "daily-walk")
			}
			fresh := freshModes(t)
			term := startTerm(t, 80, 24, env)
			tc.setup(t, env, term)
			if !term.AltScreen() {
				t.Errorf("the TUI should draw on the alternate screen")
			}
			if reflect.DeepEqual(term.Modes(t), fresh) {
				t.Errorf("the terminal should be in raw mode while the TUI runs")
			}
			if tc.name == "amount input, ctrl+c" {
				if code, ended := term.Exited(); ended {
					t.Fatalf("q typed into the amount quit the TUI (exit %d)", code)
				}
			}

			term.Press(t, tc.quit)
			checkTerminalRestored(t, term, tc.quit, fresh)
			if tc.name == "welcome" {
				assertNoFile(t, env.DB) // looking at the welcome only reads
			}
		})
	}
}

// checkTerminalRestored: after quit the TUI exits 0 and leaves the
// terminal as it found it (main screen, cursor shown, the modes it had),
// turns off every mode it turned on, and prints nothing on the main screen.
func checkTerminalRestored(t *testing.T, term *Term, quit string, fresh *xterm.State) {
	t.Helper()
	if code := term.Wait(t); code != 0 {
		t.Errorf("%s: exit %d, want 0", quit, code)
	}
	if term.AltScreen() {
		t.Errorf("after %s the terminal is still on the alternate screen", quit)
	}
	if term.CursorHidden() {
		t.Errorf("after %s the cursor is still hidden", quit)
	}
	if got := term.Modes(t); !reflect.DeepEqual(got, fresh) {
		t.Errorf("after %s the terminal's modes are %+v, want them as they were: %+v", quit, got, fresh)
	}
	out := term.Output()
	for _, pair := range [][2]string{{"\x1b[?1049h", "\x1b[?1049l"}, {"\x1b[?2004h", "\x1b[?2004l"}, {"\x1b[?25l", "\x1b[?25h"}} {
		on, off := strings.LastIndex(out, pair[0]), strings.LastIndex(out, pair[1])
		if pair[0] == "\x1b[?1049h" && on < 0 {
			t.Errorf("the TUI never entered the alternate screen (%q)", pair[0])
		}
		if on >= 0 && off < on {
			t.Errorf("output turns on %q and does not turn it off at the end", pair[0])
		}
	}
	if tail := out[strings.LastIndex(out, "\x1b[?1049l"):]; strings.TrimSpace(stripCSI(tail)) != "" {
		t.Errorf("after a clean quit tend printed on the main screen: %q", tail)
	}
}

// TestE2ENoTerminal: without a terminal, tend says to use the commands and
// exits 1, touching nothing.
func TestE2ENoTerminal(t *testing.T) {
	t.Parallel()
	env := Env{Home: t.TempDir(), Now: testDay}
	out, errOut, code := runTend(t, env)
	if code != 1 {
		t.Errorf("tend with no terminal: exit %d, want 1", code)
	}
	if out != "" {
		t.Errorf("tend with no terminal printed on stdout: %q", out)
	}
	if !strings.Contains(errOut, "terminal") || !strings.Contains(errOut, "tend today") {
		t.Errorf("tend with no terminal should say it needs one and name `tend today`; stderr: %q", errOut)
	}
	assertPlainError(t, "tend with no terminal", errOut)
	assertEmptyDir(t, env.Home)
}

// TestE2EColour: the TUI colours its text unless NO_COLOR is set (the
// NO_COLOR half is in TestE2EFirstRunCheckIn).
func TestE2EColour(t *testing.T) {
	t.Parallel()
	env := newEnv(t)
	env.Color = true
	term := startTerm(t, 80, 24, env)
	term.WaitFor(t, "Pick a first goal", screenTimeout)
	term.Quit(t)
	if out := term.Output(); !strings.Contains(out, "38;") {
		t.Errorf("without NO_COLOR the TUI should colour its text; output:\n%q", out)
	}
}

// stripCSI removes control sequences, leaving the text.
func stripCSI(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '[' {
			j := i + 2
			for j < len(s) && (s[j] < 0x40 || s[j] > 0x7e) {
				j++
			}
			i = j
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
