package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	xterm "github.com/charmbracelet/x/term"
	"github.com/charmbracelet/x/vt"
	"github.com/creack/pty"
)

// The pseudo-terminal half of the harness: Term runs tend in a real pty
// whose output feeds a terminal emulator, so tests see the screen a person
// would see. Nothing here sleeps to wait for state: WaitFor and WaitUntil
// poll the emulator's screen against a deadline and fail with the last screen.

// Term is tend running in a pseudo-terminal. Everything the program writes
// goes into a terminal emulator; the emulator's answers to the program's
// queries (cursor position, background colour, device attributes) go back
// into the pty, as a real terminal's would.
type Term struct {
	cmd *exec.Cmd
	pty *os.File

	mu  sync.Mutex    // guards emu and raw
	emu *vt.Emulator  // the screen
	raw bytes.Buffer  // every byte the program wrote, in order
	out chan struct{} // closed when the program's output has been read to the end

	exited chan struct{} // closed when the process has ended
	code   int           // its exit status, once exited is closed
}

// startTerm runs tend with args in a cols×rows pseudo-terminal. The process
// is killed, if it is still running, when the test ends.
func startTerm(t *testing.T, cols, rows int, env Env, args ...string) *Term {
	t.Helper()
	cmd := exec.Command(tendBin, args...)
	cmd.Env = env.environ(t)
	cmd.Dir = t.TempDir()
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: uint16(cols), Rows: uint16(rows)})
	if err != nil {
		t.Fatalf("starting tend in a pty: %v", err)
	}
	term := &Term{cmd: cmd, pty: f, emu: vt.NewEmulator(cols, rows), out: make(chan struct{}), exited: make(chan struct{})}
	go term.readOutput()
	go term.answerQueries()
	go func() {
		_ = cmd.Wait()                          // the exit status is all a test needs
		term.code = cmd.ProcessState.ExitCode() // -1 when killed by a signal
		close(term.exited)
	}()
	t.Cleanup(func() { term.stop(t) })
	return term
}

// readOutput feeds the program's output to the emulator until the pty
// closes (every copy of its other end is closed when the process ends).
func (term *Term) readOutput() {
	defer close(term.out)
	buf := make([]byte, 32*1024)
	for {
		n, err := term.pty.Read(buf)
		if n > 0 {
			term.mu.Lock()
			_, _ = term.emu.Write(buf[:n])
			term.raw.Write(buf[:n])
			term.mu.Unlock()
		}
		if err != nil {
			return
		}
	}
}

// answerQueries copies the emulator's replies into the pty. It must keep
// reading until the emulator's pipe closes: the emulator writes a reply while
// readOutput holds the lock, and that write waits for this read.
func (term *Term) answerQueries() {
	buf := make([]byte, 1024)
	for {
		n, err := term.emu.Read(buf)
		if n > 0 {
			_, _ = term.pty.Write(buf[:n]) // after the process ends, replies have nowhere to go
		}
		if err != nil {
			return
		}
	}
}

// stop kills the process if it still runs and releases the pty and the
// emulator. On failure it logs the last screen, which is usually the answer.
func (term *Term) stop(t *testing.T) {
	select {
	case <-term.exited:
	default:
		_ = term.cmd.Process.Kill()
		select {
		case <-term.exited:
		case <-time.After(exitTimeout):
			t.Errorf("tend did not end after being killed")
		}
	}
	select {
	case <-term.out:
	case <-time.After(time.Second):
	}
	_ = term.pty.Close()
	// Closing the reply pipe (not the emulator) ends answerQueries without
	// touching the emulator's unguarded closed flag.
	if c, ok := term.emu.InputPipe().(io.Closer); ok {
		_ = c.Close()
	}
	if t.Failed() {
		t.Logf("last screen:\n%s", frame(term.Screen()))
	}
}

// Screen is the emulator's text: one line per row, trailing spaces trimmed.
func (term *Term) Screen() string {
	term.mu.Lock()
	s := term.emu.String()
	term.mu.Unlock()
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \r")
	}
	return strings.Join(lines, "\n")
}

// Output is every byte the program has written so far, escapes included.
func (term *Term) Output() string {
	term.mu.Lock()
	defer term.mu.Unlock()
	return term.raw.String()
}

// AltScreen reports whether the emulator is showing the alternate screen.
func (term *Term) AltScreen() bool {
	term.mu.Lock()
	defer term.mu.Unlock()
	return term.emu.IsAltScreen()
}

// CursorHidden reports whether the program has hidden the cursor.
func (term *Term) CursorHidden() bool {
	term.mu.Lock()
	defer term.mu.Unlock()
	return term.emu.CursorHidden()
}

// Modes is the terminal's line discipline as the program left it (a pty's
// master reports its slave's modes): raw while a TUI runs, cooked again
// after it ends. Compare it with freshModes using reflect.DeepEqual.
func (term *Term) Modes(t *testing.T) *xterm.State {
	t.Helper()
	st, err := xterm.GetState(term.pty.Fd())
	if err != nil {
		t.Fatalf("reading the terminal's modes: %v", err)
	}
	return st
}

// freshModes is the modes of a pty nobody has touched: what a terminal is
// like before tend starts.
func freshModes(t *testing.T) *xterm.State {
	t.Helper()
	p, tty, err := pty.Open()
	if err != nil {
		t.Fatalf("opening a pty: %v", err)
	}
	defer p.Close()
	defer tty.Close()
	st, err := xterm.GetState(tty.Fd())
	if err != nil {
		t.Fatalf("reading a fresh pty's modes: %v", err)
	}
	return st
}

// WaitFor polls the screen until it contains text, and returns that screen.
// Text also matches across a line break the program wrapped: runs of spaces
// and newlines compare as one space. It fails the test with the last screen
// when timeout passes or the program ends first.
func (term *Term) WaitFor(t *testing.T, text string, timeout time.Duration) string {
	t.Helper()
	return term.WaitUntil(t, fmt.Sprintf("%q on screen", text), func(s string) bool { return contains(s, text) }, timeout)
}

// Await polls the screen until it contains text, like WaitFor, but reports
// whether it came instead of failing the test: for telling one failure
// from another.
func (term *Term) Await(text string, timeout time.Duration) bool {
	deadline := time.Now().Add(timeout)
	for !contains(term.Screen(), text) {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(pollEvery)
	}
	return true
}

// WaitUntil polls the screen until ok accepts it, and returns that screen;
// what describes the condition in the failure message.
func (term *Term) WaitUntil(t *testing.T, what string, ok func(screen string) bool, timeout time.Duration) string {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		s := term.Screen()
		if ok(s) {
			return s
		}
		select {
		case <-term.exited:
			// The screen can only change by what is still in the pty.
			select {
			case <-term.out:
			case <-time.After(time.Second):
			}
			if s = term.Screen(); ok(s) {
				return s
			}
			t.Fatalf("waiting for %s: tend ended (exit %d); last screen:\n%s", what, term.code, frame(s))
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("waiting for %s: not there after %v; last screen:\n%s", what, timeout, frame(s))
		}
		time.Sleep(pollEvery)
	}
}

// contains reports whether screen shows text, allowing for wrapping.
func contains(screen, text string) bool {
	return strings.Contains(screen, text) || strings.Contains(squash(screen), squash(text))
}

var spaces = regexp.MustCompile(`\s+`)

func squash(s string) string { return spaces.ReplaceAllString(strings.TrimSpace(s), " ") }

// keyNames are the keys Press knows by name.
var keyNames = map[string]string{
	"enter": "\r", "esc": "\x1b", "tab": "\t", "space": " ", "backspace": "\x7f",
	"up": "\x1b[A", "down": "\x1b[B", "right": "\x1b[C", "left": "\x1b[D",
	"ctrl+c": "\x03",
}

// Send types keys into the terminal as they are.
func (term *Term) Send(t *testing.T, keys string) {
	t.Helper()
	if _, err := term.pty.Write([]byte(keys)); err != nil {
		t.Fatalf("typing %q: %v", keys, err)
	}
}

// Press types one key, by name ("enter", "esc", "up", "ctrl+c", …) or as
// itself ("q"). Send one key at a time and wait for its effect before the
// next: a lone esc followed at once by more bytes reads as alt+key.
func (term *Term) Press(t *testing.T, key string) {
	t.Helper()
	if seq, ok := keyNames[key]; ok {
		key = seq
	}
	term.Send(t, key)
}

// settleFor is how long the screen must stay the same for PressUntil to
// take it as the answer to a key, not a frame on the way (such as "Saving…").
const settleFor = 150 * time.Millisecond

// Step presses key and waits for text: one step of a flow.
func (term *Term) Step(t *testing.T, key, text string) string {
	t.Helper()
	term.Press(t, key)
	return term.WaitFor(t, text, screenTimeout)
}

// Quit presses q and fails the test unless tend then exits 0.
func (term *Term) Quit(t *testing.T) {
	t.Helper()
	term.Press(t, "q")
	if code := term.Wait(t); code != 0 {
		t.Fatalf("q: exit %d, want 0; last screen:\n%s", code, frame(term.Screen()))
	}
}

// walkOnToday starts the TUI at 80×24 on a database with a Daily walk
// called Walk, and waits for Today to show it due.
func walkOnToday(t *testing.T) (Env, *Term) {
	t.Helper()
	env := newEnv(t)
	mustTend(t, env, "add", "Walk", "--plan", "daily-walk")
	term := startTerm(t, 80, 24, env)
	term.WaitFor(t, "○ Walk", screenTimeout)
	return env, term
}

// PressUntil presses key, each time waiting for the screen to change and
// settle, until the screen contains text; it fails the test after max
// presses. It is for flows whose every step has a default ("Enter alone
// moves through it") and whose steps may still change.
func (term *Term) PressUntil(t *testing.T, key, text string, max int) string {
	t.Helper()
	for i := 1; ; i++ {
		before := term.Screen()
		if contains(before, text) {
			return before
		}
		if i > max {
			t.Fatalf("%q not on screen after %s pressed %d times; last screen:\n%s", text, key, max, frame(before))
		}
		term.Press(t, key)
		term.WaitUntil(t, fmt.Sprintf("the screen to change after %s #%d", key, i), func(s string) bool { return s != before }, screenTimeout)
		term.settle(t)
	}
}

// settle waits until the screen has stayed the same for settleFor.
func (term *Term) settle(t *testing.T) {
	t.Helper()
	last, since := term.Screen(), time.Now()
	term.WaitUntil(t, "the screen to settle", func(s string) bool {
		if s != last {
			last, since = s, time.Now()
		}
		return time.Since(since) >= settleFor
	}, screenTimeout)
}

// Resize changes the terminal's size: the emulator first, so that what the
// program draws for the new size lands on a screen of that size, then the
// pty, which sends the program SIGWINCH.
func (term *Term) Resize(t *testing.T, cols, rows int) {
	t.Helper()
	term.mu.Lock()
	term.emu.Resize(cols, rows)
	term.mu.Unlock()
	if err := pty.Setsize(term.pty, &pty.Winsize{Cols: uint16(cols), Rows: uint16(rows)}); err != nil {
		t.Fatalf("resizing the pty: %v", err)
	}
}

// Exited reports whether the program has ended, and if so its exit status.
func (term *Term) Exited() (code int, ok bool) {
	select {
	case <-term.exited:
		return term.code, true
	default:
		return 0, false
	}
}

// Wait waits for the program to end and for its last output to reach the
// emulator, and returns its exit status.
func (term *Term) Wait(t *testing.T) int {
	t.Helper()
	select {
	case <-term.exited:
	case <-time.After(exitTimeout):
		t.Fatalf("tend still running %v later; screen:\n%s", exitTimeout, frame(term.Screen()))
	}
	select {
	case <-term.out:
	case <-time.After(exitTimeout):
		t.Fatalf("tend's output did not end after it exited")
	}
	return term.code
}

// frame draws a screen with a border, so trailing blank lines show.
func frame(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = "│" + l
	}
	return strings.Join(lines, "\n")
}
