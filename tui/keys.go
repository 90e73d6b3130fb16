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
	Up, Down, CheckIn, Done, Session, Full, Rest, Undo, Edit, Earlier, Later, Add, Review, Goals key.Binding
}

func defaultTodayKeys() todayKeys {
	return todayKeys{
		Up:      key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:    key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		CheckIn: key.NewBinding(key.WithKeys("enter", " "), key.WithHelp("enter", "check in")),
		Done:    key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "done")),
		Session: key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "session")),
		Full:    key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "full session instead")),
		Rest:    key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "rest")),
		Undo:    key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "undo")),
		Edit:    key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit day")),
		Earlier: key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←", "earlier day")),
		Later:   key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→", "later day")),
		Add:     key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add")),
		Review:  key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "review")),
		Goals:   key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "goals")),
	}
}

// checkInKeys drive the check-in form.
type checkInKeys struct {
	Next, Prev, Left, Right, Save, Clear, Confirm, Cancel key.Binding
}

func defaultCheckInKeys() checkInKeys {
	return checkInKeys{
		Next:  key.NewBinding(key.WithKeys("enter", "tab", "down"), key.WithHelp("enter", "next")),
		Prev:  key.NewBinding(key.WithKeys("shift+tab", "up"), key.WithHelp("↑", "back a question")),
		Left:  key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/→", "choose")),
		Right: key.NewBinding(key.WithKeys("right", "l")),
		// ctrl+s saves from any row, a text field's included.
		Save:    key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save")),
		Clear:   key.NewBinding(key.WithKeys("backspace", "delete", "-"), key.WithHelp("⌫", "skip")),
		Confirm: key.NewBinding(key.WithKeys("enter", "y"), key.WithHelp("enter", "save it")),
		Cancel:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
}

// helpKeys close the full help.
type helpKeys struct {
	Close key.Binding
}

func defaultHelpKeys() helpKeys {
	return helpKeys{Close: key.NewBinding(key.WithKeys("esc", "?"), key.WithHelp("esc", "back"))}
}

// goalsKeys drive the Goals screen.
type goalsKeys struct {
	Up, Down, Rename, Days, Pause, Archive, Delete, Back, Save, Toggle, Left, Right, Tab key.Binding
}

func defaultGoalsKeys() goalsKeys {
	return goalsKeys{
		Up:      key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/↓", "move")),
		Down:    key.NewBinding(key.WithKeys("down", "j")),
		Rename:  key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "rename")),
		Days:    key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "days")),
		Pause:   key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "pause/resume")),
		Archive: key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "archive")),
		Delete:  key.NewBinding(key.WithKeys("D"), key.WithHelp("D", "delete")),
		Back:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Save:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "save")),
		Toggle:  key.NewBinding(key.WithKeys(" ", "x"), key.WithHelp("space", "pick day")),
		Left:    key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/→", "choose")),
		Right:   key.NewBinding(key.WithKeys("right", "l")),
		Tab:     key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "days a week / weekdays")),
	}
}

// reviewKeys drive the review.
type reviewKeys struct {
	Prev, Next, Up, Down, Back key.Binding
	// Calendar puts a cursor on the calendar; then ←/→ move a week, ↑/↓ a
	// day, and Open opens the day.
	Calendar, Open, WeekBack, WeekOn, DayBack, DayOn key.Binding
}

func defaultReviewKeys() reviewKeys {
	return reviewKeys{
		Prev: key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/→", "goal")),
		Next: key.NewBinding(key.WithKeys("right", "l")),
		Up:   key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/↓", "scroll")),
		Down: key.NewBinding(key.WithKeys("down", "j")),
		Back: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),

		Calendar: key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "pick a day")),
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open day")),
		WeekBack: key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/→", "week")),
		WeekOn:   key.NewBinding(key.WithKeys("right", "l")),
		DayBack:  key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/↓", "day")),
		DayOn:    key.NewBinding(key.WithKeys("down", "j")),
	}
}

// sessionKeys drive the guided session.
type sessionKeys struct {
	Pause, Skip, Stop key.Binding
}

func defaultSessionKeys() sessionKeys {
	return sessionKeys{
		Pause: key.NewBinding(key.WithKeys(" ", "p"), key.WithHelp("space", "pause")),
		Skip:  key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "skip block")),
		Stop:  key.NewBinding(key.WithKeys("esc", "s"), key.WithHelp("esc", "stop")),
	}
}

// newGoalKeys drive the new-goal flow.
type newGoalKeys struct {
	Next, Back, Up, Down, Left, Right, Tab, Toggle, Filter key.Binding
}

func defaultNewGoalKeys() newGoalKeys {
	return newGoalKeys{
		Next:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "next")),
		Back:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/↓", "move")),
		Down:   key.NewBinding(key.WithKeys("down", "j")),
		Left:   key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/→", "choose")),
		Right:  key.NewBinding(key.WithKeys("right", "l")),
		Tab:    key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "switch")),
		Toggle: key.NewBinding(key.WithKeys(" ", "x"), key.WithHelp("space", "pick day")),
		Filter: key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
	}
}
