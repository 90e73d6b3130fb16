package tui

import (
	"flag"
	"fmt"
	"strings"

	"tend/coach"
)

// ShellStore is what the shell commands need: the same calls as the screens.
type ShellStore = Store

func editCmd(fs *flag.FlagSet) func(Env, []string) error {
	var f addFlags
	name := fs.String("name", "", "a new name")
	fs.IntVar(&f.days, "days", 0, "sessions a week, 1–7")
	fs.StringVar(&f.on, "on", "", "fixed weekdays instead, like mon,wed,fri")
	pause := fs.Bool("pause", false, "pause the goal: nothing is due, nothing is missed")
	resume := fs.Bool("resume", false, "resume a paused goal, or one in safety hold once you have been checked")
	archive := fs.Bool("archive", false, "archive the goal: off Today, history kept")
	return func(env Env, args []string) error {
		fs.Visit(func(fl *flag.Flag) { f.daysSet = f.daysSet || fl.Name == "days" })
		n := 0
		for _, b := range []bool{*pause, *resume, *archive} {
			if b {
				n++
			}
		}
		if n > 1 {
			return usagef("Use one of --pause, --resume or --archive")
		}
		if n == 0 && *name == "" && f.on == "" && !f.daysSet {
			return usagef("Say what to change: --name, --days, --on, --pause, --resume or --archive")
		}
		snap, err := env.Store.Snapshot(coach.DayAt(env.Clock(), coach.DefaultDayStartHour))
		if err != nil {
			return err
		}
		today := env.today(snap)
		g, err := findGoal(snap.Goals, args[0])
		if err != nil {
			return err
		}
		var said []string
		if *name != "" {
			clean, err := coach.CleanName(*name)
			if err != nil {
				return usagef("%s", sentence(err))
			}
			said = append(said, fmt.Sprintf("renamed to %s", clean))
			g.Name = clean
		}
		if f.on != "" || f.daysSet {
			p, err := g.Plan()
			if err != nil {
				return err
			}
			s, err := f.schedule(p)
			if err != nil {
				return err
			}
			g = g.WithSchedule(s, today)
			said = append(said, "now "+ScheduleWords(s)+" from today; past days keep the schedule they had")
		}
		switch {
		case *pause:
			g, said = g.SetStatus(coach.Paused, today), append(said, "paused; nothing is due or missed until you resume it")
		case *resume:
			if g.Status() == coach.Active {
				return fmt.Errorf("%s is already active", g.Name)
			}
			g = g.SetStatus(coach.Active, today)
			g.Reason, g.ReasonCode = "Welcome back. Start gently; the plan picks up where you left it.", ""
			said = append(said, "resumed")
		case *archive:
			g, said = g.SetStatus(coach.Archived, today), append(said,
				fmt.Sprintf("archived; its history is kept and `tend edit %s --resume` brings it back", shellWord(g.Name)))
		}
		if err := env.Store.UpdateGoal(g); err != nil {
			return err
		}
		return writeLines(env.Out, fmt.Sprintf("%s: %s.", g.Name, strings.Join(said, "; ")))
	}
}

func deleteCmd(fs *flag.FlagSet) func(Env, []string) error {
	yes := fs.Bool("yes", false, "really delete the goal and all its history")
	return func(env Env, args []string) error {
		snap, err := env.Store.Snapshot(coach.DayAt(env.Clock(), coach.DefaultDayStartHour))
		if err != nil {
			return err
		}
		g, err := findGoal(snap.Goals, args[0])
		if err != nil {
			return err
		}
		if !*yes {
			return usagef("Deleting %s removes it and all its history for good. To keep a copy first, "+
				"`tend export --out tend-export.json`; to keep the history, `tend edit %s --archive` instead; "+
				"to delete, add --yes", g.Name, shellWord(g.Name))
		}
		if err := env.Store.DeleteGoal(g.ID); err != nil {
			return err
		}
		return writeLines(env.Out, fmt.Sprintf("Deleted %s and its history.", g.Name))
	}
}
