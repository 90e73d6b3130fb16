package tui

import (
	"fmt"
	"math"

	"tend/coach"
)

// The week's line on Today and in `tend today`, as the sketch has it:
// "This week  ▇▇▇▇▁▁▁  62 of 150 active minutes". The minutes are counted by
// coach's ActiveMinutes, the one count the weekly line and the review use.

// fullDayMinutes is the day that fills its bar: 30 minutes, the NHS's
// 150 a week as 30 on 5 days (COACH §1.2).
const fullDayMinutes = 30

// weekMinutes is the week so far: a bar a day from Monday, and the total.
type weekMinutes struct {
	shown bool // some goal moves in minutes that count
	bars  string
	total float64
}

// weekOf counts the week of day in the snapshot, as `tend today` does.
func weekOf(snap coach.Snapshot, day coach.Day) weekMinutes {
	p := NewTodayPage(snap.Goals, day)
	for _, g := range snap.Goals {
		p.addMinutes(g, snap.CheckIns[g.ID])
	}
	return p.weekMinutes()
}

// line draws the week in width cells, shorter where the width asks; "" when
// no goal's minutes count.
func (w weekMinutes) line(width int, st Styles) string {
	if !w.shown {
		return ""
	}
	total := int(math.Round(w.total))
	long := fmt.Sprintf("%d of %d active minutes", total, coach.ActiveMinutesPerWeek)
	if 9+2+7+2+len(long) > width {
		long = fmt.Sprintf("%d of %d min", total, coach.ActiveMinutesPerWeek)
	}
	return fmt.Sprintf("%s  %s  %s", st.Title.Render("This week"), st.Success.Render(w.bars), st.Muted.Render(long))
}

// dayBar is one day's bar: the baseline for none, up to the tallest for a
// full day of movement or more.
func dayBar(minutes float64) string {
	if minutes <= 0 {
		return string(sparkBars[0])
	}
	i := int(math.Round(minutes / fullDayMinutes * float64(len(sparkBars)-2)))
	return string(sparkBars[max(1, min(len(sparkBars)-2, i))])
}

// countsMinutes reports whether any goal that is not archived moves in
// minutes that count towards the 150.
func countsMinutes(goals []coach.Goal) bool {
	for _, g := range goals {
		if g.Status() != coach.Archived && movesMinutes(g) {
			return true
		}
	}
	return false
}

// movesMinutes reports whether g's plan moves in minutes that count
// towards the 150, as coach.ActiveMinutes counts them.
func movesMinutes(g coach.Goal) bool {
	p, err := g.Plan()
	return err == nil && p.Unit == coach.Minutes && p.Domain != coach.DomainMind
}
