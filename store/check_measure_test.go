package store

import (
	"fmt"
	"os"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"tend/coach"
)

// TestMeasureCheckBeforeWrite is the measurement behind fullCheckPages
// (guard.go), run by hand: it builds a 20-year file at $TEND_MEASURE (100
// goals, 456k check-ins and as many decisions) once, then times the whole
// tx.Check and the scoped check in a write transaction, three times each.
//
//	TEND_MEASURE=/tmp/tend20y.db go test ./store -run MeasureCheck -v
func TestMeasureCheckBeforeWrite(t *testing.T) {
	path := os.Getenv("TEND_MEASURE")
	if path == "" {
		t.Skip()
	}
	if _, err := os.Stat(path); err != nil {
		buildMeasureFile(t, path)
	}
	info, _ := os.Stat(path)
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for i := 0; i < 3; i++ {
		t0 := time.Now()
		err = db.Update(func(tx *bolt.Tx) error {
			for err := range tx.Check() {
				t.Error(err)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("file %d MB, pages %d: write-tx Check %v", info.Size()>>20, info.Size()/4096, time.Since(t0))
		t0 = time.Now()
		err = db.Update(func(tx *bolt.Tx) error {
			saved := fullCheckPages
			defer func() { fullCheckPages = saved }()
			fullCheckPages = 0
			b, _ := openBuckets(tx)
			_ = b
			return checkBeforeWrite(tx, 50)
		})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("scoped Check %v", time.Since(t0))
	}
}

// buildMeasureFile makes the 20-year file: 100 goals from 2006, each with
// check-ins and decisions on five days in eight.
func buildMeasureFile(t *testing.T, path string) {
	t.Helper()
	s := New(path)
	start := coach.DayOf(2006, 1, 1)
	for i := 0; i < 100; i++ {
		g := walkGoal(t, fmt.Sprintf("Goal %d", i))
		g.Created = start
		g.Schedules[0].From, g.Statuses[0].From = start, start
		mustAdd(t, s, g)
	}
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for id := uint64(1); id <= 100; id++ {
		err := db.Update(func(tx *bolt.Tx) error {
			m, err := putTwentyYears(tx, id, start)
			n += m
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	t.Logf("built %d check-ins", n)
}

// putTwentyYears writes one goal's 20 years of check-ins and decisions
// straight into its buckets and says how many days it wrote.
func putTwentyYears(tx *bolt.Tx, id uint64, start coach.Day) (int, error) {
	n := 0
	cb, _ := tx.Bucket(bucketCheckIns).CreateBucketIfNotExists(idKey(id))
	db2, _ := tx.Bucket(bucketDecisions).CreateBucketIfNotExists(idKey(id))
	for d := 0; d < 7300; d++ {
		if (d*7+int(id))%8 >= 5 {
			continue
		}
		day := start.AddDays(d)
		c := coach.CheckIn{Day: day, Outcome: coach.Done, Achieved: 12, Target: 12, Level: 3, Variant: 1,
			Note: "felt good after work", WrittenAt: time.Date(2020, 1, 1, 18, 0, 0, 0, time.UTC)}
		v, err := encodeCheckIn(id, c)
		if err != nil {
			return n, err
		}
		k, _ := dayKey(day)
		if err := cb.Put(k, v); err != nil {
			return n, err
		}
		dec := coach.Decision{Day: day, Action: coach.ActHold, From: 3, To: 3, ReasonCode: coach.CodeH1, NextTarget: 12,
			Before: coach.Step{Level: 3, Variant: 1, LevelFrom: start, Status: coach.Active}}
		if v, err = encodeDecision(id, dec); err != nil {
			return n, err
		}
		if err := db2.Put(k, v); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}
