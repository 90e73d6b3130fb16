package tui

import (
	"fmt"
	"math"
	"strings"

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
	// start, when set, is reviewStart worked out: the calendar, the chart
	// and the moods each ask it, and it is a walk of the whole history.
	start coach.Day
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

// ReviewLines draws one goal's review: heatmap, strength, streaks, totals,
// the ladder and its history, the target over time and mood.
//
// At NoWrap (printed to no terminal) the calendar and chart are laid out
// at plainLayout and the rows are not wrapped.
func ReviewLines(h History, width int, st Styles) []string {
	r := h.Review()
	h.start = reviewStart(h)
	wrapAt := width
	width = layoutWidth(width)
	var out []string
	out = append(out, heatmap(h, width, st)...)
	out = append(out, "")
	row := func(label, value string) {
		lines := Hanging(value, wrapAt, 14)
		out = append(out, fmt.Sprintf("%-13s %s", label, lines[0]))
		out = append(out, lines[1:]...)
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
		row("Last change", DateWords(c.Day, h.Today)+": "+h.Goal.ReviewMessage(c))
	}
	overall, weeks := coach.MoodLifts(h.CheckIns, reviewStart(h), h.Today)
	row("Mood", moodWords(overall))
	if overall.Days >= coach.MinMoodDays {
		row("By week", moodWeeksWords(weeks, h.Today, width-14))
	}
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
	case r.ShowUpStreak == 0:
		s = "a run starts with your first session" // never a bare 0 (COACH §6.4)
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
	s := fmt.Sprintf("%s · %s", plural(r.Sessions, "session"), AmountWords(r.Total, h.Plan.Unit))
	if h.Plan.Unit == coach.Minutes && h.Plan.Domain != coach.DomainMind {
		if r.WeekActiveMin > 0 {
			s += fmt.Sprintf(" · %s active this week, of %d", AmountWords(r.WeekActiveMin, coach.Minutes), coach.ActiveMinutesPerWeek)
		} else {
			s += fmt.Sprintf(" · %d active minutes to aim for this week", coach.ActiveMinutesPerWeek)
		}
	}
	return s
}

// AmountWords writes minutes as hours and minutes, other units as they are.
func AmountWords(a float64, u coach.Unit) string {
	if u != coach.Minutes || a < 60 {
		return coach.Amount(math.Round(a*100)/100, u)
	}
	m := int(math.Round(a))
	return fmt.Sprintf("%d h %d m", m/60, m%60)
}

// ladderWords lists the plan's rungs with the current one in brackets;
// Couch to 5K's weeks say "NHS week" once: "NHS week 1 · 2 · 3".
func ladderWords(h History) string {
	var parts []string
	nhs := false
	for _, l := range h.Plan.Levels {
		label := strings.TrimSuffix(l.Label, " min")
		if strings.HasPrefix(label, "NHS week ") {
			if nhs {
				label = strings.TrimPrefix(label, "NHS week ")
			}
			nhs = true
		}
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

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
