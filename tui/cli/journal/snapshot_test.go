package journal

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"tend/coach"
)

// A content id is the SHA-256 of the event's line without v, dev, seq, id
// and sum (SYNC §8): who wrote it and where in its file never change it;
// anything the event says does.
func TestContentIDIsTheLineWithoutItsWriter(t *testing.T) {
	e := Event{V: 1, Dev: lap, Seq: 42, ID: lap + "-42", HLC: "2026-03-02T18:05:44.000Z/000000", Kind: CheckInAdd,
		Goal: "1c0e6f3a9b2d4e58a7c1f09d3b6e2a45", Day: "2026-03-02", Outcome: "done", Achieved: 10, Target: 10,
		Effort: "ok", Pain: "none", Level: 2, Variant: 1, WrittenAt: "2026-03-02T18:05:44Z", Device: lap}
	line := `{"hlc":"2026-03-02T18:05:44.000Z/000000","kind":"checkin.add","goal":"1c0e6f3a9b2d4e58a7c1f09d3b6e2a45",` +
		`"day":"2026-03-02","outcome":"done","achieved":10,"target":10,"effort":"ok","pain":"none","level":2,"variant":1,` +
		`"written_at":"2026-03-02T18:05:44Z","device":"a1a1a1a1a1a1a1a1"}`
	sum := sha256.Sum256([]byte(line))
	want := "s-" + hex.EncodeToString(sum[:])[:24]
	if got := ContentID(e); got != want {
		t.Fatalf("content id %s, want %s (the SHA-256 of %s)", got, want, line)
	}
	other := e
	other.V, other.Dev, other.Seq, other.ID = 0, dsk, 7, "s-whatever"
	if ContentID(other) != want {
		t.Error("the writer, seq or id changed the content id")
	}
	for what, change := range map[string]func(*Event){
		"achieved": func(e *Event) { e.Achieved = 5 },
		"note":     func(e *Event) { e.Note = "hills" },
		"clock":    func(e *Event) { e.HLC = "2026-03-02T18:05:45.000Z/000000" },
		"device":   func(e *Event) { e.Device = dsk },
	} {
		c := e
		change(&c)
		if ContentID(c) == want {
			t.Errorf("a changed %s kept the content id", what)
		}
	}
}

// history is a database's history written on one device: two goals
// made the same day, sessions with and without the time they were written,
// a split session, a back-fill, a chest-pain warning that holds both
// exercise goals and a resume from the person who had been checked on the
// same day, and a change of days.
func history(t *testing.T) coach.Archive {
	t.Helper()
	var b book
	b.add(lap, create("w", "Walk", coach.DailyWalkID))
	b.add(lap, create("s", "Lift", coach.StrengthID))
	at := func(e Event, when string) Event { e.WrittenAt = when; return e }
	b.add(lap, session("w", "2026-12-01", "done", 10, "none")) // written before tend kept the time
	b.add(lap, at(session("w", "2026-12-02", "partial", 4, "none"), "2026-12-02T08:00:00Z"))
	b.add(lap, at(session("w", "2026-12-02", "partial", 7, "none"), "2026-12-02T19:00:00Z"))
	b.add(lap, at(session("w", "2026-12-04", "done", 10, "none"), "2026-12-04T18:00:00Z"))
	b.add(lap, at(session("w", "2026-12-03", "done", 10, "none"), "2026-12-04T18:30:00Z")) // a back-fill
	warn := b.add(lap, at(session("s", "2026-12-05", "done", 5, "warning"), "2026-12-05T09:00:00Z"))
	for _, g := range []string{"w", "s"} {
		b.add(lap, Event{Kind: GoalStatus, Goal: g, From: "2026-12-05", Status: "active", Lifts: []string{warn}})
	}
	b.add(lap, Event{Kind: GoalSchedule, Goal: "w", From: "2026-12-06", DaysPerWeek: 3})
	b.add(lap, at(session("w", "2026-12-06", "done", 10, "sore"), "2026-12-06T18:00:00Z"))
	return replayOf(t, &b)
}

func snapshotOf(t *testing.T, dev string, db coach.Archive) []Event {
	t.Helper()
	empty := Merge(nil)
	base, err := Replay(empty) // what a device that has seen nothing holds
	if err != nil {
		t.Fatal(err)
	}
	evs := FirstJournal(empty, base, db)
	for i := range evs {
		evs[i].Dev, evs[i].Seq = dev, uint64(i+1)
		if !strings.HasPrefix(evs[i].ID, "s-") {
			t.Fatalf("event %d has no content id: %+v", i, evs[i])
		}
	}
	return evs
}

// Two databases with one history (a copied tend.db) write the same
// snapshot, so the merge of both is that history once: the split session
// is 11 minutes, not 22, and the replay is the database it came from, its
// hold and resume included.
func TestSnapshotsOfOneHistoryAreOneHistory(t *testing.T) {
	db := history(t)
	a, b := snapshotOf(t, lap, db), snapshotOf(t, dsk, db)
	for i := range a {
		if a[i].ID != b[i].ID || a[i].HLC != b[i].HLC {
			t.Fatalf("event %d differs between the copies:\n%+v\n%+v", i, a[i], b[i])
		}
	}
	st := Merge(append(append([]Event(nil), b...), a...))
	if len(st.Applied) != len(a) {
		t.Fatalf("%d events applied from two snapshots of %d", len(st.Applied), len(a))
	}
	got, err := Replay(st)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, db) { // DeepEqual, as a Day's JSON hides its value
		t.Fatalf("the replayed snapshot differs from its database:\n%s\n%s", jsonOf(got), jsonOf(db))
	}
	if cs := got.CheckIns[1]; cs[1].Achieved != 11 {
		t.Errorf("split session: %+v", cs[1])
	}
	changed := history(t)
	changed.CheckIns[1][0].Note = "hills"
	c := snapshotOf(t, lap, changed)
	if c[2].ID == a[2].ID || c[3].ID != a[3].ID {
		t.Errorf("a note changed the wrong ids: %s %s / %s %s", a[2].ID, c[2].ID, a[3].ID, c[3].ID)
	}
}

// A snapshot's clocks are those of what it records (SYNC §8): creates at
// 00:00Z of their day (goals of one day in the database's order),
// check-ins when written or at noon, statuses and schedules at their day,
// a resume just after the same-day warning it lifts; the events in
// (hlc, id) order, the engine's hold never written.
func TestSnapshotClocks(t *testing.T) {
	evs := snapshotOf(t, lap, history(t))
	var clocks []string
	var lifts []string
	for i, e := range evs {
		if i > 0 && before(&e, &evs[i-1]) {
			t.Errorf("event %d sorts before the one ahead of it", i)
		}
		if e.Kind == GoalStatus && e.Status != "active" {
			t.Errorf("the engine's status is written: %+v", e)
		}
		if e.Kind == GoalStatus {
			lifts = append(lifts, strings.Join(e.Lifts, ","))
		}
		clocks = append(clocks, e.Kind+" "+e.Day+e.From+" "+e.HLC)
	}
	want := []string{
		"goal.create  2026-12-01T00:00:00.000Z/000000",
		"goal.create  2026-12-01T00:00:00.000Z/000001",
		"checkin.add 2026-12-01 2026-12-01T12:00:00.000Z/000000",
		"checkin.add 2026-12-02 2026-12-02T19:00:00.000Z/000000", // the day's last write
		"checkin.add 2026-12-04 2026-12-04T18:00:00.000Z/000000",
		"checkin.add 2026-12-03 2026-12-04T18:30:00.000Z/000000",
		"checkin.add 2026-12-05 2026-12-05T09:00:00.000Z/000000",
		"goal.status 2026-12-05 2026-12-05T09:00:00.001Z/000000",
		"goal.status 2026-12-05 2026-12-05T09:00:00.001Z/000000",
		"goal.schedule 2026-12-06 2026-12-06T00:00:00.000Z/000000",
		"checkin.add 2026-12-06 2026-12-06T18:00:00.000Z/000000",
	}
	if strings.Join(clocks, "\n") != strings.Join(want, "\n") {
		t.Errorf("clocks:\n%s\nwant:\n%s", strings.Join(clocks, "\n"), strings.Join(want, "\n"))
	}
	warn := evs[6].ID
	if len(lifts) != 2 || lifts[0] != warn || lifts[1] != warn {
		t.Errorf("the resumes lift %q, want the warning's snapshot id %s", lifts, warn)
	}
	if evs[0].Name != "Walk" || evs[1].Name != "Lift" {
		t.Errorf("goals of one day out of the database's order: %s, %s", evs[0].Name, evs[1].Name)
	}
}

// Random single-device histories, snapshotted on two devices and merged
// in any order with duplicates: the same ids on both, so the merge is one
// snapshot's, and every check-in is the stored one, never doubled (SYNC
// §8). (The steps may differ from the database's where a day's first
// write came before another day's and its last after, or an undone
// contribution had decided: a snapshot keeps neither.)
func TestPropertySnapshotsOfOneHistory(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := newSim(t)
		for range rapid.IntRange(1, propEvents).Draw(t, "events") {
			s.act(0)
		}
		db := Replay1(t, s.state(0))
		a, b := propSnapshot(t, lap, db), propSnapshot(t, dsk, db)
		all := append(append(append([]Event(nil), a...), b...), b[:rapid.IntRange(0, len(b)).Draw(t, "dups")]...)
		got := Replay1(t, Merge(rapid.Permutation(all).Draw(t, "order")))
		if one := Replay1(t, Merge(a)); !reflect.DeepEqual(got, one) {
			t.Fatalf("two snapshots differ from one:\n%s\n%s", jsonOf(got), jsonOf(one))
		}
		if !reflect.DeepEqual(got.CheckIns, db.CheckIns) {
			t.Fatalf("check-ins differ from the database's:\n%s\n%s", jsonOf(got.CheckIns), jsonOf(db.CheckIns))
		}
	})
}

func propSnapshot(t *rapid.T, dev string, db coach.Archive) []Event {
	empty := Merge(nil)
	evs := FirstJournal(empty, Replay1(t, empty), db)
	for i := range evs {
		evs[i].Dev, evs[i].Seq = dev, uint64(i+1)
		if evs[i].ID == "" { // the day-start setting, not a goal's: an ordinary event
			evs[i].ID, evs[i].HLC = fmt.Sprintf("%s-%d", dev, i+1), "2026-12-31T00:00:00.000Z/000000"
		}
	}
	return evs
}

// A random history is copied to two devices, which each send it as a
// snapshot, while a third starts empty; then all three write on, undoing
// and editing what the snapshots hold, and sync at random. Delivered in
// any order with duplicates and torn tails, every device ends the same
// (SYNC §8, §11): the copies' snapshots are one history, and what the
// devices write after them sorts after it.
func TestPropertyCopiesConverge(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		h := newSim(t)
		for range rapid.IntRange(1, propEvents/2).Draw(t, "history") {
			h.act(0)
		}
		db := Replay1(t, h.state(0))
		s := newSim(t)
		s.step = h.step
		for d := range 2 {
			s.adopt(d, propSnapshot(t, propDevices[d], db))
		}
		for range rapid.IntRange(0, propEvents/2).Draw(t, "after") {
			d := rapid.IntRange(0, 2).Draw(t, "device")
			if rapid.IntRange(0, 3).Draw(t, "sync") == 0 {
				s.observe(d)
			}
			s.act(d)
		}
		s.converged(t)
	})
}

// adopt makes evs device d's first journal, as `tend sync init` writes it.
func (s *sim) adopt(d int, evs []Event) {
	for _, e := range evs {
		s.seq[d] = e.Seq
		if c, err := ParseHLC(e.HLC); err == nil && s.last[d].Less(c) {
			s.last[d] = c
		}
		s.own[d] = append(s.own[d], e)
		s.seen[d][e.ID] = e
		line, err := EncodeEvent(e)
		if err != nil {
			s.t.Fatal(err)
		}
		s.files[d] = append(s.files[d], line...)
	}
}
