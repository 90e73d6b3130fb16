package tui

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"tend/coach"
)

// next checks the step's answer and moves on; the last step asks the root
// to save the goal.
func (s newGoalScreen) next() (newGoalScreen, tea.Cmd) {
	switch s.step {
	case ngPlan:
		return s.afterPlan()
	case ngCustom:
		return s.afterCustom()
	case ngName:
		return s.afterName()
	case ngDays:
		if s.days.weekdayMode && len(s.days.chosen()) == 0 {
			s.problem = "Pick at least one day, or switch back to days a week with tab."
			return s, nil
		}
		// Once advised, a gentler plan does not ask again.
		if s.exercise() && !s.lowImpactOnly {
			return s.goTo(ngReady)
		}
		return s.afterReadiness()
	case ngReady:
		if s.ready == 1 {
			s.advice = adviceGentle // the safe choice is the default
			return s.goTo(ngAdvice)
		}
		s.lowImpactOnly = false
		return s.afterReadiness()
	case ngAdvice:
		return s.afterAdvice()
	case ngCapacity:
		if v := strings.TrimSpace(s.capac.Value()); v != "" {
			if _, err := coach.ParseWhole(v, 1, 600); err != nil {
				s.problem = "Type a number of minutes, like 15, or leave it empty to skip."
				return s, nil
			}
		}
		return s.goTo(ngAnchor)
	case ngAnchor:
		return s.toPreview()
	case ngPreview:
		return s.save()
	}
	return s, nil
}

// afterCustom moves down the custom ladder's rows, then on to the name
// once the ladder reads whole.
func (s newGoalScreen) afterCustom() (newGoalScreen, tea.Cmd) {
	if s.custom.focus < len(s.custom.fields) {
		// Enter moves down the form, as the other forms' rows do:
		// from the unit it must not skip the numbers below it.
		s.custom.focus++
		s.custom, s.problem = s.custom.refocus(), ""
		return s, nil
	}
	if _, err := s.custom.ladder(); err != nil {
		s.problem = Sentence(err)
		return s, nil
	}
	return s.goTo(ngName)
}

// afterName goes on to the days only with a name that is clean and not
// already a goal's.
func (s newGoalScreen) afterName() (newGoalScreen, tea.Cmd) {
	if _, err := coach.CleanName(s.nameValue()); err != nil {
		s.problem = Sentence(err)
		return s, nil
	}
	if s.nameTaken() {
		s.problem = "A goal already has that name; pick another."
		return s, nil
	}
	return s.goTo(ngDays)
}

// save asks for the goal to be written: a new one, or the next plan
// after a graduated one. The screen waits (saving) until it is.
func (s newGoalScreen) save() (newGoalScreen, tea.Cmd) {
	g, err := s.goal()
	if err != nil {
		s.problem = Sentence(err)
		return s, nil
	}
	s.saving = true
	if s.from != nil {
		return s, send(startNextPlanMsg{from: s.from.ID, goal: g})
	}
	return s, send(createGoalMsg{goal: g})
}

func (s newGoalScreen) afterPlan() (newGoalScreen, tea.Cmd) {
	p := s.plan()
	switch {
	case p.ID == "":
		s.problem = "No plan matches; esc clears the filter."
		return s, nil
	case p.NeedsClearance() && s.lowImpactOnly:
		s.problem = p.Name + " waits until a doctor says it's fine; a walk or yoga plan is a gentle start."
		return s, nil
	}
	s.name.SetValue(FreeName(p.Name, s.taken))
	s.days = newDaysForm(p.PerWeek)
	if p.ID == coach.CustomPlanID {
		s.name.SetValue("")
		return s.goTo(ngCustom)
	}
	return s.goTo(ngName)
}

func (s newGoalScreen) afterReadiness() (newGoalScreen, tea.Cmd) {
	// A next plan starts where the coach says (COACH §6.3): no capacity.
	if p := s.plan(); s.from == nil && p.ID != coach.CustomPlanID && p.Unit == coach.Minutes {
		return s.goTo(ngCapacity)
	}
	return s.goTo(ngAnchor)
}

// The answers after a readiness "yes", in the order shown: the safe one
// first, and the default.
const (
	adviceGentle  = iota // show the gentler plans (or, on a gentle plan, carry on gently)
	adviceCleared        // a doctor has cleared me (for the plan chosen)
)

// adviceChoices are the answers the advice step offers: a plan that waits
// for a doctor's word offers the gentler plans first; a gentle plan only
// carries on, gently.
func (s newGoalScreen) adviceChoices() []string {
	switch {
	case !s.plan().NeedsClearance():
		return []string{"carry on gently"}
	case s.from != nil:
		return []string{"not yet: keep " + s.from.Name + " as it is", "a doctor has cleared me"}
	}
	return []string{"show gentler plans", "a doctor has cleared me"}
}

// afterAdvice carries on with a gentle plan, or once the person says a
// doctor has cleared them; else it goes back to the plans with only the
// gentler ones on offer.
func (s newGoalScreen) afterAdvice() (newGoalScreen, tea.Cmd) {
	switch {
	case !s.plan().NeedsClearance():
		s.lowImpactOnly = true
		return s.afterReadiness()
	case s.advice == adviceCleared:
		s.lowImpactOnly = false
		return s.afterReadiness()
	case s.from != nil:
		return s.nextPlanWaits()
	}
	s.lowImpactOnly = true
	s.back, s.step, s.cursor = nil, ngPlan, 0
	s.problem = "Here are the gentler plans. Walking is a fine place to start."
	s.plans = gentler(s.plans)
	return s, nil
}

// gentler are the plans offered after a readiness "yes".
func gentler(ps []coach.Plan) []coach.Plan {
	var out []coach.Plan
	for _, p := range ps {
		if !p.NeedsClearance() {
			out = append(out, p)
		}
	}
	return out
}

// exercise reports whether the goal being built is exercise, for which the
// readiness questions are asked: a custom ladder is, unless it counts times.
func (s newGoalScreen) exercise() bool {
	if p := s.plan(); p.ID != coach.CustomPlanID {
		return p.Exercise()
	}
	return customUnits[s.custom.unit] != coach.Times
}

func (s newGoalScreen) toPreview() (newGoalScreen, tea.Cmd) {
	g, err := s.goal()
	if err != nil {
		s.problem = Sentence(err)
		return s, nil
	}
	if s.preview, err = coach.Preview(g, previewWeeks); err != nil {
		s.problem = Sentence(err)
		return s, nil
	}
	return s.goTo(ngPreview)
}

// previewWeeks is how many weeks the preview shows. [D]
const previewWeeks = 4

func (s newGoalScreen) nameValue() string { return strings.TrimSpace(s.name.Value()) }

func (s newGoalScreen) nameTaken() bool {
	for _, g := range s.taken {
		if strings.EqualFold(g.Name, s.nameValue()) {
			return true
		}
	}
	return false
}

// goal builds the goal from the answers so far.
func (s newGoalScreen) goal() (coach.Goal, error) {
	p := s.plan()
	var custom *coach.Custom
	if p.ID == coach.CustomPlanID {
		c, err := s.custom.ladder()
		if err != nil {
			return coach.Goal{}, err
		}
		custom = &c
		if p, err = coach.CustomPlan(s.nameValue(), c); err != nil {
			return coach.Goal{}, err
		}
	}
	capacity := 0
	if v := strings.TrimSpace(s.capac.Value()); v != "" {
		capacity, _ = coach.ParseWhole(v, 1, 600)
	}
	g, err := coach.NewGoal(s.nameValue(), p, custom, s.days.schedule(), capacity, s.day)
	if s.from != nil {
		g, err = NextPlanGoal(*s.from, s.day)
		g.Name = s.nameValue()
	}
	if err != nil {
		return coach.Goal{}, err
	}
	if a := strings.TrimSpace(s.anchor.Value()); a != "" {
		if g.Anchor, err = coach.CleanNote(a); err != nil {
			return coach.Goal{}, err
		}
	}
	if s.ifThen >= 0 {
		g.IfThen = coach.IfThenPlans[s.ifThen]
	}
	return g, nil
}

// startWords says where a capacity answer starts the goal.
func (s newGoalScreen) startWords() string {
	g, err := s.goal()
	if err != nil {
		return ""
	}
	p := s.plan()
	return fmt.Sprintf("You'll start at: %s", lowerFirstWord(coach.SessionWords(p, coach.Offered(g, p))))
}

func lowerFirstWord(s string) string {
	if s == "" || strings.HasPrefix(s, "Week") {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
