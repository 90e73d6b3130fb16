package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fakeTools puts scripts on PATH that log their arguments to a file, one
// call a line, write to stderr and fail, as notify-send does without
// D-Bus. It returns the log's path and the environment to run tend in.
func fakeTools(t *testing.T, env Env, tools ...string) (string, Env) {
	t.Helper()
	bin := t.TempDir()
	log := filepath.Join(t.TempDir(), "calls.log")
	for _, tool := range tools {
		script := "#!/bin/sh\necho \"" + tool + " $*\" >> '" + log + "'\n" +
			"[ \"$1 $2\" = \"--user show-environment\" ] && [ -n \"$NO_SYSTEMD\" ] && exit 1\n" +
			"case " + tool + " in systemctl) exit 0;; esac\n" +
			"echo 'cannot connect to the session bus' >&2\nexit 1\n"
		if err := os.WriteFile(filepath.Join(bin, tool), []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	env.Extra = append(env.Extra, "PATH="+bin+":/usr/bin:/bin")
	return log, env
}

func calls(t *testing.T, log string) []string {
	t.Helper()
	b, err := os.ReadFile(log)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSpace(string(b)), "\n")
}

// `tend remind` with a fake notifier on PATH: silent and uncalled with no
// database, nothing due, or everything due checked in; otherwise one line,
// and the notifier called at most once a day, whose failure and stderr
// never show. The day is kept under XDG_STATE_HOME, never in the database.
func TestRemindOncePerDay(t *testing.T) {
	t.Parallel()
	log, env := fakeTools(t, newEnv(t), "notify-send")
	if out, errOut, code := runTend(t, env, "remind"); code != 0 || out != "" || errOut != "" {
		t.Fatalf("no database: exit %d %q %q", code, out, errOut)
	}
	if _, err := os.Stat(env.DB); !os.IsNotExist(err) || calls(t, log) != nil {
		t.Fatalf("no database: remind made the file or called the notifier (%v)", calls(t, log))
	}
	mustTend(t, env, "add", "Walk", "--plan", "daily-walk")
	before := fileHash(t, env.DB)
	for range 3 {
		out, errOut, code := runTend(t, env, "remind")
		if code != 0 || errOut != "" || !strings.HasPrefix(out, "Walk (10 min) is still open today.") || strings.Count(out, "\n") != 1 {
			t.Fatalf("something due: exit %d, out %q, err %q", code, out, errOut)
		}
	}
	if got := calls(t, log); len(got) != 1 || !strings.Contains(got[0], "Walk (10 min) is still open today") {
		t.Errorf("three reminders in a day called the notifier %d times: %q", len(got), got)
	}
	if fileHash(t, env.DB) != before {
		t.Error("tend remind changed the database")
	}
	state, err := os.ReadFile(filepath.Join(env.Home, ".local", "state", "tend", "remind"))
	if err != nil || string(state) != testDay+"\n" {
		t.Errorf("the remind file: %q, %v", state, err)
	}

	next := env
	next.Now = "2026-03-03"
	mustTend(t, next, "remind")
	if got := calls(t, log); len(got) != 2 {
		t.Errorf("the next day: %d calls, want 2", len(got))
	}
	later := env
	later.Now = "2026-03-04"
	mustTend(t, later, "done", "walk")
	if out := mustTend(t, later, "remind"); out != "" || len(calls(t, log)) != 2 {
		t.Errorf("all done: remind said %q and called %d times", out, len(calls(t, log)))
	}
	off := env
	off.Now = "2026-03-05"
	mustTend(t, off, "config", "notify", "off")
	if out := mustTend(t, off, "remind"); out == "" || len(calls(t, log)) != 2 {
		t.Errorf("notify off: remind said %q and called %d times", out, len(calls(t, log)))
	}
}

// --install writes a systemd user timer at remind-at (or --at, which it
// keeps), and --uninstall removes it; with no systemd user manager it
// prints the crontab line instead and installs nothing.
func TestRemindInstall(t *testing.T) {
	t.Parallel()
	log, env := fakeTools(t, newEnv(t), "systemctl")
	out := mustTend(t, env, "remind", "--install", "--at", "7:30")
	units := filepath.Join(env.Home, ".config", "systemd", "user")
	timer, err := os.ReadFile(filepath.Join(units, "tend-remind.timer"))
	if err != nil || !strings.Contains(string(timer), "OnCalendar=*-*-* 07:30:00\n") || !strings.Contains(out, "07:30") {
		t.Fatalf("timer %q (%v), said %q", timer, err, out)
	}
	service, _ := os.ReadFile(filepath.Join(units, "tend-remind.service"))
	if !strings.Contains(string(service), `"--db" "`+env.DB+`" "remind"`) {
		t.Errorf("service:\n%s", service)
	}
	if got := mustTend(t, env, "config", "remind-at"); got != "07:30\n" {
		t.Errorf("remind-at after --at 7:30: %q", got)
	}
	if got := strings.Join(calls(t, log), "\n"); !strings.Contains(got, "systemctl --user enable --now tend-remind.timer") {
		t.Errorf("systemctl calls:\n%s", got)
	}
	mustTend(t, env, "remind", "--uninstall")
	if _, err := os.Stat(filepath.Join(units, "tend-remind.timer")); !os.IsNotExist(err) {
		t.Errorf("--uninstall left the timer (%v)", err)
	}
	if got := strings.Join(calls(t, log), "\n"); !strings.Contains(got, "systemctl --user disable --now tend-remind.timer") {
		t.Errorf("systemctl calls:\n%s", got)
	}

	env.Extra = append(env.Extra, "NO_SYSTEMD=1")
	out = mustTend(t, env, "remind", "--install")
	if !strings.Contains(out, "crontab -e") || !strings.Contains(out, "\n30 7 * * * ") || !strings.Contains(out, " remind >/dev/null 2>&1") {
		t.Errorf("without systemd: %q", out)
	}
	if _, err := os.Stat(filepath.Join(units, "tend-remind.timer")); !os.IsNotExist(err) {
		t.Errorf("without systemd a timer was written")
	}
	if _, errOut, code := runTend(t, env, "remind", "--at", "9:00"); code != 2 || !strings.Contains(errOut, "--install") {
		t.Errorf("--at alone: exit %d %q", code, errOut)
	}
}
