package tui

import "github.com/charmbracelet/bubbles/key"

// globalKeys work on every screen, checked before the screen's own keys.
type globalKeys struct {
	Quit      key.Binding
	ForceQuit key.Binding
	Help      key.Binding
}

func defaultGlobalKeys() globalKeys {
	return globalKeys{
		Quit:      key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		ForceQuit: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "more")),
	}
}

// todayKeys drive the Today screen.
type todayKeys struct {
	Up, Down, CheckIn, Session, Full, Rest, Undo, Add, Review, Goals key.Binding
}

func defaultTodayKeys() todayKeys {
	return todayKeys{
		Up:      key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:    key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		CheckIn: key.NewBinding(key.WithKeys("enter", " "), key.WithHelp("enter", "check in")),
		Session: key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "session")),
		Full:    key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "full session instead")),
		Rest:    key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "rest")),
		Undo:    key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "undo today")),
		Add:     key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add")),
		Review:  key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "review")),
		Goals:   key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "goals")),
	}
}

// checkInKeys drive the check-in form.
type checkInKeys struct {
	Next, Prev, Left, Right, Cancel key.Binding
}

func defaultCheckInKeys() checkInKeys {
	return checkInKeys{
		Next:   key.NewBinding(key.WithKeys("enter", "tab", "down"), key.WithHelp("enter", "next")),
		Prev:   key.NewBinding(key.WithKeys("shift+tab", "up"), key.WithHelp("↑", "back a question")),
		Left:   key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/→", "choose")),
		Right:  key.NewBinding(key.WithKeys("right", "l")),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
}

// helpKeys close the full help.
type helpKeys struct {
	Close key.Binding
}

func defaultHelpKeys() helpKeys {
	return helpKeys{Close: key.NewBinding(key.WithKeys("esc", "?"), key.WithHelp("esc", "back"))}
}
