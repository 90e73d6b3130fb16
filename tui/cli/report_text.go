package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"tend/coach"
	"tend/tui"
)

// The report as plain text: a page of at most reportPage columns (a
// narrower terminal's width when it goes to one), its tables aligned in
// columns, so it prints, pastes into an email and reads in a terminal.

// reportPage is the text report's width: a printed page's. [D]
const reportPage = 80

func writeReportText(w io.Writer, r report) error {
	width := r.width
	if width <= 0 || width > reportPage {
		width = reportPage
	}
	var b []string
	// para wraps s after first, its other lines under it: first is as
	// wide as the indent Hanging gives them.
	para := func(first, s string) {
		lines := tui.Hanging(s, width, ansi.StringWidth(first))
		lines[0] = first + lines[0]
		b = append(b, lines...)
	}
	para("", r.title())
	para("", reportLead)
	para("", r.made())
	b = append(b, "", "In short")
	for _, s := range r.summary() {
		para("  • ", s)
	}
	b = append(b, "", "Week by week")
	rows := [][]string{r.weekHeader(fmt.Sprintf("Active min/%d", coach.ActiveMinutesPerWeek))}
	for i := range r.Weeks {
		rows = append(rows, r.weekCells(i))
	}
	b = append(b, fitTable(rows, width)...)
	b = append(b, "")
	para("", "Sessions against the plan, and the level reached")
	rows = [][]string{r.goalHeader()}
	for i := range r.Weeks {
		rows = append(rows, r.goalCells(i))
	}
	b = append(b, fitTable(rows, width)...)
	para("  ", r.tableKey())
	b = append(b, "", "Goals")
	for _, g := range r.Goals {
		para("  ", fmt.Sprintf("%s · %s, %s", g.Name, g.Plan, g.Schedule))
		para("    ", fmt.Sprintf("%s in %s; %s.", countOf(g.Sessions, "session"), countOf(len(r.Weeks), "week"), g.Went()))
		if len(g.Stretches) > 0 {
			para("    ", tuiUpper(strings.Join(g.Stretches, "; "))+".")
		}
		for _, c := range g.Changes {
			para(fmt.Sprintf("    %-7s ", shortDay(c.Day)), c.words())
		}
	}
	b = append(b, "", "Pain and safety")
	if len(r.Flags) == 0 {
		para("  ", "No pain or warning signs were logged in these weeks.")
	}
	for _, f := range r.Flags {
		para(fmt.Sprintf("  %-7s ", shortDay(f.Day)), f.Words())
	}
	if len(r.Notes) > 0 {
		b = append(b, "", "Notes (shared by choice)")
		for _, n := range r.Notes {
			para(fmt.Sprintf("  %-7s ", shortDay(n.Day)), n.Goal+": "+n.Note)
		}
	}
	b = append(b, "")
	para("", coach.MsgO1)
	return writeLines(w, trimRight(b)...)
}

// fitTable is textTable where it fits the width, and otherwise each row
// as a few lines: its first cell, then "Header: cell" for each other one,
// so a narrow terminal never cuts a column in two.
func fitTable(rows [][]string, width int) []string {
	table := textTable(rows, "  ")
	fits := true
	for _, l := range table {
		fits = fits && ansi.StringWidth(l) <= width
	}
	if fits || len(rows) == 0 {
		return table
	}
	var out []string
	for _, row := range rows[1:] {
		out = append(out, "  "+row[0])
		for i, c := range row[1:] {
			if c == "" || c == "–" {
				continue
			}
			line := "    " + c
			if h := rows[0][i+1]; h != "" {
				line = "    " + h + ": " + c
			}
			out = append(out, tui.Hanging(line, width, 6)...)
		}
	}
	return out
}

// textTable lays rows out in columns two spaces apart, each as wide as its
// widest cell, numbers and words alike flush left: the first row is the
// header, underlined.
func textTable(rows [][]string, indent string) []string {
	if len(rows) == 0 {
		return nil
	}
	widths := make([]int, len(rows[0]))
	for _, row := range rows {
		for i, c := range row {
			widths[i] = max(widths[i], ansi.StringWidth(c))
		}
	}
	line := func(row []string) string {
		var s strings.Builder
		s.WriteString(indent)
		for i, c := range row {
			s.WriteString(c)
			if i < len(row)-1 {
				s.WriteString(strings.Repeat(" ", widths[i]-ansi.StringWidth(c)+2))
			}
		}
		return strings.TrimRight(s.String(), " ")
	}
	out := []string{line(rows[0])}
	rule := make([]string, len(widths))
	for i, wd := range widths {
		if rows[0][i] != "" {
			rule[i] = strings.Repeat("─", wd)
		}
	}
	out = append(out, line(rule))
	for _, row := range rows[1:] {
		out = append(out, line(row))
	}
	return out
}
