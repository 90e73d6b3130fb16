package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"tend/coach"
)

// daysForm asks how often a goal comes round: N days a week, or which
// weekdays. The new-goal flow and the Goals screen both show it; each
// passes its own formKeys, so the help it lists is its own.
type daysForm struct {
	perWeek     int
	weekdayMode bool
	on          [7]bool // Monday first
	cursor      int
}

// weekdayNames are the picker's days, Monday first, as `--on` takes them.
var weekdayNames = [7]string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}

func newDaysForm(perWeek int) daysForm {
	f := daysForm{perWeek: max(1, min(7, perWeek))}
	// Spread out, with rest days between where they fit: 3 is mon, wed, fri.
	spread := map[int]string{1: "1000000", 2: "0100100", 3: "1010100", 4: "1101100", 5: "1111100", 6: "1111110", 7: "1111111"}
	for i, c := range spread[f.perWeek] {
		f.on[i] = c == '1'
	}
	return f
}

// daysFormFor starts the days form at a goal's schedule.
func daysFormFor(s coach.Schedule) daysForm {
	f := newDaysForm(max(1, s.Sessions()))
	if len(s.Weekdays) > 0 {
		f.weekdayMode, f.on = true, [7]bool{}
		for _, d := range s.Weekdays {
			f.on[(int(d)+6)%7] = true
		}
	}
	return f
}

func (f daysForm) update(msg tea.KeyMsg, k formKeys) daysForm {
	switch {
	case key.Matches(msg, k.Tab):
		f.weekdayMode = !f.weekdayMode
	case !f.weekdayMode:
		f.perWeek = choose(f.perWeek-1, 7, msg, k) + 1
	case key.Matches(msg, k.Toggle):
		f.on[f.cursor] = !f.on[f.cursor]
	default:
		f.cursor = choose(f.cursor, 7, msg, k)
	}
	return f
}

func (f daysForm) chosen() []time.Weekday {
	var out []time.Weekday
	for i, on := range f.on {
		if on {
			out = append(out, time.Weekday((i+1)%7))
		}
	}
	return out
}

func (f daysForm) schedule() coach.Schedule {
	if f.weekdayMode {
		return coach.Schedule{Weekdays: f.chosen()}
	}
	return coach.Schedule{PerWeek: f.perWeek}
}

// view draws the form's two rows: days a week, and the weekday picker,
// which goes on a line of its own in a narrow window.
func (f daysForm) view(width int, st Styles) []string {
	lines := []string{choiceRow("Days a week", []string{fmt.Sprintf("%d", f.perWeek)}, 0, !f.weekdayMode, st)}
	pointer := "  "
	if f.weekdayMode {
		pointer = cursorGlyph + " "
	}
	row := pointer + labelColumn("Or on") + strings.Join(f.dayCells(" ", st), "")
	if lipgloss.Width(row) > width {
		// Narrow: the days on a line of their own, tightly.
		row = pointer + "Or on\n " + strings.Join(f.dayCells("", st), "")
	}
	return append(lines, strings.Split(row, "\n")...)
}

// dayBox is a weekday with its tick: "✓mon" or "·tue".
func (f daysForm) dayBox(i int) string {
	if f.on[i] {
		return "✓" + weekdayNames[i]
	}
	return "·" + weekdayNames[i]
}

// dayCells draws the picker's days, the one with the cursor in brackets;
// after follows every other day: a space where there is room, nothing in a
// narrow window.
func (f daysForm) dayCells(after string, st Styles) []string {
	var out []string
	for i := range weekdayNames {
		d := " " + f.dayBox(i) + after
		if f.weekdayMode && i == f.cursor {
			d = st.Choice.Render("[" + f.dayBox(i) + "]")
		}
		out = append(out, d)
	}
	return out
}

// chooseInList moves a choice among n in a vertical list: ↑/↓ as well as
// ←/→.
func chooseInList(i, n int, msg tea.KeyMsg, k formKeys) int {
	switch {
	case key.Matches(msg, k.Up):
		return (i + n - 1) % n
	case key.Matches(msg, k.Down):
		return (i + 1) % n
	}
	return choose(i, n, msg, k)
}

// choose moves a choice among n with ←/→.
func choose(i, n int, msg tea.KeyMsg, k formKeys) int {
	switch {
	case key.Matches(msg, k.Left):
		return (i + n - 1) % n
	case key.Matches(msg, k.Right):
		return (i + 1) % n
	}
	return i
}
