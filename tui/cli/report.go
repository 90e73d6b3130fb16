package cli

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"strings"

	"tend/coach"
)

// reportWeeks bounds --weeks: the default is the eight weeks a doctor's
// appointment usually looks back over, and a year is the most one page
// (or two) can hold. [D]
const (
	reportWeeksDefault = 8
	reportWeeksMax     = 52
)

// reportCommand is `tend report`: a page about the last weeks to hand to a
// doctor or a friend (issue 18). It reads the goals, then only the weeks it
// shows of the goals it shows, in one read-only transaction, and writes
// text, Markdown or a self-contained HTML file.
func reportCommand(fs *flag.FlagSet) func(Env, []string) error {
	weeks := fs.Int("weeks", reportWeeksDefault, fmt.Sprintf("how many weeks, this one included (1–%d)", reportWeeksMax))
	goal := fs.String("goal", "", "only this goal")
	format := fs.String("format", "text", "text, md (Markdown, to paste into a message) or html (one file to print)")
	out := fs.String("out", "", "write to FILE instead of standard output; an existing FILE needs --force")
	force := fs.Bool("force", false, "replace FILE if it exists (never a link, device, FIFO or socket)")
	notes := fs.Bool("notes", false, "include your notes (they are private unless you ask)")
	return func(env Env, _ []string) error {
		kind := strings.ToLower(*format)
		write, ok := reportWriters[kind]
		switch {
		case !ok:
			return usagef("--format %q is not one tend knows; use --format text, md or html", *format)
		case *weeks < 1 || *weeks > reportWeeksMax:
			return usagef("--weeks %d is out of range; give a number of weeks from 1 to %d", *weeks, reportWeeksMax)
		}
		place, dest := placeNew, ""
		if *force {
			place = placeReplace
		}
		if *out != "" {
			var err error
			// Checked before anything is read: a refusal costs nothing.
			if dest, place, err = outTarget(*out, env.Store.Path(), place); err != nil {
				return err
			}
		}
		r, err := readReport(env, *goal, *weeks, *notes)
		if err != nil {
			return err
		}
		if len(r.Goals) == 0 {
			// Nothing to share: no page of empty weeks, and no file.
			return writeLines(env.Out, "No goals yet, so there is nothing to report. Start one with `tend add Walk --plan daily-walk`.")
		}
		if dest == "" {
			// A terminal narrower than a page gets the text at its width.
			r.width = env.Width
			bw := bufio.NewWriter(env.Out)
			if err := write(bw, r); err != nil {
				return err
			}
			return bw.Flush()
		}
		if dest, err = writeAtomically(dest, place, func(w io.Writer) error { return write(w, r) }); err != nil {
			return err
		}
		return confirm(env, fmt.Sprintf("Wrote the report of %s to %s.", countOf(len(r.Weeks), "week"), dest))
	}
}

// reportWriters are the formats of --format.
var reportWriters = map[string]func(io.Writer, report) error{
	"text": writeReportText,
	"md":   writeReportMarkdown,
	"html": writeReportHTML,
}

// readReport reads the goals, picks the ones the report is about, and
// reads their last weeks.
func readReport(env Env, name string, weeks int, notes bool) (report, error) {
	snap, err := env.goals()
	if err != nil {
		return report{}, err
	}
	today := env.today(snap)
	from := today.Monday().AddDays(-7 * (weeks - 1))
	goals := snap.Goals
	if name != "" {
		g, err := findGoal(snap.Goals, name)
		if err != nil {
			return report{}, err
		}
		goals = []coach.Goal{g}
	}
	ids := make([]uint64, 0, len(goals))
	for _, g := range goals {
		if name != "" || shownIn(g, from, today) {
			ids = append(ids, g.ID)
		}
	}
	var wins []reportWindow
	if len(ids) > 0 {
		err = env.Store.Window(ids, from, today, func(g coach.Goal, cs []coach.CheckIn, ds []coach.Decision) error {
			wins = append(wins, reportWindow{goal: g, checkIns: cs, changes: ds})
			return nil
		})
		if err != nil {
			return report{}, err
		}
	}
	return buildReport(wins, from, today, notes), nil
}

// shownIn reports whether a goal belongs in a report of from..today: it
// had begun by today and was not archived all along.
func shownIn(g coach.Goal, from, today coach.Day) bool {
	if g.Created.After(today) {
		return false
	}
	if g.StatusOn(from) != coach.Archived {
		return true
	}
	for _, s := range g.Statuses {
		if s.From.After(from) && !s.From.After(today) {
			return true
		}
	}
	return false
}
