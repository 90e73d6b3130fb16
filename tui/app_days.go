package tui

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"tend/coach"
)

// The root's part in showing and fixing other days than today: Today
// stepped back, and the Day screen opened from Today or the review.

// shownDay is the day Today shows.
func (m Model) shownDay() coach.Day {
	if m.shown.IsZero() || !m.shown.Before(m.day) {
		return m.day
	}
	return m.shown
}

// showToday works out Today's goals for the day it shows.
func (m Model) showToday() Model {
	day := m.shownDay()
	items, err := m.snap.Todays(day)
	if err != nil {
		m.status, m.statusErr = PlainError(err), true
	}
	m.today.day, m.today.today = day, m.day
	m.today = m.today.setItems(items)
	return m
}

func (m Model) handleDayIntent(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case showDayMsg:
		// Never the future, as with --date; today itself is the zero day.
		m.shown = msg.day
		if !msg.day.Before(m.day) {
			m.shown = coach.Day{}
		}
		return m.showToday(), nil
	case openDayMsg:
		m.dayView, m.screen = newDayScreen(msg.goal, msg.day, m.day, m.screen), screenDay
		return m, loadDayCmd(m.deps.Store, msg.goal, msg.day)
	case dayLoadedMsg:
		m.dayView = m.dayView.withLoaded(msg)
	case editCheckInMsg:
		msg.entry.At = m.deps.Clock()
		return m, editCheckInCmd(m.writer(), msg.goalID, msg.day, m.day, msg.entry)
	}
	return m, nil
}

// afterDaySaved goes back to where the check-in or change was made from,
// and reads the goals again (the review its history too).
func (m Model) afterDaySaved() (tea.Model, tea.Cmd) {
	m.statusErr = false
	back := screenToday
	if m.screen == screenDay {
		back = m.dayView.from
	}
	m.screen = back
	if back == screenReview {
		return m, tea.Batch(m.reload(), loadHistoryCmd(m.deps.Store, m.goalByID(m.review.goalID()), m.day))
	}
	return m, m.reload()
}

// pastDayTitle is the header on an earlier day: the day, and a plain word
// that it is not today.
func pastDayTitle(d, today coach.Day, width int) string {
	ago := fmt.Sprintf("%d days ago", today.DaysSince(d))
	if today.DaysSince(d) == 1 {
		ago = "yesterday"
	}
	long := dayTitle(d, width-lipgloss.Width(ago)-3) + " · " + ago
	if lipgloss.Width(long) <= width {
		return long
	}
	return ago
}

// AddedLine says plainly that a session was added to one already logged
// that day, e.g. "Added 10 to today's 20: 30 min in all.", or "" when it
// was the day's first.
func AddedLine(prev *coach.CheckIn, rec coach.Recorded, today coach.Day) string {
	if prev == nil || !prev.Outcome.ShowedUp() || !rec.CheckIn.Outcome.ShowedUp() {
		return ""
	}
	p, err := rec.Goal.Plan()
	if err != nil {
		return ""
	}
	added := rec.CheckIn.Achieved - prev.Achieved
	return fmt.Sprintf("Added %s to %s %s: %s in all.", amountNumber(added), dayPossessive(prev.Day, today),
		amountNumber(prev.Achieved), coach.Amount(rec.CheckIn.Achieved, p.Unit))
}
