package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"

	"tend/coach"
)

// The review's calendar: a row a weekday, a column a week, newest on the
// right; as many weeks as the window holds, and never a week older than
// the goal, so a new goal's calendar starts on its first day.

const (
	heatLabelWidth  = 6  // "  Mon "
	heatLegendWidth = 25 // the legend's column beside the grid
	heatBesideMin   = 16 // fewer weeks than this beside a legend, and the legend goes below
)

// markGlyphs are the calendar's glyphs. A missed day is a neutral dot,
// never red.
var markGlyphs = map[coach.Mark]string{
	coach.MarkDone: "■", coach.MarkPartial: "▪", coach.MarkMinimum: "▫", coach.MarkRest: "~",
	coach.MarkUnwell: "+", coach.MarkAway: "›", coach.MarkMissed: "·", coach.MarkPaused: "-",
	coach.MarkNone: " ", coach.MarkFuture: " ",
}

// reviewStart is the first day the review shows: the goal's first day, or
// an older check-in's (a history brought in from elsewhere).
func reviewStart(h History) coach.Day {
	if !h.start.IsZero() {
		return h.start
	}
	start := h.Goal.Created
	for _, c := range h.CheckIns {
		if start.IsZero() || c.Day.Before(start) {
			start = c.Day
		}
	}
	if start.IsZero() || start.After(h.Today) {
		return h.Today
	}
	return start
}

// reviewWeeks is how many weeks the goal has lived, this one included.
func reviewWeeks(h History) int {
	return h.Today.Monday().DaysSince(reviewStart(h).Monday())/7 + 1
}

// perWeekPlan reports whether the goal asks N sessions a week on any days:
// its calendar leaves days without a session blank and counts each week.
func perWeekPlan(g coach.Goal) bool {
	s := g.Schedule()
	return !s.Daily() && len(s.Weekdays) == 0
}

// legendItems name every glyph the calendar can show.
func legendItems(g coach.Goal) []string {
	items := []string{"■ done", "▪ part", "▫ minimum", "~ rest", "+ unwell", "› away"}
	if perWeekPlan(g) {
		return append(items, "- paused", "# sessions that week")
	}
	return append(items, "· missed", "- paused")
}

// packItems puts items on lines of at most width cells, never splitting one.
func packItems(items []string, width int) []string {
	var lines []string
	cur := ""
	for _, it := range items {
		switch {
		case cur == "":
			cur = it
		case lipgloss.Width(cur)+1+lipgloss.Width(it) <= width:
			cur += " " + it
		default:
			lines = append(lines, cur)
			cur = it
		}
	}
	return append(lines, cur)
}

// heatmap draws the calendar with its legend: beside the grid where the
// width holds both, else under it.
func heatmap(h History, width int, st Styles) []string {
	legend := packItems(legendItems(h.Goal), heatLegendWidth)
	lived := reviewWeeks(h) // a walk over the whole history: once
	beside := min(lived, (width-heatLabelWidth-heatLegendWidth-1)/2)
	weeks := beside
	if beside < min(heatBesideMin, lived) {
		weeks, legend = min(lived, max(1, (width-heatLabelWidth)/2)), nil
	}
	first := h.Today.Monday().AddDays(-7 * (weeks - 1))
	marks := coach.DayMarks(h.Goal, h.CheckIns, first, first.AddDays(7*weeks-1), h.Today)
	out := []string{monthRow(first, weeks, h.Today, width)}
	gridW := heatLabelWidth + 2*weeks - 1
	// A cell's look depends on its mark alone: each is styled once, not
	// once a day (styling was a tenth of a whole `tend review`).
	cells := map[coach.Mark]string{}
	for wd := 0; wd < 7; wd++ {
		var b strings.Builder
		fmt.Fprintf(&b, "  %.3s", time.Weekday((wd+1)%7))
		for w := 0; w < weeks; w++ {
			// The day picked in the TUI's calendar has the cursor before it.
			sep := " "
			if d := first.AddDays(7*w + wd); d == h.Picked && !d.IsZero() {
				sep = st.Selected.Render(cursorGlyph)
			}
			m := marks[w*7+wd]
			cell, ok := cells[m]
			if !ok {
				cell = markStyle(m, st).Render(markGlyphs[m])
				cells[m] = cell
			}
			b.WriteString(sep + cell)
		}
		line := strings.TrimRight(b.String(), " ")
		if i := wd - 1; legend != nil && i >= 0 && i < len(legend) {
			line += strings.Repeat(" ", gridW-lipgloss.Width(line)+2) + st.Muted.Render(legend[i])
		}
		out = append(out, line)
	}
	if perWeekPlan(h.Goal) {
		out = append(out, weekCounts(h, first, weeks, st))
	}
	if legend == nil {
		for _, l := range packItems(legendItems(h.Goal), width-2) {
			out = append(out, "  "+st.Muted.Render(l))
		}
	}
	return out
}

// monthRow labels the weeks with their months: each label over the first
// week of its month where it fits whole (never a cut "M…"), a month too
// short for its label left unlabelled. The first label with room for it,
// and January's, carry the year when it is not this year.
func monthRow(first coach.Day, weeks int, today coach.Day, width int) string {
	ty, _, _ := today.Date()
	row, yearShown := "", false
	labelled := time.Month(0)
	for w := 0; w < weeks; w++ {
		col := heatLabelWidth + 2*w
		y, m, _ := first.AddDays(7 * w).Date()
		if m == labelled || (row != "" && col < lipgloss.Width(row)+1) {
			continue
		}
		label := fmt.Sprintf("%.3s", m)
		if col+len(label) > width {
			break
		}
		// The year needs room before the next month begins.
		next := col
		for n := w; n < weeks; n++ {
			if _, nm, _ := first.AddDays(7 * n).Date(); nm != m {
				break
			}
			next = heatLabelWidth + 2*(n+1)
		}
		if withYear := fmt.Sprintf("%s %d", label, y); y != ty && (!yearShown || m == time.January) &&
			col+len(withYear) < min(next, width+1) {
			label, yearShown = withYear, true
		}
		row += strings.Repeat(" ", col-lipgloss.Width(row)) + label
		labelled = m
	}
	return row
}

// weekCounts is the row under an N-a-week calendar: each week's sessions.
func weekCounts(h History, first coach.Day, weeks int, st Styles) string {
	// One pass over the history, not one a week.
	counts := make([]int, weeks)
	for _, c := range h.CheckIns {
		if w := c.Day.DaysSince(first); w >= 0 && w < 7*weeks && c.Outcome.ShowedUp() {
			counts[w/7]++
		}
	}
	var b strings.Builder
	b.WriteString("   #  ")
	for _, n := range counts {
		cell := " "
		if n > 0 {
			cell = fmt.Sprintf("%d", min(n, 9))
		}
		b.WriteString(cell + " ")
	}
	return st.Muted.Render(strings.TrimRight(b.String(), " "))
}

func markStyle(m coach.Mark, st Styles) lipgloss.Style {
	switch m {
	case coach.MarkDone, coach.MarkPartial, coach.MarkMinimum:
		return st.Success
	case coach.MarkRest, coach.MarkUnwell, coach.MarkAway:
		return st.Rest
	case coach.MarkMissed, coach.MarkPaused, coach.MarkNone, coach.MarkFuture:
	}
	return st.Muted
}

// DateWords writes a day as "2 Mar", with the year when it is not this
// year's: "10 Apr 2024".
func DateWords(d, today coach.Day) string {
	y, m, dd := d.Date()
	if ty, _, _ := today.Date(); y != ty {
		return fmt.Sprintf("%d %.3s %d", dd, m, y)
	}
	return fmt.Sprintf("%d %.3s", dd, m)
}
