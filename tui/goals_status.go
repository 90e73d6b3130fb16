package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"tend/coach"
)

// The Goals screen's status keys: p pauses and resumes, x archives and
// restores. Each says what actually happened to the goal as stored, which
// may not be what the screen last showed (another tend may have changed
// it), and a safety hold lifts only on a yes to COACH's question (R0).

// updateChecked takes the answer to "Have you been checked by a doctor or
// nurse?": yes resumes the goal, no keeps the hold and says so (S2, then
// the care note). No is chosen first: the safe answer.
func (s goalsScreen) updateChecked(msg tea.KeyMsg, g coach.Goal) (goalsScreen, tea.Cmd) {
	switch {
	case key.Matches(msg, s.keys.Back):
		s.mode = goalsList
	case key.Matches(msg, s.keys.Left), key.Matches(msg, s.keys.Right):
		s.yes = !s.yes
	case key.Matches(msg, s.keys.Save) && s.yes:
		s.mode = goalsList
		return s.save(g.ID, resumeChecked(s.day))
	case key.Matches(msg, s.keys.Save):
		s.mode = goalsList
		return s, send(goalSavedMsg{said: coach.MsgS2 + " " + coach.MsgO1})
	}
	return s, nil
}

func (s goalsScreen) checkedView(g coach.Goal, width int, st Styles) []string {
	lines := append(wrap(g.Name+" is on hold after a warning sign.", width), wrap(coach.AskChecked, width)...)
	chosen := 1
	if s.yes {
		chosen = 0
	}
	return append(lines, choiceRow("", []string{"yes", "no"}, chosen, true, st))
}

// pauseOrResume pauses an active goal and resumes a paused one. A goal in
// safety hold stays held (only resumeChecked lifts it), an archived one
// stays archived (x restores it).
func pauseOrResume(day coach.Day) editGoal {
	return editGoal{fn: func(g coach.Goal) (coach.Goal, error) {
		switch g.Status() {
		case coach.Active:
			return g.SetStatus(coach.Paused, day), nil
		case coach.Paused:
			return g.Resume(day), nil
		case coach.SafetyHold, coach.Archived:
		}
		return g, nil
	}, said: statusSaid}
}

// resumeChecked resumes a goal from a safety hold, or a paused one, once the
// person says a doctor or nurse has checked them.
func resumeChecked(day coach.Day) editGoal {
	return editGoal{fn: func(g coach.Goal) (coach.Goal, error) {
		if st := g.Status(); st == coach.SafetyHold || st == coach.Paused {
			return g.Resume(day), nil
		}
		return g, nil
	}, said: statusSaid}
}

// archiveOrRestore archives a goal, or restores an archived one to the
// status it had: archiving never lifts a safety hold.
func archiveOrRestore(day coach.Day) editGoal {
	return editGoal{fn: func(g coach.Goal) (coach.Goal, error) {
		if g.Status() == coach.Archived {
			return g.Restore(day), nil
		}
		return g.SetStatus(coach.Archived, day), nil
	}, said: statusSaid}
}

// statusSaid says what a status key did, from the goal before and after.
func statusSaid(before, after coach.Goal) string {
	name, from, to := after.Name, before.Status(), after.Status()
	switch {
	case from == to:
		return statusStays(name, to)
	case to == coach.Archived:
		return "Archived " + name + ". It leaves Today and keeps its history; x brings it back."
	case from == coach.Archived && to == coach.Active:
		return "Restored " + name + " to Today, history and all."
	case from == coach.Archived:
		return "Restored " + name + ". " + statusStays(name, to)
	case to == coach.Paused:
		return "Paused " + name + ". Nothing is due or missed until you resume it; p resumes it."
	case from == coach.SafetyHold:
		return "Resumed " + name + ", now that you've been checked. Start gently; the plan picks up where you left it."
	}
	return "Resumed " + name + ". Start gently; the plan picks up where you left it."
}

// statusStays says where a goal stands when a key left its status as it was.
func statusStays(name string, st coach.Status) string {
	switch st {
	case coach.SafetyHold:
		return name + " stays on hold after a warning sign until a doctor or nurse has checked you; p asks."
	case coach.Archived:
		return name + " is archived; x brings it back first."
	case coach.Paused:
		return name + " is paused; p resumes it."
	case coach.Active:
	}
	return name + " is on Today."
}

// exportMsg asks the root to write a copy of everything before a delete.
type exportMsg struct{}

// exportedMsg says where the copy went.
type exportedMsg struct{ path string }

// exportCmd writes the copy through Deps.Export.
func exportCmd(export func() (string, error)) tea.Cmd {
	return func() tea.Msg {
		path, err := export()
		if err != nil {
			return errMsg{err}
		}
		return exportedMsg{path: path}
	}
}

// deleteWords warn before a delete and offer the keys that keep things:
// a copy of everything first, or archiving instead.
func (s goalsScreen) deleteWords(g coach.Goal) string {
	w := "Deleting " + g.Name + " removes it and all its history for good. "
	if s.keys.Export.Enabled() {
		w += "ctrl+e saves a copy of everything first; "
	}
	return w + "to keep the history, esc and then x archives it instead."
}
