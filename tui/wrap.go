package tui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// Fitting text to a width: wrapping at spaces, cutting with an ellipsis,
// and keeping the lines that fit a height.

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

// fitLines keeps the last lines that fit, so the current question and any
// problem with it stay on screen in a small window.
func fitLines(lines []string, height int) []string {
	if len(lines) > height && height > 0 {
		return lines[len(lines)-height:]
	}
	return lines
}
