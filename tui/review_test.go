package tui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"tend/coach"
)

// seededHistory is ten weeks of a Daily walk (mon–fri) with every outcome:
// sessions, a partial, a minimum, rest, unwell, away, single and double
// misses, a level change and moods.
func seededHistory(t *testing.T) History {
	t.Helper()
	p, _ := coach.PlanByID(coach.DailyWalkID)
	start := fixedDay.AddDays(-70)
	g, err := coach.NewGoal("Daily walk", p, nil, coach.Schedule{PerWeek: 5}, 0, start)
	if err != nil {
		t.Fatal(err)
	}
	g.ID = 2
	var cs []coach.CheckIn
	outcomes := []coach.Outcome{coach.Done, coach.Done, coach.Partial, coach.Done, coach.Minimum, coach.Rest,
		coach.Done, coach.Unwell, coach.Away, coach.Done}
	for i := 0; i < 70; i++ {
		d := start.AddDays(i)
		if i%9 == 4 || i%13 == 7 || d.Weekday() == 0 {
			continue // missed days
		}
		o := outcomes[i%len(outcomes)]
		c := coach.CheckIn{Day: d, Outcome: o, Level: 2, Variant: 1, Target: 10}
		switch o {
		case coach.Done:
			c.Achieved = 10
		case coach.Partial:
			c.Achieved = 6
		case coach.Minimum:
			c.Achieved = 5
		}
		if o.ShowedUp() && i%2 == 0 {
			before, after := 4+i%3, 6+i%4
			c.MoodBefore, c.MoodAfter = &before, &after
		}
		cs = append(cs, c)
	}
	ds := []coach.Decision{{Day: start.AddDays(30), Action: coach.ActAdvance, From: 2, To: 3, ReasonCode: coach.CodeA1,
		Message: "Level up: 12 min. You completed 4 sessions at 10 min and the last felt easy."}}
	g.Level = 3
	return History{Goal: g, Plan: p, CheckIns: cs, Decisions: ds, Today: fixedDay}
}

func TestGoldenReview(t *testing.T) {
	hist := seededHistory(t)
	goldenAt(t, sizes, func(t *testing.T, w, h int) Model {
		m := loaded(t, nil, seeded(t), w, h)
		m, _ = press(t, m, keyPress('j'))
		m, _ = press(t, m, openReviewMsg{goalID: 2})
		m, _ = press(t, m, historyLoadedMsg{goalID: 2, hist: hist})
		return m
	})
}

// The review lists every outcome's glyph, never a red or bare zero, and
// says the level history's reason.
func TestReviewLinesShowEveryMeasure(t *testing.T) {
	h := seededHistory(t)
	text := strings.Join(ReviewLines(h, 100, DefaultStyles()), "\n")
	for _, want := range []string{"■", "▪", "▫", "~", "+", "›", "·", "Strength", "Weeks kept", "Show-up",
		"sessions", "[12]", "Level up: 12 min", "on average, after − before", "- paused", "By week"} {
		if !strings.Contains(text, want) {
			t.Errorf("review lacks %q:\n%s", want, text)
		}
	}
}

// A stale history (for a goal the person has moved away from) is dropped.
func TestReviewDropsAStaleHistory(t *testing.T) {
	m := loaded(t, nil, seeded(t), 80, 24)
	m, _ = press(t, m, openReviewMsg{goalID: 1})
	m, _ = press(t, m, keyOf(tea.KeyRight)) // now on goal 2
	m, _ = press(t, m, historyLoadedMsg{goalID: 1, hist: seededHistory(t)})
	if m.review.hist != nil {
		t.Fatal("a history for goal 1 was shown on goal 2")
	}
	m, _ = press(t, m, keyOf(tea.KeyEsc))
	m = settle(t, m, func() tea.Msg { return nil })
	if m.screen != screenReview {
		t.Logf("screen %v", m.screen)
	}
}

func TestRunEndedNeverShowsABareZero(t *testing.T) {
	got := streakWords(coach.Review{RunEnded: true, BestStreak: 9})
	if strings.Contains(got, "0") || !strings.Contains(got, "new run starts") {
		t.Errorf("ended run reads %q", got)
	}
}

// A new goal's review, mostly blank, still fits the window.
func TestReviewOfANewGoalFits(t *testing.T) {
	h := seededHistory(t)
	h.CheckIns = h.CheckIns[len(h.CheckIns)-2:]
	for _, w := range []int{30, 38, 40, 60, 80} {
		for _, l := range ReviewLines(h, w, DefaultStyles()) {
			if lipgloss.Width(l) > w {
				t.Errorf("width %d: line of %d cells: %q", w, lipgloss.Width(l), l)
			}
		}
	}
}

// historyOf is a goal of plan started days ago, with a session on every
// second day (at the level each day's ladder place gives) up to yesterday.
func historyOf(t *testing.T, planID string, days int, level func(i int) int) History {
	t.Helper()
	p, err := coach.PlanByID(planID)
	if err != nil {
		t.Fatal(err)
	}
	start := fixedDay.AddDays(-days)
	g, err := coach.NewGoal(p.Name, p, nil, coach.Schedule{PerWeek: 3}, 0, start)
	if err != nil {
		t.Fatal(err)
	}
	g.ID = 1
	var cs []coach.CheckIn
	for i := 0; i < days; i += 2 {
		l := level(i)
		cs = append(cs, coach.CheckIn{Day: start.AddDays(i), Outcome: coach.Done, Level: l, Variant: 1,
			Target: p.Session(l, 1).Target, Achieved: p.Session(l, 1).Target})
	}
	if len(cs) > 0 {
		g.Level = cs[len(cs)-1].Level
	}
	return History{Goal: g, Plan: p, CheckIns: cs, Today: fixedDay}
}

// A new goal's calendar starts on its first day: no grid of missed weeks
// before it, at any size.
func TestReviewOfAWeekOldGoal(t *testing.T) {
	h := historyOf(t, coach.DailyWalkID, 6, func(int) int { return 2 })
	for _, w := range []int{38, 78, 118} {
		lines := ReviewLines(h, w, Styles{})
		// Two weeks, the one it started in and this one: the legend starts
		// right after their two columns.
		if at := strings.Index(lines[2], "■ done"); lipgloss.Width(lines[2][:max(0, at)]) != heatLabelWidth+2*2+1 {
			t.Errorf("width %d: a week-old goal's calendar is not two weeks wide:\n%s", w, strings.Join(lines, "\n"))
		}
		text := strings.Join(lines, "\n")
		for _, want := range []string{"■ done", "▪ part", "▫ minimum", "~ rest", "+ unwell", "› away", "- paused"} {
			if !strings.Contains(text, want) {
				t.Errorf("width %d: the legend lacks %q:\n%s", w, want, text)
			}
		}
	}
}

// A two-year-old goal's calendar is as wide as the window allows, its
// dates carry their year, and no month label is cut.
func TestReviewOfATwoYearOldGoal(t *testing.T) {
	h := historyOf(t, coach.DailyWalkID, 730, func(i int) int { return min(10, 2+i/80) })
	h.Decisions = []coach.Decision{{Day: fixedDay.AddDays(-400), Action: coach.ActAdvance, From: 8, To: 9,
		Message: "Level up: 28 min."}}
	for _, w := range []int{38, 78, 118} {
		lines := ReviewLines(h, w, Styles{})
		text := squashSpaces(strings.Join(lines, "\n"))
		for _, l := range lines {
			if lipgloss.Width(l) > w {
				t.Errorf("width %d: line of %d cells: %q", w, lipgloss.Width(l), l)
			}
		}
		if strings.Contains(lines[0], "…") {
			t.Errorf("width %d: a month label is cut: %q", w, lines[0])
		}
		// This week has no session yet, so its count is blank: +1.
		weeks := len(calendarWeeks(lines)) + 1
		room := (w - heatLabelWidth - heatLegendWidth - 1) / 2
		if room < heatBesideMin {
			room = (w - heatLabelWidth) / 2
		}
		if weeks != room {
			t.Errorf("width %d: %d weeks in a calendar with room for %d", w, weeks, room)
		}
		if !strings.Contains(text, "Last change 26 Jan 2025: Level up: 28 min.") {
			t.Errorf("width %d: the last change lacks its year:\n%s", w, text)
		}
		if !regexp.MustCompile(`\d{1,2} [A-Z][a-z]{2} 20\d\d – 2 Mar`).MatchString(text) {
			t.Errorf("width %d: the chart does not name its window with years:\n%s", w, text)
		}
	}
}

// Walk to run's chart reads as progress: the move from walking minutes to
// running minutes is a step up the ladder, never a drop.
func TestWalkToRunChartNeverDrops(t *testing.T) {
	// P1..P4 then W1..W3, a rung every three weeks.
	h := historyOf(t, coach.WalkToRunID, 7*21, func(i int) int { return 1 + i/21 })
	chart := targetChart(h, 80)
	bars := []rune(strings.Fields(chart)[0])
	for i := 1; i < len(bars); i++ {
		if bars[i] < bars[i-1] {
			t.Fatalf("the chart drops at week %d: %q", i, chart)
		}
	}
	if !strings.Contains(chart, "10 min walk → NHS week 3") {
		t.Errorf("chart label %q; want the rungs in the words of today", chart)
	}
}

// Archived goals are in the TUI's review too, after the others, marked.
func TestReviewReachesArchivedGoals(t *testing.T) {
	snap := seeded(t)
	snap.Goals[0] = snap.Goals[0].SetStatus(coach.Archived, fixedDay.AddDays(-1))
	m := loaded(t, &recordingStore{snap: snap}, snap, 80, 24)
	m = pressAll(t, m, keyPress('v'))
	if m.screen != screenReview || len(m.review.goals) != 3 {
		t.Fatalf("review of %d goals, want 3 with the archived one", len(m.review.goals))
	}
	m = pressAll(t, m, keyOf(tea.KeyLeft))
	if v := m.View(); !strings.Contains(v, "Review · Walk to run · archived") || !strings.Contains(v, "◂ 3 of 3 ▸") {
		t.Errorf("the archived goal's review:\n%s", v)
	}
}

// Mood reads as lifts, after − before, with the average before and after,
// and week by week (COACH §6.4); never set against days without a session.
func TestReviewMoodLifts(t *testing.T) {
	text := strings.Join(ReviewLines(seededHistory(t), 120, Styles{}), "\n")
	for _, want := range []string{"on average, after − before (", " before, ", " after, 20 sessions)", "By week       +2.0 +2.5"} {
		if !strings.Contains(text, want) {
			t.Errorf("mood lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "on others") {
		t.Errorf("mood is set against days without a session:\n%s", text)
	}
}

// calendarWeeks are the week counts under an N-a-week calendar, one a week.
func calendarWeeks(lines []string) []string {
	for _, l := range lines {
		if strings.HasPrefix(l, "   #  ") {
			return strings.Split(strings.TrimPrefix(l, "   #  "), " ")
		}
	}
	return nil
}

// The weekly mood row shows as many recent weeks as fit, however long the
// history: the most weeks whose row is no wider than the width (one week
// when none fits), as trying every number of weeks from all of them down
// finds. Weeks across a new year make the words after the row longer.
func TestMoodWeeksShowTheMostRecentWeeksThatFit(t *testing.T) {
	var weeks []coach.MoodWeek
	monday := fixedDay.Monday().AddDays(-7 * 59)
	for i := range 60 {
		w := coach.MoodWeek{Monday: monday.AddDays(7 * i)}
		if i%4 != 1 {
			w.Days, w.Lift = 1+i%3, float64(i%7-3)/2
		}
		weeks = append(weeks, w)
	}
	for width := -1; width <= 200; width++ {
		want := ""
		for n := len(weeks); n > 0 && want == ""; n-- {
			cells := make([]string, 0, n)
			for _, w := range weeks[len(weeks)-n:] {
				cell := "·"
				if w.Days > 0 {
					cell = fmt.Sprintf("%+.1f", w.Lift)
				}
				cells = append(cells, cell)
			}
			s := strings.Join(cells, " ") + "  weeks from " + DateWords(weeks[len(weeks)-n].Monday, fixedDay)
			if lipgloss.Width(s) <= width || n == 1 {
				want = s
			}
		}
		if got := moodWeeksWords(weeks, fixedDay, width); got != want {
			t.Errorf("width %d: %q, want %q", width, got, want)
		}
	}
}
