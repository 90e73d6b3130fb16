package tui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// Fitting text to a width: wrapping at spaces, cutting with an ellipsis,
// and keeping the lines that fit a height.

// NoWrap is the width of printed output that goes to no terminal: DESIGN
// asks for it unwrapped. Its columns are laid out at plainLayout.
const NoWrap = 0

// plainLayout is the width columns and grids are laid out at when the
// output is not wrapped. [D]
const plainLayout = 80

// layoutWidth is the width to lay out columns at, and wrapAt the width to
// wrap text at (NoWrap: none), for a printed page of width cells.
func layoutWidth(width int) int {
	if width <= NoWrap {
		return plainLayout
	}
	return width
}

// Hanging wraps s for a column that starts indent cells into a line of
// width cells: the first line goes after whatever fills the indent, the
// others start with indent spaces. At NoWrap it is one line.
func Hanging(s string, width, indent int) []string {
	if width <= NoWrap {
		return []string{s}
	}
	lines := wrap(s, max(10, width-indent))
	for i := 1; i < len(lines); i++ {
		lines[i] = strings.Repeat(" ", indent) + lines[i]
	}
	return lines
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

func wrapJoin(s string, width int) string { return strings.Join(wrap(s, width), "\n") }

// ansiCut shortens s to width cells with an ellipsis.
func ansiCut(s string, width int) string { return ansi.Truncate(s, max(width, 0), "…") }

// paragraph wraps text to the width, every line in style.
func paragraph(text string, width int, style lipgloss.Style) []string {
	lines := wrap(text, width)
	for i, l := range lines {
		lines[i] = style.Render(l)
	}
	return lines
}

// fitLines fits lines into height: first it gives up blank lines, from
// the top; then it keeps the first line (a screen's heading or the start
// of its intro, ending in "…" when the rest of it is left out) and the
// last lines of what follows the first paragraph, so the current question
// and any problem with it stay on screen in a small window.
func fitLines(lines []string, height int) []string {
	if height <= 0 || len(lines) <= height {
		return lines
	}
	blank := func(l string) bool { return strings.TrimSpace(ansi.Strip(l)) == "" }
	out := make([]string, 0, len(lines))
	para := make([]int, 0, len(lines)) // each line's paragraph
	p, extra := 0, len(lines)-height
	for _, l := range lines {
		if blank(l) {
			p++
			if extra > 0 {
				extra--
				continue
			}
		}
		out, para = append(out, l), append(para, p)
	}
	if len(out) <= height {
		return out
	}
	if height == 1 {
		return out[len(out)-1:]
	}
	rest := 1
	for rest < len(out) && para[rest] == para[0] {
		rest++
	}
	tail := out[rest:]
	if len(tail) > height-1 {
		tail = tail[len(tail)-height+1:]
	}
	head := append([]string{}, out[:min(rest, height-len(tail))]...)
	if len(head) < rest {
		// The intro is cut: end it with "…" in the room of its last word.
		last := head[len(head)-1]
		if i := strings.LastIndex(last, " "); i > 0 {
			last = last[:i]
		}
		head[len(head)-1] = last + "…"
	}
	return append(head, tail...)
}
