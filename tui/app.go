// Package tui is tend's terminal interface: a root Model that routes
// messages to one small screen at a time (Today, check-in, a new goal, the
// goals, the review, a guided session), each owning its keys, plus the
// plain-text renderers that the commands in package tui/cli print with, so
// `tend today` and the Today screen draw the same rows.
//
// The Model reads and writes through the small Store interface that
// *store.Store satisfies. All I/O runs in commands (commands.go); a screen
// changes only in Update, when the message with the result arrives.
package tui

import (
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

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
	return Model{deps: d, keys: defaultGlobalKeys(), today: newToday(), snap: coach.Snapshot{DayStartHour: coach.DefaultDayStartHour}}
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
		return m, statCmd(m.deps.Path)
	case sessionTickMsg:
		if m.screen != screenSession {
			return m, nil
		}
		var cmd tea.Cmd
		m.session, cmd = m.session.onTick(msg)
		return m, cmd
	case fileStatMsg:
		m, reload := m.handleFileStat(msg)
		if reload {
			return m, tea.Batch(m.reload(), watchTickCmd(m.deps.Tick))
		}
		return m, watchTickCmd(m.deps.Tick)
	}
	return m.handleIntent(msg)
}

func (m Model) reload() tea.Cmd {
	return reloadCmd(m.deps.Store, m.deps.Path, m.deps.Clock, m.snap.DayStartHour)
}

func (m Model) handleKey(k tea.KeyMsg) (tea.Model, tea.Cmd) {
	if m.fatal != nil || key.Matches(k, m.keys.ForceQuit) {
		return m, tea.Quit
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
	m.today.weekly = WeeklyLines(msg.snap, msg.day)
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

// View draws the header, the active screen and the footer.
func (m Model) View() string {
	switch {
	case m.width == 0:
		return "Starting tend…"
	case m.fatal != nil:
		return wrapJoin(PlainError(m.fatal), max(m.width-2, 10)) + "\n\nPress any key to exit."
	case m.width < minWidth || m.height < minHeight:
		lines := wrap("Make the window a little bigger to see tend.", m.width)
		return strings.Join(lines[:min(len(lines), m.height)], "\n")
	}
	header := m.headerView()
	footer := m.footerView()
	bodyH := m.height - lipgloss.Height(header) - lipgloss.Height(footer)
	// One column of margin on the left, as the sketches have it.
	body := lipgloss.NewStyle().PaddingLeft(1).Height(bodyH).MaxHeight(bodyH).Render(m.bodyView(bodyH))
	return header + "\n" + body + "\n" + footer
}

func (m Model) headerView() string {
	left := " " + m.deps.Styles.Title.Render("tend")
	welcome := m.screen == screenNewGoal && m.newGoal.welcome
	if welcome {
		left += m.deps.Styles.Muted.Render(" · small steady steps")
	}
	right := ""
	if !m.day.IsZero() && !welcome {
		right = dayTitle(m.day, m.width-lipgloss.Width(left)-2) + " "
		if m.screen == screenToday && m.today.past() {
			right = pastDayTitle(m.shown, m.day, m.width-lipgloss.Width(left)-2) + " "
		}
	}
	gap := max(1, m.width-lipgloss.Width(left)-lipgloss.Width(right))
	return left + strings.Repeat(" ", gap) + m.deps.Styles.Muted.Render(right) + "\n"
}

func (m Model) bodyView(height int) string {
	w := m.width - 2
	if m.showHelp {
		lines := m.helpLines(w)
		top := min(m.helpScroll, max(0, len(lines)-height))
		return strings.Join(lines[top:min(len(lines), top+height)], "\n")
	}
	switch m.screen {
	case screenNewGoal:
		return m.newGoal.View(w, height, m.deps.Styles)
	case screenToday:
		return m.today.View(w, height, m.deps.Styles)
	case screenCheckIn:
		return m.checkIn.View(w, height, m.deps.Styles)
	case screenReview:
		return m.review.View(w, height, m.deps.Styles)
	case screenGoals:
		return m.goals.View(w, height, m.deps.Styles)
	case screenSession:
		return m.session.View(w, height, m.deps.Styles)
	case screenDay:
		return m.dayView.View(w, height, m.deps.Styles)
	case screenLoading:
	}
	return m.deps.Styles.Muted.Render(" Reading your goals…")
}

func (m Model) footerView() string {
	lines := append(m.footerLines(), "", " "+m.helpBarView())
	return strings.Join(lines, "\n")
}

// footerLines are the footer's lines above the help bar: the check-in's
// hint and the status.
func (m Model) footerLines() []string {
	var lines []string
	if (m.screen == screenCheckIn || m.screen == screenDay) && !m.showHelp {
		h := m.checkIn.hint()
		if m.screen == screenDay {
			h = m.dayView.hint()
		}
		if h != "" {
			for _, l := range wrap(h, m.width-2) {
				lines = append(lines, " "+m.deps.Styles.Muted.Render(l))
			}
		}
	}
	if m.status != "" {
		st := m.deps.Styles.Success
		if m.statusErr {
			st = m.deps.Styles.Error
		}
		// In a small window the status may not push the screen away.
		status := wrap(m.status, m.width-2)
		if room := max(1, (m.height-minHeight)/2+1); len(status) > room {
			status = append(status[:room-1], ansiCut(strings.Join(status[room-1:], " "), m.width-2))
		}
		for _, l := range status {
			lines = append(lines, " "+st.Render(l))
		}
	}
	return lines
}

// helpBarView is the help bar of the screen that has the keys. On Today and
// the welcome, q ranks right after the first key, so even a narrow bar
// shows the way out; on the other screens esc is the way back and q ranks
// after the screen's own keys.
func (m Model) helpBarView() string {
	ranked := m.activeKeys().ShortHelp()
	quitRank := len(ranked)
	if m.screen == screenToday || (m.screen == screenNewGoal && m.newGoal.welcome) {
		quitRank = 1
	}
	switch {
	case m.showHelp:
		k := m.helpKeysNow()
		return helpBar([]key.Binding{k.Close, k.Up, k.Later}, []key.Binding{m.keys.Quit}, 2, m.width-2, m.deps.Styles)
	case m.editing():
		return helpBar(ranked, []key.Binding{m.keys.ForceQuit}, quitRank, m.width-2, m.deps.Styles)
	case m.screen == screenSession:
		// The session's own q stops it.
		return helpBar(ranked, []key.Binding{m.keys.Help}, quitRank, m.width-2, m.deps.Styles)
	}
	return helpBar(ranked, []key.Binding{m.keys.Help, m.keys.Quit}, quitRank, m.width-2, m.deps.Styles)
}

// helpKey scrolls or closes the full help, or moves the day's start hour.
func (m Model) helpKey(k tea.KeyMsg) (Model, tea.Cmd) {
	hk := m.helpKeysNow()
	last := max(0, len(m.helpLines(m.width-2))-m.bodyHeight())
	switch {
	case key.Matches(k, hk.Later):
		return m, setDayStartCmd(m.deps.SetDayStart, (m.snap.DayStartHour+1)%24)
	case key.Matches(k, hk.Earlier):
		return m, setDayStartCmd(m.deps.SetDayStart, (m.snap.DayStartHour+23)%24)
	case key.Matches(k, hk.Close):
		m.showHelp = false
	case key.Matches(k, hk.Up):
		m.helpScroll = max(0, min(m.helpScroll, last)-1)
	case key.Matches(k, hk.Down):
		m.helpScroll = min(last, m.helpScroll+1)
	}
	return m, nil
}

// activeKeys is the key map of the screen that has the keys.
func (m Model) activeKeys() help.KeyMap {
	switch m.screen {
	case screenNewGoal:
		return m.newGoal
	case screenCheckIn:
		return m.checkIn
	case screenReview:
		return m.review
	case screenGoals:
		return m.goals
	case screenSession:
		return m.session
	case screenDay:
		return m.dayView
	case screenToday, screenLoading:
	}
	return m.today
}
