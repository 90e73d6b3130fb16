package tui

import (
	"fmt"

	"tend/coach"
)

// reviewNotes is how many recent notes the review shows; the JSON has more. [D]
const reviewNotes = 3

// JSONNotes is how many notes `tend review NAME --json` lists (DESIGN).
const JSONNotes = 10

// RecentNotes returns the check-ins with a note, newest first, at most n.
func RecentNotes(cs []coach.CheckIn, n int) []coach.CheckIn {
	var out []coach.CheckIn
	for i := len(cs) - 1; i >= 0 && len(out) < n; i-- {
		if cs[i].Note != "" {
			out = append(out, cs[i])
		}
	}
	return out
}

// shortDay is a day in a list: "1 Mar", with the year when it is not this
// one's.
func shortDay(d, today coach.Day) string {
	y, m, dd := d.Date()
	if ty, _, _ := today.Date(); ty != y {
		return fmt.Sprintf("%d %.3s %d", dd, m, y)
	}
	return fmt.Sprintf("%d %.3s", dd, m)
}
