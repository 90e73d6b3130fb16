package main

// The guided session as a person lives it, through the built binary in a
// pty: the bell rings once per change of block and never every second, `n`
// skips without counting the block as done, `q` asks before it stops, and
// "how far?" says its unit. TEND_SPEED=60 runs a minute of session time in
// a second of the test's.

import (
	"regexp"
	"strings"
	"testing"
	"time"
)

// oscs are the terminal queries and titles a program may end with a BEL
// (ESC ] … BEL); those are not the bell a person hears.
var oscs = regexp.MustCompile("\x1b\\][^\x07\x1b]*(\x07|\x1b\\\\)")

// bellsIn counts the bells in a program's output.
func bellsIn(out string) int { return strings.Count(oscs.ReplaceAllString(out, ""), "\a") }

// sessionEnv is a fresh HOME whose clock runs 60 times faster than real
// time from noon on testDay.
func sessionEnv(t *testing.T) Env {
	t.Helper()
	e := newEnv(t)
	e.Extra = append(e.Extra, "TEND_SPEED=60")
	return e
}

// Walk to run's walk with jogs (P4): a 5-minute warm-up, then six rounds of
// a 170-second walk and a 30-second jog. Skip the warm-up (one change), let
// the first walk run out (a change), then the jog (a change): three bells
// in well over a minute of session time, none in between.
func TestSessionJourneyBellOncePerBlock(t *testing.T) {
	env := sessionEnv(t)
	mustTend(t, env, "add", "Run", "--plan", "walk-to-run", "--capacity", "30", "--readiness", "none")
	term := startTerm(t, 80, 24, env)
	term.WaitFor(t, "walk with", screenTimeout)
	term.Press(t, "s")
	term.WaitFor(t, "WARM-UP", screenTimeout)
	if n := bellsIn(term.Output()); n != 0 {
		t.Fatalf("%d bells before any change of block", n)
	}
	term.Press(t, "n")
	term.WaitFor(t, "round 1 of 6", screenTimeout)
	// A minute of session time and more inside the first walk: no bell.
	term.WaitUntil(t, "a minute into the walk", func(s string) bool {
		return strings.Contains(s, "WALK") && regexp.MustCompile(`\b1:[0-4]\d\b`).MatchString(s)
	}, 10*time.Second)
	if n := bellsIn(term.Output()); n != 1 {
		t.Fatalf("%d bells a minute into the first walk, want 1 (the skip)", n)
	}
	term.WaitFor(t, "JOG", 10*time.Second)
	term.WaitUntil(t, "the second walk", func(s string) bool {
		return strings.Contains(s, "WALK") && strings.Contains(s, "round 2 of 6")
	}, 10*time.Second)
	if n := bellsIn(term.Output()); n != 3 {
		t.Errorf("%d bells after the skip, the jog and the second walk, want 3", n)
	}
}

// A 10-minute walk, one block: it never says "Last one", q asks and does
// not quit, no goes back to the walk, and skipping it part-way opens the
// check-in as a part session with the minutes walked and their unit.
func TestSessionJourneySkipStopAndUnits(t *testing.T) {
	env := sessionEnv(t)
	mustTend(t, env, "add", "Walk", "--plan", "daily-walk", "--readiness", "none")
	term := startTerm(t, 80, 24, env)
	term.WaitFor(t, "Walk 10 min", screenTimeout)
	term.Press(t, "s")
	screen := term.WaitFor(t, "Then a check-in.", screenTimeout)
	if strings.Contains(screen, "Last one") {
		t.Errorf("a one-block walk says last one:\n%s", frame(screen))
	}
	if strings.Contains(screen, "q quit") || !strings.Contains(screen, "q stop") {
		t.Errorf("the session's help:\n%s", frame(screen))
	}
	term.Press(t, "q")
	term.WaitFor(t, "Stop and check in what you did?", screenTimeout)
	if _, ended := term.Exited(); ended {
		t.Fatal("q quit tend in the middle of a session")
	}
	term.Press(t, "n")
	term.WaitUntil(t, "back in the session", func(s string) bool {
		return !strings.Contains(s, "Stop and check in") && strings.Contains(s, "WALK")
	}, screenTimeout)
	// Two minutes of walking, then the walk skipped.
	term.WaitUntil(t, "two minutes walked", func(s string) bool {
		return regexp.MustCompile(`\b7:\d\d left of 10:00`).MatchString(s)
	}, 10*time.Second)
	if n := bellsIn(term.Output()); n != 0 {
		t.Errorf("%d bells while one block ran", n)
	}
	term.Press(t, "n")
	screen = term.WaitFor(t, "How far?", screenTimeout)
	if !regexp.MustCompile(`How far\? +[23](\.\d)? +min`).MatchString(screen) || !strings.Contains(screen, "[part]") {
		t.Fatalf("skipping the walk after two minutes:\n%s", frame(screen))
	}
	if n := bellsIn(term.Output()); n != 1 {
		t.Errorf("%d bells in a walk of one block, want 1: its end", n)
	}
}

// Ctrl+c still quits from the session, at once.
func TestSessionJourneyCtrlCQuits(t *testing.T) {
	env := sessionEnv(t)
	mustTend(t, env, "add", "Walk", "--plan", "daily-walk", "--readiness", "none")
	term := startTerm(t, 40, 12, env)
	term.WaitFor(t, "Walk", screenTimeout)
	term.Press(t, "s")
	term.WaitFor(t, "WALK", screenTimeout)
	term.Press(t, "ctrl+c")
	if code := term.Wait(t); code != 0 {
		t.Errorf("ctrl+c in a session: exit %d", code)
	}
}

func TestClockRunsAtTendSpeed(t *testing.T) {
	real := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	now := func() time.Time { return real }
	clock, speed, err := clockFromEnv("2026-03-02T08:00:00Z", "60", now)
	if err != nil || speed != 60 {
		t.Fatalf("clockFromEnv: speed %v, %v", speed, err)
	}
	real = real.Add(time.Second)
	if got := clock().UTC(); !got.Equal(time.Date(2026, 3, 2, 8, 1, 0, 0, time.UTC)) {
		t.Errorf("a second at TEND_SPEED=60 took the clock to %v, want 08:01", got)
	}
	held, _, _ := clockFromEnv("2026-03-02T08:00:00Z", "0", now)
	real = real.Add(time.Hour)
	if got := held().UTC(); !got.Equal(time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)) {
		t.Errorf("TEND_SPEED=0 moved the clock to %v", got)
	}
	for _, bad := range []string{"fast", "-1", "NaN", "1e9"} {
		if _, _, err := clockFromEnv("", bad, now); err == nil {
			t.Errorf("TEND_SPEED=%s taken", bad)
		}
	}
	if sessionSecond(60) != time.Second/60 || sessionSecond(0) != time.Second {
		t.Errorf("session seconds: %v at 60, %v held", sessionSecond(60), sessionSecond(0))
	}
}
