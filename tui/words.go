package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"tend/coach"
)

// The words tend writes for a day, a schedule, a goal's name in a command,
// and an error.

// dayTitle writes a day as the header shows it: "Monday 2 March", shorter
// where the width asks. The calendar's week has no number here: "week 10"
// would read as the tenth week of a plan.
func dayTitle(d coach.Day, width int) string {
	_, m, dd := d.Date()
	long := fmt.Sprintf("%s %d %s", d.Weekday(), dd, m)
	if lipgloss.Width(long) <= width {
		return long
	}
	return fmt.Sprintf("%.3s %d %.3s", d.Weekday(), dd, m)
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

// PlainError is an error as one sentence a person reads, with its capital
// and its full stop: the status line shows it, and main prints it. The
// coach's and the store's errors already say what to do.
func PlainError(err error) string {
	return FullStop(UpperFirst(strings.TrimSpace(err.Error())))
}

// FullStop ends s with a full stop unless it ends a sentence already.
func FullStop(s string) string {
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") {
		return s
	}
	return s + "."
}

// Sentence is an error as a person reads it, starting with a capital: the
// coach's and the store's errors are written as sentences.
func Sentence(err error) string { return UpperFirst(err.Error()) }

// UpperFirst starts s with a capital letter.
func UpperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
