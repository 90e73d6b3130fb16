package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// `tend remind --install` and `--uninstall`: a daily run of `tend remind`,
// only when asked. Where a systemd user manager answers, a timer and its
// service in $XDG_CONFIG_HOME/systemd/user; elsewhere the crontab line to
// add, since editing a person's crontab for them is not tend's to do.

const remindUnit = "tend-remind"

func unitDir() string { return filepath.Join(filepath.Dir(configHome()), "systemd", "user") }

// userSystemd reports whether a systemd user manager is there to talk to.
func userSystemd() bool {
	if _, err := exec.LookPath("systemctl"); err != nil {
		return false
	}
	return exec.Command("systemctl", "--user", "show-environment").Run() == nil
}

func installReminder(env Env, at string) error {
	cfg, err := LoadConfig()
	if err != nil {
		return err
	}
	if at != "" {
		s, _ := findSetting("remind-at")
		if cfg, _, err = saveSetting(s, at); err != nil {
			return err
		}
	}
	t, _ := time.Parse("15:04", cfg.RemindAt)
	self, err := os.Executable()
	if err != nil {
		return fmt.Errorf("tend could not find its own program file (%v), so it cannot set up a reminder", err)
	}
	argv := []string{self, "--db", env.Store.Path(), "remind"}
	if !userSystemd() {
		quoted := make([]string, len(argv))
		for i, a := range argv {
			quoted[i] = shellQuote(a)
		}
		return writeLines(env.Out, "There is no systemd user manager here, so add this line with `crontab -e`:",
			fmt.Sprintf("%d %d * * * %s >/dev/null 2>&1", t.Minute(), t.Hour(), strings.Join(quoted, " ")))
	}
	if err := os.MkdirAll(unitDir(), 0o700); err != nil {
		return couldNotWrite(unitDir(), err)
	}
	if err := writeText(filepath.Join(unitDir(), remindUnit+".service"), serviceUnit(argv)); err != nil {
		return err
	}
	if err := writeText(filepath.Join(unitDir(), remindUnit+".timer"), timerUnit(t)); err != nil {
		return err
	}
	if err := systemctl("daemon-reload"); err != nil {
		return err
	}
	if err := systemctl("enable", "--now", remindUnit+".timer"); err != nil {
		return err
	}
	return writeLines(env.Out, fmt.Sprintf("tend will remind you at %s on days a session is still open (%s).",
		t.Format("15:04"), filepath.Join(unitDir(), remindUnit+".timer")),
		"`tend remind --uninstall` removes it.")
}

func uninstallReminder(env Env) error {
	timer := filepath.Join(unitDir(), remindUnit+".timer")
	if _, err := os.Lstat(timer); errors.Is(err, fs.ErrNotExist) {
		return writeLines(env.Out, "There is no reminder timer from tend here. "+
			"If you added a crontab line for `tend remind`, remove it with `crontab -e`.")
	}
	if userSystemd() {
		_ = systemctl("disable", "--now", remindUnit+".timer") // removed below either way
	}
	for _, name := range []string{remindUnit + ".timer", remindUnit + ".service"} {
		if err := os.Remove(filepath.Join(unitDir(), name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("could not remove %s (%v)", filepath.Join(unitDir(), name), unwrapPath(err))
		}
	}
	if userSystemd() {
		_ = systemctl("daemon-reload")
	}
	return writeLines(env.Out, "The daily reminder is removed.")
}

func systemctl(args ...string) error {
	out, err := exec.Command("systemctl", append([]string{"--user"}, args...)...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("systemctl --user %s did not work (%s); the reminder is not set up",
			strings.Join(args, " "), strings.TrimSpace(firstLine(string(out), err)))
	}
	return nil
}

func firstLine(out string, err error) string {
	if out == "" {
		return err.Error()
	}
	line, _, _ := strings.Cut(out, "\n")
	return line
}

// systemdWord quotes a word for a unit's ExecStart: double quotes, C
// escapes, and % doubled (systemd's specifier character).
func systemdWord(s string) string {
	return strings.ReplaceAll(strconv.Quote(s), "%", "%%")
}

func serviceUnit(argv []string) string {
	words := make([]string, len(argv))
	for i, a := range argv {
		words[i] = systemdWord(a)
	}
	return "# Made by `tend remind --install`; `tend remind --uninstall` removes it.\n" +
		"[Unit]\nDescription=tend: one gentle line when a session is still open today\n\n" +
		"[Service]\nType=oneshot\nExecStart=" + strings.Join(words, " ") + "\n"
}

func timerUnit(t time.Time) string {
	return "# Made by `tend remind --install`; `tend remind --uninstall` removes it.\n" +
		"[Unit]\nDescription=tend's daily reminder\n\n" +
		"[Timer]\nOnCalendar=*-*-* " + t.Format("15:04") + ":00\n\n" +
		"[Install]\nWantedBy=timers.target\n"
}
