package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"tend/tui"
)

// The commands that only read and print: today, goals, plans, version.
// Each declares its flags on fs and returns what runs once they are parsed.

func todayCommand(fs *flag.FlagSet) func(Env, []string) error {
	asJSON := fs.Bool("json", false, "print JSON")
	return func(env Env, _ []string) error {
		page, err := env.todayPage(*asJSON)
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(env.Out, todayJSON(page.Day(), page.Items()))
		}
		return page.Write(env.Out, env.Width, env.Styles)
	}
}

func goalsCommand(fs *flag.FlagSet) func(Env, []string) error {
	asJSON := fs.Bool("json", false, "print JSON")
	return func(env Env, _ []string) error {
		snap, err := env.goals()
		if err != nil {
			return err
		}
		if *asJSON {
			out, err := goalsJSON(snap.Goals)
			if err != nil {
				return err
			}
			return writeJSON(env.Out, out)
		}
		return tui.WriteGoals(env.Out, snap.Goals, env.Styles)
	}
}

func plansCommand(*flag.FlagSet) func(Env, []string) error {
	return func(env Env, _ []string) error { return tui.WritePlans(env.Out, env.Width, env.Styles) }
}

func versionCommand(*flag.FlagSet) func(Env, []string) error {
	return func(env Env, _ []string) error {
		_, err := fmt.Fprintf(env.Out, "tend %s\n", env.Version)
		return err
	}
}

func writeLines(w io.Writer, lines ...string) error {
	_, err := io.WriteString(w, strings.Join(lines, "\n")+"\n")
	return err
}

// confirm prints what a committed change did. The change is on disk by
// now, so a print that fails (a closed pipe, a full disk under a redirect)
// must not turn it into a failure: a retry would count a session twice.
// The command still succeeds, and standard error says the confirmation
// could not be printed.
func confirm(env Env, lines ...string) error {
	if err := writeLines(env.Out, lines...); err != nil && env.Err != nil {
		_, _ = fmt.Fprintf(env.Err, "It was saved, but tend could not print the confirmation (%v). "+
			"`tend today` shows where things stand.\n", err)
	}
	return nil
}
