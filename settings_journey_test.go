package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// `tend config`: day-start goes into the database and decides the day of a
// check-in; this machine's keys go into an optional config.toml under
// XDG_CONFIG_HOME; a bad file is named with its line and never stops a
// command that does not need it.
func TestConfigJourney(t *testing.T) {
	t.Parallel()
	env := newEnv(t)
	cfg := filepath.Join(env.Home, ".config", "tend", "config.toml")
	if out := mustTend(t, env, "config"); !strings.Contains(out, "day-start     4 ") || !strings.Contains(out, "not there yet") {
		t.Errorf("config with nothing set:\n%s", out)
	}
	if _, err := os.Stat(cfg); !os.IsNotExist(err) {
		t.Errorf("showing the settings wrote %s", cfg)
	}
	mustTend(t, env, "add", "Walk", "--plan", "daily-walk")
	mustTend(t, env, "config", "day-start", "6")
	if out := mustTend(t, env, "config", "day-start"); out != "6\n" {
		t.Errorf("day-start = %q", out)
	}
	early := env
	early.Now = "2026-03-03T05:30:00Z" // before 06:00: still 2 March
	mustTend(t, early, "done", "walk")
	if out := mustTend(t, env, "status"); out != "tend 1/1 ✓\n" {
		t.Errorf("a check-in at 05:30 the next morning did not count for 2 March:\n%s", out)
	}
	if _, errOut, code := runTend(t, env, "config", "day-start", "24"); code != 2 || !strings.Contains(errOut, "0 to 23") {
		t.Errorf("day-start 24: exit %d %q", code, errOut)
	}

	mustTend(t, env, "config", "backups-keep", "5")
	mustTend(t, env, "config", "sound", "on")
	text, err := os.ReadFile(cfg)
	if err != nil || !strings.Contains(string(text), "backups-keep = 5\n") || !strings.Contains(string(text), "sound = true\n") {
		t.Fatalf("config.toml: %q, %v", text, err)
	}
	if info, err := os.Stat(cfg); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("config.toml mode: %v %v", info.Mode(), err)
	}
	if out := mustTend(t, env, "config", "sound"); out != "on\n" {
		t.Errorf("sound = %q", out)
	}
	if _, errOut, code := runTend(t, env, "config", "sond", "on"); code != 2 || !strings.Contains(errOut, "`tend config sound`") {
		t.Errorf("a typo'd key: exit %d %q", code, errOut)
	}

	if err := os.WriteFile(cfg, append(text, "remind-at = \"6pm\"\n"...), 0o600); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := runTend(t, env, "config")
	if code != 1 || !strings.Contains(errOut, "config.toml line 4: remind-at is a time of day") {
		t.Errorf("a bad line: exit %d %q", code, errOut)
	}
	mustTend(t, env, "today") // the file is never required
}

// The app's full help moves the day's start, as a person finds it: ? opens
// it, + saves the next hour, and `tend config` reads it back from the
// database.
func TestHelpScreenChangesDayStart(t *testing.T) {
	env := newEnv(t)
	mustTend(t, env, "add", "Walk", "--plan", "daily-walk")
	term := startTerm(t, 80, 24, env)
	term.WaitFor(t, "Walk", screenTimeout)
	term.Press(t, "?")
	term.WaitFor(t, "Your day starts at 04:00", screenTimeout)
	term.Press(t, "+")
	term.WaitFor(t, "A new day now starts at 05:00", screenTimeout)
	term.Quit(t)
	if got := mustTend(t, env, "config", "day-start"); got != "5\n" {
		t.Errorf("after + on the help: day-start %q", got)
	}
}
