package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"tend/coach"
	"tend/tui"
)

// `tend remind`: one gentle line when a session is still open today, and a
// desktop notification with it at most once a day (COACH §5: never
// guilt-nag, one reminder a day at most). The day it last notified is kept
// in $XDG_STATE_HOME/tend/remind, never in the database, so a reminder
// never writes the data it reminds about. Nothing due, everything due
// checked in, or no database: it says nothing and exits 0, which is what a
// timer or a crontab wants.

func remindCommand(fs *flag.FlagSet) func(Env, []string) error {
	install := fs.Bool("install", false, "run `tend remind` every day (a systemd user timer, or the crontab line to add)")
	at := fs.String("at", "", "with --install: the time of day, HH:MM (default remind-at, 18:00)")
	uninstall := fs.Bool("uninstall", false, "remove the daily reminder that --install set up")
	return func(env Env, _ []string) error {
		switch {
		case *install && *uninstall:
			return usagef("--install and --uninstall undo each other; use one")
		case *at != "" && !*install:
			return usagef("--at goes with --install: `tend remind --install --at %s`", *at)
		case *install:
			return installReminder(env, *at)
		case *uninstall:
			return uninstallReminder(env)
		}
		return remind(env)
	}
}

func remind(env Env) error {
	if ok, err := env.Store.Exists(); err != nil || !ok {
		return err
	}
	snap, err := env.recent()
	if err != nil {
		return err
	}
	day := env.today(snap)
	items, err := snap.Todays(day)
	if err != nil {
		return err
	}
	line := reminderLine(items)
	if line == "" {
		return nil
	}
	if err := writeLines(env.Out, line); err != nil {
		return err
	}
	cfg, err := LoadConfig()
	if err != nil || !cfg.Notify || remindedOn() == day.String() {
		return nil // the line is the reminder; a bad settings file is for `tend config` to say
	}
	_ = tui.RunQuietly(tui.NotifyCommand("tend", line)) // D-Bus may be missing; the line stands
	rememberReminder(day)
	return nil
}

// reminderLine is the gentle line for what is open today, or "" when
// nothing is: a due goal that is active and has no check-in yet.
func reminderLine(items []coach.Today) string {
	var open []string
	for _, t := range items {
		if t.Due && t.Status == coach.Active && t.CheckIn == nil {
			open = append(open, fmt.Sprintf("%s (%s)", t.Goal.Name, coach.Amount(t.Session.Target, t.Plan.Unit)))
		}
	}
	switch len(open) {
	case 0:
		return ""
	case 1:
		return fmt.Sprintf("%s is still open today. Starting small still counts — `tend` is ready when you are.", open[0])
	}
	return fmt.Sprintf("Still open today: %s. Any one of them counts — `tend` is ready when you are.", strings.Join(open, ", "))
}

func remindFile() string { return filepath.Join(stateHome(), "remind") }

// remindedOn is the day of the last notification, or "".
func remindedOn() string {
	b, err := os.ReadFile(remindFile())
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
}

// rememberReminder keeps the day, privately (0600 in a 0700 folder),
// through a temporary file beside it renamed into place: a rename replaces
// a link swapped in at the name and never writes through it. A file that
// cannot be written means at worst a second notification.
func rememberReminder(day coach.Day) {
	path := remindFile()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return
	}
	beforeOpen(path)
	_, _ = writeAtomically(path, placeReplace, func(w io.Writer) error {
		_, err := io.WriteString(w, day.String()+"\n")
		return err
	})
}
