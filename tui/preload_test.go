package tui

import (
	"errors"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"tend/coach"
)

// Loaded before the program starts, the first frame is Today with the goals
// on it, and Init does not read the file a second time.
func TestPreloadedTheFirstFrameIsToday(t *testing.T) {
	snap := seeded(t)
	st := &recordingStore{snap: snap}
	m, err := New(Deps{Store: st, Clock: fixedClock, Styles: DefaultStyles(), Tick: noTick}).Preload()
	if err != nil {
		t.Fatal(err)
	}
	if cmd := m.Init(); cmd != nil {
		if _, ok := cmd().(loadedMsg); ok {
			t.Errorf("Init loads again after Preload")
		}
	}
	m, _ = press(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	view := m.View()
	if strings.Contains(view, "Reading your goals") || !strings.Contains(view, snap.Goals[0].Name) {
		t.Errorf("the first frame after Preload is not Today with its goals:\n%s", view)
	}
}

// A file that cannot be read stops tend before its screens start, with the
// error main prints.
func TestPreloadOfADamagedFileIsAnError(t *testing.T) {
	damaged := errors.New("the database is damaged")
	bad := &failingStore{err: damaged}
	if _, err := New(Deps{Store: bad, Clock: fixedClock, Styles: DefaultStyles(), Tick: noTick}).Preload(); !errors.Is(err, damaged) {
		t.Errorf("Preload() = %v, want the store's error", err)
	}
}

type failingStore struct {
	recordingStore
	err error
}

func (f *failingStore) Snapshot(coach.Day) (coach.Snapshot, error) { return coach.Snapshot{}, f.err }
