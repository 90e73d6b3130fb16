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

func syncEnv(st *store.Store, at time.Time, out *bytes.Buffer) Env {
	return Env{Store: st, Clock: func() time.Time { return at }, Out: out}
}

// A peer's event a day and more ahead waits for this clock, is then
// applied once, and sends nothing back; a peer's file rewritten with a
// new gen (a compaction) is read again and changes nothing.
func TestSyncClockAheadAndGenBump(t *testing.T) {
	folder := t.TempDir()
	st := realStore(t)
	day := time.Date(2026, time.March, 2, 12, 0, 0, 0, time.UTC)
	var out bytes.Buffer
	if err := syncInit(syncEnv(st, day, &out), folder, "laptop"); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(folder, "tend")
	a, _ := st.Archive()
	uid := a.Goals[0].UID
	ahead := day.Add(25 * time.Hour)
	e := journal.Event{Dev: peerDev, Seq: 1, ID: peerDev + "-1", HLC: journal.HLC{Wall: ahead.UnixMilli()}.String(),
		Kind: journal.CheckInAdd, Goal: uid, Day: "2026-03-02", Outcome: "done", Achieved: 10, Target: 10, Level: 2, Variant: 1}
	if err := appendEvents(dir, journal.Header{Dev: peerDev, Label: "desktop", Gen: 1}, []journal.Event{e}); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if err := syncNow(syncEnv(st, day, &out)); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "1 change from desktop is dated more than a day ahead; it waits until then (check that machine's clock).") {
		t.Errorf("ahead: %q", out.String())
	}
	if cs, _ := st.CheckIns(a.Goals[0].ID, coach.Day{}, coach.Day{}); len(cs) != 0 {
		t.Fatalf("an event from the future was applied: %+v", cs)
	}
	later := day.Add(48 * time.Hour)
	for range 2 {
		out.Reset()
		if err := syncNow(syncEnv(st, later, &out)); err != nil {
			t.Fatal(err)
		}
	}
	if strings.Contains(out.String(), "Sent") || !strings.Contains(out.String(), "Nothing new") {
		t.Errorf("second sync: %q", out.String())
	}
	a, _ = st.Archive()
	if cs := a.CheckIns[a.Goals[0].ID]; len(cs) != 1 || cs[0].Achieved != 10 {
		t.Fatalf("after the clock got there: %+v", cs)
	}
	// The peer compacts: same events, gen 2.
	path := filepath.Join(dir, journal.FileName(peerDev, 2026))
	data, _ := os.ReadFile(path)
	_, rest, _ := bytes.Cut(data, []byte("\n"))
	head := journal.EncodeHeader(journal.Header{Dev: peerDev, Label: "desktop", Year: 2026, Gen: 2})
	if err := os.WriteFile(path, append(head, rest...), 0o600); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if err := syncNow(syncEnv(st, later, &out)); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "Sent") || !strings.Contains(out.String(), "Nothing new") {
		t.Errorf("after the gen bump: %q", out.String())
	}
	b, _ := st.Archive()
	if jsonText(a) != jsonText(b) {
		t.Errorf("a re-read changed the database")
	}
}

// `tend status` merges a peer's journal that changed, and when nothing
// changed writes nothing; the app is then told once where the update
// came from.
func TestStatusMergesWhenAJournalChanged(t *testing.T) {
	folder := t.TempDir()
	laptop := realStore(t)
	desktop := store.New(filepath.Join(t.TempDir(), "tend.db"))
	day := time.Date(2026, time.March, 2, 12, 0, 0, 0, time.UTC)
	var out bytes.Buffer
	if err := syncInit(syncEnv(laptop, day, &out), folder, "laptop"); err != nil {
		t.Fatal(err)
	}
	if err := syncInit(syncEnv(desktop, day, &out), folder, "desktop"); err != nil {
		t.Fatal(err)
	}
	snap, _ := laptop.Head()
	d := coach.DayOf(2026, time.March, 2)
	if _, err := laptop.CheckIn(snap.Goals[0].ID, coach.Entry{Day: d, Outcome: coach.Done, At: day}, d); err != nil {
		t.Fatal(err)
	}
	if err := SyncAfterWrite(syncEnv(laptop, day, &out)); err != nil {
		t.Fatal(err)
	}
	if _, err := TakeUpdated(syncEnv(desktop, day, &out)); err != nil { // what init said
		t.Fatal(err)
	}
	if err := RunCommand("status", nil, syncEnv(desktop, day, &out)); err != nil {
		t.Fatal(err)
	}
	a, _ := desktop.Archive()
	if len(a.Goals) != 1 || len(a.CheckIns[a.Goals[0].ID]) != 1 {
		t.Fatalf("status did not merge: %+v", a)
	}
	info, _ := os.Stat(desktop.Path())
	if err := RunCommand("status", nil, syncEnv(desktop, day, &out)); err != nil {
		t.Fatal(err)
	}
	if again, _ := os.Stat(desktop.Path()); !again.ModTime().Equal(info.ModTime()) || again.Size() != info.Size() {
		t.Error("status wrote the database with nothing changed")
	}
	for i, want := range []string{"Updated from laptop.", ""} {
		if got, err := TakeUpdated(syncEnv(desktop, day, &out)); err != nil || got != want {
			t.Errorf("TakeUpdated %d: %q, %v; want %q", i, got, err, want)
		}
	}
}

// An event a newer tend wrote is passed over and counted, while the
// events after it are applied; once this tend can read it (here: the
// same line, now of a kind it knows) it is applied then, not lost.
func TestSyncNewerEventWaitsForAnUpdate(t *testing.T) {
	folder := t.TempDir()
	st := realStore(t)
	day := time.Date(2026, time.March, 3, 12, 0, 0, 0, time.UTC)
	var out bytes.Buffer
	if err := syncInit(syncEnv(st, day, &out), folder, "laptop"); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(folder, "tend")
	a, _ := st.Archive()
	uid := a.Goals[0].UID
	ev := func(seq uint64, kind, d string) journal.Event {
		return journal.Event{Dev: peerDev, Seq: seq, ID: fmt.Sprintf("%s-%d", peerDev, seq),
			HLC:  journal.HLC{Wall: day.Add(time.Duration(seq) * time.Hour).UnixMilli()}.String(),
			Kind: kind, Goal: uid, Day: d, Outcome: "done", Achieved: 10, Target: 10, Level: 2, Variant: 1}
	}
	// The second write stands for this tend, updated, reading the file:
	// the same lines, now of kinds it knows (a shorter file: so gen 2,
	// which a file that shrank always has).
	write := func(gen int, evs ...journal.Event) {
		path := filepath.Join(dir, journal.FileName(peerDev, 2026))
		os.Remove(path)
		if err := appendEvents(dir, journal.Header{Dev: peerDev, Label: "desktop", Gen: gen}, evs); err != nil {
			t.Fatal(err)
		}
	}
	write(1, ev(1, "checkin.future", "2026-03-01"), ev(2, journal.CheckInAdd, "2026-03-02"))
	out.Reset()
	if err := syncNow(syncEnv(st, day, &out)); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "1 change from desktop was written by a newer tend; it is kept, and goes in once tend is updated here.") || !strings.Contains(out.String(), "1 check-in from desktop") {
		t.Errorf("first sync: %q", out.String())
	}
	write(2, ev(1, journal.CheckInAdd, "2026-03-01"), ev(2, journal.CheckInAdd, "2026-03-02"))
	out.Reset()
	if err := syncNow(syncEnv(st, day, &out)); err != nil {
		t.Fatal(err)
	}
	if a, _ = st.Archive(); len(a.CheckIns[a.Goals[0].ID]) != 2 || strings.Contains(out.String(), "Sent") {
		data, _ := os.ReadFile(filepath.Join(dir, journal.FileName(peerDev, 2026)))
		t.Errorf("after the update: %+v\n%s\n%s", a.CheckIns, out.String(), data)
	}
}
