package tui

import (
	"fmt"
	"strings"
	"testing"

	"tend/coach"
)

// idsStore remembers which goal id each check-in and undo reached.
type idsStore struct {
	*recordingStore
	ids []uint64
}

func (s *idsStore) CheckIn(id uint64, e coach.Entry, today coach.Day) (coach.Recorded, error) {
	s.ids = append(s.ids, id)
	return s.recordingStore.CheckIn(id, e, today)
}

// withUIDs gives the seeded goals uids, as every stored goal has.
func withUIDs(snap coach.Snapshot) coach.Snapshot {
	for i := range snap.Goals {
		snap.Goals[i].UID = fmt.Sprintf("%032x", i+1)
	}
	return snap
}

// renumbered is snap after a merge in another terminal brought a peer's
// goal made before all of them: it takes id 1 and every id moves up one.
func renumbered(t *testing.T, snap coach.Snapshot) coach.Snapshot {
	t.Helper()
	peer := snap.Goals[1]
	peer.ID, peer.UID, peer.Name = 1, strings.Repeat("f", 32), "Stretch"
	out := coach.Snapshot{DayStartHour: snap.DayStartHour, Goals: []coach.Goal{peer}, CheckIns: map[uint64][]coach.CheckIn{}}
	for _, g := range snap.Goals {
		out.CheckIns[g.ID+1] = append([]coach.CheckIn(nil), snap.CheckIns[g.ID]...)
		g.ID++
		out.Goals = append(out.Goals, g)
	}
	return out
}

// The screen still shows the ids it loaded when another terminal's merge
// renumbers the goals (SYNC §7.5 numbers them by create): the one-key
// check-in on Walk to run reaches Walk to run at its new id, never the
// peer's goal that took its old one.
func TestAWriteReachesTheGoalTheScreenShowed(t *testing.T) {
	snap := withUIDs(seeded(t))
	st := &idsStore{recordingStore: &recordingStore{snap: snap}}
	m := loaded(t, st, snap, 80, 24)
	st.snap = renumbered(t, snap)
	pressAll(t, m, keyPress('d')) // the cursor starts on Walk to run, id 1 on the screen
	if len(st.ids) != 1 || st.ids[0] != 2 {
		t.Fatalf("the check-in reached goal ids %v, want [2] (Walk to run's id after the merge)", st.ids)
	}
	if got := st.snap.CheckIns[1]; len(got) != 0 {
		t.Errorf("the peer's goal, which took id 1, got a check-in: %+v", got)
	}
}

// A goal deleted on another device before the screen reloads: its key
// saves nothing and says so.
func TestAWriteToAGoalDeletedElsewhereSavesNothing(t *testing.T) {
	snap := withUIDs(seeded(t))
	st := &idsStore{recordingStore: &recordingStore{snap: snap}}
	m := loaded(t, st, snap, 80, 24)
	gone := renumbered(t, snap)
	gone.Goals = gone.Goals[:1] // only the peer's goal is left
	st.snap = gone
	m = pressAll(t, m, keyPress('d'))
	if len(st.ids) != 0 {
		t.Errorf("a check-in reached goal ids %v for a goal that is gone", st.ids)
	}
	if v := m.View(); !strings.Contains(v, "deleted on another device") {
		t.Errorf("the screen does not say the goal is gone:\n%s", v)
	}
}
