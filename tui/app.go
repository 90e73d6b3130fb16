// Package tui is tend's terminal interface: a root model that routes
// messages to one small screen at a time (welcome, Today, check-in, adding a
// goal, help), and the plain-text renderers that the printing commands share
// with those screens.
//
// All I/O runs in commands (commands.go); a screen changes only in Update,
// when the message with the result arrives.
package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

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
)

var screenNames = map[screen]string{screenLoading: "loading", screenNewGoal: "new goal",
	screenToday: "today", screenCheckIn: "check-in", screenReview: "review", screenGoals: "goals", screenSession: "session"}

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
	help          help.Model
	width, height int
	screen        screen
	showHelp      bool

	newGoal  newGoalScreen
	today    todayScreen
	checkIn  checkInScreen
	review   reviewScreen
	goals    goalsScreen
	session  sessionScreen
	sessions int // guided sessions started, to number their timers

	snap      coach.Snapshot
	day       coach.Day
	status    string
	statusErr bool
	fatal     error
	fileMod   time.Time
	fileSize  int64
}

// New returns the TUI, which starts by loading the goals.
func New(d Deps) Model {
	h := help.New()
	h.Styles.ShortKey = d.Styles.Selected
	h.Styles.ShortDesc = d.Styles.Muted
	h.Styles.FullKey = d.Styles.Selected
	h.Styles.FullDesc = d.Styles.Muted
	h.Styles.ShortSeparator = d.Styles.Muted
	h.ShortSeparator = " · "
	if d.Tick == nil {
		d.Tick = tea.Tick
	}
	return Model{deps: d, keys: defaultGlobalKeys(), help: h, today: newToday(), snap: coach.Snapshot{DayStartHour: coach.DefaultDayStartHour}}
}

// Err returns the error that ended the program, if one did; main prints it
// once the terminal is restored.
func (m Model) Err() error { return m.fatal }

// Init loads the goals and starts watching the file for changes made elsewhere.
func (m Model) Init() tea.Cmd {
	return tea.Batch(loadCmd(m.deps.Store, m.deps.Path, m.deps.Clock, m.snap.DayStartHour), watchTickCmd(m.deps.Tick))
}

// Update routes a message: sizes to every screen, keys to the global keys
// and then the active screen, results of commands to their handlers.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.help.Width = msg.Width
		return m, nil
	case tea.KeyMsg:
		return m.handleKey(msg)
	case loadedMsg:
		return m.handleLoaded(msg), nil
	case fatalMsg:
		m.fatal = msg.err
		return m, nil
	case errMsg:
		m.status, m.statusErr = plainError(msg.err), true
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

// handleIntent acts on what a screen asked for, and on saved results.
func (m Model) handleIntent(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case openCheckInMsg:
		m.checkIn, m.screen = newCheckIn(msg.item, msg.outcome, msg.full), screenCheckIn
	case submitCheckInMsg:
		return m, saveCheckInCmd(m.deps.Store, msg.goalID, msg.entry, m.day)
	case checkInSavedMsg:
		m.screen, m.status, m.statusErr = screenToday, msg.rec.Message, false
		return m, m.reload()
	case undoMsg:
		return m, undoCmd(m.deps.Store, msg.item.Goal.ID, msg.item.Goal.Name, m.day)
	case undoneMsg:
		m.status, m.statusErr = fmt.Sprintf("Cleared today's check-in for %s. Check in again whenever you like.", msg.name), false
		return m, m.reload()
	case addGoalMsg:
		m.newGoal, m.screen = newNewGoal(false, m.snap.Goals, m.day), screenNewGoal
	case openReviewMsg:
		if m.screen != screenReview {
			m.review = newReview(activeGoals(m.snap.Goals), msg.goalID)
		}
		m.screen = screenReview
		return m, loadHistoryCmd(m.deps.Store, m.goalByID(m.review.goalID()), m.day)
	case historyLoadedMsg:
		m.review = m.review.withHistory(msg)
	case openSessionMsg:
		parts, ok := coach.Timeline(msg.item.Session)
		if !ok {
			return m, nil
		}
		m.sessions++
		var cmd tea.Cmd
		m.session, cmd = newSession(m.sessions, msg.item, parts, m.deps.Tick)
		m.screen = screenSession
		return m, cmd
	case sessionEndMsg:
		o := coach.Done
		if !msg.finished {
			o = coach.Partial
		}
		m.checkIn, m.screen = newCheckIn(msg.item, o, false), screenCheckIn
		if !msg.finished && msg.achieved > 0 {
			m.checkIn.amount.SetValue(strings.TrimSuffix(fmt.Sprintf("%.1f", msg.achieved), ".0"))
		}
	case openGoalsMsg:
		m.goals, m.screen = newGoalsScreen(m.snap.Goals, m.day), screenGoals
	case editGoalMsg:
		return m, editGoalCmd(m.deps.Store, msg.id, msg.edit, msg.done)
	case deleteGoalMsg:
		return m, deleteGoalCmd(m.deps.Store, msg.id, msg.name)
	case goalSavedMsg:
		m.status, m.statusErr = msg.said, false
		return m, m.reload()
	case createGoalMsg:
		return m, addGoalCmd(m.deps.Store, msg.goal)
	case goalAddedMsg:
		m.screen, m.statusErr = screenToday, false
		m.status = fmt.Sprintf("Added %s. Start small: the first target is on purpose easy.", msg.goal.Name)
		return m, m.reload()
	case closeScreenMsg:
		m.screen = screenToday
		if len(m.snap.Goals) == 0 {
			m.screen, m.newGoal = screenNewGoal, newNewGoal(true, nil, m.day)
		}
	}
	return m, nil
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
	switch {
	case key.Matches(k, m.keys.Quit):
		return m, tea.Quit
	case m.showHelp:
		m.showHelp = !key.Matches(k, defaultHelpKeys().Close)
		return m, nil
	case key.Matches(k, m.keys.Help) && m.screen != screenLoading:
		m.showHelp = true
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
	case screenToday, screenLoading, screenReview, screenSession:
	}
	return false
}

// goalByID finds a loaded goal.
func (m Model) goalByID(id uint64) coach.Goal {
	for _, g := range m.snap.Goals {
		if g.ID == id {
			return g
		}
	}
	return coach.Goal{}
}

// activeGoals are the goals the review walks through: every goal but the
// archived ones, whose history stays one `tend review NAME` away.
func activeGoals(goals []coach.Goal) []coach.Goal {
	var out []coach.Goal
	for _, g := range goals {
		if g.Status() != coach.Archived {
			out = append(out, g)
		}
	}
	return out
}

func (m Model) handleLoaded(msg loadedMsg) Model {
	m.snap, m.day = msg.snap, msg.day
	m.fileMod, m.fileSize = msg.file.mod, msg.file.size
	items, err := msg.snap.Todays(msg.day)
	if err != nil {
		m.status, m.statusErr = plainError(err), true
	}
	m.today = m.today.setItems(items)
	m.goals = m.goals.setGoals(msg.snap.Goals)
	m.today.weekly = weeklyLines(msg.snap, msg.day)
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
		return wrapJoin(plainError(m.fatal), max(m.width-2, 10)) + "\n\nPress any key to exit."
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
	}
	gap := max(1, m.width-lipgloss.Width(left)-lipgloss.Width(right))
	return left + strings.Repeat(" ", gap) + m.deps.Styles.Muted.Render(right) + "\n"
}

func (m Model) bodyView(height int) string {
	w := m.width - 2
	if m.showHelp {
		keys := m.help.FullHelpView(append(m.activeKeys().FullHelp(), []key.Binding{m.keys.Help, m.keys.Quit, m.keys.ForceQuit}))
		// The care note is always one key away, and comes first, so even
		// a small window shows it whole.
		return m.deps.Styles.Muted.Render(wrapJoin(coach.MsgO1, w)) + "\n\n" + keys
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
	case screenLoading:
	}
	return m.deps.Styles.Muted.Render(" Reading your goals…")
}

func (m Model) footerView() string {
	var lines []string
	if m.screen == screenCheckIn && !m.showHelp {
		if h := m.checkIn.hint(); h != "" {
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
	keys := m.activeKeys().ShortHelp()
	if m.editing() {
		keys = append(keys, m.keys.ForceQuit)
	} else {
		keys = append(keys, m.keys.Help, m.keys.Quit)
	}
	if m.showHelp {
		keys = []key.Binding{defaultHelpKeys().Close, m.keys.Quit}
	}
	lines = append(lines, "", " "+m.shortHelp(keys, m.width-2))
	return strings.Join(lines, "\n")
}

// shortHelp renders the help bar from key bindings. Where the width is too
// small it drops the screen's later keys first, keeping the first one and
// the last two (help and quit), so the way out always shows.
func (m Model) shortHelp(keys []key.Binding, width int) string {
	var enabled []key.Binding
	for _, k := range keys {
		if k.Enabled() && k.Help().Key != "" {
			enabled = append(enabled, k)
		}
	}
	h := m.help
	h.Width = 0 // this loop does the fitting; help's own cut drops quit first
	for {
		out := h.ShortHelpView(enabled)
		if lipgloss.Width(out) <= width || len(enabled) <= 2 {
			return ansi.Truncate(out, max(width, 0), "…")
		}
		enabled = append(enabled[:len(enabled)-3], enabled[len(enabled)-2:]...)
	}
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
	case screenToday, screenLoading:
	}
	return m.today
}

// freeName returns name, or name with a number after it when a goal already
// has that name, since names are how goals are found from the shell.
func freeName(name string, goals []coach.Goal) string {
	taken := func(n string) bool {
		for _, g := range goals {
			if strings.EqualFold(g.Name, n) {
				return true
			}
		}
		return false
	}
	candidate := name
	for i := 2; taken(candidate); i++ {
		candidate = fmt.Sprintf("%s %d", name, i)
	}
	return candidate
}

// plainError turns an error into the sentence a person reads: the coach's
// and the store's errors already say what to do.
func plainError(err error) string {
	msg := upperFirst(sentence(err))
	if !strings.HasSuffix(msg, ".") && !strings.HasSuffix(msg, "?") {
		msg += "."
	}
	return msg
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
