package store

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"tend/coach"
)

// Archive reads everything, and the same as the per-goal reads do.
func TestArchiveHoldsEverything(t *testing.T) {
	s := newStore(t)
	walk := mustAdd(t, s, walkGoal(t, "Walk"))
	yoga := mustAdd(t, s, walkGoal(t, "Yoga"))
	lonely := mustAdd(t, s, walkGoal(t, "Lonely"))
	for i := range 20 {
		day := created.AddDays(i)
		mustCheckIn(t, s, walk.ID, entry(day, coach.Done), day)
		if i%3 == 0 {
			mustCheckIn(t, s, yoga.ID, entry(day, coach.Rest), day)
		}
	}
	a, err := s.Archive()
	if err != nil {
		t.Fatal(err)
	}
	if a.DayStartHour != coach.DefaultDayStartHour {
		t.Errorf("day start hour %d", a.DayStartHour)
	}
	if !reflect.DeepEqual(a.Goals, mustGoals(t, s)) {
		t.Errorf("the archive's goals differ from Goals()")
	}
	for _, g := range []coach.Goal{walk, yoga, lonely} {
		if got, want := a.CheckIns[g.ID], mustCheckIns(t, s, g.ID); !reflect.DeepEqual(got, want) {
			t.Errorf("goal %d: the archive has %d check-ins, CheckIns() %d", g.ID, len(got), len(want))
		}
		if got, want := a.Decisions[g.ID], mustDecisions(t, s, g.ID); !reflect.DeepEqual(got, want) {
			t.Errorf("goal %d: the archive has %d decisions, Decisions() %d", g.ID, len(got), len(want))
		}
	}
	if len(a.CheckIns[walk.ID]) != 20 || len(a.Decisions[walk.ID]) == 0 || len(a.CheckIns[lonely.ID]) != 0 {
		t.Errorf("check-ins %d, decisions %d, lonely %d", len(a.CheckIns[walk.ID]), len(a.Decisions[walk.ID]),
			len(a.CheckIns[lonely.ID]))
	}
}

// With no database, the archive is empty and nothing is created.
func TestArchiveOfNothingCreatesNothing(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "tend")
	a, err := New(filepath.Join(dir, "tend.db")).Archive()
	if err != nil || len(a.Goals) != 0 || a.DayStartHour != coach.DefaultDayStartHour {
		t.Errorf("Archive() = %+v, %v; want empty with the default settings", a, err)
	}
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Archive() made the folder %s", dir)
	}
}

func TestArchiveOfADamagedFile(t *testing.T) {
	path := damagedFile(t, []byte("not a database at all, just words in a file"))
	if _, err := New(path).Archive(); !errors.Is(err, ErrDamaged) {
		t.Errorf("Archive() = %v, want ErrDamaged", err)
	}
}
