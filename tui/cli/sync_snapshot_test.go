package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tend/coach"
	"tend/store"
	"tend/tui/cli/journal"
)

// snapshotStore is a database with history: Walk (made 2026-03-01) with a
// session and a back-fill written after the clock `sync init` runs at,
// and Calm made on 2025-12-30 with a session on New Year's Eve.
func snapshotStore(t *testing.T) *store.Store {
	t.Helper()
	st := realStore(t)
	p, err := coach.PlanByID(coach.MindfulID)
	if err != nil {
		t.Fatal(err)
	}
	g, err := coach.NewGoal("Calm", p, nil, coach.Schedule{PerWeek: 7}, 0, coach.DayOf(2025, time.December, 30))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddGoal(g); err != nil {
		t.Fatal(err)
	}
	a, _ := st.Head()
	for _, c := range []struct {
		goal int
		day  coach.Day
		at   time.Time
	}{
		{1, coach.DayOf(2025, time.December, 31), time.Date(2025, time.December, 31, 20, 0, 0, 0, time.UTC)},
		{0, coach.DayOf(2026, time.March, 1), time.Date(2026, time.March, 1, 18, 0, 0, 0, time.UTC)},
		{0, coach.DayOf(2026, time.March, 2), time.Date(2026, time.March, 5, 9, 0, 0, 0, time.UTC)},
	} {
		if _, err := st.CheckIn(a.Goals[c.goal].ID, coach.Entry{Day: c.day, Outcome: coach.Done, At: c.at}, c.day); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

// ownLines are a device's event lines in the folder, in file and year
// order.
func ownLines(t *testing.T, dir, dev string) []journal.Event {
	t.Helper()
	f, err := readFolder(dir, dev)
	if err != nil {
		t.Fatal(err)
	}
	evs, _ := ownEvents(f.own)
	return evs
}

// `tend sync init` writes a database's history as a snapshot (SYNC §8):
// content ids, the clocks of what it records, each in the file of its
// clock's year, seqs in clock order. The device's next event sorts after
// all of it, though one check-in was written later than the device's
// clock now says (§4.2: its clock never goes back).
func TestSyncInitWritesASnapshotAndLaterEventsSortAfter(t *testing.T) {
	folder := t.TempDir()
	st := snapshotStore(t)
	day := time.Date(2026, time.March, 3, 12, 0, 0, 0, time.UTC)
	var out bytes.Buffer
	if err := syncInit(syncEnv(st, day, &out), folder, "laptop"); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(folder, "tend")
	dev, _ := st.DeviceID()
	for _, year := range []int{2025, 2026} {
		if _, err := os.Stat(filepath.Join(dir, journal.FileName(dev, year))); err != nil {
			t.Errorf("no %d file: %v", year, err)
		}
	}
	snap := ownLines(t, dir, dev)
	var got []string
	for i, e := range snap {
		if !strings.HasPrefix(e.ID, "s-") || e.Seq != uint64(i+1) {
			t.Errorf("line %d: id %s, seq %d", i, e.ID, e.Seq)
		}
		got = append(got, e.Kind+" "+e.HLC)
	}
	want := "goal.create 2025-12-30T00:00:00.000Z/000000\ncheckin.add 2025-12-31T20:00:00.000Z/000000\n" +
		"goal.create 2026-03-01T00:00:00.000Z/000000\ncheckin.add 2026-03-01T18:00:00.000Z/000000\n" +
		"checkin.add 2026-03-05T09:00:00.000Z/000000"
	if strings.Join(got, "\n") != want {
		t.Fatalf("snapshot:\n%s\nwant:\n%s", strings.Join(got, "\n"), want)
	}
	a, _ := st.Head()
	d := coach.DayOf(2026, time.March, 3)
	if _, err := st.CheckIn(a.Goals[0].ID, coach.Entry{Day: d, Outcome: coach.Done, At: day}, d); err != nil {
		t.Fatal(err)
	}
	if err := SyncAfterWrite(syncEnv(st, day, &out)); err != nil {
		t.Fatal(err)
	}
	evs := ownLines(t, dir, dev)
	if len(evs) != len(snap)+1 {
		t.Fatalf("%d lines after a check-in, want %d", len(evs), len(snap)+1)
	}
	next := evs[len(evs)-1]
	if next.ID != dev+"-6" || next.HLC <= snap[len(snap)-1].HLC {
		t.Errorf("the next event %s at %s does not sort after the snapshot's last, %s", next.ID, next.HLC, snap[len(snap)-1].HLC)
	}
}

// An init whose append fails leaves the history in the database, whole
// (the 2025 file is blocked) or in part (the 2026 one is: a crash between
// the two files); the next `tend sync` sends the rest, still as a
// snapshot, so a copy of the database that syncs too writes the same ids.
func TestSyncInitThatFailedStillSendsASnapshot(t *testing.T) {
	for _, c := range []struct{ blocked, sent int }{{2025, 5}, {2026, 3}} {
		folder := t.TempDir()
		st := snapshotStore(t)
		day := time.Date(2026, time.March, 3, 12, 0, 0, 0, time.UTC)
		dir := filepath.Join(folder, "tend")
		dev, _ := st.DeviceID()
		blocker := filepath.Join(dir, journal.FileName(dev, c.blocked)) // a folder where the journal would go
		if err := os.MkdirAll(blocker, 0o700); err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		if err := syncInit(syncEnv(st, day, &out), folder, "laptop"); err == nil {
			t.Fatal("init wrote through a folder in the journal's place")
		}
		if err := os.Remove(blocker); err != nil {
			t.Fatal(err)
		}
		out.Reset()
		if err := syncNow(syncEnv(st, day, &out)); err != nil {
			t.Fatal(err)
		}
		evs := ownLines(t, dir, dev)
		if len(evs) != 5 || !strings.Contains(out.String(), fmt.Sprintf("Sent %d changes", c.sent)) {
			t.Fatalf("%d blocked, after the retry: %d lines, %q", c.blocked, len(evs), out.String())
		}
		ids := map[string]bool{}
		for _, e := range evs {
			if !strings.HasPrefix(e.ID, "s-") || ids[e.ID] {
				t.Errorf("%d blocked: the retried history is not one snapshot: %s", c.blocked, e.ID)
			}
			ids[e.ID] = true
		}
	}
}

// A sync tool's conflict copy of this device's own journal means a second
// writer with its id (SYNC §2): `tend sync` stops, names the fix and
// changes nothing; `tend sync init` gives the device an id of its own and
// sends nothing again.
func TestSyncStopsAtAConflictCopyOfItsOwnJournal(t *testing.T) {
	folder := t.TempDir()
	st := snapshotStore(t)
	day := time.Date(2026, time.March, 3, 12, 0, 0, 0, time.UTC)
	var out bytes.Buffer
	if err := syncInit(syncEnv(st, day, &out), folder, "laptop"); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(folder, "tend")
	dev, _ := st.DeviceID()
	conflict := filepath.Join(dir, dev+".2026.sync-conflict-20260303-120000-ABCDEF.jsonl")
	if err := os.WriteFile(conflict, []byte("x\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	was, _ := os.ReadFile(st.Path())
	err := syncNow(syncEnv(st, day, &out))
	if err == nil || !strings.Contains(err.Error(), "conflict copy of this device's journal") || !strings.Contains(err.Error(), "tend sync init "+folder) {
		t.Fatalf("sync beside a conflict copy of its own journal: %v", err)
	}
	if now, _ := os.ReadFile(st.Path()); !bytes.Equal(now, was) {
		t.Error("the refused sync changed the database")
	}
	out.Reset()
	if err := syncInit(syncEnv(st, day, &out), folder, "laptop"); err != nil {
		t.Fatal(err)
	}
	if again, _ := st.DeviceID(); again == dev || strings.Contains(out.String(), "Sent") {
		t.Errorf("init again: id %s (was %s)\n%s", again, dev, out.String())
	}
	if err := syncNow(syncEnv(st, day, &out)); err != nil {
		t.Errorf("sync with an id of its own: %v", err)
	}
}

// Where a check-in lacks the time it was written, the snapshot puts it at
// noon of its day (SYNC §8), and the replay may then judge it where the
// database had it as a back-fill: `tend sync init` names the goal whose
// level came out different.
func TestSyncInitNamesAGoalWhoseLevelChanged(t *testing.T) {
	st := realStore(t) // Walk, daily walk: 4 sessions a level, the last not hard
	a, _ := st.Head()
	at := func(d int) time.Time { return time.Date(2026, time.March, d, 18, 0, 0, 0, time.UTC) }
	for _, c := range []struct {
		day    int
		at     time.Time
		effort coach.Effort
	}{{1, at(1), coach.EffortOK}, {2, at(2), coach.EffortOK}, {3, at(3), coach.EffortOK}, {5, at(5), coach.EffortHard},
		{4, time.Time{}, coach.EffortOK}} { // written on the 6th, its time unknown
		d := coach.DayOf(2026, time.March, c.day)
		if _, err := st.CheckIn(a.Goals[0].ID, coach.Entry{Day: d, Outcome: coach.Done, Effort: c.effort, At: c.at}, coach.DayOf(2026, time.March, 6)); err != nil {
			t.Fatal(err)
		}
	}
	before, _ := st.Head()
	var out bytes.Buffer
	if err := syncInit(syncEnv(st, at(6), &out), t.TempDir(), "laptop"); err != nil {
		t.Fatal(err)
	}
	after, _ := st.Head()
	want := fmt.Sprintf("Walk is at level %d after its history was replayed in the order it was written (it was at %d).", after.Goals[0].Level, before.Goals[0].Level)
	if after.Goals[0].Level == before.Goals[0].Level || !strings.Contains(out.String(), want) {
		t.Errorf("levels %d → %d; init said:\n%s", before.Goals[0].Level, after.Goals[0].Level, out.String())
	}
}
