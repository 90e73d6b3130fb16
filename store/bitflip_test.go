package store

import (
	"encoding/json"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"unsafe"

	bolt "go.etcd.io/bbolt"

	"tend/coach"
)

// The bit-flip sweep (issue 10, item 5): every one-bit flip inside a record
// of a real file with history, key and value, is either refused as damage or
// leaves what tend shows unchanged. Nothing changes silently: an amount 10
// read as 11, a note or a mood gone.
//
// flipsPerRun is how many of the record bits one run flips, spread evenly
// over all of them; TEND_BITFLIPS=all flips every one (about 90,000, two
// minutes or so), TEND_BITFLIPS=N that many.
const flipsPerRun = 2000

func TestEveryFlippedBitInAFileIsRefusedOrChangesNothing(t *testing.T) {
	file, shown := historyFile(t)
	ranges := recordRanges(t, file)
	var bits []int
	for _, r := range ranges {
		for b := r[0] * 8; b < r[1]*8; b++ {
			bits = append(bits, b)
		}
	}
	n := flipsPerRun
	switch v := os.Getenv("TEND_BITFLIPS"); v {
	case "":
	case "all":
		n = len(bits)
	default:
		n, _ = strconv.Atoi(v)
	}
	n = min(max(n, 1), len(bits))
	path := filepath.Join(t.TempDir(), "tend.db")
	var refused, same, silent int
	for i := range n {
		bit := bits[i*len(bits)/n]
		switch flipAndRead(t, file, bit, path, shown) {
		case flipRefused:
			refused++
		case flipUnchanged:
			same++
		default:
			silent++
			if silent <= 3 {
				t.Errorf("bit %d (byte %d) flipped: tend showed something else, with no word of damage", bit, bit/8)
			}
		}
	}
	t.Logf("%d of %d record bits flipped in a %d-byte file: %d refused as damage, %d unchanged, %d silent changes (%.1f per 1,000)",
		n, len(bits), len(file), refused, same, silent, 1000*float64(silent)/float64(n))
}

// Flips anywhere in the file, bbolt's own pages included, never make tend
// panic or hang; a flip in bbolt's structure (a page's count, a branch key)
// can lose records without any checksum seeing it, which the figure shows.
func TestFlippedBitsAnywhereNeverPanic(t *testing.T) {
	file, shown := historyFile(t)
	path := filepath.Join(t.TempDir(), "tend.db")
	rnd := rand.New(rand.NewPCG(15, 10))
	counts := map[flipResult]int{}
	const n = flipsPerRun / 6
	for range n {
		counts[flipAndRead(t, file, rnd.IntN(len(file)*8), path, shown)]++
	}
	t.Logf("%d bits flipped anywhere in the file: %d refused, %d unchanged, %d changed without a word",
		n, counts[flipRefused], counts[flipUnchanged], counts[flipSilent])
}

// historyFile is a real file: three goals and two months of check-ins with
// notes and moods, written through the store, and what tend shows of it.
func historyFile(t *testing.T) ([]byte, string) {
	t.Helper()
	s := newStore(t)
	var goals []coach.Goal
	for _, id := range []string{coach.DailyWalkID, coach.StrengthID, coach.MindfulID} {
		p, _ := coach.PlanByID(id)
		g, err := coach.NewGoal(p.Name, p, nil, coach.Schedule{PerWeek: 5}, 0, today.AddDays(-70))
		if err != nil {
			t.Fatal(err)
		}
		goals = append(goals, mustAdd(t, s, g))
	}
	rnd := rand.New(rand.NewPCG(10, 15))
	for d := 60; d >= 0; d-- {
		day := today.AddDays(-d)
		for _, g := range goals {
			if rnd.IntN(7) >= 5 {
				continue
			}
			e := coach.Entry{Day: day, Outcome: coach.Done, Effort: coach.Efforts[rnd.IntN(3)], At: writeAt}
			switch rnd.IntN(6) {
			case 0:
				e.Outcome, e.Amount = coach.Partial, 3
			case 1:
				e.Outcome = coach.Rest
			case 2:
				e.Note, e.MoodBefore, e.MoodAfter = "by the river", intp(rnd.IntN(11)), intp(rnd.IntN(11))
			}
			if _, err := s.CheckIn(g.ID, e, day); err != nil && !errors.Is(err, coach.ErrNotActive) {
				t.Fatal(err)
			}
		}
	}
	b, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	shown, err := whatTendShows(s)
	if err != nil {
		t.Fatal(err)
	}
	return b, shown
}

// whatTendShows is everything tend can show of a file: the settings and the
// whole archive (the export's content), and Today's window.
func whatTendShows(s *Store) (string, error) {
	a, err := s.Archive()
	if err != nil {
		return "", err
	}
	snap, err := s.Snapshot(today.AddDays(-coach.RecentDays))
	if err != nil {
		return "", err
	}
	// JSON of coach's values: every field, pointers followed, the way a
	// person would see them change.
	b, err := json.Marshal([]any{a, snap})
	return string(b), err
}

type flipResult int

const (
	flipRefused flipResult = iota
	flipUnchanged
	flipSilent
)

// flipAndRead writes file with one bit flipped to path and reads it the
// way tend would.
func flipAndRead(t *testing.T, file []byte, bit int, path, shown string) flipResult {
	t.Helper()
	b := append([]byte(nil), file...)
	b[bit/8] ^= 1 << (bit % 8)
	_ = os.Remove(path)
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	got, err := whatTendShows(New(path))
	switch {
	case errors.Is(err, ErrDamaged), errors.Is(err, ErrSchemaTooNew), errors.Is(err, ErrUnreadable):
		// A schema version flipped upwards is refused as a newer tend's;
		// a page that sends bbolt past the end reads as a failed read.
		return flipRefused
	case err != nil:
		t.Fatalf("bit %d flipped: %v, which is neither damage nor the data", bit, err)
	case got == shown:
		return flipUnchanged
	}
	return flipSilent
}

// recordRanges finds each live record of the file, key and value, as
// [from, to) byte offsets. bbolt hands out slices of its memory map of the
// file, so a record's offset in the file is where its slice starts in the
// map (stale copies in freed pages are not records: flipping them changes
// nothing, rightly).
func recordRanges(t *testing.T, file []byte) [][2]int {
	t.Helper()
	path := filepath.Join(t.TempDir(), "copy.db")
	if err := os.WriteFile(path, file, 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	base := db.Info().Data
	var out [][2]int
	add := func(k, v []byte) error {
		from := int(uintptr(unsafe.Pointer(unsafe.SliceData(k))) - base)
		to := int(uintptr(unsafe.Pointer(unsafe.SliceData(v)))-base) + len(v)
		if from < 0 || to > len(file) || to-from != len(k)+len(v) {
			// An inline bucket's records (meta's) that bbolt copied to
			// align them: not in the map, so not found this way.
			return nil
		}
		out = append(out, [2]int{from, to})
		return nil
	}
	_ = db.View(func(tx *bolt.Tx) error {
		_ = tx.Bucket(bucketMeta).ForEach(add)
		_ = tx.Bucket(bucketGoals).ForEach(add)
		for _, parent := range []*bolt.Bucket{tx.Bucket(bucketCheckIns), tx.Bucket(bucketDecisions)} {
			_ = parent.ForEach(func(goal, _ []byte) error { return parent.Bucket(goal).ForEach(add) })
		}
		return nil
	})
	if len(out) < 200 {
		t.Fatalf("found only %d records in the file", len(out))
	}
	return out
}
