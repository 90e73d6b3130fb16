package cli

import (
	"errors"
	"flag"
	"fmt"
	"strings"

	"tend/coach"
	"tend/tui"
)

// doneFlags are the flags of `tend done`.
type doneFlags struct {
	effort, pain, moodBefore, moodAfter, note, date string
	minimum, full, previous, yes                    bool
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
	fs.BoolVar(&f.previous, "previous", false, "after two missed sessions: the previous level's target, counts as showing up")
	fs.BoolVar(&f.yes, "yes", false, "save a second session that makes more than double the day's target")
	return func(env Env, args []string) error {
		e, err := f.entry()
		if err != nil {
			return err
		}
		amount := ""
		if len(args) == 2 {
			amount = args[1]
		}
		return checkIn(env, args[0], f.date, e, amount, f.yes)
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
	if n := btoi(f.minimum) + btoi(f.full) + btoi(f.previous); n > 1 {
		return e, usagef("Use one of --minimum, --previous or --full")
	}
	if f.minimum {
		e.Outcome = coach.Minimum
	}
	e.Full, e.Previous = f.full, f.previous
	return e, nil
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func restCommand(fs *flag.FlagSet) func(Env, []string) error {
	unwell := fs.Bool("unwell", false, "unwell today: the plan waits")
	away := fs.Bool("away", false, "away today: life happened")
	date := fs.String("date", "", "the day, YYYY-MM-DD (default today)")
	note := fs.String("note", "", "a short note, up to 500 characters")
	return func(env Env, args []string) error {
		e := coach.Entry{Outcome: coach.Rest}
		var err error
		if e.Note, err = coach.CleanNote(*note); err != nil {
			return usagef("%s", tui.Sentence(err))
		}
		switch {
		case *unwell && *away:
			return usagef("Use --unwell or --away, not both")
		case *unwell:
			e.Outcome = coach.Unwell
		case *away:
			e.Outcome = coach.Away
		}
		if len(args) == 1 {
			return checkIn(env, args[0], *date, e, "", false)
		}
		return restAll(env, *date, e)
	}
}

// checkIn saves one check-in for the goal called name and prints what it did.
// Nothing is printed until the store has committed it to disk.
func checkIn(env Env, name, date string, e coach.Entry, amount string, yes bool) error {
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
			if spaced := name + " " + amount; strings.HasPrefix(strings.ToLower(g.Name), strings.ToLower(spaced)) {
				// `tend done Evening stretch`: the second word was the name's.
				return usagef("Put a name with spaces in quotes: tend done %s", tui.ShellWord(g.Name))
			}
			return usagef("The amount %q is not a plain number more than 0, like 12", amount)
		}
		if p, err := g.Plan(); err == nil && p.Unit == coach.Minutes && e.Amount > coach.MinutesInADay {
			return usagef("%s min is more than a day holds (%d minutes); check the amount and run it again",
				amount, coach.MinutesInADay)
		}
	}
	prev, err := dayCheckIn(env.Store, g, e.Day)
	if err != nil {
		return err
	}
	again := "tend done " + tui.ShellWord(g.Name)
	for _, w := range []string{amount, dateWords(date)} {
		if w != "" {
			again += " " + w
		}
	}
	if err := checkNotTooMuch(g, prev, e, again, yes); err != nil {
		return err
	}
	e.At = env.Clock()
	rec, err := env.Store.CheckIn(g.ID, e, today)
	if errors.Is(err, coach.ErrNotActive) {
		return notActiveOn(g, e.Day, today)
	}
	if err != nil {
		return err
	}
	said := "Saved."
	for _, part := range []string{tui.AddedLine(prev, rec, today), rec.Message} {
		if part != "" {
			said += " " + part
		}
	}
	return confirm(env, said)
}

// dayCheckIn is the goal's check-in on day, nil when it has none.
func dayCheckIn(st Store, g coach.Goal, day coach.Day) (*coach.CheckIn, error) {
	cs, err := st.CheckIns(g.ID, day, day)
	if err != nil || len(cs) == 0 {
		return nil, err
	}
	return &cs[0], nil
}

// checkNotTooMuch refuses, without --yes, a second session that would make
// more than double the day's target: 500 typed for 50 is likelier than a
// session of ten times the plan (exit 2, nothing written).
func checkNotTooMuch(g coach.Goal, prev *coach.CheckIn, e coach.Entry, again string, yes bool) error {
	if prev == nil || yes || !e.Outcome.ShowedUp() {
		return nil
	}
	p, err := g.Plan()
	if err != nil {
		return err
	}
	add := e.Amount
	switch {
	case add > 0:
	case e.Outcome == coach.Minimum:
		add = p.Minimum.Target
	default:
		add = prev.Target // a plain "done" is the target's worth
	}
	total, over := coach.SameDayTotal(*prev, add)
	if !over {
		return nil
	}
	return usagef("That would make %s on %s, more than double the %s target; nothing was saved. If that is right, run `%s --yes`",
		coach.Amount(total, p.Unit), e.Day, coach.Amount(prev.Target, p.Unit), again)
}

func dateWords(date string) string {
	if date == "" {
		return ""
	}
	return "--date " + date
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
		return confirm(env, fmt.Sprintf("Cleared the check-in for %s on %s. Check in again whenever you like.", g.Name, day))
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
		g.Name, was, longDay(since), tui.ShellWord(g.Name))
}

// longDay is a day as a person says it: 3 March 2026.
func longDay(d coach.Day) string {
	y, m, dd := d.Date()
	return fmt.Sprintf("%d %s %d", dd, m, y)
}

// notActive says why a goal takes no sessions, and how to carry on.
func notActive(g coach.Goal) error {
	resume := fmt.Sprintf("`tend edit %s --resume`", tui.ShellWord(g.Name))
	switch g.Status() {
	case coach.SafetyHold:
		return fmt.Errorf("%s is on hold after a warning sign. Once a doctor or nurse has checked you, "+
			"`tend edit %s --resume --checked` carries on", g.Name, tui.ShellWord(g.Name))
	case coach.Archived:
		return fmt.Errorf("%s is archived; `tend edit %s --unarchive` brings it back", g.Name, tui.ShellWord(g.Name))
	case coach.Active, coach.Paused:
	}
	return fmt.Errorf("%s is paused; %s carries on where you left it", g.Name, resume)
}
