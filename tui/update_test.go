package tui

import (
	"errors"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"tend/coach"
)

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

// The first run: Enter alone, on every step, starts the Daily walk with
// its defaults.
func TestWelcomeEnterAloneStartsDailyWalk(t *testing.T) {
	st := &recordingStore{snap: coach.Snapshot{DayStartHour: 4, CheckIns: map[uint64][]coach.CheckIn{}}}
	m := loaded(t, st, st.snap, 80, 24)
	if m.screen != screenNewGoal || !m.newGoal.welcome {
		t.Fatalf("screen = %v, want the welcome", m.screen)
	}
	// plan, name, days, readiness, capacity, anchor, preview
	m = pressAll(t, m, enters(7)...)
	if len(st.added) != 1 {
		t.Fatalf("added %d goals, want 1; step %v, problem %q", len(st.added), m.newGoal.step, m.newGoal.problem)
	}
	g := st.added[0]
	if g.Name != "Daily walk" || g.PlanID != coach.DailyWalkID || g.Level != 2 || g.Schedule().PerWeek != 5 {
		t.Errorf("added %+v, want Daily walk at level 2, 5 a week", g)
	}
	if g.Created != fixedDay || g.Anchor != "" || g.IfThen != "" {
		t.Errorf("created %v, anchor %q, if-then %q", g.Created, g.Anchor, g.IfThen)
	}
	if m.screen != screenToday || !strings.Contains(m.View(), "Walk 10 minutes") {
		t.Errorf("screen %v, view:\n%s", m.screen, m.View())
	}
}

func TestWelcomeEscDoesNotLeave(t *testing.T) {
	m := loaded(t, nil, coach.Snapshot{DayStartHour: 4}, 80, 24)
	m, cmd := press(t, m, keyOf(tea.KeyEsc))
	if cmd != nil || m.screen != screenNewGoal {
		t.Fatalf("esc on the welcome: screen %v, cmd %v", m.screen, cmd != nil)
	}
}

// Enter, then Enter on every question and on the note, saves a done
// check-in with the defaults: ok effort, no pain, no moods, no note.
func TestEnterAloneChecksIn(t *testing.T) {
	snap := seeded(t)
	st := &recordingStore{snap: snap}
	m := loaded(t, st, snap, 80, 24)
	m, cmd := press(t, m, keyOf(tea.KeyEnter))
	m = settle(t, m, cmd)
	if m.screen != screenCheckIn {
		t.Fatalf("screen = %v, want check-in", m.screen)
	}
	for i := 0; i < 6; i++ {
		m, cmd = press(t, m, keyOf(tea.KeyEnter))
		m = settle(t, m, cmd)
	}
	if len(st.entries) != 1 {
		t.Fatalf("saved %d check-ins, want 1", len(st.entries))
	}
	e := st.entries[0]
	if e.Outcome != coach.Done || e.Effort != coach.EffortOK || e.Pain != coach.PainNone ||
		e.MoodBefore != nil || e.MoodAfter != nil || e.Day != fixedDay || e.Amount != 0 {
		t.Errorf("entry %+v, want today's done with defaults", e)
	}
	if m.screen != screenToday || !strings.Contains(m.status, coach.MsgCelebrate) {
		t.Errorf("after saving: screen %v, status %q", m.screen, m.status)
	}
}

func TestCheckInChoicesReachTheEntry(t *testing.T) {
	snap := seeded(t)
	st := &recordingStore{snap: snap}
	m := loaded(t, st, snap, 80, 24)
	keys := []tea.Msg{
		keyOf(tea.KeyEnter),                     // open
		keyOf(tea.KeyEnter),                     // done
		keyOf(tea.KeyLeft), keyOf(tea.KeyEnter), // easy
		keyOf(tea.KeyRight), keyOf(tea.KeyEnter), // soreness
		keyOf(tea.KeyRight), keyOf(tea.KeyRight), keyOf(tea.KeyRight), keyOf(tea.KeyEnter), // mood before 2
		keyOf(tea.KeyLeft), keyOf(tea.KeyEnter), // mood after wraps to 10
		keyPress('h'), keyPress('i'), keyOf(tea.KeyEnter), // the note takes letters, Enter saves
	}
	for _, k := range keys {
		var cmd tea.Cmd
		m, cmd = press(t, m, k)
		m = settle(t, m, cmd)
	}
	if len(st.entries) != 1 {
		t.Fatalf("saved %d, want 1", len(st.entries))
	}
	e := st.entries[0]
	if e.Effort != coach.EffortEasy || e.Pain != coach.PainSore || e.MoodBefore == nil || *e.MoodBefore != 2 ||
		e.MoodAfter == nil || *e.MoodAfter != 10 || e.Note != "hi" {
		t.Errorf("entry %+v (moods %v %v)", e, e.MoodBefore, e.MoodAfter)
	}
}

// Rest asks only whether it happened and offers the note (COACH §6.2).
func TestRestKeyAsksOnlyForANote(t *testing.T) {
	snap := seeded(t)
	st := &recordingStore{snap: snap}
	m := loaded(t, st, snap, 80, 24)
	m, cmd := press(t, m, keyPress('r'))
	m = settle(t, m, cmd)
	if strings.Contains(m.View(), "How did it feel?") {
		t.Errorf("rest asks about effort:\n%s", m.View())
	}
	m = pressAll(t, m, keyOf(tea.KeyEnter), keyPress('s'), keyPress('o'), keyPress('r'), keyPress('e'), keyOf(tea.KeyEnter))
	if len(st.entries) != 1 || st.entries[0].Outcome != coach.Rest || st.entries[0].Note != "sore" {
		t.Fatalf("entries %+v, want one rest with its note", st.entries)
	}
	if !strings.Contains(m.status, "Recovery is part of the plan") {
		t.Errorf("status %q", m.status)
	}
}

// Choosing "part" asks how far, in a text input that takes every key: q
// types a q instead of quitting.
func TestPartialAsksHowFarAndKeepsKeys(t *testing.T) {
	snap := seeded(t)
	st := &recordingStore{snap: snap}
	m := loaded(t, st, snap, 80, 24)
	for _, k := range []tea.Msg{keyOf(tea.KeyEnter), keyOf(tea.KeyRight), keyOf(tea.KeyEnter)} {
		var cmd tea.Cmd
		m, cmd = press(t, m, k)
		m = settle(t, m, cmd)
	}
	if !m.checkIn.editing() {
		t.Fatalf("not asking how far; question %v", m.checkIn.q)
	}
	m, cmd := press(t, m, keyPress('q'))
	if cmd != nil && isQuit(cmd) {
		t.Fatal("q quit while typing an amount")
	}
	m, _ = press(t, m, keyOf(tea.KeyEnter))
	if m.checkIn.problem == "" || !m.checkIn.editing() {
		t.Fatalf("amount %q was taken", m.checkIn.amount.Value())
	}
	m, _ = press(t, m, keyOf(tea.KeyBackspace))
	m, _ = press(t, m, keyPress('4'))
	for i := 0; i < 6; i++ {
		m, cmd = press(t, m, keyOf(tea.KeyEnter))
		m = settle(t, m, cmd)
	}
	if len(st.entries) != 1 || st.entries[0].Outcome != coach.Partial || st.entries[0].Amount != 4 {
		t.Fatalf("entries %+v, want a partial of 4", st.entries)
	}
}

func isQuit(cmd tea.Cmd) bool {
	_, ok := cmd().(tea.QuitMsg)
	return ok
}

func TestEscCancelsCheckInWithoutSaving(t *testing.T) {
	snap := seeded(t)
	st := &recordingStore{snap: snap}
	m := loaded(t, st, snap, 80, 24)
	m, cmd := press(t, m, keyOf(tea.KeyEnter))
	m = settle(t, m, cmd)
	m, cmd = press(t, m, keyOf(tea.KeyEsc))
	m = settle(t, m, cmd)
	if m.screen != screenToday || len(st.entries) != 0 {
		t.Fatalf("screen %v, saved %d", m.screen, len(st.entries))
	}
}

func TestQuitKeys(t *testing.T) {
	for _, k := range []tea.KeyMsg{keyPress('q'), keyOf(tea.KeyCtrlC)} {
		m := loaded(t, nil, seeded(t), 80, 24)
		_, cmd := press(t, m, k)
		if cmd == nil || !isQuit(cmd) {
			t.Errorf("%v does not quit", k)
		}
	}
}

func TestCursorMovesAndWraps(t *testing.T) {
	m := loaded(t, nil, seeded(t), 80, 24)
	m, _ = press(t, m, keyPress('j'))
	if m.today.cursor != 1 {
		t.Fatalf("cursor %d after j", m.today.cursor)
	}
	m, _ = press(t, m, keyOf(tea.KeyUp))
	m, _ = press(t, m, keyOf(tea.KeyUp))
	if m.today.cursor != 2 {
		t.Fatalf("cursor %d after wrapping up", m.today.cursor)
	}
}

// Undo is offered only where there is a check-in to undo, so help never
// lists a key that does nothing.
func TestUndoOnlyWhereThereIsACheckIn(t *testing.T) {
	snap := seeded(t)
	st := &recordingStore{snap: snap}
	m := loaded(t, st, snap, 80, 24)
	if _, cmd := press(t, m, keyPress('u')); cmd != nil {
		t.Fatal("u did something on a goal with no check-in today")
	}
	if strings.Contains(m.View(), "undo") {
		t.Error("help lists undo where it does nothing")
	}
	m, _ = press(t, m, keyPress('j')) // Daily walk, done today
	if !strings.Contains(m.View(), "undo") {
		t.Error("help does not list undo for a goal checked in today")
	}
	m, cmd := press(t, m, keyPress('u'))
	m = settle(t, m, cmd)
	if len(st.undone) != 1 || st.undone[0] != fixedDay || !strings.Contains(m.status, "Cleared") {
		t.Fatalf("undone %v, status %q", st.undone, m.status)
	}
}

func TestErrorShowsUntilNextKey(t *testing.T) {
	snap := seeded(t)
	st := &recordingStore{snap: snap, checkErr: errors.New("another tend is using the database — try again in a moment")}
	m := loaded(t, st, snap, 80, 24)
	for i := 0; i < 7; i++ {
		var cmd tea.Cmd
		m, cmd = press(t, m, keyOf(tea.KeyEnter))
		m = settle(t, m, cmd)
	}
	if !m.statusErr || !strings.Contains(m.View(), "try again") {
		t.Fatalf("error not shown:\n%s", m.View())
	}
	if m.screen != screenCheckIn || m.checkIn.saving {
		t.Errorf("after a refused save: screen %v, saving %v; the form should stay for another try", m.screen, m.checkIn.saving)
	}
	m, _ = press(t, m, keyOf(tea.KeyLeft))
	if m.status != "" {
		t.Errorf("status %q after a key", m.status)
	}
}

func TestFatalErrorAsksForAKeyThenQuits(t *testing.T) {
	m := New(Deps{Clock: fixedClock, Styles: DefaultStyles()})
	m, _ = press(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m, _ = press(t, m, fatalMsg{errors.New("the database looks damaged")})
	if !strings.Contains(m.View(), "press any key") && !strings.Contains(m.View(), "Press any key") {
		t.Fatalf("view:\n%s", m.View())
	}
	_, cmd := press(t, m, keyPress('x'))
	if cmd == nil || !isQuit(cmd) || m.Err() == nil {
		t.Fatal("a key after a fatal error does not quit with the error")
	}
}

// A change to the file made elsewhere reloads, even one made between the
// load and the first look; an unchanged file does not.
func TestFileChangeReloads(t *testing.T) {
	m := loaded(t, &recordingStore{snap: seeded(t)}, seeded(t), 80, 24)
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	steps := []struct {
		msg  fileStatMsg
		want bool
	}{
		{fileStatMsg{mod: at, size: 100}, true},                   // written since the load read it
		{fileStatMsg{mod: at, size: 100}, false},                  // unchanged
		{fileStatMsg{mod: at.Add(time.Second), size: 100}, true},  // written elsewhere
		{fileStatMsg{mod: at.Add(time.Second), size: 4096}, true}, // grew
	}
	for i, s := range steps {
		var reload bool
		m, reload = m.handleFileStat(s.msg)
		if reload != s.want {
			t.Errorf("step %d: reload = %v, want %v", i, reload, s.want)
		}
	}
}

// The day rolling over while tend is open reloads, so Today moves on.
func TestNewDayReloads(t *testing.T) {
	m := loaded(t, nil, seeded(t), 80, 24)
	m, _ = m.handleFileStat(fileStatMsg{size: 1})
	m.deps.Clock = func() time.Time { return fixedClock().Add(24 * time.Hour) }
	if _, reload := m.handleFileStat(fileStatMsg{size: 1}); !reload {
		t.Error("a new day did not reload")
	}
}

func TestFreeNameNumbersADuplicate(t *testing.T) {
	goals := []coach.Goal{{Name: "Daily walk"}, {Name: "daily walk 2"}}
	if got := FreeName("Daily walk", goals); got != "Daily walk 3" {
		t.Errorf("freeName = %q", got)
	}
	if got := FreeName("Yoga", goals); got != "Yoga" {
		t.Errorf("freeName = %q", got)
	}
}
