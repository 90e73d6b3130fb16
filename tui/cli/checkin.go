package cli

import (
	"errors"
	"flag"
	"fmt"

	"tend/coach"
	"tend/tui"
)

// doneFlags are the flags of `tend done`.
type doneFlags struct {
	effort, pain, moodBefore, moodAfter, note, date string
	minimum, full                                   bool
}

func doneCommand(fs *flag.FlagSet) func(Env, []string) error {
	var f doneFlags
	fs.StringVar(&f.effort, "effort", "ok", "how it felt: easy, ok or hard")
	fs.StringVar(&f.pain, "pain", "none", "none, sore, pain, or warning (chest pain, dizziness, fainting)")
	fs.StringVar(&f.moodBefore, "mood-before", "", "mood before, 0–10")
	fs.StringVar(&f.moodAfter, "mood-after", "", "mood after, 0–10")
	fs.StringVar(&f.note, "note", "", "a short note, up to 500 characters")
	fs.StringVar(&f.date, "date", "", "the day, YYYY-MM-DD (default today)")
	fs.BoolVar(&f.minimum, "minimum", false, "the minimum version: counts as showing up, never moves the level")
	fs.BoolVar(&f.full, "full", false, "take the full session where the coach offered an in-between one")
	return func(env Env, args []string) error {
		e, err := f.entry()
		if err != nil {
			return err
		}
		amount := ""
		if len(args) == 2 {
			amount = args[1]
		}
		return checkIn(env, args[0], f.date, e, amount)
	}
}

// entry reads the flags into a check-in entry, before the goal is known.
func (f doneFlags) entry() (coach.Entry, error) {
	e := coach.Entry{Outcome: coach.Done}
	var err error
	if e.Effort, err = coach.ParseEffort(f.effort); err != nil {
		return e, usagef("--effort is easy, ok or hard")
	}
	if e.Pain, err = coach.ParsePain(f.pain); err != nil {
		return e, usagef("--pain is none, sore, pain or warning")
	}
	for _, m := range []struct {
		name, s string
		to      **int
	}{{"mood-before", f.moodBefore, &e.MoodBefore}, {"mood-after", f.moodAfter, &e.MoodAfter}} {
		if m.s == "" {
			continue
		}
		v, err := coach.ParseWhole(m.s, coach.MoodMin, coach.MoodMax)
		if err != nil {
			return e, usagef("--%s is a whole number from 0 to 10", m.name)
		}
		*m.to = &v
	}
	if e.Note, err = coach.CleanNote(f.note); err != nil {
		return e, usagef("%s", tui.Sentence(err))
	}
	if f.minimum && f.full {
		return e, usagef("Use --minimum or --full, not both")
	}
	if f.minimum {
		e.Outcome = coach.Minimum
	}
	e.Full = f.full
	return e, nil
}

func restCommand(fs *flag.FlagSet) func(Env, []string) error {
	unwell := fs.Bool("unwell", false, "unwell today: the plan waits")
	away := fs.Bool("away", false, "away today: life happened")
	date := fs.String("date", "", "the day, YYYY-MM-DD (default today)")
	return func(env Env, args []string) error {
		e := coach.Entry{Outcome: coach.Rest}
		switch {
		case *unwell && *away:
			return usagef("Use --unwell or --away, not both")
		case *unwell:
			e.Outcome = coach.Unwell
		case *away:
			e.Outcome = coach.Away
		}
		if len(args) == 1 {
			return checkIn(env, args[0], *date, e, "")
		}
		return restAll(env, *date, e)
	}
}

// restAll marks the day for every active goal.
func restAll(env Env, date string, e coach.Entry) error {
	snap, err := env.goals()
	if err != nil {
		return err
	}
	if e.Day, err = dayFlag(date, env.today(snap)); err != nil {
		return err
	}
	n := 0
	for _, g := range snap.Goals {
		if g.Status() != coach.Active {
			continue
		}
		e.At = env.Clock()
		rec, err := env.Store.CheckIn(g.ID, e, env.today(snap))
		if err != nil {
			return err
		}
		n++
		if err := confirm(env, fmt.Sprintf("%s: %s", g.Name, rec.Message)); err != nil {
			return err
		}
	}
	if n == 0 {
		return writeLines(env.Out, "No active goals to rest. Start one with `tend add Walk --plan daily-walk`.")
	}
	return nil
}

// checkIn saves one check-in for the goal called name and prints what it did.
// Nothing is printed until the store has committed it to disk.
func checkIn(env Env, name, date string, e coach.Entry, amount string) error {
	snap, err := env.goals()
	if err != nil {
		return err
	}
	today := env.today(snap)
	if e.Day, err = dayFlag(date, today); err != nil {
		return err
	}
	g, err := findGoal(snap.Goals, name)
	if err != nil {
		return err
	}
	if amount != "" {
		// Whether it was all of the session is the coach's to say, once,
		// against the target it judges the day by (coach.Classify).
		if e.Amount, err = coach.ParseAmount(amount); err != nil || e.Amount <= 0 {
			return usagef("The amount %q is not a plain number more than 0, like 12", amount)
		}
	}
	e.At = env.Clock()
	rec, err := env.Store.CheckIn(g.ID, e, today)
	if errors.Is(err, coach.ErrNotActive) {
		return notActiveOn(g, e.Day, today)
	}
	if err != nil {
		return err
	}
	return confirm(env, "Saved. "+rec.Message)
}

func undoCommand(fs *flag.FlagSet) func(Env, []string) error {
	date := fs.String("date", "", "the day, YYYY-MM-DD (default today)")
	return func(env Env, args []string) error {
		snap, err := env.goals()
		if err != nil {
			return err
		}
		day, err := dayFlag(*date, env.today(snap))
		if err != nil {
			return err
		}
		g, err := findGoal(snap.Goals, args[0])
		if err != nil {
			return err
		}
		if _, err := env.Store.Undo(g.ID, day); err != nil {
			return err
		}
		return confirm(env, fmt.Sprintf("Cleared %s's check-in for %s. Check in again whenever you like.", g.Name, day))
	}
}

// notActiveOn says why a goal took no session on day: today as notActive
// does; for an earlier day, when its status began and that resuming starts
// from today, so the advice is never circular (DESIGN "Command line").
func notActiveOn(g coach.Goal, day, today coach.Day) error {
	if !day.Before(today) {
		return notActive(g)
	}
	since := g.Created
	for _, c := range g.Statuses {
		if c.From.After(day) {
			break
		}
		since = c.From
	}
	was := map[coach.Status]string{coach.Paused: "paused", coach.SafetyHold: "on hold after a warning sign",
		coach.Archived: "archived", coach.Active: "active"}[g.StatusOn(day)]
	return fmt.Errorf("%s was %s on %s; `tend edit %s --resume` applies from today, and a rest can still be logged for that day",
		g.Name, was, dayWords(since), tui.ShellWord(g.Name))
}

// dayWords is a day as a person says it: 3 March 2026.
func dayWords(d coach.Day) string {
	y, m, dd := d.Date()
	return fmt.Sprintf("%d %s %d", dd, m, y)
}

// notActive says why a goal takes no sessions, and how to carry on.
func notActive(g coach.Goal) error {
	resume := fmt.Sprintf("`tend edit %s --resume`", tui.ShellWord(g.Name))
	switch g.Status() {
	case coach.SafetyHold:
		return fmt.Errorf("%s is on hold after a warning sign. Once you have been checked, %s carries on", g.Name, resume)
	case coach.Archived:
		return fmt.Errorf("%s is archived; %s brings it back", g.Name, resume)
	case coach.Active, coach.Paused:
	}
	return fmt.Errorf("%s is paused; %s carries on where you left it", g.Name, resume)
}
