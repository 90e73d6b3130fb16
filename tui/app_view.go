package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// What the root draws around the active screen: the header with the day,
// the footer with the status line and the help bar, and the full help.

// View draws the header, the active screen and the footer.
func (m Model) View() string {
	switch {
	case m.width == 0:
		return "Starting tend…"
	case m.fatal != nil:
		return wrapJoin(PlainError(m.fatal), max(m.width-2, 10)) + "\n\nPress any key to exit."
	case m.tooSmall():
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
