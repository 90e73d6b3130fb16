package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"tend/coach"
)

// HeadHistories hands pick the goals' ids and names and the day-start hour
// Head gives (a name is resolved from them, no more of a goal), then
// reads exactly the histories pick names (all of them for nil), as
// Histories reads them: a review resolves a name and reads its history
// from one read of the file.
func TestHeadHistoriesReadsWhatPickNames(t *testing.T) {
	s := newStore(t)
	walk := mustAdd(t, s, walkGoal(t, "Walk"))
	run := mustAdd(t, s, walkGoal(t, "Run"))
	mustCheckIn(t, s, walk.ID, entry(today.AddDays(-1), coach.Done), today.AddDays(-1))
	mustCheckIn(t, s, walk.ID, entry(today, coach.Rest), today)
	mustCheckIn(t, s, run.ID, entry(today, coach.Done), today)
	head, err := s.Head()
	if err != nil {
		t.Fatal(err)
	}
	for _, ids := range [][]uint64{{run.ID}, nil} {
		var want, got []string
		if err := s.Histories(ids, today, func(g coach.Goal, cs []coach.CheckIn, _ []coach.Decision) error {
			want = append(want, historyWords(g, cs))
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		err := s.HeadHistories(func(snap Snapshot) ([]uint64, coach.Day, error) {
			if len(snap.Goals) != len(head.Goals) || snap.DayStartHour != head.DayStartHour {
				t.Errorf("pick sees %d goals, hour %d; Head has %d, %d", len(snap.Goals), snap.DayStartHour, len(head.Goals), head.DayStartHour)
			}
			for i, g := range snap.Goals {
				if i < len(head.Goals) && (g.ID != head.Goals[i].ID || g.Name != head.Goals[i].Name) {
					t.Errorf("pick sees goal %d %q; Head has %d %q", g.ID, g.Name, head.Goals[i].ID, head.Goals[i].Name)
				}
			}
			return ids, today, nil
		}, func(g coach.Goal, cs []coach.CheckIn, _ []coach.Decision) error {
			got = append(got, historyWords(g, cs))
			return nil
		})
		if err != nil || len(got) != len(want) || len(got) == 0 {
			t.Fatalf("ids %v: read %q, %v; want %q", ids, got, err, want)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("ids %v: read %q; want %q", ids, got, want)
			}
		}
	}
}

// historyWords is a goal's history as the test compares it, written while
// fn runs (HeadHistories lends the check-ins only until fn returns).
func historyWords(g coach.Goal, cs []coach.CheckIn) string {
	w := g.Name
	for _, c := range cs {
		w += fmt.Sprintf(" %s:%v", c.Day, c.Outcome)
	}
	return w
}

// A pick that refuses (a name that matches nothing) ends the read with its
// own error and nothing read; with no database pick sees an empty head,
// and no file is made.
func TestHeadHistoriesStopsAtPickAndMakesNoFile(t *testing.T) {
	s := newStore(t)
	mustAdd(t, s, walkGoal(t, "Walk"))
	refused := errors.New("no goal is called that")
	read := func(coach.Goal, []coach.CheckIn, []coach.Decision) error {
		t.Error("a history was read after pick refused")
		return nil
	}
	if err := s.HeadHistories(func(Snapshot) ([]uint64, coach.Day, error) { return nil, today, refused }, read); err != refused {
		t.Errorf("pick's error came back as %v", err)
	}
	none := New(filepath.Join(t.TempDir(), "tend", "tend.db"))
	picked := false
	err := none.HeadHistories(func(snap Snapshot) ([]uint64, coach.Day, error) {
		picked = true
		if len(snap.Goals) != 0 || snap.DayStartHour != coach.DefaultDayStartHour {
			t.Errorf("no database: pick sees %d goals, hour %d", len(snap.Goals), snap.DayStartHour)
		}
		return nil, today, nil
	}, read)
	if err != nil || !picked {
		t.Errorf("no database: err %v, picked %v", err, picked)
	}
	if _, err := os.Stat(none.Path()); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("no database: a file was made (%v)", err)
	}
}

// A review of one goal decodes only that goal whole: another goal whose
// record cannot be used (its plan is not one tend has) does not stop it,
// its name is still there to resolve a name from, and a review of every
// goal still says the other is damaged.
func TestHeadHistoriesDecodesOnlyThePickedGoalWhole(t *testing.T) {
	s := newStore(t)
	walk := mustAdd(t, s, walkGoal(t, "Walk"))
	odd := mustAdd(t, s, walkGoal(t, "Odd"))
	odd.PlanID = "no-such-plan"
	withBolt(t, s.Path(), func(tx *bolt.Tx) error {
		v, err := encodeGoal(odd)
		if err != nil {
			return err
		}
		return tx.Bucket(bucketGoals).Put(idKey(odd.ID), v)
	})
	var names []string
	read := []uint64{}
	err := s.HeadHistories(func(snap Snapshot) ([]uint64, coach.Day, error) {
		for _, g := range snap.Goals {
			names = append(names, g.Name)
		}
		return []uint64{walk.ID}, today, nil
	}, func(g coach.Goal, _ []coach.CheckIn, _ []coach.Decision) error {
		read = append(read, g.ID)
		return nil
	})
	if err != nil || len(read) != 1 || read[0] != walk.ID || strings.Join(names, ",") != "Walk,Odd" {
		t.Errorf("one goal: read %v, names %q, err %v", read, names, err)
	}
	err = s.HeadHistories(func(Snapshot) ([]uint64, coach.Day, error) { return nil, today, nil },
		func(coach.Goal, []coach.CheckIn, []coach.Decision) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "plan") {
		t.Errorf("every goal: %v, want the unusable plan named", err)
	}
}
