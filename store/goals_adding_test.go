package store

import (
	"errors"
	"testing"

	"tend/coach"
)

// EditGoalAdding writes the edited goal and the added one in one
// transaction: both, or neither (the graduation answer "start Walk to run"
// ends the question on one goal and adds the other).
func TestEditGoalAddingWritesBothOrNeither(t *testing.T) {
	s := newStore(t)
	walk := mustAdd(t, s, walkGoal(t, "Walk"))
	run := walkGoal(t, "Walk to run")
	edited, added, err := s.EditGoalAdding(walk.ID, func(g coach.Goal) (coach.Goal, coach.Goal, error) {
		g.Anchor = "make coffee"
		return g, run, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if edited.ID != walk.ID || edited.Anchor != "make coffee" || added.ID == 0 || added.ID == walk.ID || added.UID == "" {
		t.Fatalf("edited %+v, added %+v", edited, added)
	}
	goals, err := s.Goals()
	if err != nil || len(goals) != 2 || goals[0].Anchor != "make coffee" || goals[1].Name != "Walk to run" {
		t.Fatalf("stored %+v, %v", goals, err)
	}

	// A name already taken refuses the whole change: the edit is not kept.
	_, _, err = s.EditGoalAdding(walk.ID, func(g coach.Goal) (coach.Goal, coach.Goal, error) {
		g.Anchor = "lunch"
		return g, walkGoal(t, "walk to RUN"), nil
	})
	if !errors.Is(err, ErrNameTaken) {
		t.Fatalf("a taken name: %v, want ErrNameTaken", err)
	}
	// So does an error from the edit itself.
	boom := errors.New("no")
	if _, _, err = s.EditGoalAdding(walk.ID, func(g coach.Goal) (coach.Goal, coach.Goal, error) {
		return g, run, boom
	}); !errors.Is(err, boom) {
		t.Fatalf("the edit's error: %v", err)
	}
	if goals, _ := s.Goals(); len(goals) != 2 || goals[0].Anchor != "make coffee" {
		t.Fatalf("a refused change left %+v", goals)
	}
	if _, _, err := s.EditGoalAdding(99, func(g coach.Goal) (coach.Goal, coach.Goal, error) { return g, run, nil }); !errors.Is(err, ErrNotFound) {
		t.Fatalf("no such goal: %v", err)
	}
}
