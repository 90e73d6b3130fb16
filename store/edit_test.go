package store

import (
	"bytes"
	"errors"
	"os"
	"testing"

	"tend/coach"
)

// The lost update of issue 10: a screen shows a goal, another tend checks in
// with a warning sign, and then the person renames the goal they saw. The
// rename must apply to the goal as it is now, hold and all.
func TestEditGoalChangesTheGoalAsStoredNotAsSeen(t *testing.T) {
	s := newStore(t)
	walk := mustAdd(t, s, walkGoal(t, "Walk"))
	seen := mustGoal(t, s, walk.ID) // what the screen shows
	e := entry(today, coach.Done)
	e.Pain = coach.PainWarning
	mustCheckIn(t, s, walk.ID, e, today)
	held := mustGoal(t, s, walk.ID)
	if held.Status() != coach.SafetyHold {
		t.Fatalf("after a warning sign the goal is %s, want safety-hold", held.Status())
	}
	got, err := s.EditGoal(seen.ID, rename("Evening walk"))
	if err != nil {
		t.Fatal(err)
	}
	stored := mustGoal(t, s, walk.ID)
	if stored.Name != "Evening walk" || got.Name != "Evening walk" {
		t.Errorf("renamed to %q (returned %q), want Evening walk", stored.Name, got.Name)
	}
	if stored.Status() != coach.SafetyHold || stored.Level != held.Level || stored.Reason != held.Reason {
		t.Errorf("the rename lifted or moved what the check-in set: %s level %d, want safety-hold level %d",
			stored.Status(), stored.Level, held.Level)
	}
}

// An edit that fails, or panics, writes nothing: the file is byte for byte
// as it was, and a panic is a bug, not damage.
func TestEditGoalThatFailsWritesNothing(t *testing.T) {
	s := newStore(t)
	walk := mustAdd(t, s, walkGoal(t, "Walk"))
	mustAdd(t, s, walkGoal(t, "Run"))
	before, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	refuse := errors.New("not today")
	edits := map[string]struct {
		edit func(coach.Goal) (coach.Goal, error)
		want error
	}{
		"an error":       {func(g coach.Goal) (coach.Goal, error) { return g, refuse }, refuse},
		"a taken name":   {rename("run"), ErrNameTaken},
		"an empty name":  {rename("  "), coach.ErrBadName},
		"a hidden space": {rename("Walk\u200b"), coach.ErrBadName},
		"a panic":        {func(coach.Goal) (coach.Goal, error) { panic("a bug") }, nil},
	}
	for name, c := range edits {
		_, err := s.EditGoal(walk.ID, c.edit)
		switch {
		case err == nil:
			t.Errorf("%s: EditGoal succeeded", name)
		case c.want != nil && !errors.Is(err, c.want):
			t.Errorf("%s: EditGoal = %v, want %v", name, err, c.want)
		case errors.Is(err, ErrDamaged):
			t.Errorf("%s: EditGoal = %v, which calls a good file damaged", name, err)
		}
	}
	after, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Error("a refused edit changed the file")
	}
}

// An edit cannot move a goal onto another id.
func TestEditGoalKeepsTheID(t *testing.T) {
	s := newStore(t)
	walk := mustAdd(t, s, walkGoal(t, "Walk"))
	got, err := s.EditGoal(walk.ID, func(g coach.Goal) (coach.Goal, error) {
		g.ID, g.Name = 42, "Moved"
		return g, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if gs := mustGoals(t, s); got.ID != walk.ID || len(gs) != 1 || gs[0].ID != walk.ID || gs[0].Name != "Moved" {
		t.Errorf("after an edit that changed the id: returned %d, stored %+v", got.ID, gs)
	}
}
