package tui

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/textinput"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"tend/coach"
)

// The plain-text renderers here are shared by the screens and by the
// commands that print (`tend today` and the Today screen draw the same
// rows), so the command line (package tui/cli) and the screens never disagree.

// Glyphs for a goal's state on Today.
const (
	glyphDue    = "○"
	glyphDone   = "✓"
	glyphRest   = "~"
	glyphPaused = "‖"
	cursorGlyph = "▸"
)

// maxNameColumn caps the name column so that targets keep their room. [D]
const maxNameColumn = 18

// nameColumn is the width of the name column for a set of goals.
func nameColumn(items []coach.Today, width int) int {
	w := 0
	for _, t := range items {
		w = max(w, lipgloss.Width(t.Goal.Name))
	}
	return min(w, maxNameColumn, max(8, width/4))
}

// mark returns the glyph and its style for a goal on its day.
func mark(t coach.Today, st Styles) string {
	switch {
	case t.Status != coach.Active:
		return st.Muted.Render(glyphPaused)
	case t.Done():
		return st.Success.Render(glyphDone)
	case t.CheckIn != nil || !t.Due:
		return st.Rest.Render(glyphRest)
	default:
		return glyphDue
	}
}

// todayItem renders one goal as Today shows it: a line with its mark, name,
// target and this week's count, then the reason in a muted line. It wraps
// the target under the name where the width is too small to share a line.
func todayItem(t coach.Today, width, nameW int, selected bool, st Styles) []string {
	cursor := " "
	if selected {
		cursor = st.Selected.Render(cursorGlyph)
	}
	name := ansi.Truncate(t.Goal.Name, nameW, "…")
	name += strings.Repeat(" ", nameW-lipgloss.Width(name))
	if selected {
		name = st.Selected.Render(name)
	}
	head := fmt.Sprintf(" %s %s %s  ", cursor, mark(t, st), name)
	count := ""
	if t.Status == coach.Active && t.WeekTarget > 0 {
		count = fmt.Sprintf("%d of %d", t.WeekDone, t.WeekTarget)
	}
	target, reason := t.Text, t.Reason
	if t.Warmup != "" && !t.Done() && t.Due {
		reason = t.Warmup + " " + reason
	}
	if !t.Due && t.CheckIn == nil || t.Status != coach.Active {
		// Nothing asked of this day: the reason stands in the target's place.
		target, reason = t.Reason, ""
	}
	if t.Status == coach.SafetyHold || t.Status == coach.Paused {
		reason = fmt.Sprintf("To carry on: tend edit %s --resume", ShellWord(t.Goal.Name))
		if t.Status == coach.SafetyHold {
			reason = "Once you have been checked: tend edit " + ShellWord(t.Goal.Name) + " --resume"
		}
	}
	indent := strings.Repeat(" ", 7)
	var lines []string
	room := width - lipgloss.Width(head) - lipgloss.Width(count) - 2
	if room >= min(lipgloss.Width(target), 24) {
		first := wrap(target, room)
		gap := width - lipgloss.Width(head) - lipgloss.Width(first[0]) - lipgloss.Width(count)
		lines = append(lines, head+first[0]+strings.Repeat(" ", max(1, gap))+st.Muted.Render(count))
		for _, l := range first[1:] {
			lines = append(lines, strings.Repeat(" ", lipgloss.Width(head))+l)
		}
	} else {
		// The target goes on its own line, so the name may take the room.
		full := ansi.Truncate(t.Goal.Name, max(1, width-lipgloss.Width(count)-6), "…")
		if selected {
			full = st.Selected.Render(full)
		}
		head = fmt.Sprintf(" %s %s %s", cursor, mark(t, st), full)
		lines = append(lines, head+strings.Repeat(" ",
			max(1, width-lipgloss.Width(head)-lipgloss.Width(count)))+st.Muted.Render(count))
		for _, l := range wrap(target, width-len(indent)) {
			lines = append(lines, indent+l)
		}
	}
	if t.Due && !t.Done() && t.Status == coach.Active && t.Goal.Anchor != "" {
		reason += " After I " + strings.TrimSuffix(t.Goal.Anchor, ".") + "."
	}
	if reason != "" {
		for _, l := range wrap(strings.TrimSpace(reason), width-len(indent)) {
			lines = append(lines, indent+st.Muted.Render(l))
		}
	}
	return lines
}

// WeeklyLines are the weekly reviews (COACH W1) to show at the first visit
// of a new week: before the week's first check-in.
func WeeklyLines(snap coach.Snapshot, day coach.Day) []string {
	if !coach.FirstVisitOfWeek(snap, day) {
		return nil
	}
	var out []string
	for _, g := range snap.Goals {
		p, err := g.Plan()
		if err != nil {
			continue
		}
		if line, ok := coach.WeeklyReview(g, p, snap.CheckIns[g.ID], day); ok {
			out = append(out, g.Name+" · "+line)
		}
	}
	return out
}

// wrap breaks s into lines of at most width cells, at spaces where it can.
func wrap(s string, width int) []string {
	if width < 1 {
		width = 1
	}
	out := strings.Split(ansi.Wrap(s, width, ""), "\n")
	for i, l := range out {
		out[i] = strings.TrimRight(l, " ")
	}
	return out
}

// dayTitle writes a day as the header shows it: "Monday 2 March · week 10",
// shorter where the width asks.
func dayTitle(d coach.Day, width int) string {
	y, m, dd := d.Date()
	_, wk := d.ISOWeek()
	long := fmt.Sprintf("%s %d %s · week %d", d.Weekday(), dd, m, wk)
	if lipgloss.Width(long) <= width {
		return long
	}
	_ = y
	return fmt.Sprintf("%.3s %d %.3s", d.Weekday(), dd, m)
}

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

// ScheduleWords says a schedule the way a person would: "5 days a week",
// "every day", "mon, wed, fri".
func ScheduleWords(s coach.Schedule) string {
	switch {
	case len(s.Weekdays) > 0:
		names := make([]string, len(s.Weekdays))
		for i, d := range s.Weekdays {
			names[i] = strings.ToLower(d.String()[:3])
		}
		return strings.Join(names, ", ")
	case s.PerWeek >= 7:
		return "every day"
	case s.PerWeek == 1:
		return "once a week"
	}
	return fmt.Sprintf("%d days a week", s.PerWeek)
}

// ShellWord quotes a goal's name for a command the person can copy.
func ShellWord(name string) string {
	if strings.ContainsAny(name, " '\"$`\\!*?&;|<>()") {
		return "'" + strings.ReplaceAll(name, "'", `'\''`) + "'"
	}
	return strings.ToLower(name)
}

// ansiCut shortens s to width cells with an ellipsis.
func ansiCut(s string, width int) string { return ansi.Truncate(s, max(width, 0), "…") }

func wrapJoin(s string, width int) string { return strings.Join(wrap(s, width), "\n") }

// newInput is a text field with a steady cursor: a blinking one redraws the
// screen twice a second for nothing, and a calm app has no need of it.
func newInput() textinput.Model {
	in := textinput.New()
	in.Cursor.SetMode(cursor.CursorStatic)
	return in
}

// pointerFor marks the row that has focus.
func pointerFor(focused bool, st Styles) string {
	if focused {
		return st.Selected.Render(cursorGlyph) + " "
	}
	return "  "
}

// answerParts draws a question's answers, the chosen one in brackets.
func answerParts(answers []string, chosen int, st Styles) []string {
	parts := make([]string, 0, len(answers))
	for i, a := range answers {
		if i == chosen {
			a = st.Choice.Render("[" + a + "]")
		} else {
			a = " " + a + " "
		}
		parts = append(parts, a)
	}
	return parts
}
