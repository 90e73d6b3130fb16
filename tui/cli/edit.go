package cli

import (
	"flag"
	"fmt"
	"strings"

	"tend/coach"
	"tend/tui"
)

// editFlags are the flags of `tend edit`.
type editFlags struct {
	addFlags
	name                              string
	pause, resume, archive, unarchive bool
	checked                           bool // with --resume: a doctor or nurse has checked them
	keep, nextPlan                    bool // the answers to a finished plan's question
}

func editCommand(fs *flag.FlagSet) func(Env, []string) error {
	var f editFlags
	fs.StringVar(&f.name, "name", "", "a new name")
	fs.IntVar(&f.days, "days", 0, "sessions a week, 1–7")
	fs.StringVar(&f.on, "on", "", "fixed weekdays instead, like mon,wed,fri")
	fs.BoolVar(&f.pause, "pause", false, "pause the goal: nothing is due, nothing is missed")
	fs.BoolVar(&f.resume, "resume", false, "resume a paused goal, or one in safety hold once you have been checked")
	fs.BoolVar(&f.checked, "checked", false, "with --resume: a doctor or nurse has checked you since the warning sign")
	fs.BoolVar(&f.archive, "archive", false, "archive the goal: off Today, history kept")
	fs.BoolVar(&f.unarchive, "unarchive", false, "bring an archived goal back, as it was")
	fs.BoolVar(&f.keep, "keep", false, "a finished Daily walk: keep it as it is (the question is not asked again)")
	fs.BoolVar(&f.nextPlan, "next-plan", false, "a finished Daily walk: start Walk to run beside it")
	ready := fs.String("readiness", "", "with --next-plan: the readiness questions, none (no to all) or some (yes to one or more)")
	fs.BoolVar(&f.cleared, "cleared", false, "with --next-plan, after a readiness yes: a doctor has said it is fine")
	return func(env Env, args []string) error {
		fs.Visit(func(fl *flag.Flag) { f.daysSet = f.daysSet || fl.Name == "days" })
		if err := f.checkNext(*ready); err != nil {
			return err
		}
		if f.keep || f.nextPlan {
			return f.answer(env, args[0])
		}
		if err := f.check(); err != nil {
			return err
		}
		snap, g, err := env.goal(args[0])
		if err != nil {
			return err
		}
		// The edit is made to the goal as stored when it is written, in
		// one transaction: a check-in saved since the read above (its new
		// level, a safety hold) stays.
		var said []string
		// The line names the goal as the person called it: "Walk: renamed
		// to Evening walk.", not "Evening walk: renamed to Evening walk."
		today, was := env.today(snap), g.Name
		g, err = env.Store.EditGoal(g.ID, func(g coach.Goal) (coach.Goal, error) {
			var err error
			g, said, err = f.apply(g, today)
			return g, err
		})
		if err != nil {
			return err
		}
		return confirm(env, fmt.Sprintf("%s: %s.", was, strings.Join(said, "; ")))
	}
}

// check refuses an edit that asks for nothing, or for two statuses at once.
func (f editFlags) check() error {
	n := 0
	for _, b := range []bool{f.pause, f.resume, f.archive, f.unarchive} {
		if b {
			n++
		}
	}
	switch {
	case n > 1:
		return usagef("Use one of --pause, --resume, --archive or --unarchive")
	case f.checked && !f.resume:
		return usagef("--checked goes with --resume, for a goal on hold after a warning sign")
	case n == 0 && f.name == "" && f.on == "" && !f.daysSet:
		return usagef("Say what to change: --name, --days, --on, --pause, --resume, --archive or --unarchive")
	}
	return nil
}

// apply makes the edit to g from today on, and says what it did.
func (f editFlags) apply(g coach.Goal, today coach.Day) (coach.Goal, []string, error) {
	var said []string
	if f.name != "" {
		clean, err := coach.CleanName(f.name)
		if err != nil {
			return g, nil, usagef("%s", tui.Sentence(err))
		}
		said, g.Name = append(said, "renamed to "+clean), clean
	}
	if f.on != "" || f.daysSet {
		p, err := g.Plan()
		if err != nil {
			return g, nil, err
		}
		s, err := f.schedule(p)
		if err != nil {
			return g, nil, err
		}
		g = g.WithSchedule(s, today)
		said = append(said, "now "+tui.ScheduleWords(s)+" from today; past days keep the schedule they had")
	}
	g, status, err := f.applyStatus(g, today)
	if err != nil {
		return g, nil, err
	}
	if status != "" {
		said = append(said, status)
	}
	return g, said, nil
}

func deleteCommand(fs *flag.FlagSet) func(Env, []string) error {
	yes := fs.Bool("yes", false, "really delete the goal and all its history")
	return func(env Env, args []string) error {
		_, g, err := env.goal(args[0])
		if err != nil {
			return err
		}
		if !*yes {
			return usagef("Deleting %s removes it and all its history for good. To keep a copy first, "+
				"`tend export --out tend-export.json`; to keep the history, `tend edit %s --archive` instead; "+
				"to delete, add --yes", g.Name, tui.ShellWord(g.Name))
		}
		if err := env.Store.DeleteGoal(g.ID); err != nil {
			return err
		}
		said := fmt.Sprintf("Deleted %s and its history.", g.Name)
		if m, err := loadSyncMeta(env.Store); err == nil && m != nil {
			// SYNC §7.3: the journals are scrubbed, the sync tool's own
			// history is out of tend's reach.
			said += " It goes from the sync folder too; your sync tool's own history (old versions, its trash) may still hold it."
		}
		return confirm(env, said)
	}
}
