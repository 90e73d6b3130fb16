package cli

import (
	"errors"
	"flag"
	"fmt"

	"tend/coach"
	"tend/tui"
)

// editDayFlags are the flags of `tend edit-day`: each one given replaces
// that field of the day's check-in; the rest stay as they are.
type editDayFlags struct {
	date, amount, effort, pain, moodBefore, moodAfter, note string
}

func editDayCommand(fs *flag.FlagSet) func(Env, []string) error {
	var f editDayFlags
	fs.StringVar(&f.date, "date", "", "the day, YYYY-MM-DD (default today)")
	fs.StringVar(&f.amount, "amount", "", "the amount done; below the target it counts as part")
	fs.StringVar(&f.effort, "effort", "", "how it felt: easy, ok or hard")
	fs.StringVar(&f.pain, "pain", "", "none, sore, pain, or warning (chest pain, dizziness, fainting)")
	fs.StringVar(&f.moodBefore, "mood-before", "", "mood before, 0–10, or none to clear it")
	fs.StringVar(&f.moodAfter, "mood-after", "", "mood after, 0–10, or none to clear it")
	fs.StringVar(&f.note, "note", "", "the note, up to 500 characters; --note '' clears it")
	return func(env Env, args []string) error {
		set := map[string]bool{}
		fs.Visit(func(fl *flag.Flag) { set[fl.Name] = true })
		change, err := f.change(set)
		if err != nil {
			return err
		}
		return editDay(env, args[0], f.date, change)
	}
}

// change reads the flags given into what to do to the check-in, before
// the goal is known; a bad value is a usage error and nothing is opened.
func (f editDayFlags) change(set map[string]bool) (func(coach.CheckIn) coach.CheckIn, error) {
	var steps []func(*coach.CheckIn)
	if set["amount"] {
		a, err := coach.ParseAmount(f.amount)
		if err != nil || a <= 0 {
			return nil, usagef("--amount %q is not a plain number more than 0, like 12", f.amount)
		}
		steps = append(steps, func(c *coach.CheckIn) {
			c.Achieved = a
			if !c.Outcome.ShowedUp() {
				c.Outcome = coach.Done // an amount on a rest day makes it a session
			}
		})
	}
	if set["effort"] {
		e, err := coach.ParseEffort(f.effort)
		if err != nil {
			return nil, usagef("--effort is easy, ok or hard")
		}
		steps = append(steps, func(c *coach.CheckIn) { c.Effort = e })
	}
	if set["pain"] {
		p, err := coach.ParsePain(f.pain)
		if err != nil {
			return nil, usagef("--pain is none, sore, pain or warning")
		}
		steps = append(steps, func(c *coach.CheckIn) { c.Pain = p })
	}
	more, err := f.moodAndNote(set)
	if err != nil {
		return nil, err
	}
	steps = append(steps, more...)
	if len(steps) == 0 {
		return nil, usagef("Say what to change, for example `tend edit-day Walk --note \"felt strong\"`; see `tend edit-day --help`")
	}
	return func(c coach.CheckIn) coach.CheckIn {
		for _, s := range steps {
			s(&c)
		}
		return c
	}, nil
}

// moodAndNote reads the mood and note flags given.
func (f editDayFlags) moodAndNote(set map[string]bool) ([]func(*coach.CheckIn), error) {
	var steps []func(*coach.CheckIn)
	for _, m := range []struct{ name, s string }{{"mood-before", f.moodBefore}, {"mood-after", f.moodAfter}} {
		if !set[m.name] {
			continue
		}
		v, err := moodFlag(m.name, m.s)
		if err != nil {
			return nil, err
		}
		before := m.name == "mood-before"
		steps = append(steps, func(c *coach.CheckIn) {
			if before {
				c.MoodBefore = v
			} else {
				c.MoodAfter = v
			}
		})
	}
	if set["note"] {
		n, err := coach.CleanNote(f.note)
		if err != nil {
			return nil, usagef("%s", tui.Sentence(err))
		}
		steps = append(steps, func(c *coach.CheckIn) { c.Note = n })
	}
	return steps, nil
}

// moodFlag reads a mood flag: 0–10, or "none" to clear it.
func moodFlag(name, s string) (*int, error) {
	if s == "none" {
		return nil, nil
	}
	v, err := coach.ParseWhole(s, coach.MoodMin, coach.MoodMax)
	if err != nil {
		return nil, usagef("--%s is a whole number from 0 to 10, or none", name)
	}
	return &v, nil
}

// editDay changes the day's check-in in the store's one transaction, which
// decides the newest day again, and prints what it did once committed.
func editDay(env Env, name, date string, change func(coach.CheckIn) coach.CheckIn) error {
	snap, err := env.goals()
	if err != nil {
		return err
	}
	today := env.today(snap)
	day, err := dayFlag(date, today)
	if err != nil {
		return err
	}
	g, err := findGoal(snap.Goals, name)
	if err != nil {
		return err
	}
	// Looked at first for the message; the store checks again in its tx.
	if prev, err := dayCheckIn(env.Store, g, day); err != nil {
		return err
	} else if prev == nil {
		return fmt.Errorf("%s has nothing logged on %s to change; `tend done %s --date %s` checks it in",
			g.Name, day, tui.ShellWord(g.Name), day)
	}
	at := env.Clock()
	rec, err := env.Store.EditCheckIn(g.ID, day, today, func(c coach.CheckIn) (coach.CheckIn, error) {
		c = change(c)
		c.WrittenAt = at
		return c, nil
	})
	switch {
	case errors.Is(err, coach.ErrNotActive) && g.Status() != coach.Active:
		return notActive(g)
	case err != nil:
		return err
	}
	return writeLines(env.Out, "Saved. "+rec.Message)
}
