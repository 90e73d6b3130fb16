package tui

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"tend/coach"
)

// handleIntent acts on what a screen asked for: opening a screen, or a
// change for a command to make.
func (m Model) handleIntent(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case openCheckInMsg:
		m.checkIn, m.screen = newCheckIn(msg.item, msg.outcome, msg.full).on(m.day), screenCheckIn
	case submitCheckInMsg:
		msg.entry.At = m.deps.Clock()
		return m, saveCheckInCmd(m.writer(), msg.goalID, msg.entry, msg.prev, m.day)
	case undoMsg:
		return m, undoCmd(m.writer(), msg.item.Goal.ID, msg.item.Goal.Name, msg.item.Day)
	case showDayMsg, openDayMsg, dayLoadedMsg, editCheckInMsg:
		return m.handleDayIntent(msg)
	case addGoalMsg:
		m.newGoal, m.screen = newNewGoal(false, m.snap.Goals, m.day), screenNewGoal
	case createGoalMsg:
		return m, addGoalCmd(m.deps.Store, msg.goal)
	case openNextPlanMsg, keepItMsg, startNextPlanMsg, nextPlanStartedMsg:
		return m.handleGraduation(msg)
	case openReviewMsg:
		if m.screen != screenReview {
			m.review = newReview(reviewGoals(m.snap.Goals), msg.goalID)
		}
		m.screen = screenReview
		m.review = m.review.sized(m.width-2, m.bodyHeight())
		return m, loadHistoryCmd(m.deps.Store, m.goalByID(m.review.goalID()), m.day)
	case openSessionMsg:
		return m.startSession(msg.item)
	case sessionEndMsg:
		return m.afterSession(msg), nil
	case openGoalsMsg:
		m.goals, m.screen = newGoalsScreen(m.snap.Goals, m.day), screenGoals
		m.goals.keys.Export.SetEnabled(m.deps.Export != nil)
	case editGoalMsg:
		return m, editGoalCmd(m.writer(), msg.id, msg.edit, msg.said)
	case exportMsg:
		if m.deps.Export != nil {
			return m, exportCmd(m.deps.Export)
		}
	case exportedMsg:
		m.status = "Saved a copy of everything to " + msg.path + ". Type the name to delete, or esc to keep it."
		return m, nil
	case deleteGoalMsg:
		return m, deleteGoalCmd(m.writer(), msg.id, msg.name)
	case closeScreenMsg:
		if m.screen == screenDay {
			m.screen = m.dayView.from
			return m, nil
		}
		m.screen = screenToday
		if len(m.snap.Goals) == 0 {
			m.screen, m.newGoal = screenNewGoal, newNewGoal(true, nil, m.day)
		}
	}
	return m.handleSaved(msg)
}

// handleSaved takes the results of commands: what is on disk now, said in
// the status line, and a reload.
func (m Model) handleSaved(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case checkInSavedMsg:
		m.status = strings.TrimSpace(AddedLine(msg.prev, msg.rec, msg.today) + " " + msg.rec.Message)
		return m.afterDaySaved()
	case checkInEditedMsg:
		m.status = msg.rec.Message
		return m.afterDaySaved()
	case undoneMsg:
		m.status = fmt.Sprintf("Cleared %s check-in for %s. Check in again whenever you like.", dayPossessive(msg.day, m.day), msg.name)
	case goalSavedMsg:
		m.status = msg.said
	case dayStartSavedMsg:
		m.snap.DayStartHour = msg.hour
		m.status = fmt.Sprintf("A new day now starts at %02d:00: a check-in before then counts for the day before.", msg.hour)
	case goalAddedMsg:
		m.screen = screenToday
		m.today.pick = msg.goal.ID // selected once the reload shows it
		m.status = fmt.Sprintf("Added %s. Start small: the first target is on purpose easy.", msg.goal.Name)
	case historyLoadedMsg:
		m.review = m.review.withHistory(msg)
		return m, nil
	default:
		return m, nil
	}
	m.statusErr = false
	return m, m.reload()
}

// startSession opens the guided session, for a session that has a timer.
func (m Model) startSession(item coach.Today) (tea.Model, tea.Cmd) {
	parts, ok := coach.Timeline(item.Session)
	if !ok {
		return m, nil
	}
	m.sessions++
	var cmd tea.Cmd
	m.session, cmd = newSession(m.sessions, item, parts,
		sessionClock{second: m.deps.SessionSecond, every: m.deps.Tick, ring: bellCmd(m.deps.Bell),
			now: m.deps.SessionClock, cues: sessionCues{say: m.deps.Say, notify: m.deps.Notify}})
	m.screen = screenSession
	return m, cmd
}

// afterSession opens the check-in with what the session did filled in.
func (m Model) afterSession(msg sessionEndMsg) Model {
	o := coach.Done
	if !msg.finished {
		o = coach.Partial
	}
	m.checkIn, m.screen = newCheckIn(msg.item, o, false), screenCheckIn
	if !msg.finished && msg.achieved > 0 {
		m.checkIn.amount.SetValue(strings.TrimSuffix(fmt.Sprintf("%.1f", msg.achieved), ".0"))
	}
	return m
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

// reviewGoals are the goals the review walks through: every goal, the
// archived ones last, as `tend review` shows them too.
func reviewGoals(goals []coach.Goal) []coach.Goal {
	var out, archived []coach.Goal
	for _, g := range goals {
		if g.Status() == coach.Archived {
			archived = append(archived, g)
			continue
		}
		out = append(out, g)
	}
	return append(out, archived...)
}

// FreeName returns name, or name with a number after it when a goal already
// has that name, since names are how goals are found from the shell.
func FreeName(name string, goals []coach.Goal) string {
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
