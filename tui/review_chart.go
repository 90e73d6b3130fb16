package tui

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"tend/coach"
)

// The review's chart of the target over time, and its mood lines.

var sparkBars = []rune("▁▂▃▄▅▆▇█")

// targetChart is a sparkline of the goal's step on its ladder, a column a
// week (or a few, for a long history), from the goal's first week to this
// one. It charts the step, not the raw target: Walk to run's move from
// walking minutes to running minutes is a step up, never a drop. The label
// names the steps in the words the person reads today, and the data's
// window with its dates.
func targetChart(h History, width int) string {
	weeks := reviewWeeks(h)
	steps := stepIndex(h.Plan)
	first := h.Today.Monday().AddDays(-7 * (weeks - 1))
	vals := make([]int, weeks)
	last, lo, hi := 0, math.MaxInt, 0
	// One pass over the history, in day order, a week at a time: a
	// review may draw twenty years of it.
	cs := inDayOrder(h.CheckIns)
	i := 0
	// A level's step is looked up when the level changes, not for every
	// check-in of years at one level.
	level, step := 0, steps[0]
	for w := range vals {
		end := first.AddDays(7 * (w + 1))
		for ; i < len(cs) && cs[i].Day.Before(end); i++ {
			c := cs[i]
			if c.Level != level {
				level, step = c.Level, steps[c.Level]
			}
			if !c.Day.Before(first) && c.Outcome.ShowedUp() && step > 0 {
				last = step
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
	label := chartLabel(h, first, vals[0], steps[h.Goal.Level])
	// Beside its label where both fit with at least 8 columns (or every
	// week), else the label wraps under it. A long history is drawn whole,
	// a column for several weeks: each shows the step it ended on.
	room := width - 2 - lipgloss.Width(label)
	if room < min(8, len(vals)) {
		room = width
	}
	per := (len(vals) + max(1, room) - 1) / max(1, room)
	var b strings.Builder
	for end := len(vals); end > 0; end -= per {
		v := vals[end-1]
		bar := ' '
		switch {
		case v == 0:
		case hi == lo:
			bar = sparkBars[3]
		default:
			bar = sparkBars[(v-lo)*(len(sparkBars)-1)/(hi-lo)]
		}
		b.WriteString(string(bar))
	}
	return reverse(b.String()) + "  " + label
}

// chartLabel names the chart's steps and its window: "10 min walk → NHS
// week 3 · 5 Jan – 2 Mar".
func chartLabel(h History, first coach.Day, from, now int) string {
	if start := reviewStart(h); first.Before(start) {
		first = start
	}
	words := stepWords(h.Plan, from) + " → " + stepWords(h.Plan, now)
	if from == now {
		words = "at " + stepWords(h.Plan, now)
	}
	window := DateWords(first, h.Today) + " – " + DateWords(h.Today, h.Today)
	if first == h.Today {
		window = "today"
	}
	return words + " · " + window
}

func reverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
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

const weeksFrom = "  weeks from "

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
	// The last n cells alone, with the words after them, take more than
	// the width from some n on, and no n above it fits: the walk down
	// starts there, not at the whole history (twenty years of weeks, each
	// joined and measured, took a review of one goal 70 ms).
	fit, used := 0, -1
	for fit < len(cells) && used+1+lipgloss.Width(cells[len(cells)-fit-1])+len(weeksFrom) <= width {
		used += 1 + lipgloss.Width(cells[len(cells)-fit-1])
		fit++
	}
	for n := max(fit, 1); n > 0; n-- {
		s := strings.Join(cells[len(cells)-n:], " ") + weeksFrom + DateWords(weeks[len(weeks)-n].Monday, today)
		if lipgloss.Width(s) <= width || n == 1 {
			return s
		}
	}
	return ""
}

// inDayOrder is cs in day order (a stable sort of a copy, when it is not
// already, as the store's histories are).
func inDayOrder(cs []coach.CheckIn) []coach.CheckIn {
	if slices.IsSortedFunc(cs, func(a, b coach.CheckIn) int { return a.Day.DaysSince(b.Day) }) {
		return cs
	}
	out := slices.Clone(cs)
	slices.SortStableFunc(out, func(a, b coach.CheckIn) int { return a.Day.DaysSince(b.Day) })
	return out
}
