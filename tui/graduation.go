package tui

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"tend/coach"
)

// The answer to the graduation question (COACH §6.3 "After graduation"):
// a Daily walk that is finished asks "Keep it, or start Walk to run?".
// Keep it changes nothing but ends the question; the next plan adds Walk
// to run beside the finished goal, after the readiness questions every
// exercise plan asks (§6.5), and ends the question too. Today answers it
// with two keys, the shell with `tend edit NAME --keep` or `--next-plan`;
// both edit through the store's one transaction with the edits here.

// KeepItEdit is the edit that answers "keep it": nothing about the plan
// changes, and Today stops asking.
func KeepItEdit(g coach.Goal) (coach.Goal, error) {
	if err := answerable(g); err != nil {
		return g, err
	}
	if !g.AsksWhatsNext() {
		return g, fmt.Errorf("%s already keeps going as it is", g.Name)
	}
	return g.KeepIt(), nil
}

// NextPlanEdit is the edit that answers with the next plan: it ends the
// question on the finished goal (as keep it does) and returns the next
// plan's goal to add beside it, built by the coach from the finished one.
// shape, when not nil, gives the new goal what the person chose (its name,
// anchor, if-then plan); the schedule is the next plan's own.
func NextPlanEdit(today coach.Day, shape func(coach.Goal) coach.Goal) func(coach.Goal) (coach.Goal, coach.Goal, error) {
	return func(g coach.Goal) (coach.Goal, coach.Goal, error) {
		if err := answerable(g); err != nil {
			return g, coach.Goal{}, err
		}
		ng, err := NextPlanGoal(g, today)
		if err != nil {
			return g, coach.Goal{}, err
		}
		if shape != nil {
			ng = shape(ng)
		}
		if g.AsksWhatsNext() {
			g = g.KeepIt()
		}
		return g, ng, nil
	}
}

// NextPlanGoal is the goal the next plan of the finished goal g starts, on
// the next plan's own schedule and named after it.
func NextPlanGoal(g coach.Goal, today coach.Day) (coach.Goal, error) {
	p, err := g.Plan()
	if err != nil {
		return coach.Goal{}, err
	}
	next, ok := coach.NextPlan(p)
	if !ok || !g.Graduated {
		return coach.Goal{}, errNoNextPlan(g)
	}
	ng, _, err := coach.StartNextPlan(g, coach.Schedule{PerWeek: next.PerWeek}, today)
	return ng, err
}

// answerable refuses an answer on a goal that cannot take one now.
func answerable(g coach.Goal) error {
	switch g.Status() {
	case coach.SafetyHold:
		return fmt.Errorf("%s is on hold after a warning sign, with every exercise goal; once a doctor or nurse "+
			"has checked you and it is resumed, the question waits for you", g.Name)
	case coach.Archived:
		return fmt.Errorf("%s is archived; bring it back first", g.Name)
	case coach.Paused, coach.Active:
	}
	p, err := g.Plan()
	if err != nil {
		return err
	}
	if _, ok := coach.NextPlan(p); !ok || !g.Graduated {
		return errNoNextPlan(g)
	}
	return nil
}

func errNoNextPlan(g coach.Goal) error {
	if !g.Graduated {
		return fmt.Errorf("%s has not finished its plan yet; the question comes once it has", g.Name)
	}
	return fmt.Errorf("%s has no next plan: from here each session keeps it going", g.Name)
}

// openNextPlanMsg asks the root to open the flow that starts the next plan
// of a finished goal; keepItMsg to answer "keep it".
type (
	openNextPlanMsg struct{ goal coach.Goal }
	keepItMsg       struct{ id uint64 }
)

// startNextPlanMsg asks the root to start the next plan beside the goal
// from, as the new-goal flow shaped it. A zero goal means the person
// stopped short (a readiness yes, not cleared): said says what stays.
type startNextPlanMsg struct {
	from uint64
	goal coach.Goal
	said string
}

// nextPlanStartedMsg says the next plan's goal is saved beside the old one.
type nextPlanStartedMsg struct{ from, added coach.Goal }

// startNextPlanCmd writes both goals in one transaction: the question
// ended on the finished goal, the next plan's goal added.
func startNextPlanCmd(st Store, from uint64, shaped coach.Goal, today coach.Day) tea.Cmd {
	return func() tea.Msg {
		shape := func(ng coach.Goal) coach.Goal {
			ng.Name, ng.Anchor, ng.IfThen = shaped.Name, shaped.Anchor, shaped.IfThen
			return ng
		}
		old, added, err := st.EditGoalAdding(from, NextPlanEdit(today, shape))
		if err != nil {
			return errMsg{err}
		}
		return nextPlanStartedMsg{from: old, added: added}
	}
}

// keepItCmd answers "keep it".
func keepItCmd(st Store, id uint64) tea.Cmd {
	return editGoalCmd(st, id, KeepItEdit, func(_, after coach.Goal) string {
		return fmt.Sprintf("%s keeps going as it is. Each session keeps it going.", after.Name)
	})
}

// newNextPlan is the new-goal flow for the next plan of a finished goal:
// the plan, its name and days are the coach's, so it opens on the
// readiness questions, then the anchor and the preview.
func newNextPlan(from coach.Goal, taken []coach.Goal, day coach.Day) newGoalScreen {
	s := newNewGoal(false, taken, day)
	p, _ := from.Plan()
	next, _ := coach.NextPlan(p)
	for i, q := range s.plans {
		if next != nil && q.ID == next.ID {
			s.cursor = i
		}
	}
	s.from = &from
	s.name.SetValue(FreeName(s.plan().Name, taken))
	s.days = newDaysForm(s.plan().PerWeek)
	s.step = ngReady
	return s.focusStep()
}

// nextPlanWaits is what the flow says when a readiness yes stops it: the
// finished goal carries on, and the question stays for later.
func (s newGoalScreen) nextPlanWaits() (newGoalScreen, tea.Cmd) {
	// Short, to fit a 40-column status line; n stays in the help bar.
	said := fmt.Sprintf("%s waits until a doctor says it's fine; %s carries on as it is.", s.plan().Name, s.from.Name)
	return s, send(startNextPlanMsg{from: s.from.ID, said: said})
}

// handleGraduation acts on the answers to the graduation question.
func (m Model) handleGraduation(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case openNextPlanMsg:
		m.newGoal, m.screen = newNextPlan(msg.goal, m.snap.Goals, m.day), screenNewGoal
	case keepItMsg:
		return m, keepItCmd(m.writer(), msg.id)
	case startNextPlanMsg:
		if msg.goal.Name == "" {
			m.screen, m.status, m.statusErr = screenToday, msg.said, false
			return m, nil
		}
		return m, startNextPlanCmd(m.writer(), msg.from, msg.goal, m.day)
	case nextPlanStartedMsg:
		m.screen, m.statusErr = screenToday, false
		m.status = fmt.Sprintf("Started %s beside %s, which keeps going as it is.", msg.added.Name, msg.from.Name)
		return m, m.reload()
	}
	return m, nil
}

// asks reports whether the goal the review shows asks the graduation
// question now, which the review answers too (COACH §6.3).
func (s reviewScreen) asks() bool {
	if len(s.goals) == 0 {
		return false
	}
	g := s.goals[s.at]
	return g.Status() == coach.Active && g.AsksWhatsNext()
}

// withGoals takes the goals as loaded again, keeping the goal shown: an
// answer given from the review shows there at once.
func (s reviewScreen) withGoals(goals []coach.Goal) reviewScreen {
	s.goals = append([]coach.Goal(nil), s.goals...)
	for i, g := range s.goals {
		for _, ng := range goals {
			if ng.ID == g.ID {
				s.goals[i] = ng
			}
		}
	}
	if s.hist != nil && len(s.goals) > 0 && s.hist.Goal.ID == s.goalID() {
		h := *s.hist
		h.Goal = s.goals[s.at]
		s.hist = &h
	}
	return s
}
