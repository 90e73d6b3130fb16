package tui

import (
	"errors"
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

// recordingStore answers the TUI's calls from memory and remembers them, so
// that Update can be driven as a pure function. The real store is exercised
// by the flow test and the end-to-end tests.
type recordingStore struct {
	snap     coach.Snapshot
	added    []coach.Goal
	entries  []coach.Entry
	undone   []coach.Day
	edited   []coach.CheckIn // each edit's result
	checkErr error
}

func (r *recordingStore) Snapshot(coach.Day) (coach.Snapshot, error) { return r.snap, nil }

func (r *recordingStore) AddGoal(g coach.Goal) (coach.Goal, error) {
	g.ID = uint64(len(r.snap.Goals) + 1)
	r.added = append(r.added, g)
	r.snap.Goals = append(r.snap.Goals, g)
	return g, nil
}

func (r *recordingStore) CheckIn(id uint64, e coach.Entry, today coach.Day) (coach.Recorded, error) {
	if r.checkErr != nil {
		return coach.Recorded{}, r.checkErr
	}
	r.entries = append(r.entries, e)
	for _, g := range r.snap.Goals {
		if g.ID == id {
			rec, err := coach.Record(g, r.snap.CheckIns[id], e, today)
			if err == nil {
				r.snap.CheckIns[id] = append(r.snap.CheckIns[id], rec.CheckIn)
			}
			return rec, err
		}
	}
	return coach.Recorded{}, errors.New("no such goal")
}

func (r *recordingStore) CheckIns(id uint64, from, to coach.Day) ([]coach.CheckIn, error) {
	return r.snap.CheckIns[id], nil
}

func (r *recordingStore) Decisions(uint64, coach.Day, coach.Day) ([]coach.Decision, error) {
	return nil, nil
}

func (r *recordingStore) Changes(uint64, coach.Day, coach.Day) ([]coach.Decision, error) {
	return nil, nil
}

func (r *recordingStore) Goals() ([]coach.Goal, error) { return r.snap.Goals, nil }

func (r *recordingStore) EditGoal(id uint64, edit func(coach.Goal) (coach.Goal, error)) (coach.Goal, error) {
	for i := range r.snap.Goals {
		if r.snap.Goals[i].ID == id {
			g, err := edit(r.snap.Goals[i])
			if err != nil {
				return coach.Goal{}, err
			}
			r.snap.Goals[i] = g
			return g, nil
		}
	}
	return coach.Goal{}, errors.New("no such goal")
}

func (r *recordingStore) EditGoalAdding(id uint64, edit func(coach.Goal) (coach.Goal, coach.Goal, error)) (coach.Goal, coach.Goal, error) {
	var ng coach.Goal
	g, err := r.EditGoal(id, func(g coach.Goal) (coach.Goal, error) {
		var err error
		g, ng, err = edit(g)
		return g, err
	})
	if err != nil {
		return coach.Goal{}, coach.Goal{}, err
	}
	ng, _ = r.AddGoal(ng)
	return g, ng, nil
}

func (r *recordingStore) DeleteGoal(id uint64) error {
	var kept []coach.Goal
	for _, g := range r.snap.Goals {
		if g.ID != id {
			kept = append(kept, g)
		}
	}
	r.snap.Goals = kept
	return nil
}

func (r *recordingStore) Undo(id uint64, d coach.Day) (coach.CheckIn, error) {
	r.undone = append(r.undone, d)
	return coach.CheckIn{}, nil
}

func (r *recordingStore) EditCheckIn(id uint64, day, today coach.Day,
	edit func(coach.CheckIn) (coach.CheckIn, error)) (coach.Recorded, error) {
	cs := r.snap.CheckIns[id]
	for i, c := range cs {
		if c.Day == day {
			now, err := edit(c)
			if err != nil {
				return coach.Recorded{}, err
			}
			cs[i] = now
			r.edited = append(r.edited, now)
			return coach.Recorded{CheckIn: now, Message: "Changed."}, nil
		}
	}
	return coach.Recorded{}, errors.New("no check-in that day")
}

// pressAll feeds keys one by one, running what each asks for.
func pressAll(t *testing.T, m Model, keys ...tea.Msg) Model {
	t.Helper()
	for _, k := range keys {
		var cmd tea.Cmd
		m, cmd = press(t, m, k)
		m = settle(t, m, cmd)
	}
	return m
}

func enters(n int) []tea.Msg {
	out := make([]tea.Msg, n)
	for i := range out {
		out[i] = keyOf(tea.KeyEnter)
	}
	return out
}

// isQuit reports whether cmd quits the program.
func isQuit(cmd tea.Cmd) bool {
	_, ok := cmd().(tea.QuitMsg)
	return ok
}
