package tui

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"

	"tend/coach"
)

// History is one goal's whole story, as the review reads it.
type History struct {
	Goal      coach.Goal
	Plan      coach.Plan
	CheckIns  []coach.CheckIn
	Decisions []coach.Decision
	Today     coach.Day
	// Picked is the day with the calendar's cursor in the TUI; zero for none.
	Picked   coach.Day
	measured *coach.Review
}

// Review measures the history, once: the screen draws it on every key.
func (h History) Review() coach.Review {
	if h.measured != nil {
		return *h.measured
	}
	return coach.ReviewOf(h.Goal, h.Plan, h.CheckIns, h.Today)
}

// measure returns the history with its review worked out, for drawing
// many times.
func (h History) measure() History {
	r := coach.ReviewOf(h.Goal, h.Plan, h.CheckIns, h.Today)
	h.measured = &r
	return h
}

// Heatmap sizes: as many weeks as the width allows, within these. [D]
const (
	heatMinWeeks = 8
	heatMaxWeeks = 26
)

// heatLegendWidth is the room the legend takes beside the heatmap.
const heatLegendWidth = 25

// markGlyphs are the heatmap's glyphs. A missed day is a neutral dot,
// never red.
var markGlyphs = map[coach.Mark]string{
	coach.MarkDone: "■", coach.MarkPartial: "▪", coach.MarkMinimum: "▫", coach.MarkRest: "~",
	coach.MarkUnwell: "+", coach.MarkAway: "›", coach.MarkMissed: "·", coach.MarkPaused: "-",
	coach.MarkNone: " ", coach.MarkFuture: " ",
}

// ReviewLines draws one goal's review: heatmap, strength, streaks, totals,
// the ladder and its history, the target over time and mood.
func ReviewLines(h History, width int, st Styles) []string {
	r := h.Review()
	var out []string
	out = append(out, heatmap(h, width, st)...)
	out = append(out, "")
	row := func(label, value string) {
		lines := wrap(value, max(10, width-14))
		out = append(out, fmt.Sprintf("%-13s %s", label, lines[0]))
		for _, l := range lines[1:] {
			out = append(out, strings.Repeat(" ", 14)+l)
		}
	}
	barW := min(20, max(5, width-30))
	pct := coach.StrengthPercent(r.Strength)
	filled := int(math.Round(float64(barW) * float64(pct) / 100))
	strength := fmt.Sprintf(" %d%% · %s", pct, r.Band)
	if pct == 0 {
		strength = " starting · it grows with each session"
	}
	row("Strength", st.Success.Render(strings.Repeat("█", filled))+st.Muted.Render(strings.Repeat("░", barW-filled))+strength)
	row("Weeks kept", weeksKeptWords(r.WeeksKept))
	row("Show-up", streakWords(r))
	row("Totals", totalWords(h, r))
	row("Ladder", ladderWords(h))
	if chart := targetChart(h, width-14); chart != "" {
		row("Target", chart)
	}
	if c, ok := lastChange(h.Decisions); ok {
		y, m, d := c.Day.Date()
		_ = y
		row("Last change", fmt.Sprintf("%d %.3s: %s", d, m, c.Message))
	}
	row("Mood", moodWords(r.Mood, h.Plan))
	for i, c := range RecentNotes(h.CheckIns, reviewNotes) {
		label := ""
		if i == 0 {
			label = "Notes"
		}
		row(label, shortDay(c.Day, h.Today)+": "+c.Note)
	}
	return out
}

// weeksKeptWords never shows a bare zero: a run of weeks starts this week.
func weeksKeptWords(n int) string {
	if n == 0 {
		return "a new run of weeks starts with this one"
	}
	return fmt.Sprintf("%d", n)
}

func streakWords(r coach.Review) string {
	var s string
	switch {
	case r.RunEnded:
		s = "a new run starts with your next session"
	case r.PendingMiss:
		s = fmt.Sprintf("%d ◌ (the next session repairs one miss)", r.ShowUpStreak)
	default:
		s = fmt.Sprintf("%d in a row", r.ShowUpStreak)
	}
	if r.BestStreak > 0 {
		s += fmt.Sprintf(" · best %d", r.BestStreak)
	}
	return s
}

func totalWords(h History, r coach.Review) string {
	s := fmt.Sprintf("%s · %s", plural(r.Sessions, "session"), amountWords(r.Total, h.Plan.Unit))
	if h.Plan.Unit == coach.Minutes && h.Plan.Domain != coach.DomainMind {
		if r.WeekActiveMin > 0 {
			s += fmt.Sprintf(" · %s active this week, of %d", amountWords(r.WeekActiveMin, coach.Minutes), coach.ActiveMinutesPerWeek)
		} else {
			s += fmt.Sprintf(" · %d active minutes to aim for this week", coach.ActiveMinutesPerWeek)
		}
	}
	return s
}

// amountWords writes minutes as hours and minutes, other units as they are.
func amountWords(a float64, u coach.Unit) string {
	if u != coach.Minutes || a < 60 {
		return coach.Amount(math.Round(a*100)/100, u)
	}
	m := int(math.Round(a))
	return fmt.Sprintf("%d h %d m", m/60, m%60)
}

// ladderWords lists the plan's rungs with the current one in brackets.
func ladderWords(h History) string {
	var parts []string
	for _, l := range h.Plan.Levels {
		label := strings.TrimSuffix(l.Label, " min")
		if l.Number == h.Goal.Level {
			label = "[" + label + "]"
		}
		parts = append(parts, label)
	}
	s := strings.Join(parts, " · ")
	if h.Plan.Unit == coach.Minutes && h.Plan.Domain != coach.DomainRun {
		s += " min"
	}
	return s
}

// lastChange is the newest decision that moved the goal.
func lastChange(ds []coach.Decision) (coach.Decision, bool) {
	for i := len(ds) - 1; i >= 0; i-- {
		switch ds[i].Action {
		case coach.ActAdvance, coach.ActGraduate, coach.ActStepBack, coach.ActBridge, coach.ActEaseGap,
			coach.ActRestart, coach.ActEasePain, coach.ActPause, coach.ActSafetyHold:
			return ds[i], true
		case coach.ActNone, coach.ActHold:
		}
	}
	return coach.Decision{}, false
}

func moodWords(m coach.MoodSummary, p coach.Plan) string {
	if !m.Enough {
		return fmt.Sprintf("add a mood before and after a few sessions to see how they lift it (%d of %d so far)",
			m.LiftDays, coach.MinMoodDays)
	}
	s := fmt.Sprintf("%+.1f after a session, on average (%d days)", m.Lift, m.LiftDays)
	if m.ActiveDays >= coach.MinMoodDays && m.OtherDays >= coach.MinMoodDays {
		s += fmt.Sprintf("; %.1f on active days, %.1f on others", m.ActiveMood, m.OtherMood)
	}
	return s
}

// targetChart is a sparkline of the target, a column a week, over the
// heatmap's weeks.
func targetChart(h History, width int) string {
	weeks := min(heatMaxWeeks, max(4, width-16))
	first := h.Today.Monday().AddDays(-7 * (weeks - 1))
	vals := make([]float64, 0, weeks)
	last := 0.0
	for w := 0; w < weeks; w++ {
		mon := first.AddDays(7 * w)
		for _, c := range h.CheckIns {
			if !c.Day.Before(mon) && c.Day.Before(mon.AddDays(7)) && c.Outcome.ShowedUp() && c.Target > 0 {
				last = c.Target
			}
		}
		vals = append(vals, last)
	}
	lo, hi := math.Inf(1), 0.0
	for _, v := range vals {
		if v > 0 {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	if hi == 0 {
		return ""
	}
	bars := []rune("▁▂▃▄▅▆▇█")
	var b strings.Builder
	for _, v := range vals {
		switch {
		case v == 0:
			b.WriteRune(' ')
		case hi == lo:
			b.WriteRune(bars[3])
		default:
			b.WriteRune(bars[int((v-lo)/(hi-lo)*float64(len(bars)-1))])
		}
	}
	_, fm, _ := first.Date()
	_, tm, _ := h.Today.Date()
	return fmt.Sprintf("%s  %.3s → %.3s", b.String(), fm, tm)
}

// heatmap draws the last weeks as a calendar: a row a weekday, a column a
// week, newest on the right, with a legend where there is room.
func heatmap(h History, width int, st Styles) []string {
	// Room for the legend beside the grid where the width allows it.
	weeks := min(heatMaxWeeks, (width-6-heatLegendWidth)/2)
	if weeks < 16 {
		weeks = min(heatMaxWeeks, max(1, (width-6)/2))
	}
	first := h.Today.Monday().AddDays(-7 * (weeks - 1))
	marks := coach.DayMarks(h.Goal, h.CheckIns, first, first.AddDays(7*weeks-1), h.Today)
	months := "      "
	prev := time.Month(0)
	for w := 0; w < weeks; w++ {
		_, m, _ := first.AddDays(7 * w).Date()
		if m != prev && lipgloss.Width(months) <= 6+2*w {
			months += fmt.Sprintf("%.3s", m)
			prev = m
		}
		for lipgloss.Width(months) < 6+2*(w+1) {
			months += " "
		}
	}
	out := []string{ansiCut(strings.TrimRight(months, " "), width)}
	legend := []string{"■ done ▪ part ▫ minimum", "~ rest + unwell › away", "· missed"}
	for wd := 0; wd < 7; wd++ {
		var b strings.Builder
		fmt.Fprintf(&b, "  %.3s", time.Weekday((wd+1)%7))
		for w := 0; w < weeks; w++ {
			// The day picked in the TUI's calendar has the cursor before it.
			sep := " "
			if first.AddDays(7*w+wd) == h.Picked && !h.Picked.IsZero() {
				sep = st.Selected.Render(cursorGlyph)
			}
			b.WriteString(sep + markStyle(marks[w*7+wd], st).Render(markGlyphs[marks[w*7+wd]]))
		}
		line := strings.TrimRight(b.String(), " ")
		if wd >= 1 && wd <= 3 && 6+2*weeks+heatLegendWidth <= width {
			line += strings.Repeat(" ", 6+2*weeks-lipgloss.Width(line)) + "  " + st.Muted.Render(legend[wd-1])
		}
		out = append(out, line)
	}
	if sched := h.Goal.Schedule(); !sched.Daily() && len(sched.Weekdays) == 0 {
		out = append(out, weekCounts(h, first, weeks, st))
	}
	return out
}

// weekCounts is the row under an N-a-week heatmap: each week's sessions.
func weekCounts(h History, first coach.Day, weeks int, st Styles) string {
	var b strings.Builder
	b.WriteString("   #  ")
	for w := 0; w < weeks; w++ {
		mon := first.AddDays(7 * w)
		n := 0
		for _, c := range h.CheckIns {
			if !c.Day.Before(mon) && c.Day.Before(mon.AddDays(7)) && c.Outcome.ShowedUp() {
				n++
			}
		}
		cell := " "
		if n > 0 {
			cell = fmt.Sprintf("%d", min(n, 9))
		}
		b.WriteString(cell + " ")
	}
	return st.Muted.Render(strings.TrimRight(b.String(), " "))
}

func markStyle(m coach.Mark, st Styles) lipgloss.Style {
	switch m {
	case coach.MarkDone, coach.MarkPartial, coach.MarkMinimum:
		return st.Success
	case coach.MarkRest, coach.MarkUnwell, coach.MarkAway:
		return st.Rest
	case coach.MarkMissed, coach.MarkPaused, coach.MarkNone, coach.MarkFuture:
	}
	return st.Muted
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
