package tui

import (
	"errors"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"tend/coach"
)

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
