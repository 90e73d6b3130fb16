package tui

import (
	"os"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"tend/coach"
)

func TestMain(m *testing.M) {
	// Goldens are plain text: the colour profile of whoever runs the tests
	// must not leak into them.
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

// fixedDay is the Monday every TUI test lives on.
var fixedDay = coach.DayOf(2026, time.March, 2)

func fixedClock() time.Time { return time.Date(2026, time.March, 2, 9, 30, 0, 0, time.UTC) }

// keyPress makes the message a key press of r sends.
func keyPress(r rune) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}} }

func keyOf(t tea.KeyType) tea.KeyMsg { return tea.KeyMsg{Type: t} }

// press drives the root model with one message and returns it with the
// command it asked for.
func press(t *testing.T, m Model, msg tea.Msg) (Model, tea.Cmd) {
	t.Helper()
	next, cmd := m.Update(msg)
	return next.(Model), cmd
}

// settle feeds m the messages its command produces, the way the Bubble Tea
// runtime would, until no command is left; ticks and quits are not followed.
func settle(t *testing.T, m Model, cmd tea.Cmd) Model {
	t.Helper()
	for i := 0; cmd != nil && i < 20; i++ {
		msg := cmd()
		switch msg := msg.(type) {
		case tea.BatchMsg:
			for _, c := range msg {
				m = settle(t, m, c)
			}
			return m
		case watchTickMsg, tea.QuitMsg, nil:
			return m
		}
		m, cmd = press(t, m, msg)
	}
	return m
}

// seeded is a day's snapshot with three goals in different states: one due,
// one done today, one resting (not due on a Monday).
func seeded(t *testing.T) coach.Snapshot {
	t.Helper()
	goal := func(id uint64, name, plan string, level int, sched coach.Schedule) coach.Goal {
		p, err := coach.PlanByID(plan)
		if err != nil {
			t.Fatal(err)
		}
		g, err := coach.NewGoal(name, p, nil, sched, 0, fixedDay.AddDays(-20))
		if err != nil {
			t.Fatal(err)
		}
		g.ID, g.Level = id, level
		return g
	}
	run := goal(1, "Walk to run", coach.WalkToRunID, 7, coach.Schedule{PerWeek: 3})
	walk := goal(2, "Daily walk", coach.DailyWalkID, 4, coach.Schedule{PerWeek: 5})
	mind := goal(3, "Mindful minutes", coach.MindfulID, 1,
		coach.Schedule{Weekdays: []time.Weekday{time.Tuesday, time.Thursday}})
	return coach.Snapshot{
		DayStartHour: 4,
		Goals:        []coach.Goal{run, walk, mind},
		CheckIns: map[uint64][]coach.CheckIn{
			1: {
				{Day: fixedDay.AddDays(-7), Outcome: coach.Away, Level: 7, Variant: 1},
				{Day: fixedDay.AddDays(-5), Outcome: coach.Done, Achieved: 9, Target: 9, Level: 7, Variant: 1},
				{Day: fixedDay.AddDays(-3), Outcome: coach.Done, Achieved: 9, Target: 9, Level: 7, Variant: 1},
			},
			2: {{Day: fixedDay, Outcome: coach.Done, Achieved: 15, Target: 15, Level: 4, Variant: 1}},
		},
	}
}

// loaded returns the root model sized w×h with snap loaded, as it is once
// start-up is over.
func loaded(t *testing.T, st Store, snap coach.Snapshot, w, h int) Model {
	t.Helper()
	m := New(Deps{Store: st, Path: "", Clock: fixedClock, Styles: DefaultStyles(), Tick: noTick})
	m, _ = press(t, m, tea.WindowSizeMsg{Width: w, Height: h})
	m, _ = press(t, m, loadedMsg{snap: snap, day: fixedDay})
	return m
}

// noTick stands in for tea.Tick: tests feed timer messages themselves, so
// nothing ever waits on the wall clock.
func noTick(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }
