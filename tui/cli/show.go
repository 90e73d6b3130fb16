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
		snap, err := env.recent()
		if err != nil {
			return err
		}
		day := env.today(snap)
		items, err := snap.Todays(day)
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(env.Out, todayJSON(day, items))
		}
		return tui.WriteToday(env.Out, snap, day, items, env.Width, env.Styles)
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
