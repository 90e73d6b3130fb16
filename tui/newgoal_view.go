package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"

	"tend/coach"
)

// View draws the current step of the flow.
func (s newGoalScreen) View(width, height int, st Styles) string {
	var lines []string
	switch s.step {
	case ngPlan:
		lines = s.planView(width, height, st)
	case ngCustom:
		lines = s.customView(width, st)
	case ngName:
		lines = []string{"What shall we call it?", "", fieldRow("Name", s.name.View(), true, st)}
	case ngDays:
		lines = s.daysView(width, st)
	case ngReady:
		lines = s.readyView(width, height, st)
	case ngAdvice:
		lines = s.adviceView(width, st)
	case ngCapacity:
		lines = s.capacityView(width, st)
	case ngAnchor:
		lines = s.anchorView(width, st)
	case ngPreview:
		lines = s.previewView(width, st)
	}
	if s.problem != "" {
		lines = append(append(lines, ""), paragraph(s.problem, width, st.Error)...)
	}
	if s.saving {
		lines = append(lines, "", st.Muted.Render("Saving…"))
	}
	return strings.Join(fitLines(lines, height), "\n")
}

// adviceView follows a readiness "yes": talk to a doctor first, and the
// answers as a list, the safe one first.
func (s newGoalScreen) adviceView(width int, st Styles) []string {
	advice := "Please talk to your doctor before becoming much more active. Until they say it's fine, " +
		"a gentle plan is the place to start."
	if !s.plan().NeedsClearance() {
		advice = "Please talk to your doctor before becoming much more active. " + s.plan().Name +
			" is a gentle plan: begin slowly and build up gradually."
	}
	lines := append(paragraph(advice, width, lipgloss.NewStyle()), "")
	for i, a := range s.adviceChoices() {
		chosen := -1
		if i == s.advice {
			chosen = 0
		}
		lines = append(lines, pointerFor(i == s.advice, st)+ansiCut(answerParts([]string{a}, chosen, st)[0], width-2))
	}
	return lines
}

func (s newGoalScreen) customView(width int, st Styles) []string {
	lines := paragraph("Build your own ladder: tend starts you at the first step and adds one step at a time.", width, st.Muted)
	return append(append(lines, ""), s.custom.view(width, st)...)
}

func (s newGoalScreen) readyView(width, height int, st Styles) []string {
	var lines []string
	// Starting a next plan, the questions say which plan they are for.
	before, intro := "exercise", "A few questions before exercise (the PAR-Q):"
	if s.from != nil {
		before = s.plan().Name
		intro = fmt.Sprintf("%s, beside %s. First a few questions (the PAR-Q):", s.plan().Name, s.from.Name)
	}
	if height < 14 {
		// A small window: every question still shows, in one sentence.
		lines = paragraph("Before "+before+": do you have "+strings.Join(coach.ReadinessShort, ", ")+"?", width, lipgloss.NewStyle())
	} else {
		lines = paragraph(intro, width, st.Muted)
		for _, q := range coach.ReadinessQuestions {
			for i, l := range wrap(q, width-2) {
				lines = append(lines, map[bool]string{true: "• ", false: "  "}[i == 0]+l)
			}
		}
	}
	return append(lines, choiceRow("Any of these?", []string{"no", "yes"}, s.ready, true, st))
}

func (s newGoalScreen) capacityView(width int, st Styles) []string {
	question := "How many minutes could you comfortably do today?"
	if s.plan().ID == coach.WalkToRunID {
		question = "How many minutes could you comfortably walk today?"
	}
	lines := paragraph(question, width, lipgloss.NewStyle())
	lines = append(lines, "", fieldRow("Minutes", s.capac.View(), true, st))
	lines = append(lines, paragraph("Starting below that is on purpose: early wins build the habit.", width, st.Muted)...)
	return append(lines, "", st.Success.Render(s.startWords()))
}

func (s newGoalScreen) planView(width, height int, st Styles) []string {
	var lines []string
	switch {
	case s.welcome && height < 16:
		lines = append(lines, st.Muted.Render(ansiCut("Not medical care · ? for support lines", width)))
	case s.welcome:
		lines = append(lines, wrap("Start small. Build up when you're ready. Rest days count too.", width)...)
		lines = append(lines, "")
	}
	title := "Pick a goal:"
	if s.welcome {
		title = "Pick a first goal:"
	}
	if s.filtering || s.filter.Value() != "" {
		title += " " + s.filter.View()
	}
	lines = append(lines, title)
	nameW := 0
	for _, p := range s.plans {
		nameW = max(nameW, lipgloss.Width(p.Name))
	}
	for i, p := range s.visiblePlans() {
		cursor, name := " ", fmt.Sprintf("%-*s", nameW, p.Name)
		if i == s.cursor {
			cursor, name = st.Selected.Render(cursorGlyph), st.Selected.Render(name)
		}
		line := fmt.Sprintf(" %s %s", cursor, name)
		if room := width - lipgloss.Width(line) - 2; room >= 20 {
			line += "  " + st.Muted.Render(ansiCut(p.Summary, room))
		}
		lines = append(lines, line)
	}
	if s.welcome && height >= 16 {
		lines = append(lines, "")
		for _, l := range wrap(coach.MsgO1, width) {
			lines = append(lines, st.Muted.Render(l))
		}
	}
	return lines
}

func (s newGoalScreen) daysView(width int, st Styles) []string {
	lines := append([]string{"How often?", ""}, s.days.view(width, st)...)
	if p := s.plan(); p.MinRestDays > 0 {
		lines = append(lines, "")
		lines = append(lines, wrap(fmt.Sprintf("%s works best with a rest day between sessions: recovery is when your body adapts.", p.Name), width)...)
	}
	return lines
}

func (s newGoalScreen) anchorView(width int, st Styles) []string {
	lines := append(wrap("Optional: tie it to something you already do.", width), "")
	lines = append(lines, fieldRow("After I", s.anchor.View(), s.focus == 0, st))
	plans := append([]string{"none"}, coach.IfThenPlans...)
	lines = append(lines, "", choiceRow("A plan for a hard day", nil, 0, s.focus == 1, st))
	lines = append(lines, "    "+st.Choice.Render("◂ "+ansiCut(plans[s.ifThen+1], width-8)+" ▸"))
	return lines
}

func (s newGoalScreen) previewView(width int, st Styles) []string {
	lines := append(wrap(fmt.Sprintf("%s · if every session goes well:", s.nameValue()), width), "")
	// Each row is named by its date, not "Week 2": Walk to run's sessions
	// are named by the plan's weeks ("Week 1 of 9"), and "Week 2  Week 1 of
	// 9" read as a contradiction.
	for _, w := range s.preview {
		when := "This week"
		if w.Week > 1 {
			when = "From " + DateWords(s.day.AddDays(7*(w.Week-1)), s.day)
		}
		lines = append(lines, ansiCut(fmt.Sprintf("  %-12s %s", when, w.Text), width))
	}
	lines = append(lines, "")
	lines = append(lines, wrap("Repeating a week is normal, and rest days are part of the plan. Enter saves it.", width)...)
	return lines
}

func (s newGoalScreen) ShortHelp() []key.Binding {
	k := s.keys
	back := k.Back
	back.SetEnabled(!(s.welcome && len(s.back) == 0))
	switch s.step {
	case ngPlan:
		return []key.Binding{k.Next, k.Up, k.Filter, back}
	case ngDays:
		k.Toggle.SetEnabled(s.days.weekdayMode) // days are picked one by one only on weekdays
		return []key.Binding{k.Next, k.Left, k.Tab, k.Toggle, k.Back}
	case ngCustom, ngAnchor:
		return []key.Binding{k.Next, k.Up, k.Left, k.Back}
	case ngReady:
		return []key.Binding{k.Next, k.Left, k.Back}
	case ngAdvice:
		if len(s.adviceChoices()) > 1 {
			return []key.Binding{k.Next, k.Up, k.Back}
		}
		return []key.Binding{k.Next, k.Back}
	case ngName, ngCapacity, ngPreview:
	}
	return []key.Binding{k.Next, k.Back}
}

func (s newGoalScreen) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }
