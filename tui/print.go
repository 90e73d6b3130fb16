package tui

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"tend/coach"
)

// The pages the commands print (package tui/cli), drawn with the same rows
// as the screens.

// WriteToday prints the day's goals of snap as `tend today` shows them,
// with the week's active minutes and, at a new week's first visit, last
// week's review. At NoWrap nothing is wrapped.
func WriteToday(w io.Writer, snap coach.Snapshot, day coach.Day, items []coach.Today, width int, st Styles) error {
	p := NewTodayPage(snap.Goals, day)
	for _, g := range snap.Goals {
		p.addWeek(g, snap.CheckIns[g.ID])
	}
	p.items = items
	return p.Write(w, width, st)
}

// plainItem is a Today row for output that is not wrapped: the target and
// the week's count on the line, the reason on the next.
func plainItem(t coach.Today, nameW int, st Styles) []string {
	target, reason := itemWords(t, inShell)
	name := t.Goal.Name + strings.Repeat(" ", max(0, nameW-lipgloss.Width(t.Goal.Name)))
	line := fmt.Sprintf("   %s %s  %s", mark(t, st), name, target)
	if t.Status == coach.Active && t.WeekTarget > 0 {
		line += "  " + st.Muted.Render(fmt.Sprintf("%d of %d", t.WeekDone, t.WeekTarget))
	}
	out := []string{line}
	if reason = strings.TrimSpace(reason); reason != "" {
		out = append(out, "       "+st.Muted.Render(reason))
	}
	return out
}

// writeTrimmed writes lines with no trailing spaces, even where a style's
// codes follow them.
func writeTrimmed(w io.Writer, lines []string) error {
	var b strings.Builder
	n := 0
	for _, l := range lines {
		n += len(l) + 1
	}
	b.Grow(n) // the page's size at most: one array, not one for each doubling
	for _, l := range lines {
		if strings.IndexByte(l, '\x1b') < 0 {
			// No style codes (colour off, as in a pipe): the visible text
			// is the line, and Strip is a copy a line on a page of hundreds.
			l = strings.TrimRight(l, " ")
		} else {
			for i := 0; i < len(l) && strings.HasSuffix(ansi.Strip(l), " "); i++ {
				l = trimStyledRight(l)
			}
		}
		b.WriteString(l)
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// trimStyledRight drops the last space of a line whose visible text ends in
// one, keeping any style codes after it.
func trimStyledRight(l string) string {
	plain := ansi.Strip(l)
	if !strings.HasSuffix(plain, " ") {
		return l
	}
	if strings.HasSuffix(l, " ") {
		return strings.TrimRight(l, " ")
	}
	// The space sits before trailing codes: cut the visible text by one.
	return ansi.Truncate(l, lipgloss.Width(plain)-1, "") + trailingCodes(l)
}

// trailingCodes are the escape codes at the end of a styled line.
func trailingCodes(l string) string {
	i := strings.LastIndex(l, "\x1b[")
	if i < 0 {
		return ""
	}
	return l[i:]
}

// WritePlans prints the built-in plans, each summary under its name with a
// hanging indent.
func WritePlans(w io.Writer, width int, st Styles) error {
	var lines []string
	for _, p := range coach.Plans() {
		lines = append(lines, st.Title.Render(fmt.Sprintf("%-12s", p.ID))+"  "+p.Name)
		for _, l := range Hanging(p.Summary, width, 14) {
			if !strings.HasPrefix(l, " ") {
				l = strings.Repeat(" ", 14) + l
			}
			lines = append(lines, st.Muted.Render(l))
		}
	}
	lines = append(lines, "")
	lines = append(lines, Hanging("Start one with `tend add NAME --plan ID`, for example `tend add Walk --plan daily-walk`.", width, 0)...)
	return writeTrimmed(w, lines)
}

// WriteGoals prints each goal with its plan, level, days and status, in
// columns. A custom ladder's plan is "own ladder", not its name again.
func WriteGoals(w io.Writer, goals []coach.Goal, st Styles) error {
	if len(goals) == 0 {
		return writeTrimmed(w, []string{"No goals yet. Start one with `tend add Walk --plan daily-walk`."})
	}
	rows := make([][]string, 0, len(goals))
	for _, g := range goals {
		p, err := g.Plan()
		if err != nil {
			return err
		}
		plan := p.Name
		if g.Custom != nil {
			plan = "own ladder"
		}
		l := p.Level(g.Level)
		rows = append(rows, []string{g.Name, plan, fmt.Sprintf("level %d of %d (%s)", l.Number, len(p.Levels), l.Label),
			ScheduleWords(g.Schedule()), g.Status().String()})
	}
	widths := make([]int, len(rows[0]))
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], lipgloss.Width(c))
		}
	}
	lines := make([]string, 0, len(rows))
	for _, r := range rows {
		var b strings.Builder
		for i, c := range r {
			cell := c + strings.Repeat(" ", widths[i]-lipgloss.Width(c))
			if i == 0 {
				cell = st.Title.Render(c) + strings.Repeat(" ", widths[i]-lipgloss.Width(c))
			}
			b.WriteString(cell)
			if i < len(r)-1 {
				b.WriteString("  ")
			}
		}
		lines = append(lines, b.String())
	}
	return writeTrimmed(w, lines)
}
