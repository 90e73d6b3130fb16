package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"time"
)

// The end-to-end harness, shared by every root test: TestMain builds the
// tend binary once for the whole run, and runTend runs it as a shell command
// with a controlled environment (this file); Term drives it in a real
// pseudo-terminal (harness_pty_test.go); the JSON readers and the checks on
// output, errors and files are in harness_checks_test.go. The journeys are
// the *_journey_test.go files and tui_pty_test.go.
//
// Nothing here sleeps to wait for state: WaitFor and WaitUntil poll the
// emulator's screen against a deadline and fail with the last screen.

// tendBin is the binary every test runs, built once by TestMain; raceBuild
// says it was built with -race.
var (
	tendBin   string
	raceBuild bool
)

// testDay is the day TEND_NOW fixes for the tests: a Monday.
const testDay = "2026-03-02"

// Timeouts: generous enough for a loaded machine under -race, short enough
// that a hang fails quickly.
const (
	runTimeout    = 20 * time.Second // one shell command
	screenTimeout = 5 * time.Second  // a screen to show what a key asked for
	exitTimeout   = 5 * time.Second  // the TUI to end after q
	pollEvery     = 20 * time.Millisecond
)

func TestMain(m *testing.M) {
	os.Exit(buildAndRun(m))
}

func buildAndRun(m *testing.M) int {
	dir, err := os.MkdirTemp("", "tend-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e: temp dir:", err)
		return 1
	}
	defer os.RemoveAll(dir)
	tendBin = filepath.Join(dir, "tend")
	args := []string{"build", "-o", tendBin}
	if raceBuild = raceEnabled(); raceBuild {
		// A data race in tend makes it exit 66 and say so on stderr,
		// which the tests see. The race build of tend's packages is
		// already in the cache: the test binary needed it too.
		args = append(args, "-race")
	}
	build := exec.Command("go", append(args, ".")...)
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "e2e: go build failed: %v\n%s", err, out)
		return 1
	}
	return m.Run()
}

// raceEnabled reports whether the tests were built with -race, so that the
// binary they run can be too.
func raceEnabled() bool {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return false
	}
	for _, s := range info.Settings {
		if s.Key == "-race" {
			return s.Value == "true"
		}
	}
	return false
}

// Env is the environment a tend process runs with. Nothing is inherited from
// the test's own environment except PATH, so a developer's TEND_DB, XDG
// directories, locale or colour settings cannot change what tend does.
type Env struct {
	Home  string   // HOME; a fresh temporary folder when empty
	DB    string   // TEND_DB; empty leaves it unset, so tend uses its default under HOME
	Now   string   // TEND_NOW; empty leaves it unset (the real clock)
	Color bool     // leave NO_COLOR unset
	Extra []string // more KEY=VALUE pairs, added last (they win over the above)
}

// newEnv is a fresh HOME, a database file in its own temporary folder, and
// the clock fixed at noon on testDay.
func newEnv(t *testing.T) Env {
	t.Helper()
	return Env{Home: t.TempDir(), DB: filepath.Join(t.TempDir(), "tend.db"), Now: testDay}
}

// environ builds the process environment from scratch.
func (e Env) environ(t *testing.T) []string {
	t.Helper()
	home := e.Home
	if home == "" {
		home = t.TempDir()
	}
	env := []string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + home,
		"TERM=xterm-256color",
		"LANG=C.UTF-8",
		"TZ=UTC",
	}
	if e.DB != "" {
		env = append(env, "TEND_DB="+e.DB)
	}
	if e.Now != "" {
		env = append(env, "TEND_NOW="+e.Now)
	}
	if raceBuild {
		// A race-enabled program waits a second at exit for late reports.
		env = append(env, "GORACE=atexit_sleep_ms=0")
	}
	if !e.Color {
		env = append(env, "NO_COLOR=1")
	}
	return append(env, e.Extra...)
}

// dbFile is the database file tend uses in this environment.
func (e Env) dbFile() string {
	if e.DB != "" {
		return e.DB
	}
	return filepath.Join(e.Home, ".local", "share", "tend", "tend.db")
}

// runTend runs tend with args as a shell command would: standard input from
// /dev/null, standard output and error into pipes. It returns what the
// process wrote and its exit status.
func runTend(t *testing.T, env Env, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), runTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, tendBin, args...)
	cmd.Env = env.environ(t)
	cmd.Dir = t.TempDir()
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("tend %s: still running after %v\nstdout:\n%s\nstderr:\n%s", quoteArgs(args), runTimeout, out.String(), errOut.String())
	}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		code = exit.ExitCode()
	case err != nil:
		t.Fatalf("tend %s: %v", quoteArgs(args), err)
	}
	return out.String(), errOut.String(), code
}

// mustTend runs tend and fails the test unless it exits 0.
func mustTend(t *testing.T, env Env, args ...string) string {
	t.Helper()
	out, errOut, code := runTend(t, env, args...)
	if code != 0 {
		t.Fatalf("tend %s: exit %d, want 0\nstdout:\n%s\nstderr:\n%s", quoteArgs(args), code, out, errOut)
	}
	return out
}

func quoteArgs(args []string) string {
	q := make([]string, len(args))
	for i, a := range args {
		q[i] = a
		if a == "" || strings.ContainsAny(a, " \t\"'\\\x1b") {
			q[i] = fmt.Sprintf("%q", a)
		}
	}
	return strings.Join(q, " ")
}

// knownBug skips the rest of a test because a product bug, which what
// describes, is still there. Tests call it only where the output carries
// that bug's own sign, so any other failure still fails, and once the bug
// is fixed the test runs through. List them with
// `go test -v -run . . | grep "KNOWN BUG"`.
func knownBug(t *testing.T, what string) {
	t.Helper()
	t.Skipf("KNOWN BUG, the rest of this test is skipped: %s", what)
}
