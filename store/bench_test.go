package store

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"tend/coach"
)

var benchToday = coach.DayOf(2026, 3, 2)

// seededBench makes a store with three goals and years of daily check-ins
// and their decisions on each, written in one transaction (how they got there does not matter
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
			decs, err := tx.Bucket(bucketDecisions).CreateBucketIfNotExists(idKey(id))
			if err != nil {
				return err
			}
			_, dec := benchRecords()
			sub.FillPercent, decs.FillPercent = appendFill, appendFill
			for d := 0; d < days; d++ {
				c := coach.CheckIn{Day: start.AddDays(d), Outcome: coach.Done, Achieved: 10, Target: 10, Level: 2, Variant: 1}
				k, _ := dayKey(c.Day)
				v, err := checkedCheckIn(id, c)
				if err == nil {
					err = sub.Put(k, v)
				}
				dec.Day = c.Day
				if err == nil {
					v, err = checkedDecision(id, dec)
				}
				if err == nil {
					err = decs.Put(k, v)
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

// benchCheckIn and benchDecision are a day's records as tend writes them:
// a done session with its time and device, and the hold it decided.
func benchRecords() (coach.CheckIn, coach.Decision) {
	c := coach.CheckIn{Day: benchToday, Outcome: coach.Done, Achieved: 20, Target: 20, Level: 2, Variant: 1,
		WrittenAt: time.Date(2026, 3, 2, 18, 30, 0, 0, time.UTC), Device: "9f3c2a7d51e04b86"}
	p, _ := coach.PlanByID(coach.DailyWalkID)
	g, _ := coach.NewGoal("Walk", p, nil, coach.Schedule{PerWeek: 7}, 0, benchToday.AddDays(-30))
	rec, err := coach.Record(g, nil, coach.Entry{Day: benchToday, Outcome: coach.Done, At: c.WrittenAt}, benchToday)
	if err != nil {
		panic(err)
	}
	return c, rec.Decision
}

// BenchmarkRecordDecode is one record read back, in the binary records of
// schema 3 and, for comparison, in schema 1's JSON (what every read paid
// before).
func BenchmarkRecordDecode(b *testing.B) {
	c, d := benchRecords()
	binC, _ := encodeCheckIn(1, c)
	binD, _ := encodeDecision(1, d)
	jsonC, _ := encodeCheckInV1(c)
	jsonD, _ := encodeDecisionV1(d)
	b.Run("checkin/binary", func(b *testing.B) {
		b.ReportAllocs()
		b.ReportMetric(float64(len(binC)), "bytes/record")
		for b.Loop() {
			if _, err := decodeCheckIn(binC, 1, benchToday); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("checkin/json-v1", func(b *testing.B) {
		b.ReportAllocs()
		b.ReportMetric(float64(len(jsonC)), "bytes/record")
		for b.Loop() {
			if _, err := decodeCheckInV1(jsonC, benchToday); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("decision/binary", func(b *testing.B) {
		b.ReportAllocs()
		b.ReportMetric(float64(len(binD)), "bytes/record")
		for b.Loop() {
			if _, err := decodeDecision(binD, 1, benchToday); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("decision/json-v1", func(b *testing.B) {
		b.ReportAllocs()
		b.ReportMetric(float64(len(jsonD)), "bytes/record")
		for b.Loop() {
			if _, err := decodeDecisionV1(jsonD, benchToday); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkReviewOne reads what one goal's review shows: its whole history
// (ten years of daily check-ins) and its changes, from one read.
func BenchmarkReviewOne(b *testing.B) {
	s := seededBench(b, 10)
	goals, _ := s.Goals()
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		err := s.Histories([]uint64{goals[0].ID}, benchToday, func(_ coach.Goal, cs []coach.CheckIn, _ []coach.Decision) error {
			n = len(cs)
			return nil
		})
		if err != nil || n < 3650 {
			b.Fatal(n, err)
		}
	}
}

// BenchmarkReviewAll reads what a review of every goal shows, as `tend
// review` reads it: the goals' names, then every goal and its whole history
// (ten years of daily check-ins each) and changes, one goal at a time.
func BenchmarkReviewAll(b *testing.B) {
	s := seededBench(b, 10)
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		err := s.HeadHistories(func(Snapshot) ([]uint64, coach.Day, error) { return nil, benchToday, nil },
			func(_ coach.Goal, cs []coach.CheckIn, _ []coach.Decision) error {
				n += len(cs)
				return nil
			})
		if err != nil || n < 3*3650 {
			b.Fatal(n, err)
		}
	}
}

// BenchmarkGoalDecode is a goal record read back whole (its plan built)
// and, as a name is resolved, its name alone.
func BenchmarkGoalDecode(b *testing.B) {
	p, _ := coach.PlanByID(coach.DailyWalkID)
	g, err := coach.NewGoal("Walk", p, nil, coach.Schedule{PerWeek: 5}, 0, benchToday.AddDays(-30))
	if err != nil {
		b.Fatal(err)
	}
	g.ID = 1
	v, err := encodeGoal(g)
	if err != nil {
		b.Fatal(err)
	}
	for name, decode := range map[string]func([]byte, uint64) (coach.Goal, error){"whole": decodeGoal, "name": decodeGoalName} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if got, err := decode(v, 1); err != nil || got.Name != "Walk" {
					b.Fatal(got.Name, err)
				}
			}
		})
	}
}

// BenchmarkExport walks the whole database as the export does; ns/record
// is the cost of each check-in and decision handed out.
func BenchmarkExport(b *testing.B) {
	s := seededBench(b, 10)
	b.ReportAllocs()
	records := 0
	for b.Loop() {
		records = 0
		count := func(uint64, coach.CheckIn) error { records++; return nil }
		countD := func(uint64, coach.Decision) error { records++; return nil }
		if err := s.Walk(func(coach.Archive) error { return nil }, count, countD); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*records), "ns/record")
}
