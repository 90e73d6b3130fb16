package tui

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"
)

// The one setting the app changes itself: the hour a new day starts, from
// the full help (+ and -), kept in the database as `tend config day-start`
// keeps it.

// dayStartSavedMsg says the new hour is on disk.
type dayStartSavedMsg struct{ hour int }

func setDayStartCmd(set func(int) error, hour int) tea.Cmd {
	if set == nil {
		return nil
	}
	return func() tea.Msg {
		if err := set(hour); err != nil {
			return errMsg{err}
		}
		return dayStartSavedMsg{hour}
	}
}

// dayStartLines is the setting as the full help shows it.
func (m Model) dayStartLines(width int) []string {
	if m.deps.SetDayStart == nil {
		return nil
	}
	line := fmt.Sprintf("Your day starts at %02d:00: a check-in before then counts for the day before. "+
		"+ and - move it an hour.", m.snap.DayStartHour)
	return append([]string{""}, wrap(line, width)...)
}
