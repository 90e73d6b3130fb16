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
	Up, Down, CheckIn, Done, Session, Full, Rest, Undo, Edit, Earlier, Later, BackToToday, Add, Review, Goals key.Binding
	// NextPlan and KeepIt answer the graduation question, only where a
	// finished goal asks it (COACH §6.3).
	NextPlan, KeepIt key.Binding
	// Previous checks in the previous level's target, where M2 offers it.
	Previous key.Binding
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
		// On an earlier day, esc goes back to today in one key.
		BackToToday: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "today")),
		Add:         key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add")),
		Review:      key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "review")),
		Goals:       key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "goals")),
		NextPlan:    key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next plan")),
		KeepIt:      key.NewBinding(key.WithKeys("K"), key.WithHelp("K", "keep it")),
		Previous:    key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "previous level")),
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

// helpKeys scroll and close the full help.
type helpKeys struct {
	Up, Down, Close key.Binding
	// Later and Earlier move the hour a new day starts (a setting).
	Later, Earlier key.Binding
}

func defaultHelpKeys() helpKeys {
	return helpKeys{
		Up:      key.NewBinding(key.WithKeys("up", "k", "pgup"), key.WithHelp("↑/↓", "scroll")),
		Down:    key.NewBinding(key.WithKeys("down", "j", "pgdown", " ")),
		Close:   key.NewBinding(key.WithKeys("esc", "?"), key.WithHelp("esc", "back")),
		Later:   key.NewBinding(key.WithKeys("+", "="), key.WithHelp("+/-", "day starts later/earlier")),
		Earlier: key.NewBinding(key.WithKeys("-")),
	}
}

// formKeys move through a form: between its rows, among a row's answers,
// and on the weekday picker. The days and ladder forms read them; the
// new-goal flow and the Goals screen, which show those forms, embed them.
type formKeys struct {
	Up, Down, Left, Right, Tab, Toggle key.Binding
}

// defaultFormKeys are the form keys; tab's help says what it switches.
func defaultFormKeys(tabHelp string) formKeys {
	return formKeys{
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/↓", "move")),
		Down:   key.NewBinding(key.WithKeys("down", "j")),
		Left:   key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/→", "choose")),
		Right:  key.NewBinding(key.WithKeys("right", "l")),
		Tab:    key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", tabHelp)),
		Toggle: key.NewBinding(key.WithKeys(" ", "x"), key.WithHelp("space", "pick day")),
	}
}

// goalsKeys drive the Goals screen.
type goalsKeys struct {
	formKeys
	Rename, Days, Pause, Archive, Delete, Back, Save key.Binding
	Export                                           key.Binding // a copy of everything, before a delete
}

func defaultGoalsKeys() goalsKeys {
	return goalsKeys{
		formKeys: defaultFormKeys("days a week / weekdays"),
		Rename:   key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "rename")),
		Days:     key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "days")),
		Pause:    key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "pause/resume")),
		Archive:  key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "archive")),
		Delete:   key.NewBinding(key.WithKeys("D"), key.WithHelp("D", "delete")),
		Back:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Save:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "save")),
		Export:   key.NewBinding(key.WithKeys("ctrl+e"), key.WithHelp("ctrl+e", "export first")),
	}
}

// reviewKeys drive the review.
type reviewKeys struct {
	Prev, Next, Up, Down, Back key.Binding
	// Calendar puts a cursor on the calendar; then ←/→ move a week, ↑/↓ a
	// day, and Open opens the day.
	Calendar, Open, WeekBack, WeekOn, DayBack, DayOn key.Binding
	// NextPlan and KeepIt answer a finished goal's question, as on Today.
	NextPlan, KeepIt key.Binding
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
		NextPlan: key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next plan")),
		KeepIt:   key.NewBinding(key.WithKeys("K"), key.WithHelp("K", "keep it")),
	}
}

// sessionKeys drive the guided session.
type sessionKeys struct {
	Pause, Skip, Stop key.Binding
	// The stop question's answers.
	Yes, No, Choose, Left, Right key.Binding
}

func defaultSessionKeys() sessionKeys {
	return sessionKeys{
		Pause: key.NewBinding(key.WithKeys(" ", "p"), key.WithHelp("space", "pause")),
		Skip:  key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "skip")),
		// q stops the session rather than quitting tend (DESIGN "Screens").
		Stop:   key.NewBinding(key.WithKeys("q", "esc"), key.WithHelp("q", "stop")),
		Yes:    key.NewBinding(key.WithKeys("y")),
		No:     key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("esc", "keep going")),
		Choose: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "choose")),
		Left:   key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/→", "yes/no")),
		Right:  key.NewBinding(key.WithKeys("right", "l")),
	}
}

// newGoalKeys drive the new-goal flow.
type newGoalKeys struct {
	formKeys
	Next, Back, Filter key.Binding
}

func defaultNewGoalKeys() newGoalKeys {
	return newGoalKeys{
		formKeys: defaultFormKeys("switch"),
		Next:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "next")),
		Back:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Filter:   key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
	}
}
