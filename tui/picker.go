package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"tend/coach"
)

// pickerScreen lists the built-in plans. On first run it is the welcome,
// with the care note; from Today it adds another goal.
type pickerScreen struct {
	keys    pickerKeys
	plans   []coach.Plan
	cursor  int
	welcome bool // first run: greet, show the care note, no way back
	busy    bool // a goal is being saved
}

// pickPlanMsg asks the root to start a goal on the chosen plan.
type pickPlanMsg struct{ plan coach.Plan }

// closeScreenMsg asks the root to go back to Today.
type closeScreenMsg struct{}

func newPicker(welcome bool) pickerScreen {
	return pickerScreen{keys: defaultPickerKeys(), plans: coach.Plans(), welcome: welcome}
}

func (s pickerScreen) Update(msg tea.KeyMsg) (pickerScreen, tea.Cmd) {
	switch {
	case s.busy:
		return s, nil
	case key.Matches(msg, s.keys.Up):
		s.cursor = (s.cursor + len(s.plans) - 1) % len(s.plans)
	case key.Matches(msg, s.keys.Down):
		s.cursor = (s.cursor + 1) % len(s.plans)
	case key.Matches(msg, s.keys.Choose):
		s.busy = true
		p := s.plans[s.cursor]
		return s, func() tea.Msg { return pickPlanMsg{plan: p} }
	case key.Matches(msg, s.keys.Back) && !s.welcome:
		return s, func() tea.Msg { return closeScreenMsg{} }
	}
	return s, nil
}

func (s pickerScreen) View(width, height int, st Styles) string {
	var b strings.Builder
	switch {
	case s.welcome && height < 16:
		// No room for the whole care note: say what tend is not, and
		// where the rest is.
		b.WriteString(st.Muted.Render(wrapJoin("Not medical care · ? for support lines", width)) + "\n")
		b.WriteString("Pick a first goal:\n")
	case s.welcome:
		b.WriteString(st.Muted.Render(wrapJoin("Start small. Build up when you're ready. Rest days count too.", width)))
		b.WriteString("\n\nPick a first goal:\n")
	default:
		b.WriteString("Add a goal:\n")
	}
	nameW := 0
	for _, p := range s.plans {
		nameW = max(nameW, lipgloss.Width(p.Name))
	}
	for i, p := range s.plans {
		cursor := " "
		name := fmt.Sprintf("%-*s", nameW, p.Name)
		if i == s.cursor {
			cursor, name = st.Selected.Render(cursorGlyph), st.Selected.Render(name)
		}
		line := fmt.Sprintf(" %s %s", cursor, name)
		if room := width - lipgloss.Width(line) - 2; room >= 20 {
			line += "  " + st.Muted.Render(wrap(p.Summary, room)[0])
		}
		b.WriteString(line + "\n")
	}
	if s.welcome && height >= 16 {
		b.WriteString("\n" + st.Muted.Render(wrapJoin(coach.MsgO1, width)) + "\n")
	}
	return b.String()
}

func (s pickerScreen) ShortHelp() []key.Binding {
	if s.welcome {
		return []key.Binding{s.keys.Choose, s.keys.Up, s.keys.Down}
	}
	return []key.Binding{s.keys.Choose, s.keys.Up, s.keys.Down, s.keys.Back}
}

func (s pickerScreen) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }

func wrapJoin(s string, width int) string { return strings.Join(wrap(s, width), "\n") }
