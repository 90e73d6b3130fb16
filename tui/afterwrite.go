package tui

import tea "github.com/charmbracelet/bubbletea"

// After a write has committed, the app lets main do what follows a write
// (the day's automatic backup copy, DESIGN "Command line" `tend backup`),
// in the background: a copy that cannot be made never holds up or changes
// what the screen says was saved. main tries again, and says why, once
// the terminal is back.

// wroteData reports whether msg says something was written to the database.
func wroteData(msg tea.Msg) bool {
	switch msg.(type) {
	case checkInSavedMsg, checkInEditedMsg, undoneMsg, goalSavedMsg, goalAddedMsg, dayStartSavedMsg:
		return true
	}
	return false
}

// afterWriteCmd runs after, which reports nothing back.
func afterWriteCmd(after func()) tea.Cmd {
	if after == nil {
		return nil
	}
	return func() tea.Msg {
		after()
		return nil
	}
}
