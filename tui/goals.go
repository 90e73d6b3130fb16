package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"tend/coach"
)

// goalsMode is what the Goals screen is doing.
type goalsMode int

const (
	goalsList    goalsMode = iota
	goalsRename            // typing a new name
	goalsDays              // choosing days
	goalsDelete            // typing the name to confirm a delete
	goalsChecked           // asking whether a doctor or nurse has checked them, to resume from a hold
)

// goalsScreen looks after goals: rename, change days, pause and resume,
// archive, delete. Each change is saved by a command that reads the goal
// fresh, so a check-in made meanwhile elsewhere is never undone.
type goalsScreen struct {
	keys   goalsKeys
	goals  []coach.Goal
	cursor int
	mode   goalsMode
	input  textinput.Model
	days   daysForm
	day    coach.Day
	busy   bool
	yes    bool // the answer chosen to the checked question
}

// openGoalsMsg asks the root to open the Goals screen.
type openGoalsMsg struct{}

// editGoalMsg asks the root to save a change to a goal: edit is applied to
// the goal as stored now.
type editGoalMsg struct {
	id   uint64
	edit func(coach.Goal) (coach.Goal, error)
	said func(before, after coach.Goal) string // what to say once it is saved: what actually changed
}

// deleteGoalMsg asks the root to delete a goal and its history.
type deleteGoalMsg struct {
	id   uint64
	name string
}

func newGoalsScreen(goals []coach.Goal, day coach.Day) goalsScreen {
	in := newInput()
	in.Prompt, in.CharLimit = "", nameFieldLimit
	return goalsScreen{keys: defaultGoalsKeys(), goals: goals, input: in, day: day}
}

func (s goalsScreen) selected() (coach.Goal, bool) {
	if s.cursor >= len(s.goals) {
		return coach.Goal{}, false
	}
	return s.goals[s.cursor], true
}

func (s goalsScreen) editing() bool { return s.mode == goalsRename || s.mode == goalsDelete }

// setGoals takes fresh goals after a save, keeping the cursor in range.
func (s goalsScreen) setGoals(goals []coach.Goal) goalsScreen {
	s.goals, s.cursor, s.busy = goals, min(s.cursor, max(0, len(goals)-1)), false
	return s
}

func (s goalsScreen) Update(msg tea.KeyMsg) (goalsScreen, tea.Cmd) {
	g, ok := s.selected()
	if s.busy || (!ok && s.mode == goalsList && !key.Matches(msg, s.keys.Back)) {
		return s, nil
	}
	switch s.mode {
	case goalsRename, goalsDelete:
		return s.updateInput(msg, g)
	case goalsDays:
		return s.updateDays(msg, g)
	case goalsChecked:
		return s.updateChecked(msg, g)
	case goalsList:
	}
	switch {
	case key.Matches(msg, s.keys.Back):
		return s, send(closeScreenMsg{})
	case key.Matches(msg, s.keys.Up):
		s.cursor = (s.cursor + len(s.goals) - 1) % len(s.goals)
	case key.Matches(msg, s.keys.Down):
		s.cursor = (s.cursor + 1) % len(s.goals)
	case key.Matches(msg, s.keys.Rename):
		s.mode = goalsRename
		s.input.SetValue(g.Name)
		return s, s.input.Focus()
	case key.Matches(msg, s.keys.Days):
		s.mode, s.days = goalsDays, daysFormFor(g.Schedule())
	case key.Matches(msg, s.keys.Pause) && g.Status() == coach.SafetyHold:
		// A hold lifts only on a yes to COACH's question, never on one key.
		s.mode, s.yes = goalsChecked, false
	case key.Matches(msg, s.keys.Pause):
		return s.save(g.ID, pauseOrResume(s.day))
	case key.Matches(msg, s.keys.Archive):
		return s.save(g.ID, archiveOrRestore(s.day))
	case key.Matches(msg, s.keys.Delete):
		s.mode = goalsDelete
		s.input.SetValue("")
		return s, s.input.Focus()
	}
	return s, nil
}

func (s goalsScreen) updateInput(msg tea.KeyMsg, g coach.Goal) (goalsScreen, tea.Cmd) {
	switch {
	case key.Matches(msg, s.keys.Back):
		s.mode = goalsList
		s.input.Blur()
		return s, nil
	case key.Matches(msg, s.keys.Save) && s.mode == goalsRename:
		name := s.input.Value()
		s.mode = goalsList
		return s.save(g.ID, editGoal{fn: func(g coach.Goal) (coach.Goal, error) {
			clean, err := coach.CleanName(name)
			g.Name = clean
			return g, err
		}, said: saying("Renamed to " + strings.TrimSpace(name) + ".")})
	case key.Matches(msg, s.keys.Export) && s.mode == goalsDelete && s.keys.Export.Enabled():
		return s, send(exportMsg{})
	case key.Matches(msg, s.keys.Save):
		if !strings.EqualFold(strings.TrimSpace(s.input.Value()), g.Name) {
			return s, send(errMsg{wrapUser("Type %s exactly to delete it, or esc to keep it", g.Name)})
		}
		s.mode, s.busy = goalsList, true
		return s, send(deleteGoalMsg{id: g.ID, name: g.Name})
	}
	var cmd tea.Cmd
	s.input, cmd = s.input.Update(msg)
	return s, cmd
}

func (s goalsScreen) updateDays(msg tea.KeyMsg, g coach.Goal) (goalsScreen, tea.Cmd) {
	switch {
	case key.Matches(msg, s.keys.Back):
		s.mode = goalsList
	case key.Matches(msg, s.keys.Save):
		if s.days.weekdayMode && len(s.days.chosen()) == 0 {
			return s, send(errMsg{wrapUser("Pick at least one day, or tab back to days a week")})
		}
		sched, day := s.days.schedule(), s.day
		s.mode = goalsList
		return s.save(g.ID, editGoal{fn: func(g coach.Goal) (coach.Goal, error) {
			return g.WithSchedule(sched, day), nil
		}, said: saying("Now " + ScheduleWords(sched) + ", from today. Past days keep the schedule they had.")})
	default:
		s.days = s.days.update(msg, s.keys.formKeys)
	}
	return s, nil
}

// editGoal is a change to a goal and what to say once it is saved.
type editGoal struct {
	fn   func(coach.Goal) (coach.Goal, error)
	said func(before, after coach.Goal) string
}

// saying is a said that does not depend on what changed.
func saying(text string) func(before, after coach.Goal) string {
	return func(coach.Goal, coach.Goal) string { return text }
}

func (s goalsScreen) save(id uint64, e editGoal) (goalsScreen, tea.Cmd) {
	s.busy = true
	return s, send(editGoalMsg{id: id, edit: e.fn, said: e.said})
}

func (s goalsScreen) View(width, height int, st Styles) string {
	lines := []string{st.Title.Render("Goals"), ""}
	nameW := min(20, max(8, width/3))
	for i, g := range s.goals {
		cursor, name := " ", ansiCut(g.Name, nameW)
		if i == s.cursor {
			cursor, name = st.Selected.Render(cursorGlyph), st.Selected.Render(name)
		}
		p, _ := g.Plan()
		// The status always shows whole; the level and days give way.
		status := " · " + g.Status().String()
		line := fmt.Sprintf(" %s %s  ", cursor, name+strings.Repeat(" ", max(0, nameW-lipgloss.Width(name))))
		detail := ansiCut(p.Level(g.Level).Label+" · "+ScheduleWords(g.Schedule()), width-lipgloss.Width(line)-lipgloss.Width(status))
		lines = append(lines, line+st.Muted.Render(detail+status))
	}
	g, _ := s.selected()
	switch s.mode {
	case goalsRename:
		lines = append(lines, "", "  New name  "+s.input.View())
	case goalsDelete:
		lines = append(lines, "")
		lines = append(lines, wrap(s.deleteWords(g), width)...)
		lines = append(lines, "  Type its name to delete  "+s.input.View())
	case goalsChecked:
		lines = append(append(lines, ""), s.checkedView(g, width, st)...)
	case goalsDays:
		lines = append(lines, "")
		lines = append(lines, s.days.view(width, st)...)
		lines = append(lines, paragraph("From today on; past days keep the schedule they had.", width, st.Muted)...)
	case goalsList:
	}
	return strings.Join(fitLines(lines, height), "\n")
}

func (s goalsScreen) ShortHelp() []key.Binding {
	k := s.listKeys()
	switch s.mode {
	case goalsRename:
		return []key.Binding{k.Save, k.Back}
	case goalsDelete:
		return []key.Binding{k.Save, k.Export, k.Back}
	case goalsDays:
		k.Toggle.SetEnabled(s.days.weekdayMode) // days are picked one by one only on weekdays
		return []key.Binding{k.Save, k.Left, k.Tab, k.Toggle, k.Back}
	case goalsChecked:
		answer := k.Save
		answer.SetHelp("enter", "answer")
		return []key.Binding{answer, k.Left, k.Back}
	case goalsList:
	}
	return []key.Binding{k.Rename, k.Back, k.Days, k.Pause, k.Archive, k.Delete}
}

func (s goalsScreen) FullHelp() [][]key.Binding {
	k := s.listKeys()
	if s.mode != goalsList {
		return [][]key.Binding{s.ShortHelp()}
	}
	k.Up.SetEnabled(len(s.goals) > 1)
	return [][]key.Binding{{k.Up, k.Rename, k.Days}, {k.Pause, k.Archive, k.Delete, k.Back}}
}

// listKeys are the keys with their words for the goal under the cursor:
// p pauses an active goal and resumes any other, x archives a goal and
// brings an archived one back.
func (s goalsScreen) listKeys() goalsKeys {
	k := s.keys
	g, ok := s.selected()
	if !ok {
		return k
	}
	if g.Status() != coach.Active {
		k.Pause.SetHelp("p", "resume")
	} else {
		k.Pause.SetHelp("p", "pause")
	}
	if g.Status() == coach.Archived {
		k.Archive.SetHelp("x", "bring back")
	}
	return k
}
