package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/textinput"
)

// The rows every form draws: a text field, a question with its answers,
// and the pointer at the row with focus.

// newInput is a text field with a steady cursor: a blinking one redraws the
// screen twice a second for nothing, and a calm app has no need of it.
func newInput() textinput.Model {
	in := textinput.New()
	in.Cursor.SetMode(cursor.CursorStatic)
	return in
}

// pointerFor marks the row that has focus.
func pointerFor(focused bool, st Styles) string {
	if focused {
		return st.Selected.Render(cursorGlyph) + " "
	}
	return "  "
}

// answerParts draws a question's answers, the chosen one in brackets.
func answerParts(answers []string, chosen int, st Styles) []string {
	parts := make([]string, 0, len(answers))
	for i, a := range answers {
		if i == chosen {
			a = st.Choice.Render("[" + a + "]")
		} else {
			a = " " + a + " "
		}
		parts = append(parts, a)
	}
	return parts
}

// choiceRow draws a label and its answers, the chosen one in brackets.
func choiceRow(label string, answers []string, chosen int, focused bool, st Styles) string {
	pointer, parts := pointerFor(focused, st), answerParts(answers, chosen, st)
	if label != "" {
		label = labelColumn(label)
	}
	return pointer + label + strings.Join(parts, " ")
}

// fieldRow draws a label and its text field.
func fieldRow(label, field string, focused bool, st Styles) string {
	return pointerFor(focused, st) + labelColumn(label) + field
}

// labelColumn pads a row's label to the column its answers start in, so
// the answers of a form's rows line up.
func labelColumn(label string) string { return fmt.Sprintf("%-18s", label) }
