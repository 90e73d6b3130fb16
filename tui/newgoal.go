package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"tend/coach"
)

// ngStep is one step of the new-goal flow.
type ngStep int

const (
	ngPlan     ngStep = iota // pick a plan, or build a ladder
	ngCustom                 // the ladder: unit, start, step, max, sessions per level
	ngName                   // the goal's name
	ngDays                   // days a week, or which weekdays
	ngReady                  // the readiness questions, for exercise plans
	ngAdvice                 // after a "yes": talk to a doctor first
	ngCapacity               // minutes you could comfortably do today
	ngAnchor                 // "After I …", and an if-then plan
	ngPreview                // the first weeks, and confirm
)

// newGoalScreen walks a person through setting up a goal. Every step has a
// default, so Enter alone gets through; Esc goes back a step; nothing is
// saved until the last step is confirmed.
type newGoalScreen struct {
	keys    newGoalKeys
	welcome bool // the first run: greet, and show the care note
	step    ngStep
	back    []ngStep // the steps taken, for Esc

	plans         []coach.Plan // built-in plans, then the custom ladder
	cursor        int
	filter        textinput.Model
	filtering     bool
	lowImpactOnly bool // a readiness "yes" not yet cleared by a doctor

	custom ladderForm
	name   textinput.Model
	days   daysForm
	ready  int // 0: no to all, 1: yes to one or more
	advice int // adviceGentle or adviceCleared
	capac  textinput.Model
	anchor textinput.Model
	ifThen int // index into coach.IfThenPlans, -1 for none
	focus  int // which field of a two-field step has focus

	// from is the finished goal whose next plan the flow starts, or nil
	// for a new goal of the person's choosing (graduation.go).
	from    *coach.Goal
	taken   []coach.Goal // goals that exist, for a free name
	day     coach.Day
	preview []coach.PreviewWeek
	problem string // why Enter did not move on
	saving  bool
}

// nameFieldLimit is what a name field takes: well over coach.MaxNameLen,
// so a longer name is refused with the limit on Enter, never cut short
// without a word; the field is still bounded against a runaway paste.
const nameFieldLimit = 4 * coach.MaxNameLen

// createGoalMsg asks the root to save the goal the flow built.
type createGoalMsg struct{ goal coach.Goal }

func newNewGoal(welcome bool, taken []coach.Goal, day coach.Day) newGoalScreen {
	mk := func(placeholder string, limit int) textinput.Model {
		in := newInput()
		in.Placeholder, in.CharLimit, in.Prompt = placeholder, limit, ""
		// Long text scrolls inside the field, so a 64-character name
		// never runs past a 40-column window.
		in.Width = fieldWidth
		return in
	}
	s := newGoalScreen{keys: defaultNewGoalKeys(), welcome: welcome, taken: taken, day: day, ifThen: -1,
		plans: append(coach.Plans(), customChoice()), filter: mk("type to filter", 20),
		name: mk("a name", nameFieldLimit), capac: mk("skip", 3), anchor: mk("e.g. make coffee", 80),
		custom: newLadderForm(mk)}
	s.filter.Prompt = "/"
	return s
}

// fieldWidth is how much of a text field shows at once. [D]
const fieldWidth = 16

// customChoice stands for "Build my own ladder" in the plan list.
func customChoice() coach.Plan {
	return coach.Plan{ID: coach.CustomPlanID, Name: "Build my own ladder", Domain: coach.DomainCustom, PerWeek: 3,
		Summary: "your own steps: minutes, reps, km, miles or times"}
}

// visiblePlans are the plans the filter and the readiness answers allow.
func (s newGoalScreen) visiblePlans() []coach.Plan {
	var out []coach.Plan
	q := strings.ToLower(s.filter.Value())
	for _, p := range s.plans {
		if strings.Contains(strings.ToLower(p.Name+" "+p.Summary), q) {
			out = append(out, p)
		}
	}
	return out
}

func (s newGoalScreen) plan() coach.Plan {
	ps := s.visiblePlans()
	if len(ps) == 0 {
		return coach.Plan{}
	}
	return ps[min(s.cursor, len(ps)-1)]
}

// editing reports whether a text field has focus: then it takes every key
// but enter, esc, tab and ctrl+c.
func (s newGoalScreen) editing() bool {
	switch s.step {
	case ngPlan:
		return s.filtering
	case ngName, ngCapacity:
		return true
	case ngCustom:
		return s.custom.focus > 0
	case ngAnchor:
		return s.focus == 0
	case ngDays, ngReady, ngAdvice, ngPreview:
	}
	return false
}

func (s newGoalScreen) Update(msg tea.KeyMsg) (newGoalScreen, tea.Cmd) {
	if s.saving {
		return s, nil
	}
	switch {
	case key.Matches(msg, s.keys.Back):
		return s.goBack()
	case key.Matches(msg, s.keys.Next):
		return s.next()
	case s.editing() && !key.Matches(msg, s.keys.Tab):
		return s.typeInto(msg)
	}
	s.problem = ""
	switch s.step {
	case ngPlan:
		s = s.updatePlan(msg)
	case ngCustom:
		s.custom = s.custom.update(msg, s.keys.formKeys)
	case ngDays:
		s.days = s.days.update(msg, s.keys.formKeys)
	case ngReady:
		s.ready = choose(s.ready, 2, msg, s.keys.formKeys)
	case ngAdvice:
		s.advice = chooseInList(s.advice, len(s.adviceChoices()), msg, s.keys.formKeys)
	case ngAnchor:
		s = s.updateAnchor(msg)
	case ngName, ngCapacity, ngPreview:
	}
	return s, nil
}

// typeInto sends a key to the focused text field.
func (s newGoalScreen) typeInto(msg tea.KeyMsg) (newGoalScreen, tea.Cmd) {
	var cmd tea.Cmd
	s.problem = ""
	switch s.step {
	case ngPlan:
		if msg.Type == tea.KeyUp || msg.Type == tea.KeyDown {
			return s.updatePlan(msg), nil
		}
		before := s.filter.Value()
		s.filter, cmd = s.filter.Update(msg)
		if s.filter.Value() != before {
			s.cursor = 0
		}
	case ngName:
		s.name, cmd = s.name.Update(msg)
	case ngCapacity:
		s.capac, cmd = s.capac.Update(msg)
	case ngCustom:
		s.custom, cmd = s.custom.typeInto(msg, s.keys.formKeys)
	case ngAnchor:
		s.anchor, cmd = s.anchor.Update(msg)
	case ngDays, ngReady, ngAdvice, ngPreview:
	}
	return s, cmd
}

func (s newGoalScreen) updatePlan(msg tea.KeyMsg) newGoalScreen {
	n := len(s.visiblePlans())
	switch {
	case key.Matches(msg, s.keys.Filter):
		s.filtering = true
		s.filter.Focus()
	case key.Matches(msg, s.keys.Up) && n > 0:
		s.cursor = (s.cursor + n - 1) % n
	case key.Matches(msg, s.keys.Down) && n > 0:
		s.cursor = (s.cursor + 1) % n
	}
	return s
}

func (s newGoalScreen) updateAnchor(msg tea.KeyMsg) newGoalScreen {
	switch {
	case key.Matches(msg, s.keys.Tab), key.Matches(msg, s.keys.Up), key.Matches(msg, s.keys.Down):
		s.focus = 1 - s.focus
		if s.focus == 0 {
			s.anchor.Focus()
		} else {
			s.anchor.Blur()
		}
	case s.focus == 1:
		s.ifThen = choose(s.ifThen+1, len(coach.IfThenPlans)+1, msg, s.keys.formKeys) - 1
	}
	return s
}

// goBack returns to the step before, or leaves the flow from its first step
// (except on the first run, where there is nowhere to go back to).
func (s newGoalScreen) goBack() (newGoalScreen, tea.Cmd) {
	s.problem = ""
	if s.step == ngPlan && s.filtering {
		s.filtering = false
		s.filter.Blur()
		s.filter.SetValue("")
		return s, nil
	}
	if len(s.back) == 0 {
		if s.welcome {
			return s, nil
		}
		return s, send(closeScreenMsg{})
	}
	s.step, s.back = s.back[len(s.back)-1], s.back[:len(s.back)-1]
	return s.focusStep(), nil
}

// goTo moves forward to step to, remembering the way back.
func (s newGoalScreen) goTo(to ngStep) (newGoalScreen, tea.Cmd) {
	s.back = append(s.back, s.step)
	s.step, s.problem = to, ""
	s = s.focusStep()
	return s, nil
}

// focusStep gives the step's text field focus, and takes it from the others.
func (s newGoalScreen) focusStep() newGoalScreen {
	s.name.Blur()
	s.capac.Blur()
	s.anchor.Blur()
	s.filter.Blur()
	s.filtering = false
	switch s.step {
	case ngName:
		s.name.Focus()
	case ngCapacity:
		s.capac.Focus()
	case ngAnchor:
		s.focus = 0
		s.anchor.Focus()
	case ngCustom:
		s.custom = s.custom.refocus()
	case ngPlan, ngDays, ngReady, ngAdvice, ngPreview:
	}
	return s
}
