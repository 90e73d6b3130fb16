package store

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"tend/coach"
)

// seededGoals makes a store with n goals of the five plans and years of
// history each up to the day before benchToday: most days a session, a
// rest day a week, a day in eleven with nothing, a mood now and then.
// Today reads only the last coach.RecentDays of it.
func seededGoals(b *testing.B, n, years int) *Store {
	b.Helper()
	s := New(filepath.Join(b.TempDir(), "tend.db"))
	days := 365 * years
	start := benchToday.AddDays(-days)
	plans := []string{coach.MindfulID, coach.YogaID, coach.StrengthID, coach.WalkToRunID, coach.DailyWalkID}
	var ids []uint64
	for i := range n {
		p, _ := coach.PlanByID(plans[i%len(plans)])
		g, err := coach.NewGoal(fmt.Sprintf("%s %d", p.Name, i+1), p, nil, coach.Schedule{PerWeek: 3 + i%5}, 0, start)
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
		for gi, id := range ids {
			sub, err := tx.Bucket(bucketCheckIns).CreateBucketIfNotExists(idKey(id))
			if err != nil {
				return err
			}
			sub.FillPercent = appendFill
			for d := range days {
				if (d+gi)%11 == 5 {
					continue
				}
				c := coach.CheckIn{Day: start.AddDays(d), Outcome: coach.Done, Achieved: 10, Target: 10, Level: 1, Variant: 1,
					WrittenAt: time.Date(2026, 3, 1, 18, 30, 0, 0, time.UTC), Device: "9f3c2a7d51e04b86"}
				if (d+gi)%7 == 3 {
					c = coach.CheckIn{Day: c.Day, Outcome: coach.Rest, Level: 1, Variant: 1, WrittenAt: c.WrittenAt, Device: c.Device}
				}
				if d%13 == 0 {
					before, after := 4, 7
					c.MoodBefore, c.MoodAfter = &before, &after
				}
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

// BenchmarkTodayLoad is `tend today` below its printing: the goals and
// their windows read, and for every goal the coach's row and its weekly
// review worked out (a Monday: every goal has one). "snapshot" holds
// every goal's window at once, as Today did; "recent" reads one goal's
// window at a time into one lent array (store.Recent), as it does now.
// The growth from 10 goals × 1 year to 100 goals × 2 years is what the
// budget's today-growth row holds (older years are never read).
func BenchmarkTodayLoad(b *testing.B) {
	from := benchToday.AddDays(-coach.RecentDays)
	work := func(g coach.Goal, cs []coach.CheckIn) error {
		p, err := g.Plan()
		if err != nil {
			return err
		}
		if _, err := coach.TodayFor(g, cs, benchToday); err != nil {
			return err
		}
		if _, ok := coach.WeeklyReview(g, p, cs, benchToday); !ok {
			return fmt.Errorf("%s has no weekly review on a Monday", g.Name)
		}
		return nil
	}
	for _, size := range []struct{ goals, years int }{{10, 1}, {100, 2}} {
		s := seededGoals(b, size.goals, size.years)
		b.Run(fmt.Sprintf("snapshot/goals=%d", size.goals), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				snap, err := s.Snapshot(from)
				if err != nil {
					b.Fatal(err)
				}
				for _, g := range snap.Goals {
					if err := work(g, snap.CheckIns[g.ID]); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
		b.Run(fmt.Sprintf("recent/goals=%d", size.goals), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := s.Recent(from, func(Snapshot) error { return nil }, work); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
