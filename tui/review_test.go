package tui

import (
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
	ds := []coach.Decision{{Day: start.AddDays(30), Action: coach.ActAdvance, From: 2, To: 3, ReasonCode: "A1",
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
