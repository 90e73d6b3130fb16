// Package tui is tend's terminal interface: a root Model that routes
// messages to one small screen at a time (Today, a past day, the check-in,
// a new goal, the goals, the review, a guided session), each owning its
// keys and drawing itself, plus the
// plain-text renderers that the commands in package tui/cli print with, so
// `tend today` and the Today screen draw the same rows.
//
// The Model reads and writes through the small Store interface that
// *store.Store satisfies. All I/O runs in commands (commands.go); a screen
// changes only in Update, when the message with the result arrives.
package tui

import (
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"tend/coach"
)

// screen names the screen that has the keys.
type screen int

const (
	screenLoading screen = iota
	screenNewGoal        // the welcome on the first run, and adding a goal
	screenToday
	screenCheckIn
	screenReview
	screenGoals
	screenSession
	screenDay
)

var screenNames = map[screen]string{screenLoading: "loading", screenNewGoal: "new goal",
	screenToday: "today", screenCheckIn: "check-in", screenReview: "review", screenGoals: "goals", screenSession: "session",
	screenDay: "day"}

func (s screen) String() string { return screenNames[s] }

// Smallest window the screens can draw in; below it they ask for more room.
const (
	minWidth  = 30
	minHeight = 8
)

// Model is the root of the TUI: the only tea.Model. Screens are values it
// owns and routes to.
type Model struct {
	deps          Deps
	keys          globalKeys
	width, height int
	screen        screen
	showHelp      bool
	helpScroll    int // the full help's first line shown

	newGoal  newGoalScreen
	today    todayScreen
	checkIn  checkInScreen
	review   reviewScreen
	goals    goalsScreen
	session  sessionScreen
	dayView  dayScreen
	sessions int // guided sessions started, to number their timers

	snap      coach.Snapshot
	day       coach.Day // the clock's day
	shown     coach.Day // the day Today shows: zero for today
	status    string
	statusErr bool
	fatal     error
	fileMod   time.Time
	fileSize  int64
	// loaded says the first load happened before the program started
	// (Preload), so Init does not load again.
	loaded bool
}

// New returns the TUI, which starts by loading the goals.
func New(d Deps) Model {
	if d.Tick == nil {
		d.Tick = tea.Tick
	}
	return Model{deps: d, keys: defaultGlobalKeys(), today: newToday(), snap: coach.Snapshot{DayStartHour: coach.DefaultDayStartHour},
		status: d.Notice}
}

// Err returns the error that ended the program, if one did; main prints it
// once the terminal is restored.
func (m Model) Err() error { return m.fatal }

// Preload does the first load before the program starts, so that its first
// frame is Today rather than "Reading your goals…" and Today a tick later.
// An error is what would have ended the program: main prints it without
// starting it.
func (m Model) Preload() (Model, error) {
	switch msg := loadCmd(m.deps.Store, m.deps.Path, m.deps.Clock, m.snap.DayStartHour)().(type) {
	case fatalMsg:
		return m, msg.err
	case loadedMsg:
		m = m.handleLoaded(msg)
		m.loaded = true
	}
	return m, nil
}

// Init loads the goals (unless Preload did) and starts watching the file
// for changes made elsewhere.
func (m Model) Init() tea.Cmd {
	if m.loaded {
		return watchTickCmd(m.deps.Tick)
	}
	return tea.Batch(loadCmd(m.deps.Store, m.deps.Path, m.deps.Clock, m.snap.DayStartHour), watchTickCmd(m.deps.Tick))
}

// Update routes a message: sizes to every screen, keys to the global keys
// and then the active screen, results of commands to their handlers.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.review = m.review.sized(m.width-2, m.bodyHeight())
		return m, nil
	case tea.KeyMsg:
		return m.handleKey(msg)
	case loadedMsg:
		return m.handleLoaded(msg), nil
	case fatalMsg:
		m.fatal = msg.err
		return m, nil
	case errMsg:
		m.status, m.statusErr = PlainError(msg.err), true
		m.checkIn.saving, m.newGoal.saving, m.goals.busy = false, false, false
		return m, nil
	case watchTickMsg:
		return m, mergeAndStatCmd(m.deps.Merge, m.deps.Path)
	case sessionTickMsg:
		if m.screen != screenSession {
			return m, nil
		}
		var cmd tea.Cmd
		m.session, cmd = m.session.onTick(msg)
		return m, cmd
	case fileStatMsg:
		if msg.notice != "" {
			m.status, m.statusErr = msg.notice, false
		}
		m, reload := m.handleFileStat(msg)
		if reload {
			return m, tea.Batch(m.reload(), watchTickCmd(m.deps.Tick))
		}
		return m, watchTickCmd(m.deps.Tick)
	}
	next, cmd := m.handleIntent(msg)
	if wroteData(msg) {
		cmd = tea.Batch(cmd, afterWriteCmd(m.deps.AfterWrite))
	}
	return next, cmd
}

func (m Model) reload() tea.Cmd {
	return reloadCmd(m.deps.Store, m.deps.Path, m.deps.Clock, m.snap.DayStartHour)
}

func (m Model) handleKey(k tea.KeyMsg) (tea.Model, tea.Cmd) {
	if m.fatal != nil || key.Matches(k, m.keys.ForceQuit) {
		return m, tea.Quit
	}
	if m.tooSmall() {
		// Nothing is drawn, so no key may change anything unseen: a
		// check-in made here is one the person never saw.
		if key.Matches(k, m.keys.Quit) && !m.editing() && m.screen != screenSession {
			return m, tea.Quit
		}
		return m, nil
	}
	m.status, m.statusErr = "", false
	// Focus gate: while a text input has focus, it gets every key.
	if m.editing() {
		return m.routeKey(k)
	}
	// In the guided session q stops the session (and asks) instead.
	quit := key.Matches(k, m.keys.Quit)
	switch {
	case quit && m.screen == screenSession:
		m.showHelp = false
	case quit:
		return m, tea.Quit
	case m.showHelp:
		return m.helpKey(k)
	case key.Matches(k, m.keys.Help) && m.screen != screenLoading:
		m.showHelp, m.helpScroll = true, 0
		return m, nil
	}
	return m.routeKey(k)
}

// routeKey gives a key to the active screen.
func (m Model) routeKey(k tea.KeyMsg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch m.screen {
	case screenNewGoal:
		m.newGoal, cmd = m.newGoal.Update(k)
	case screenToday:
		m.today, cmd = m.today.Update(k)
	case screenCheckIn:
		m.checkIn, cmd = m.checkIn.Update(k)
	case screenReview:
		m.review, cmd = m.review.Update(k)
	case screenGoals:
		m.goals, cmd = m.goals.Update(k)
	case screenSession:
		m.session, cmd = m.session.Update(k)
	case screenDay:
		m.dayView, cmd = m.dayView.Update(k)
	case screenLoading:
	}
	return m, cmd
}

// editing reports whether the active screen has a text field with focus.
// tooSmall is a window too small to draw tend in (the View says so); the
// size is unknown (0) until the first WindowSizeMsg.
func (m Model) tooSmall() bool {
	return m.width > 0 && (m.width < minWidth || m.height < minHeight)
}

func (m Model) editing() bool {
	switch m.screen {
	case screenCheckIn:
		return m.checkIn.editing()
	case screenNewGoal:
		return m.newGoal.editing()
	case screenGoals:
		return m.goals.editing()
	case screenDay:
		return m.dayView.editing()
	case screenToday, screenLoading, screenReview, screenSession:
	}
	return false
}

func (m Model) handleLoaded(msg loadedMsg) Model {
	m.snap, m.day = msg.snap, msg.day
	m.fileMod, m.fileSize = msg.file.mod, msg.file.size
	m = m.showToday()
	m.goals = m.goals.setGoals(msg.snap.Goals)
	m.review = m.review.withGoals(msg.snap.Goals)
	m.today.weekly = weeklyLines(msg.snap, msg.day)
	m.today.week = weekOf(msg.snap, msg.day)
	switch {
	case len(msg.snap.Goals) == 0 && m.screen != screenNewGoal:
		m.screen, m.newGoal = screenNewGoal, newNewGoal(true, nil, msg.day)
	case m.screen == screenLoading || (m.screen == screenNewGoal && m.newGoal.welcome && len(msg.snap.Goals) > 0):
		m.screen = screenToday
	}
	return m
}

// handleFileStat notes the file's state and reports whether to reload: the
// file changed since the last look or load (another tend wrote to it), or
// the day rolled over.
func (m Model) handleFileStat(msg fileStatMsg) (Model, bool) {
	changed := !msg.mod.Equal(m.fileMod) || msg.size != m.fileSize
	m.fileMod, m.fileSize = msg.mod, msg.size
	newDay := m.screen != screenLoading && dayOf(m.deps.Clock, m.snap.DayStartHour) != m.day
	return m, changed || newDay
}
