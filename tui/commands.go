package tui

import (
	"fmt"
	"io"
	"os"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"tend/coach"
)

// Store is what the screens need of the database. *store.Store satisfies it;
// each call opens the file, runs one short transaction and closes it, so an
// idle TUI never holds the lock.
type Store interface {
	Snapshot(from coach.Day) (coach.Snapshot, error)
	AddGoal(g coach.Goal) (coach.Goal, error)
	CheckIn(goalID uint64, e coach.Entry, today coach.Day) (coach.Recorded, error)
	Undo(goalID uint64, day coach.Day) (coach.CheckIn, error)
	EditCheckIn(goalID uint64, day, today coach.Day, edit func(coach.CheckIn) (coach.CheckIn, error)) (coach.Recorded, error)
	CheckIns(goalID uint64, from, to coach.Day) ([]coach.CheckIn, error)
	Decisions(goalID uint64, from, to coach.Day) ([]coach.Decision, error)
	// Changes are the decisions that changed something: all a review shows.
	Changes(goalID uint64, from, to coach.Day) ([]coach.Decision, error)
	Goals() ([]coach.Goal, error)
	// EditGoal reads, changes and writes one goal in one transaction.
	EditGoal(id uint64, edit func(coach.Goal) (coach.Goal, error)) (coach.Goal, error)
	// EditGoalAdding is EditGoal that adds a goal in the same transaction.
	EditGoalAdding(id uint64, edit func(coach.Goal) (coach.Goal, coach.Goal, error)) (coach.Goal, coach.Goal, error)
	DeleteGoal(id uint64) error
}

// Deps are what the TUI is built from.
type Deps struct {
	Store  Store
	Path   string           // the database file, watched for changes made elsewhere
	Clock  func() time.Time // the only clock the TUI reads
	Styles Styles
	// Tick makes timer commands; tea.Tick unless a test drives time itself.
	Tick func(time.Duration, func(time.Time) tea.Msg) tea.Cmd
	// SessionSecond is how long one second of a guided session lasts:
	// time.Second unless TEND_SPEED runs time faster (0 means time.Second).
	SessionSecond time.Duration
	// Bell is where the guided session writes the terminal's bell (the
	// program's output); nil rings nothing.
	Bell io.Writer
	// SessionClock is the clock the guided session counts from (nil: it
	// counts its ticks); Say and Notify are its spoken cues and desktop
	// notifications, nil when the settings turn them off (SessionCues).
	SessionClock func() time.Time
	Say          func(text string)
	Notify       func(title, body string)
	// SetDayStart keeps the hour a new day starts (the help screen's +/-);
	// nil offers no key.
	SetDayStart func(hour int) error
	// AfterWrite runs in the background after each write the app makes
	// (main's daily backup copy); nil runs nothing.
	AfterWrite func()
	// Export writes a copy of everything beside the database and returns
	// its name, for the Goals screen's "export first"; nil offers no key.
	Export func() (string, error)
	// Merge, when set, merges the other devices' journals if one changed
	// (run in the background on each look at the file) and returns what to
	// say once about it; the reload that follows shows what came in.
	Merge func() string
	// Notice is said once on the status line when the app opens ("Updated
	// from laptop" after a merge brought a peer's changes); "" says nothing.
	Notice string
}

// watchEvery is how often the TUI looks at the database file's modification
// time: often enough that a check-in from another terminal appears while
// the person is still looking, rarely enough to cost nothing. [D]
const watchEvery = 2 * time.Second

// dayOf is the day the clock is in, for the database's day-start hour.
func dayOf(clock func() time.Time, startHour int) coach.Day {
	return coach.DayAt(clock(), startHour)
}

func loadCmd(st Store, path string, clock func() time.Time, startHour int) tea.Cmd {
	stat := statCmd(path)
	return func() tea.Msg {
		// Looked at before the read, so a write that lands during it is
		// seen as a change at the next look.
		file, _ := stat().(fileStatMsg)
		day := dayOf(clock, startHour)
		snap, err := st.Snapshot(day.AddDays(-coach.RecentDays))
		if err != nil {
			return fatalMsg{err}
		}
		if snap.DayStartHour != startHour {
			day = dayOf(clock, snap.DayStartHour)
		}
		return loadedMsg{snap: snap, day: day, file: file}
	}
}

func reloadCmd(st Store, path string, clock func() time.Time, startHour int) tea.Cmd {
	load := loadCmd(st, path, clock, startHour)
	return func() tea.Msg {
		// A failed reload keeps the screen as it is and says why; only the
		// first load is fatal.
		msg := load()
		if m, ok := msg.(fatalMsg); ok {
			return errMsg(m)
		}
		return msg
	}
}

func addGoalCmd(st Store, g coach.Goal) tea.Cmd {
	return func() tea.Msg {
		saved, err := st.AddGoal(g)
		if err != nil {
			return errMsg{err}
		}
		return goalAddedMsg{goal: saved}
	}
}

func saveCheckInCmd(st Store, goalID uint64, e coach.Entry, prev *coach.CheckIn, today coach.Day) tea.Cmd {
	return func() tea.Msg {
		rec, err := st.CheckIn(goalID, e, today)
		if err != nil {
			return errMsg{err}
		}
		return checkInSavedMsg{goalID: goalID, rec: rec, prev: prev, today: today}
	}
}

func undoCmd(st Store, goalID uint64, name string, day coach.Day) tea.Cmd {
	return func() tea.Msg {
		if _, err := st.Undo(goalID, day); err != nil {
			return errMsg{err}
		}
		return undoneMsg{goalID: goalID, name: name, day: day}
	}
}

func watchTickCmd(tick func(time.Duration, func(time.Time) tea.Msg) tea.Cmd) tea.Cmd {
	return tick(watchEvery, func(time.Time) tea.Msg { return watchTickMsg{} })
}

// mergeAndStatCmd merges first, when sync is on, so the look at the file
// that follows sees what the merge wrote.
func mergeAndStatCmd(merge func() string, path string) tea.Cmd {
	stat := statCmd(path)
	if merge == nil {
		return stat
	}
	return func() tea.Msg {
		notice := merge()
		msg, _ := stat().(fileStatMsg)
		msg.notice = notice
		return msg
	}
}

func statCmd(path string) tea.Cmd {
	return func() tea.Msg {
		fi, err := os.Stat(path)
		if err != nil {
			return fileStatMsg{}
		}
		return fileStatMsg{mod: fi.ModTime(), size: fi.Size()}
	}
}

// goalSavedMsg says a change to a goal is on disk.
type goalSavedMsg struct{ said string }

// editGoalCmd applies edit to the goal as it is stored at the moment of
// writing, inside the store's one write transaction, not to the copy the
// screen last saw: a check-in made meanwhile elsewhere (its level, a safety
// hold) is kept. said words what actually changed, from the goal as it was
// stored and as it was saved.
func editGoalCmd(st Store, id uint64, edit func(coach.Goal) (coach.Goal, error),
	said func(before, after coach.Goal) string) tea.Cmd {
	return func() tea.Msg {
		var before coach.Goal
		after, err := st.EditGoal(id, func(g coach.Goal) (coach.Goal, error) {
			before = g
			return edit(g)
		})
		if err != nil {
			return errMsg{err}
		}
		return goalSavedMsg{said: said(before, after)}
	}
}

func deleteGoalCmd(st Store, id uint64, name string) tea.Cmd {
	return func() tea.Msg {
		if err := st.DeleteGoal(id); err != nil {
			return errMsg{err}
		}
		return goalSavedMsg{said: fmt.Sprintf("Deleted %s and its history.", name)}
	}
}
