package tui

import (
	"errors"

	"tend/coach"
)

// errGoalGone: the goal a screen showed is no longer in the file.
var errGoalGone = errors.New("that goal was deleted on another device, so nothing was saved; the screen now shows what is here")

// pinned is the store a screen's writes go through. A merge from another
// terminal (`tend sync`, or `tend status` in a prompt) replays every goal
// and numbers them in the order of their creates (SYNC §7.5), so that
// every device lists them alike; a peer's goal made earlier then moves
// the ids after it. Each write first finds, by its uid, the id that the
// goal the screen showed has now, so a key pressed before the screen
// reloads still reaches that goal and never the one that took its id.
type pinned struct {
	Store
	uids map[uint64]string // the ids the screen loaded, and their goals' uids
}

// writer is the store for a write made from what the screen shows now.
func (m Model) writer() Store {
	uids := make(map[uint64]string, len(m.snap.Goals))
	for _, g := range m.snap.Goals {
		uids[g.ID] = g.UID
	}
	return pinned{Store: m.deps.Store, uids: uids}
}

// now is the id the screen's goal id has in the file at this moment.
func (p pinned) now(id uint64) (uint64, error) {
	uid := p.uids[id]
	if uid == "" {
		return id, nil // not from the screen's goals (a goal just added): as it is
	}
	goals, err := p.Store.Goals()
	if err != nil {
		return 0, err
	}
	for _, g := range goals {
		if g.UID == uid {
			return g.ID, nil
		}
	}
	return 0, errGoalGone
}

func (p pinned) CheckIn(id uint64, e coach.Entry, today coach.Day) (coach.Recorded, error) {
	id, err := p.now(id)
	if err != nil {
		return coach.Recorded{}, err
	}
	return p.Store.CheckIn(id, e, today)
}

func (p pinned) Undo(id uint64, day coach.Day) (coach.CheckIn, error) {
	id, err := p.now(id)
	if err != nil {
		return coach.CheckIn{}, err
	}
	return p.Store.Undo(id, day)
}

func (p pinned) EditCheckIn(id uint64, day, today coach.Day, edit func(coach.CheckIn) (coach.CheckIn, error)) (coach.Recorded, error) {
	id, err := p.now(id)
	if err != nil {
		return coach.Recorded{}, err
	}
	return p.Store.EditCheckIn(id, day, today, edit)
}

func (p pinned) EditGoal(id uint64, edit func(coach.Goal) (coach.Goal, error)) (coach.Goal, error) {
	id, err := p.now(id)
	if err != nil {
		return coach.Goal{}, err
	}
	return p.Store.EditGoal(id, edit)
}

func (p pinned) EditGoalAdding(id uint64, edit func(coach.Goal) (coach.Goal, coach.Goal, error)) (coach.Goal, coach.Goal, error) {
	id, err := p.now(id)
	if err != nil {
		return coach.Goal{}, coach.Goal{}, err
	}
	return p.Store.EditGoalAdding(id, edit)
}

func (p pinned) DeleteGoal(id uint64) error {
	id, err := p.now(id)
	if err != nil {
		return err
	}
	return p.Store.DeleteGoal(id)
}
