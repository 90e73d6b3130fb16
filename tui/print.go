package tui

import (
	"fmt"
	"io"
	"strings"

	"tend/coach"
)

// The pages the commands print (package tui/cli), drawn with the same rows
// as the screens.

// WriteToday prints the day's goals as `tend today` shows them.
func WriteToday(w io.Writer, day coach.Day, items []coach.Today, weekly []string, width int, st Styles) error {
	y, m, dd := day.Date()
	_, wk := day.ISOWeek()
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", st.Title.Render(fmt.Sprintf("%s %d %s %d · week %d", day.Weekday(), dd, m, y, wk)))
	if len(items) == 0 {
		b.WriteString("No goals yet. Start one with `tend add Walk --plan daily-walk`, or run `tend` to pick a plan.\n")
	}
	nameW := nameColumn(items, width)
	for _, t := range items {
		for _, l := range todayItem(t, width, nameW, false, st) {
			b.WriteString(strings.TrimRight(l, " ") + "\n")
		}
	}
	for _, line := range weekly {
		b.WriteString("\n" + st.Muted.Render(wrapJoin(line, width)) + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WritePlans prints the built-in plans.
func WritePlans(w io.Writer, width int, st Styles) error {
	var b strings.Builder
	for _, p := range coach.Plans() {
		fmt.Fprintf(&b, "%s  %s\n", st.Title.Render(fmt.Sprintf("%-12s", p.ID)), p.Name)
		for _, l := range wrap(p.Summary, width-14) {
			fmt.Fprintf(&b, "%14s%s\n", "", st.Muted.Render(l))
		}
	}
	b.WriteString("\nStart one with `tend add NAME --plan ID`, for example `tend add Walk --plan daily-walk`.\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteGoals prints each goal with its plan, level and status.
func WriteGoals(w io.Writer, goals []coach.Goal, st Styles) error {
	var b strings.Builder
	if len(goals) == 0 {
		b.WriteString("No goals yet. Start one with `tend add Walk --plan daily-walk`.\n")
	}
	for _, g := range goals {
		p, err := g.Plan()
		if err != nil {
			return err
		}
		l := p.Level(g.Level)
		fmt.Fprintf(&b, "%s  %s · level %d of %d (%s) · %s · %s\n", st.Title.Render(g.Name), p.Name,
			l.Number, len(p.Levels), l.Label, ScheduleWords(g.Schedule()), g.Status())
	}
	_, err := io.WriteString(w, b.String())
	return err
}
