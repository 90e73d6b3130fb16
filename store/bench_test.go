package store

import (
	"fmt"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"

	"tend/coach"
)

var benchToday = coach.DayOf(2026, 3, 2)

// seededBench makes a store with three goals and years of daily check-ins
// on each, written in one transaction (how they got there does not matter
// to a read).
func seededBench(b *testing.B, years int) *Store {
	b.Helper()
	s := New(filepath.Join(b.TempDir(), "tend.db"))
	days := 365 * years
	start := benchToday.AddDays(-days)
	var ids []uint64
	for _, plan := range []string{coach.DailyWalkID, coach.YogaID, coach.MindfulID} {
		p, _ := coach.PlanByID(plan)
		g, err := coach.NewGoal(p.Name, p, nil, coach.Schedule{PerWeek: 7}, 0, start)
		if err != nil {
			b.Fatal(err)
		}
		if g, err = s.AddGoal(g); err != nil {
			b.Fatal(err)
		}
		ids = append(ids, g.ID)
	}
	db, err := bolt.Open(s.Path(), 0o600, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		for _, id := range ids {
			sub, err := tx.Bucket(bucketCheckIns).CreateBucketIfNotExists(idKey(id))
			if err != nil {
				return err
			}
			for d := 0; d < days; d++ {
				c := coach.CheckIn{Day: start.AddDays(d), Outcome: coach.Done, Achieved: 10, Target: 10, Level: 2, Variant: 1}
				k, _ := dayKey(c.Day)
				v, err := checkedCheckIn(id, c)
				if err == nil {
					err = sub.Put(k, v)
				}
				if err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkSnapshot is what start-up reads: every goal and the recent
// window. One year and ten years of history cost the same: the window is
// bounded, the rest is never read.
func BenchmarkSnapshot(b *testing.B) {
	for _, years := range []int{1, 10} {
		b.Run(fmt.Sprintf("years=%d", years), func(b *testing.B) {
			s := seededBench(b, years)
			for b.Loop() {
				snap, err := s.Snapshot(benchToday.AddDays(-coach.RecentDays))
				if err != nil || len(snap.Goals) != 3 {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkStartupToday is start-up end to end below the screen: the read
// and the coach's work for every goal.
func BenchmarkStartupToday(b *testing.B) {
	s := seededBench(b, 10)
	for b.Loop() {
		snap, err := s.Snapshot(benchToday.AddDays(-coach.RecentDays))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := snap.Todays(benchToday); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheckIn is one acknowledged check-in: open, decide, write,
// commit with fsync, close.
func BenchmarkCheckIn(b *testing.B) {
	s := seededBench(b, 10)
	goals, _ := s.Goals()
	i := 0
	for b.Loop() {
		// The same day again: an upsert, so the history stays the same size.
		e := coach.Entry{Day: benchToday, Outcome: coach.Rest}
		if i%2 == 0 {
			e.Outcome = coach.Unwell
		}
		i++
		if _, err := s.CheckIn(goals[0].ID, e, benchToday); err != nil {
			b.Fatal(err)
		}
	}
}
