package tui

import (
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"tend/coach"
)

// daysForm asks how often: N days a week, or which weekdays.
type daysForm struct {
	perWeek     int
	weekdayMode bool
	on          [7]bool // Monday first
	cursor      int
}

func newDaysForm(perWeek int) daysForm {
	f := daysForm{perWeek: max(1, min(7, perWeek))}
	// Spread out, with rest days between where they fit: 3 is mon, wed, fri.
	spread := map[int]string{1: "1000000", 2: "0100100", 3: "1010100", 4: "1101100", 5: "1111100", 6: "1111110", 7: "1111111"}
	for i, c := range spread[f.perWeek] {
		f.on[i] = c == '1'
	}
	return f
}

func (f daysForm) update(msg tea.KeyMsg, k newGoalKeys) daysForm {
	switch {
	case key.Matches(msg, k.Tab):
		f.weekdayMode = !f.weekdayMode
	case !f.weekdayMode:
		f.perWeek = choose(f.perWeek-1, 7, msg, k) + 1
	case key.Matches(msg, k.Toggle):
		f.on[f.cursor] = !f.on[f.cursor]
	default:
		f.cursor = choose(f.cursor, 7, msg, k)
	}
	return f
}

func (f daysForm) chosen() []time.Weekday {
	var out []time.Weekday
	for i, on := range f.on {
		if on {
			out = append(out, time.Weekday((i+1)%7))
		}
	}
	return out
}

func (f daysForm) schedule() coach.Schedule {
	if f.weekdayMode {
		return coach.Schedule{Weekdays: f.chosen()}
	}
	return coach.Schedule{PerWeek: f.perWeek}
}

// customForm builds a ladder: a unit to choose, then four numbers to type.
type customForm struct {
	unit   int // index into customUnits
	fields [4]textinput.Model
	focus  int // 0: the unit; 1–4: the fields
}

var (
	customUnits  = []coach.Unit{coach.Minutes, coach.Reps, coach.Km, coach.Miles, coach.Times}
	customLabels = [4]string{"Start at", "Add each step", "Up to", "Sessions per step"}
)

func newCustomForm(mk func(string, int) textinput.Model) customForm {
	var f customForm
	// Filled in, so Enter alone builds a ladder: 10 up to 30 in steps of 5.
	for i, v := range []string{"10", "5", "30", "3"} {
		f.fields[i] = mk(v, 7)
		f.fields[i].SetValue(v)
	}
	return f
}

func (f customForm) refocus() customForm {
	for i := range f.fields {
		f.fields[i].Blur()
	}
	if f.focus > 0 {
		f.fields[f.focus-1].Focus()
	}
	return f
}

func (f customForm) update(msg tea.KeyMsg, k newGoalKeys) customForm {
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

func (f customForm) typeInto(msg tea.KeyMsg) (customForm, tea.Cmd) {
	var cmd tea.Cmd
	switch msg.Type {
	case tea.KeyUp, tea.KeyDown:
		return f.update(msg, defaultNewGoalKeys()), nil
	}
	f.fields[f.focus-1], cmd = f.fields[f.focus-1].Update(msg)
	return f, cmd
}

// customPlan reads the ladder's answers, checked by the coach.
func (s newGoalScreen) customPlan() (coach.Custom, error) {
	f := s.custom
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
