package cli

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tend/coach"
	"tend/store"
	"tend/tui/cli/journal"
)

// The step after a write that changed only check-ins diffs only the
// months it touched (SYNC §6.3): each such write goes out that way, and
// the journal then says all the database holds (the whole diff finds
// nothing to send), so a device reading the folder holds what this one
// does — a day shared with a peer's contribution, a second session, an
// undo, a back-fill into another month, pain, a rest, and the undo of
// a month's one check-in.
func TestSyncAfterWriteSendsOnlyWhatChanged(t *testing.T) {
	folder := t.TempDir()
	laptop, desktop := realStore(t), store.New(filepath.Join(t.TempDir(), "tend.db"))
	at := time.Date(2026, time.April, 2, 18, 0, 0, 0, time.UTC)
	var out bytes.Buffer
	if err := syncInit(syncEnv(laptop, at, &out), folder, "laptop"); err != nil {
		t.Fatal(err)
	}
	if err := syncInit(syncEnv(desktop, at, &out), folder, "desktop"); err != nil {
		t.Fatal(err)
	}
	day := func(n int) coach.Day { return coach.DayOf(2026, time.April, n) }
	goal := func(st *store.Store) uint64 { s, _ := st.Head(); return s.Goals[0].ID }
	if _, err := desktop.CheckIn(goal(desktop), coach.Entry{Day: day(2), Outcome: coach.Done, Amount: 4, At: at}, day(2)); err != nil {
		t.Fatal(err)
	}
	if err := SyncAfterWrite(syncEnv(desktop, at, &out)); err != nil {
		t.Fatal(err)
	}
	if err := syncNow(syncEnv(laptop, at, &out)); err != nil {
		t.Fatal(err)
	}
	writes := []func(now time.Time) error{
		func(now time.Time) error { // the day the desktop has a session on
			_, err := laptop.CheckIn(goal(laptop), coach.Entry{Day: day(2), Outcome: coach.Done, Note: "hills", At: now}, day(2))
			return err
		},
		func(now time.Time) error {
			_, err := laptop.CheckIn(goal(laptop), coach.Entry{Day: day(3), Outcome: coach.Done, Effort: coach.EffortHard, At: now}, day(3))
			return err
		},
		func(now time.Time) error { // a second session the same day
			_, err := laptop.CheckIn(goal(laptop), coach.Entry{Day: day(3), Outcome: coach.Done, Amount: 3, At: now}, day(3))
			return err
		},
		func(now time.Time) error { _, err := laptop.Undo(goal(laptop), day(3)); return err },
		func(now time.Time) error { // a back-fill into March
			_, err := laptop.CheckIn(goal(laptop), coach.Entry{Day: coach.DayOf(2026, time.March, 30), Outcome: coach.Done, At: now}, day(4))
			return err
		},
		func(now time.Time) error {
			_, err := laptop.CheckIn(goal(laptop), coach.Entry{Day: day(4), Outcome: coach.Done, Pain: coach.PainSore, At: now}, day(4))
			return err
		},
		func(now time.Time) error {
			_, err := laptop.CheckIn(goal(laptop), coach.Entry{Day: day(5), Outcome: coach.Rest, At: now}, day(5))
			return err
		},
		func(now time.Time) error { // March's one check-in undone: a month that goes
			_, err := laptop.Undo(goal(laptop), coach.DayOf(2026, time.March, 30))
			return err
		},
	}
	// A back-fill and an undo of an older day go by the whole step
	// (notNewDay); a second session on the newest day, or its undo, do
	// too once another day was written since that day's first session.
	wholeStep := map[int]bool{4: true, 7: true}
	for i, write := range writes {
		now := at.Add(time.Duration(i+1) * time.Hour)
		if err := write(now); err != nil {
			t.Fatalf("write %d: %v", i, err)
		}
		m, err := loadSyncMeta(laptop)
		if err != nil {
			t.Fatal(err)
		}
		ok, err := sendChanged(syncEnv(laptop, now, &out), m)
		if err != nil || ok == wholeStep[i] {
			t.Fatalf("write %d: by its months %v, want %v (%v)", i, ok, !wholeStep[i], err)
		}
		if !ok {
			if err := SyncAfterWrite(syncEnv(laptop, now, &out)); err != nil {
				t.Fatal(err)
			}
		}
		f, err := readFolder(m.Dir, peerDevOf(t, laptop))
		if err != nil {
			t.Fatal(err)
		}
		if rest, _, _, err := pendingOut(syncEnv(laptop, now, &out), m, f); err != nil || len(rest) > 0 {
			t.Fatalf("after write %d the whole diff still sends %+v (%v)", i, rest, err)
		}
	}
	later := at.Add(24 * time.Hour)
	if err := syncNow(syncEnv(desktop, later, &out)); err != nil {
		t.Fatal(err)
	}
	a, _ := laptop.Archive()
	b, _ := desktop.Archive()
	if jsonText(a) != jsonText(b) {
		t.Errorf("the two devices differ:\n%s\n%s", jsonText(a), jsonText(b))
	}
	if cs := b.CheckIns[b.Goals[0].ID]; len(cs) != 3 || cs[0].Achieved != 14 || cs[0].Note != "hills" {
		t.Errorf("desktop's check-ins: %+v", cs)
	}
}

// A journal is read line by line (SYNC §6.2): a line longer than 64 KiB
// and one whose checksum fails are damaged and skipped, a tail without
// its LF is left for later, and a line keep passes over is not decoded,
// but for the file's last, which holds its highest seq.
func TestReadJournalLines(t *testing.T) {
	dir := t.TempDir()
	ev := func(seq uint64, note string) journal.Event {
		return journal.Event{Dev: peerDev, Seq: seq, ID: fmt.Sprintf("%s-%d", peerDev, seq),
			HLC: journal.HLC{Wall: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC).UnixMilli() + int64(seq)}.String(), Kind: journal.CheckInAdd,
			Goal: "g", Day: "2026-03-01", Outcome: "done", Note: note}
	}
	var data []byte
	data = append(data, journal.EncodeHeader(journal.Header{Dev: peerDev, Label: "desktop", Year: 2026, Gen: 1})...)
	for _, e := range []journal.Event{ev(1, "keep"), ev(2, "skip")} {
		line, _ := journal.EncodeEvent(e)
		data = append(data, line...)
	}
	data = append(data, append(bytes.Repeat([]byte("x"), journal.MaxLine+10), '\n')...)
	bad, _ := journal.EncodeEvent(ev(3, "keep"))
	bad[len(bad)-5] ^= 1
	data = append(data, bad...)
	for _, e := range []journal.Event{ev(4, "keep"), ev(5, "skip")} {
		line, _ := journal.EncodeEvent(e)
		data = append(data, line...)
	}
	torn, _ := journal.EncodeEvent(ev(6, "keep"))
	data = append(data, torn[:40]...)
	path := filepath.Join(dir, journal.FileName(peerDev, 2026))
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	var ign ignored
	jf, ok := readJournal(path, peerDev, 2026, &ign, func(line []byte) bool { return !bytes.Contains(line, []byte("skip")) })
	var seqs []uint64
	for _, l := range jf.lines {
		seqs = append(seqs, l.ev.Seq)
	}
	if !ok || fmt.Sprint(seqs) != "[1 4 5]" || ign.damaged != 2 || ign.torn != 1 {
		t.Fatalf("ok %v, seqs %v, %+v", ok, seqs, ign)
	}
	if last := jf.lines[2].end; last != int64(len(data)-40) {
		t.Errorf("the last line ends at %d, want %d", last, len(data)-40)
	}
}

// fastCases and fastWrites bound the random histories below: small, so
// the test stays well under a few seconds on a shared machine.
const fastCases, fastWrites = 30, 14

// Random check-in histories of a walk and a strength goal (sessions on
// any of ten days, second sessions, undos, back-fills, pain, a warning
// that holds both, pauses and resumes, renames), each write sent as tend
// would:
// whatever went by its months and whatever by the whole step, a device
// that merges the folder holds exactly this one's goals, check-ins and
// decisions (SYNC §6.3: "The result is the same").
func TestSyncAfterWriteRandomHistoriesConverge(t *testing.T) {
	for seed := range fastCases {
		rnd := rand.New(rand.NewPCG(uint64(seed), 7))
		folder := t.TempDir()
		laptop, desktop := realStore(t), store.New(filepath.Join(t.TempDir(), "tend.db"))
		p, _ := coach.PlanByID(coach.StrengthID)
		lift, _ := coach.NewGoal("Lift", p, nil, coach.Schedule{PerWeek: 3}, 0, coach.DayOf(2026, time.March, 1))
		if _, err := laptop.AddGoal(lift); err != nil {
			t.Fatal(err)
		}
		at := time.Date(2026, time.April, 10, 18, 0, 0, 0, time.UTC)
		var out bytes.Buffer
		if err := syncInit(syncEnv(laptop, at, &out), folder, "laptop"); err != nil {
			t.Fatal(err)
		}
		s, _ := laptop.Head()
		for i := range fastWrites {
			now := at.Add(time.Duration(i+1) * time.Minute)
			today := coach.DayOf(2026, time.April, 10)
			d := today.AddDays(-rnd.IntN(10))
			id := s.Goals[rnd.IntN(2)].ID
			var err error
			switch rnd.IntN(7) {
			case 0:
				_, err = laptop.Undo(id, d)
			case 5: // pause or resume today, as the person does
				_, err = laptop.EditGoal(id, func(g coach.Goal) (coach.Goal, error) {
					switch g.Status() {
					case coach.Active:
						return g.SetStatus(coach.Paused, today), nil
					case coach.Paused:
						return g.Resume(today), nil
					}
					return g, nil
				})
			case 6:
				_, err = laptop.EditGoal(id, func(g coach.Goal) (coach.Goal, error) {
					g.Name = fmt.Sprintf("%s %d", strings.Fields(g.Name)[0], i)
					return g, nil
				})
			default:
				pain := []coach.Pain{coach.PainNone, coach.PainNone, coach.PainNone, coach.PainSore, coach.PainWarning}[rnd.IntN(5)]
				_, err = laptop.CheckIn(id, coach.Entry{Day: d, Outcome: coach.Done, Amount: float64(1 + rnd.IntN(12)), Pain: pain, At: now}, today)
			}
			if err != nil && !errors.Is(err, store.ErrNotFound) {
				continue // a write the store refuses (nothing to undo) changes nothing
			}
			if err := SyncAfterWrite(syncEnv(laptop, now, &out)); err != nil {
				t.Fatal(err)
			}
		}
		if err := syncInit(syncEnv(desktop, at.Add(time.Hour), &out), folder, "desktop"); err != nil {
			t.Fatal(err)
		}
		a, _ := laptop.Archive()
		b, _ := desktop.Archive()
		if jsonText(a) != jsonText(b) {
			t.Fatalf("seed %d: the devices differ:\n%s\n%s", seed, jsonText(a), jsonText(b))
		}
	}
}
