package tui

import (
	"fmt"
	"math"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"tend/coach"
)

// The review's chart of the target over time, and its mood lines.

var sparkBars = []rune("▁▂▃▄▅▆▇█")

// targetChart is a sparkline of the goal's step on its ladder, a column a
// week, from the goal's first week (or as many recent weeks as fit) to
// this one. It charts the step, not the raw target: Walk to run's move from
// walking minutes to running minutes is a step up, never a drop. The label
// names the steps in the words the person reads today, and the data's
// window with its dates.
func targetChart(h History, width int) string {
	weeks := reviewWeeks(h)
	steps := stepIndex(h.Plan)
	first := h.Today.Monday().AddDays(-7 * (weeks - 1))
	vals := make([]int, weeks)
	last, lo, hi := 0, math.MaxInt, 0
	for w := range vals {
		mon := first.AddDays(7 * w)
		for _, c := range h.CheckIns {
			if !c.Day.Before(mon) && c.Day.Before(mon.AddDays(7)) && c.Outcome.ShowedUp() && steps[c.Level] > 0 {
				last = steps[c.Level]
			}
		}
		vals[w] = last
		if last > 0 {
			lo, hi = min(lo, last), max(hi, last)
		}
	}
	if hi == 0 {
		return ""
	}
	for len(vals) > 1 && vals[0] == 0 {
		vals, first = vals[1:], first.AddDays(7)
	}
	label := func(cols int) string {
		shown := first.AddDays(7 * (len(vals) - cols))
		start := reviewStart(h)
		if shown.Before(start) {
			shown = start
		}
		from, now := vals[len(vals)-cols], steps[h.Goal.Level]
		words := stepWords(h.Plan, from) + " → " + stepWords(h.Plan, now)
		if from == now {
			words = "at " + stepWords(h.Plan, now)
		}
		window := dateWords(shown, h.Today) + " – " + dateWords(h.Today, h.Today)
		if shown == h.Today {
			window = "today"
		}
		return words + " · " + window
	}
	// Beside its label where both fit with at least 8 weeks (or all of
	// them), else the label wraps under it.
	cols := min(len(vals), width)
	for c := cols; c >= min(8, len(vals)) && c > 0; c-- {
		if c+2+lipgloss.Width(label(c)) <= width {
			cols = c
			break
		}
	}
	var b strings.Builder
	for _, v := range vals[len(vals)-cols:] {
		switch {
		case v == 0:
			b.WriteRune(' ')
		case hi == lo:
			b.WriteRune(sparkBars[3])
		default:
			b.WriteRune(sparkBars[(v-lo)*(len(sparkBars)-1)/(hi-lo)])
		}
	}
	return b.String() + "  " + label(cols)
}

// stepIndex numbers a plan's levels by their place on its ladder, from 1.
func stepIndex(p coach.Plan) map[int]int {
	out := make(map[int]int, len(p.Levels))
	for i, l := range p.Levels {
		out[l.Number] = i + 1
	}
	return out
}

// stepWords names the rung at a ladder place (from 1) the way the person
// reads it today: "15 min", "NHS week 3".
func stepWords(p coach.Plan, at int) string {
	if at < 1 || at > len(p.Levels) {
		return ""
	}
	return p.Levels[at-1].Label
}

// moodWords sums up the mood lifts: after − before on session days, with
// the average before and after beside them (COACH §6.4).
func moodWords(m coach.MoodWeek) string {
	if m.Days < coach.MinMoodDays {
		return fmt.Sprintf("add a mood before and after a few sessions to see how they lift it (%d of %d so far)",
			m.Days, coach.MinMoodDays)
	}
	return fmt.Sprintf("%+.1f on average, after − before (%.1f before, %.1f after, %d sessions)",
		m.Lift, m.Before, m.After, m.Days)
}

// moodWeeksWords lists the weekly lifts, oldest first, as many recent weeks
// as fit, "·" for a week without a mood before and after.
func moodWeeksWords(weeks []coach.MoodWeek, today coach.Day, width int) string {
	cells := make([]string, len(weeks))
	for i, w := range weeks {
		cells[i] = "·"
		if w.Days > 0 {
			cells[i] = fmt.Sprintf("%+.1f", w.Lift)
		}
	}
	for n := len(cells); n > 0; n-- {
		s := strings.Join(cells[len(cells)-n:], " ") + "  weeks from " + dateWords(weeks[len(weeks)-n].Monday, today)
		if lipgloss.Width(s) <= width || n == 1 {
			return s
		}
	}
	return ""
}
