package store

import (
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"tend/coach"
)

// AddGoal saves a new goal and returns it with its ID, taken from the goals
// bucket's sequence so that IDs are never reused. The name is cleaned as
// coach.CleanName does; a name equal to another goal's, ignoring case, is
// refused with ErrNameTaken. A missing database is created.
func (s *Store) AddGoal(g coach.Goal) (coach.Goal, error) {
	if err := checkGoal(&g); err != nil {
		return coach.Goal{}, err
	}
	err := s.update(createAccess, fmt.Sprintf("the new goal %q", g.Name), func(tx *bolt.Tx) error {
		b, err := openBuckets(tx)
		if err != nil {
			return err
		}
		if err := checkNameFree(b.goals, g.Name, 0); err != nil {
			return err
		}
		if g.ID, err = b.goals.NextSequence(); err != nil {
			return fmt.Errorf("could not number the new goal %q: %w", g.Name, err)
		}
		if g.UID == "" {
			g.UID = NewGoalUID()
		}
		return putGoal(b.goals, g)
	})
	if err != nil {
		return coach.Goal{}, err
	}
	return g, nil
}

// EditGoal changes a goal in one write transaction: it reads the goal as it
// is stored now, hands it to edit, and writes what edit returns, so a
// check-in that another tend commits meanwhile is never undone by an edit
// (its level, and above all a safety hold, stay). Every change to a goal
// goes through here; nothing writes back a goal read earlier.
//
// edit runs inside the transaction, holding the file's lock: it must be
// quick and do no I/O. An error from it is returned as it is and nothing is
// written. The edited goal keeps its ID, and its name is cleaned and
// checked as AddGoal's is. ErrNotFound when there is no such goal.
func (s *Store) EditGoal(id uint64, edit func(coach.Goal) (coach.Goal, error)) (coach.Goal, error) {
	return changeGoal(s, fmt.Sprintf("the change to goal %d", id), id, func(tx *bolt.Tx) (coach.Goal, error) {
		b, err := openBuckets(tx)
		if err != nil {
			return coach.Goal{}, err
		}
		g, err := readGoal(b.goals, id)
		if errors.Is(err, ErrNotFound) {
			return coach.Goal{}, noGoal(id)
		}
		if err != nil {
			return coach.Goal{}, err
		}
		if g, err = runEdit(edit, g); err != nil {
			return coach.Goal{}, err
		}
		g.ID = id
		if err := checkGoal(&g); err != nil {
			return coach.Goal{}, err
		}
		if err := checkNameFree(b.goals, g.Name, id); err != nil {
			return coach.Goal{}, err
		}
		return g, putGoal(b.goals, g)
	})
}

// EditGoalAdding is EditGoal for a change that also adds a goal beside
// the one edited, both in one write transaction: answering the graduation
// question with the next plan starts that plan's goal and ends the question
// on the finished one, so a crash never leaves one without the other. edit
// returns the edited goal and the goal to add; the added goal gets its ID
// and UID as AddGoal's do, and its name must be free as AddGoal's must.
func (s *Store) EditGoalAdding(id uint64, edit func(coach.Goal) (coach.Goal, coach.Goal, error)) (edited, added coach.Goal, err error) {
	err = s.updateGoal(writeAccess, fmt.Sprintf("the change to goal %d", id), id, func(tx *bolt.Tx) error {
		b, err := openBuckets(tx)
		if err != nil {
			return err
		}
		g, err := readGoal(b.goals, id)
		if errors.Is(err, ErrNotFound) {
			return noGoal(id)
		}
		if err != nil {
			return err
		}
		var ng coach.Goal
		if g, err = runEdit(func(g coach.Goal) (coach.Goal, error) {
			var err error
			g, ng, err = edit(g)
			return g, err
		}, g); err != nil {
			return err
		}
		return putEditedAndAdded(b, id, g, ng, &edited, &added)
	})
	if errors.Is(err, errNoFile) {
		return coach.Goal{}, coach.Goal{}, noGoal(id)
	}
	if err != nil {
		return coach.Goal{}, coach.Goal{}, err
	}
	return edited, added, nil
}

// putEditedAndAdded writes the edited goal g and the new goal ng, each
// checked as EditGoal and AddGoal check theirs.
func putEditedAndAdded(b buckets, id uint64, g, ng coach.Goal, edited, added *coach.Goal) error {
	g.ID = id
	if err := checkGoal(&g); err != nil {
		return err
	}
	if err := checkNameFree(b.goals, g.Name, id); err != nil {
		return err
	}
	if err := putGoal(b.goals, g); err != nil {
		return err
	}
	if err := checkGoal(&ng); err != nil {
		return err
	}
	if err := checkNameFree(b.goals, ng.Name, 0); err != nil {
		return err
	}
	var err error
	if ng.ID, err = b.goals.NextSequence(); err != nil {
		return fmt.Errorf("could not number the new goal %q: %w", ng.Name, err)
	}
	if ng.UID == "" {
		ng.UID = NewGoalUID()
	}
	*edited, *added = g, ng
	return putGoal(b.goals, ng)
}

// runEdit calls an edit. A panic there is a bug in tend, not damage in the
// file, and must not be reported as damage (withFile would).
func runEdit(edit func(coach.Goal) (coach.Goal, error), g coach.Goal) (out coach.Goal, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("tend hit a bug making this change (%v); nothing was saved, and your data is fine", r)
		}
	}()
	return edit(g)
}

// DeleteGoal removes a goal with all its check-ins and decisions.
// ErrNotFound when there is no such goal.
func (s *Store) DeleteGoal(id uint64) error {
	err := s.updateGoal(writeAccess, fmt.Sprintf("the removal of goal %d", id), id, func(tx *bolt.Tx) error {
		b, err := openBuckets(tx)
		if err != nil {
			return err
		}
		key := idKey(id)
		if b.goals.Get(key) == nil {
			return noGoal(id)
		}
		if err := b.goals.Delete(key); err != nil {
			return fmt.Errorf("could not remove goal %d: %w", id, err)
		}
		for _, parent := range []*bolt.Bucket{b.checkIns, b.decisions} {
			if parent.Bucket(key) == nil {
				continue
			}
			if err := parent.DeleteBucket(key); err != nil {
				return fmt.Errorf("could not remove the history of goal %d: %w", id, err)
			}
		}
		return nil
	})
	if errors.Is(err, errNoFile) {
		return noGoal(id)
	}
	return err
}

func noGoal(id uint64) error {
	return says(ErrNotFound, "there is no goal with id %d; it may have been removed", id)
}

// checkGoal cleans the name and checks that the goal's plan can be built,
// before any file is opened.
func checkGoal(g *coach.Goal) error {
	name, err := coach.CleanName(g.Name)
	if err != nil {
		return err
	}
	g.Name = name
	if _, err := g.Plan(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// checkNameFree refuses a name that another goal than except has.
func checkNameFree(goals *bolt.Bucket, name string, except uint64) error {
	all, err := readGoals(goals)
	if err != nil {
		return err
	}
	for _, g := range all {
		if g.ID != except && coach.SameName(g.Name, name) {
			return says(ErrNameTaken, "there is already a goal called %q; choose another name", g.Name)
		}
	}
	return nil
}

// putGoal writes a goal, refusing one that would not read back: a record
// the store cannot decode would make the whole database unreadable.
func putGoal(goals *bolt.Bucket, g coach.Goal) error {
	v, err := encodeGoal(g)
	if err == nil {
		_, err = decodeGoal(v, g.ID)
	}
	if err != nil {
		return unsaveable(fmt.Sprintf("the goal %q", g.Name), err)
	}
	if err := goals.Put(idKey(g.ID), v); err != nil {
		return fmt.Errorf("could not save the goal %q: %w", g.Name, err)
	}
	return nil
}

// unsaveable turns a record that fails its read-back into a bad value.
func unsaveable(what string, err error) error {
	var d *damage
	if errors.As(err, &d) {
		return says(coach.ErrBadValue, "%s cannot be saved: %s", what, d.detail)
	}
	return fmt.Errorf("%s cannot be saved: %w", what, err)
}
