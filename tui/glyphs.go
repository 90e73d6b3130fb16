package tui

import (
	"tend/coach"
)

// The glyphs that mark a goal's state on Today and the row with focus.

// Glyphs for a goal's state on Today.
const (
	glyphDue    = "○"
	glyphDone   = "✓"
	glyphRest   = "~"
	glyphPaused = "‖"
	cursorGlyph = "▸"
)

// mark returns the glyph and its style for a goal on its day.
func mark(t coach.Today, st Styles) string {
	switch {
	case t.Status != coach.Active:
		return st.Muted.Render(glyphPaused)
	case t.Done():
		return st.Success.Render(glyphDone)
	case t.CheckIn != nil || !t.Due:
		return st.Rest.Render(glyphRest)
	default:
		return glyphDue
	}
}
