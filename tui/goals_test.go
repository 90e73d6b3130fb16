package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"

	"tend/coach"
)

func typeText(s string) []tea.Msg {
	var out []tea.Msg
	for _, r := range s {
		out = append(out, keyPress(r))
	}
	return out
}

func onGoals(t *testing.T) (Model, *recordingStore) {
	t.Helper()
	snap := seeded(t)
	st := &recordingStore{snap: snap}
	m := loaded(t, st, snap, 80, 24)
	m = pressAll(t, m, keyPress('g'))
	if m.screen != screenGoals {
		t.Fatalf("g opened %v", m.screen)
	}
	return m, st
}

func TestGoalsRename(t *testing.T) {
	m, st := onGoals(t)
	m = pressAll(t, m, keyPress('n'))
	m = pressAll(t, m, append(append([]tea.Msg{keyOf(tea.KeyCtrlU)}, typeText("Couch to 5K")...), keyOf(tea.KeyEnter))...)
	if st.snap.Goals[0].Name != "Couch to 5K" || !strings.Contains(m.status, "Renamed") {
		t.Fatalf("name %q, status %q", st.snap.Goals[0].Name, m.status)
	}
}

// A name over the limit is refused with the limit, and the goal keeps its
// name: the field never cuts a name short without a word.
func TestGoalsRenameOverTheLimitSaysTheLimit(t *testing.T) {
	m, st := onGoals(t)
	long := strings.Repeat("x", coach.MaxNameLen+1)
	m = pressAll(t, m, keyPress('n'))
	m = pressAll(t, m, append(append([]tea.Msg{keyOf(tea.KeyCtrlU)}, typeText(long)...), keyOf(tea.KeyEnter))...)
	if st.snap.Goals[0].Name != "Walk to run" || !m.statusErr || !strings.Contains(m.status, "at most 64 characters") {
		t.Fatalf("name %q, status %q (error %v)", st.snap.Goals[0].Name, m.status, m.statusErr)
	}
}

// q while renaming types a q: the text field has every key.
func TestGoalsRenameKeepsQ(t *testing.T) {
	m, _ := onGoals(t)
	m = pressAll(t, m, keyPress('n'), keyPress('q'))
	if !strings.HasSuffix(m.goals.input.Value(), "q") {
		t.Fatalf("input %q", m.goals.input.Value())
	}
}

func TestGoalsPauseResumeAndArchive(t *testing.T) {
	m, st := onGoals(t)
	m = pressAll(t, m, keyPress('p'))
	if st.snap.Goals[0].Status() != coach.Paused {
		t.Fatalf("status %s after p", st.snap.Goals[0].Status())
	}
	m = pressAll(t, m, keyPress('p'))
	if st.snap.Goals[0].Status() != coach.Active {
		t.Fatalf("status %s after p again", st.snap.Goals[0].Status())
	}
	pressAll(t, m, keyPress('j'), keyPress('x'))
	if st.snap.Goals[1].Status() != coach.Archived {
		t.Fatalf("status %s after x", st.snap.Goals[1].Status())
	}
}

// Changing days takes effect from today; the past keeps its schedule.
func TestGoalsChangeDaysKeepsThePast(t *testing.T) {
	m, st := onGoals(t)
	m = pressAll(t, m, keyPress('j'), keyPress('d'), keyOf(tea.KeyLeft), keyOf(tea.KeyEnter))
	g := st.snap.Goals[1]
	if g.Schedule().PerWeek != 4 || g.ScheduleOn(fixedDay.AddDays(-1)).PerWeek != 5 {
		t.Fatalf("now %d a week, yesterday %d", g.Schedule().PerWeek, g.ScheduleOn(fixedDay.AddDays(-1)).PerWeek)
	}
	if !strings.Contains(m.status, "Past days keep") {
		t.Errorf("status %q", m.status)
	}
}

// Delete asks for the name, refuses anything else, and offers export first.
func TestGoalsDeleteAsksForTheName(t *testing.T) {
	m, st := onGoals(t)
	m = pressAll(t, m, keyPress('D'))
	if v := squashSpaces(m.View()); strings.Contains(v, "tend export") || !strings.Contains(v, "esc and then x archives it instead") {
		t.Errorf("delete sends to the shell, or offers no archive:\n%s", m.View())
	}
	m = pressAll(t, m, append(typeText("Walk"), keyOf(tea.KeyEnter))...)
	if len(st.snap.Goals) != 3 || !m.statusErr {
		t.Fatalf("deleted on a wrong name; %d goals, status %q", len(st.snap.Goals), m.status)
	}
	m = pressAll(t, m, append(append([]tea.Msg{keyOf(tea.KeyCtrlU)}, typeText("walk to run")...), keyOf(tea.KeyEnter))...)
	if len(st.snap.Goals) != 2 || !strings.Contains(m.status, "Deleted Walk to run") {
		t.Fatalf("%d goals, status %q", len(st.snap.Goals), m.status)
	}
}

func TestGoalsEscGoesBack(t *testing.T) {
	m, st := onGoals(t)
	m = pressAll(t, m, keyPress('D'), keyOf(tea.KeyEsc))
	if m.goals.mode != goalsList || len(st.snap.Goals) != 3 {
		t.Fatalf("mode %v", m.goals.mode)
	}
	m = pressAll(t, m, keyOf(tea.KeyEsc))
	if m.screen != screenToday {
		t.Fatalf("screen %v", m.screen)
	}
}

func TestGoldenGoals(t *testing.T) {
	goldenAt(t, []struct{ w, h int }{{40, 12}, {80, 24}}, func(t *testing.T, w, h int) Model {
		snap := seeded(t)
		m := loaded(t, &recordingStore{snap: snap}, snap, w, h)
		m = pressAll(t, m, keyPress('g'), keyPress('j'), keyPress('d'))
		return m
	})
}

// onHeldGoals opens the Goals screen with Walk to run in safety hold.
func onHeldGoals(t *testing.T) (Model, *recordingStore) {
	t.Helper()
	snap := seeded(t)
	snap.Goals[0] = snap.Goals[0].SetStatus(coach.SafetyHold, fixedDay.AddDays(-1))
	st := &recordingStore{snap: snap}
	m := loaded(t, st, snap, 80, 24)
	return pressAll(t, m, keyPress('g')), st
}

// One p never lifts a safety hold: it asks COACH's question, whose default
// is no; no keeps the hold and says so, with the care note (S2, O1).
func TestGoalsHoldAsksBeforeResuming(t *testing.T) {
	m, st := onHeldGoals(t)
	m = pressAll(t, m, keyPress('p'))
	if v := m.View(); !strings.Contains(v, coach.AskChecked) || !strings.Contains(v, "[no]") {
		t.Fatalf("p on a held goal:\n%s", v)
	}
	if st.snap.Goals[0].Status() != coach.SafetyHold {
		t.Fatal("the question itself lifted the hold")
	}
	m = pressAll(t, m, keyOf(tea.KeyEnter))
	if st.snap.Goals[0].Status() != coach.SafetyHold || !strings.Contains(m.status, coach.MsgS2) ||
		!strings.Contains(m.status, "not medical") {
		t.Fatalf("no: status %s, said %q", st.snap.Goals[0].Status(), m.status)
	}
	m = pressAll(t, m, keyPress('p'), keyOf(tea.KeyRight), keyOf(tea.KeyEnter))
	if st.snap.Goals[0].Status() != coach.Active || !strings.Contains(m.status, "Resumed Walk to run, now that you've been checked") {
		t.Fatalf("yes: status %s, said %q", st.snap.Goals[0].Status(), m.status)
	}
}

// Each status key says what actually happened.
func TestGoalsStatusKeysSayWhatHappened(t *testing.T) {
	m, st := onGoals(t)
	m = pressAll(t, m, keyPress('p'))
	if !strings.HasPrefix(m.status, "Paused Walk to run.") {
		t.Errorf("pause said %q", m.status)
	}
	m = pressAll(t, m, keyPress('p'))
	if !strings.HasPrefix(m.status, "Resumed Walk to run.") || st.snap.Goals[0].Status() != coach.Active {
		t.Errorf("resume said %q", m.status)
	}
	m = pressAll(t, m, keyPress('x'))
	if !strings.HasPrefix(m.status, "Archived Walk to run.") {
		t.Errorf("archive said %q", m.status)
	}
	m = pressAll(t, m, keyPress('p'))
	if st.snap.Goals[0].Status() != coach.Archived || !strings.Contains(m.status, "is archived; x brings it back") {
		t.Errorf("p on an archived goal: %s, said %q", st.snap.Goals[0].Status(), m.status)
	}
	m = pressAll(t, m, keyPress('x'))
	if !strings.HasPrefix(m.status, "Restored Walk to run to Today") || st.snap.Goals[0].Status() != coach.Active {
		t.Errorf("restore said %q", m.status)
	}
}

// Archiving never lifts a hold: restoring brings the goal back held.
func TestGoalsRestoreKeepsAHold(t *testing.T) {
	m, st := onHeldGoals(t)
	m = pressAll(t, m, keyPress('x'), keyPress('x'))
	if st.snap.Goals[0].Status() != coach.SafetyHold || !strings.Contains(m.status, "stays on hold") {
		t.Errorf("restored from archive: %s, said %q", st.snap.Goals[0].Status(), m.status)
	}
}

func TestGoldenGoalsHoldQuestion(t *testing.T) {
	for _, s := range []struct{ w, h int }{{40, 12}, {80, 24}} {
		t.Run(fmt.Sprintf("%dx%d", s.w, s.h), func(t *testing.T) {
			snap := seeded(t)
			snap.Goals[0] = snap.Goals[0].SetStatus(coach.SafetyHold, fixedDay.AddDays(-1))
			m := loaded(t, &recordingStore{snap: snap}, snap, s.w, s.h)
			m = pressAll(t, m, keyPress('g'), keyPress('p'))
			v := m.View()
			checkFits(t, v, s.w, s.h)
			golden.RequireEqual(t, v)
		})
	}
}

// The Today screen offers its keys to carry on with a paused or held goal,
// never a shell command; `tend today` gives the command.
func TestTodayOffersTheKeyToCarryOn(t *testing.T) {
	snap := seeded(t)
	snap.Goals[0] = snap.Goals[0].SetStatus(coach.SafetyHold, fixedDay.AddDays(-1))
	snap.Goals[1] = snap.Goals[1].SetStatus(coach.Paused, fixedDay.AddDays(-1))
	m := loaded(t, &recordingStore{snap: snap}, snap, 80, 24)
	v := squashSpaces(m.View())
	if strings.Contains(v, "tend edit") || !strings.Contains(v, "Once you have been checked: g for goals, then p.") ||
		!strings.Contains(v, "To carry on: g for goals, then p.") {
		t.Errorf("Today with a held and a paused goal:\n%s", m.View())
	}
	items, _ := snap.Todays(fixedDay)
	var b strings.Builder
	if err := WriteToday(&b, snap, fixedDay, items, 100, DefaultStyles()); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "tend edit 'Walk to run' --resume --checked") {
		t.Errorf("tend today for a held goal:\n%s", b.String())
	}
}

// Delete offers export first as a key, never a shell command: ctrl+e
// writes the copy and says where, and the delete still waits for the name.
func TestGoalsDeleteOffersExportKey(t *testing.T) {
	snap := seeded(t)
	st := &recordingStore{snap: snap}
	exports := 0
	m := New(Deps{Store: st, Clock: fixedClock, Styles: DefaultStyles(), Tick: noTick,
		Export: func() (string, error) { exports++; return "/data/tend-export-2026-03-02-093000.json", nil }})
	m, _ = press(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m, _ = press(t, m, loadedMsg{snap: snap, day: fixedDay})
	m = pressAll(t, m, keyPress('g'), keyPress('D'))
	if v := squashSpaces(m.View()); !strings.Contains(v, "ctrl+e saves a copy of everything first") || !strings.Contains(v, "ctrl+e export first") {
		t.Fatalf("delete does not offer the export key:\n%s", m.View())
	}
	m = pressAll(t, m, keyOf(tea.KeyCtrlE))
	if exports != 1 || !strings.Contains(m.status, "Saved a copy of everything to /data/tend-export-2026-03-02-093000.json") ||
		m.goals.mode != goalsDelete || len(st.snap.Goals) != 3 {
		t.Fatalf("ctrl+e: %d exports, status %q, mode %v, %d goals", exports, m.status, m.goals.mode, len(st.snap.Goals))
	}
}
