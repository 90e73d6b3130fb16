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
	p := &textPage{width: width}
	p.para("", r.title())
	p.para("", reportLead)
	p.para("", r.made())
	p.add("", "In short")
	for _, s := range r.summary() {
		p.para("  • ", s)
	}
	p.writeTables(r)
	p.writeGoals(r)
	p.writeFlagsAndNotes(r)
	p.add("")
	p.para("", coach.MsgO1)
	return writeLines(w, trimRight(p.lines)...)
}

// textPage gathers the text report's lines, wrapped to one width.
type textPage struct {
	width int
	lines []string
}

func (p *textPage) add(lines ...string) { p.lines = append(p.lines, lines...) }

// para wraps s after first, its other lines under it: first is as
// wide as the indent Hanging gives them.
func (p *textPage) para(first, s string) {
	lines := tui.Hanging(s, p.width, ansi.StringWidth(first))
	lines[0] = first + lines[0]
	p.add(lines...)
}

// writeTables writes the two week-by-week tables and the key to them.
func (p *textPage) writeTables(r report) {
	p.add("", "Week by week")
	rows := [][]string{r.weekHeader(fmt.Sprintf("Active min/%d", coach.ActiveMinutesPerWeek))}
	for i := range r.Weeks {
		rows = append(rows, r.weekCells(i))
	}
	p.add(fitTable(rows, p.width)...)
	p.add("")
	p.para("", "Sessions against the plan, and the level reached")
	rows = [][]string{r.goalHeader()}
	for i := range r.Weeks {
		rows = append(rows, r.goalCells(i))
	}
	p.add(fitTable(rows, p.width)...)
	p.para("  ", r.tableKey())
}

// writeGoals writes each goal's plan, sessions, stretches and level changes.
func (p *textPage) writeGoals(r report) {
	p.add("", "Goals")
	for _, g := range r.Goals {
		p.para("  ", fmt.Sprintf("%s · %s, %s", g.Name, g.Plan, g.Schedule))
		p.para("    ", fmt.Sprintf("%s in %s; %s.", countOf(g.Sessions, "session"), countOf(len(r.Weeks), "week"), g.Went()))
		if len(g.Stretches) > 0 {
			p.para("    ", tuiUpper(strings.Join(g.Stretches, "; "))+".")
		}
		for _, c := range g.Changes {
			p.para(fmt.Sprintf("    %-7s ", shortDay(c.Day)), c.words())
		}
	}
}

// writeFlagsAndNotes writes the pain and safety section, always (saying
// when there was none), and the notes only when some were shared.
func (p *textPage) writeFlagsAndNotes(r report) {
	p.add("", "Pain and safety")
	if len(r.Flags) == 0 {
		p.para("  ", "No pain or warning signs were logged in these weeks.")
	}
	for _, f := range r.Flags {
		p.para(fmt.Sprintf("  %-7s ", shortDay(f.Day)), f.Words())
	}
	if len(r.Notes) > 0 {
		p.add("", "Notes (shared by choice)")
		for _, n := range r.Notes {
			p.para(fmt.Sprintf("  %-7s ", shortDay(n.Day)), n.Goal+": "+n.Note)
		}
	}
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
