package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"tend/coach"
)

// ladderForm builds a person's own ladder: a unit to choose, then four
// numbers to type. The new-goal flow shows it when "Build my own ladder"
// is picked.
type ladderForm struct {
	unit   int // index into customUnits
	fields [4]textinput.Model
	focus  int // 0: the unit; 1–4: the fields
}

var (
	customUnits  = []coach.Unit{coach.Minutes, coach.Reps, coach.Km, coach.Miles, coach.Times}
	customLabels = [4]string{"Start at", "Add each step", "Up to", "Sessions per step"}
)

func newLadderForm(mk func(string, int) textinput.Model) ladderForm {
	var f ladderForm
	// Filled in, so Enter down the rows builds a ladder: 10 up to 30 in
	// steps of 5.
	for i, v := range []string{"10", "5", "30", "3"} {
		f.fields[i] = mk(v, 7)
		f.fields[i].SetValue(v)
	}
	return f
}

func (f ladderForm) refocus() ladderForm {
	for i := range f.fields {
		f.fields[i].Blur()
	}
	if f.focus > 0 {
		f.fields[f.focus-1].Focus()
	}
	return f
}

func (f ladderForm) update(msg tea.KeyMsg, k formKeys) ladderForm {
	switch {
	case key.Matches(msg, k.Tab), key.Matches(msg, k.Down):
		f.focus = (f.focus + 1) % 5
	case key.Matches(msg, k.Up):
		f.focus = (f.focus + 4) % 5
	case f.focus == 0:
		f.unit = choose(f.unit, len(customUnits), msg, k)
	}
	return f.refocus()
}

// typeInto sends a key to the focused field; the arrows still move between
// fields.
func (f ladderForm) typeInto(msg tea.KeyMsg, k formKeys) (ladderForm, tea.Cmd) {
	var cmd tea.Cmd
	switch msg.Type {
	case tea.KeyUp, tea.KeyDown:
		return f.update(msg, k), nil
	}
	f.fields[f.focus-1], cmd = f.fields[f.focus-1].Update(msg)
	return f, cmd
}

// ladder reads the answers, checked by the coach.
func (f ladderForm) ladder() (coach.Custom, error) {
	c := coach.Custom{Unit: customUnits[f.unit]}
	vals := make([]float64, 3)
	for i := range vals {
		v, err := coach.ParseAmount(f.fields[i].Value())
		if err != nil {
			return coach.Custom{}, wrapUser("%s needs a plain number, like %s", customLabels[i], f.fields[i].Placeholder)
		}
		vals[i] = v
	}
	every, err := coach.ParseWhole(f.fields[3].Value(), 1, 20)
	if err != nil {
		return coach.Custom{}, wrapUser("Sessions per step is a whole number from 1 to 20")
	}
	c.Start, c.Step, c.Max, c.Every = vals[0], vals[1], vals[2], every
	if _, err := coach.CustomPlan("", c); err != nil {
		return coach.Custom{}, err
	}
	return c, nil
}

// view draws the unit row, on two lines where the width asks, and the
// four fields.
func (f ladderForm) view(width int, st Styles) []string {
	unit := choiceRow("Unit", unitWords(), f.unit, f.focus == 0, st)
	if lipgloss.Width(unit) > width {
		unit = pointerFor(f.focus == 0, st) + "Unit\n  " + strings.Join(answerParts(unitWords(), f.unit, st), "")
	}
	lines := strings.Split(unit, "\n")
	for i, in := range f.fields {
		lines = append(lines, fieldRow(customLabels[i], in.View(), f.focus == i+1, st))
	}
	return lines
}

func unitWords() []string {
	out := make([]string, len(customUnits))
	for i, u := range customUnits {
		out[i] = u.String()
	}
	return out
}
