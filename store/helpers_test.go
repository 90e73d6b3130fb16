package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"tend/coach"
)

// One fixed week: Monday 2 March 2026 is "today" unless a test says
// otherwise. Tests never read the clock.
var (
	today   = coach.DayOf(2026, time.March, 2)
	created = today.AddDays(-14)
	writeAt = time.Date(2026, time.March, 2, 18, 30, 0, 0, time.UTC)
)

// newStore returns a Store for a file in a fresh tend directory, and checks
// the file when the test ends: bbolt's own consistency check, then tend's
// layout (see checkFileAtEnd).
func newStore(t *testing.T) *Store {
	t.Helper()
	s := New(filepath.Join(t.TempDir(), "tend", "tend.db"))
	t.Cleanup(func() { checkFileAtEnd(t, s.Path()) })
	return s
}

// checkFileAtEnd runs tx.Check on the file, when there is one, and checks
// that every check-in and decision belongs to a goal and every decision to a
// check-in of its day. Tests that damage a file on purpose do not use it.
func checkFileAtEnd(t *testing.T, path string) {
	t.Helper()
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Errorf("cleanup: open %s: %v", path, err)
		return
	}
	defer db.Close()
	err = db.View(func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			t.Errorf("cleanup: bbolt check: %v", err)
		}
		checkLayout(t, tx)
		return nil
	})
	if err != nil {
		t.Errorf("cleanup: %v", err)
	}
}

func checkLayout(t *testing.T, tx *bolt.Tx) {
	t.Helper()
	goals, checkIns, decisions := tx.Bucket(bucketGoals), tx.Bucket(bucketCheckIns), tx.Bucket(bucketDecisions)
	if goals == nil || checkIns == nil || decisions == nil {
		return // an empty bbolt file: nothing was ever written
	}
	for _, parent := range []*bolt.Bucket{checkIns, decisions} {
		_ = parent.ForEach(func(k, _ []byte) error {
			if goals.Get(k) == nil {
				t.Errorf("cleanup: history under %x has no goal", k)
			}
			return nil
		})
	}
	_ = decisions.ForEach(func(goal, _ []byte) error {
		return decisions.Bucket(goal).ForEach(func(day, _ []byte) error {
			if sub := checkIns.Bucket(goal); sub == nil || sub.Get(day) == nil {
				t.Errorf("cleanup: decision %x/%x has no check-in", goal, day)
			}
			return nil
		})
	})
}

// walkGoal is a Daily walk goal (10 minutes to start, five days a week)
// made two weeks before today.
func walkGoal(t *testing.T, name string) coach.Goal {
	t.Helper()
	p, err := coach.PlanByID(coach.DailyWalkID)
	if err != nil {
		t.Fatal(err)
	}
	g, err := coach.NewGoal(name, p, nil, coach.Schedule{PerWeek: 5}, 0, created)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func mustAdd(t *testing.T, s *Store, g coach.Goal) coach.Goal {
	t.Helper()
	added, err := s.AddGoal(g)
	if err != nil {
		t.Fatalf("AddGoal(%q): %v", g.Name, err)
	}
	return added
}

func entry(day coach.Day, o coach.Outcome) coach.Entry {
	return coach.Entry{Day: day, Outcome: o, At: writeAt}
}

func mustCheckIn(t *testing.T, s *Store, id uint64, e coach.Entry, today coach.Day) coach.Recorded {
	t.Helper()
	rec, err := s.CheckIn(id, e, today)
	if err != nil {
		t.Fatalf("CheckIn(%d, %s %s): %v", id, e.Day, e.Outcome, err)
	}
	return rec
}

func mustGoals(t *testing.T, s *Store) []coach.Goal {
	t.Helper()
	gs, err := s.Goals()
	if err != nil {
		t.Fatalf("Goals: %v", err)
	}
	return gs
}

func mustGoal(t *testing.T, s *Store, id uint64) coach.Goal {
	t.Helper()
	for _, g := range mustGoals(t, s) {
		if g.ID == id {
			return g
		}
	}
	t.Fatalf("no goal %d", id)
	return coach.Goal{}
}

func mustDecisions(t *testing.T, s *Store, id uint64) []coach.Decision {
	t.Helper()
	ds, err := s.Decisions(id, coach.Day{}, coach.Day{})
	if err != nil {
		t.Fatalf("Decisions(%d): %v", id, err)
	}
	return ds
}

func mustCheckIns(t *testing.T, s *Store, id uint64) []coach.CheckIn {
	t.Helper()
	cs, err := s.CheckIns(id, coach.Day{}, coach.Day{})
	if err != nil {
		t.Fatalf("CheckIns(%d): %v", id, err)
	}
	return cs
}

// fileHash is the SHA-256 of a file's bytes.
func fileHash(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// readAll runs every read the Store has and returns their errors.
func readAll(s *Store, id uint64) map[string]error {
	var buf bytes.Buffer
	errs := map[string]error{}
	_, errs["Snapshot"] = s.Snapshot(today.AddDays(-coach.RecentDays))
	_, errs["Goals"] = s.Goals()
	_, errs["CheckIns"] = s.CheckIns(id, coach.Day{}, coach.Day{})
	_, errs["Decisions"] = s.Decisions(id, coach.Day{}, coach.Day{})
	errs["Window"] = s.Window([]uint64{id}, today.AddDays(-7), today,
		func(coach.Goal, []coach.CheckIn, []coach.Decision) error { return nil })
	_, errs["Settings"] = s.Settings()
	_, errs["Backup"] = s.Backup(&buf)
	_, errs["Exists"] = s.Exists()
	return errs
}

// writeAll runs every write the Store has and returns their errors.
func writeAll(t *testing.T, s *Store, id uint64) map[string]error {
	g := walkGoal(t, "Another")
	errs := map[string]error{}
	_, errs["AddGoal"] = s.AddGoal(g)
	_, errs["EditGoal"] = s.EditGoal(id, rename("Renamed"))
	_, errs["CheckIn"] = s.CheckIn(id, entry(today, coach.Done), today)
	_, errs["EditCheckIn"] = s.EditCheckIn(id, today, today, func(c coach.CheckIn) (coach.CheckIn, error) {
		c.Note = "changed"
		return c, nil
	})
	_, errs["Undo"] = s.Undo(id, today)
	errs["DeleteGoal"] = s.DeleteGoal(id)
	return errs
}

// rename is an edit that renames a goal.
func rename(name string) func(coach.Goal) (coach.Goal, error) {
	return func(g coach.Goal) (coach.Goal, error) {
		g.Name = name
		return g, nil
	}
}

// withBolt opens path with bbolt directly, to set up what the Store would
// never write itself.
func withBolt(t *testing.T, path string, fn func(tx *bolt.Tx) error) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Update(fn); err != nil {
		t.Fatal(err)
	}
}

// viewBolt reads path with bbolt directly, read-only, to look at what the
// Store wrote.
func viewBolt(t *testing.T, path string, fn func(tx *bolt.Tx) error) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.View(fn); err != nil {
		t.Fatal(err)
	}
}
