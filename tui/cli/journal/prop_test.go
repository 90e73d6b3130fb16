package journal

import (
	"bytes"
	"fmt"
	"reflect"
	"testing"
	"time"

	"pgregory.net/rapid"

	"tend/coach"
)

// propEvents bounds the events per case; the case count is rapid's
// (-rapid.checks, 100 by default). Both stay small so the test runs in a
// few seconds on a shared machine.
const propEvents = 60

var propDevices = []string{"a1a1a1a1a1a1a1a1", "b2b2b2b2b2b2b2b2", "c3c3c3c3c3c3c3c3"}

// sim is three devices writing events from what each has seen.
type sim struct {
	t     *rapid.T
	files [3][]byte  // each device's journal file
	own   [3][]Event // what each wrote
	seen  [3]map[string]Event
	last  [3]HLC
	seq   [3]uint64
	start time.Time
	step  int
}

func newSim(t *rapid.T) *sim {
	s := &sim{t: t, start: time.Date(2026, 12, 30, 8, 0, 0, 0, time.UTC)}
	for d := range 3 {
		s.seen[d] = map[string]Event{}
		s.files[d] = EncodeHeader(Header{Dev: propDevices[d], Label: fmt.Sprint("dev", d), Year: 2026, Gen: 1})
	}
	return s
}

func (s *sim) state(d int) *State {
	evs := make([]Event, 0, len(s.seen[d]))
	for _, e := range s.seen[d] {
		evs = append(evs, e)
	}
	return Merge(evs)
}

// write stamps an event on device d. Device 2's clock is a day behind: the
// clock keeps order all the same.
func (s *sim) write(d int, e Event) {
	s.step++
	now := s.start.Add(time.Duration(s.step) * 37 * time.Minute)
	if d == 2 {
		now = now.Add(-24 * time.Hour)
	}
	h := Next(s.last[d], now)
	s.last[d] = h
	s.seq[d]++
	e.Dev, e.Seq, e.HLC = propDevices[d], s.seq[d], h.String()
	e.ID = fmt.Sprintf("%s-%d", e.Dev, e.Seq)
	s.own[d] = append(s.own[d], e)
	s.seen[d][e.ID] = e
	if h.Year() != 2026 {
		return // the year boundary: the sim keeps one file, so a later year stays local
	}
	line, err := EncodeEvent(e)
	if err != nil {
		s.t.Fatal(err)
	}
	s.files[d] = append(s.files[d], line...)
}

// observe lets device d see what the others wrote so far (a sync).
func (s *sim) observe(d int) {
	for o := range 3 {
		for _, e := range s.own[o] {
			if h, _ := ParseHLC(e.HLC); h.Year() == 2026 {
				s.seen[d][e.ID] = e
			}
		}
	}
	if st := s.state(d); s.last[d].Less(st.Max) {
		s.last[d] = st.Max
	}
}

var propPlans = []string{coach.DailyWalkID, coach.StrengthID, coach.MindfulID}
var propNames = []string{"Walk", "walk", "Lift", "Calm"}

func (s *sim) act(d int) {
	st := s.state(d)
	var uids []string
	for _, g := range Replay1(s.t, st).Goals {
		uids = append(uids, g.UID)
	}
	kind := rapid.IntRange(0, 9).Draw(s.t, "kind")
	if len(uids) == 0 || kind == 0 {
		uid := fmt.Sprintf("%032x", rapid.Uint64().Draw(s.t, "uid"))
		s.write(d, Event{Kind: GoalCreate, Goal: uid, Name: rapid.SampledFrom(propNames).Draw(s.t, "name"),
			Plan: rapid.SampledFrom(propPlans).Draw(s.t, "plan"), Created: "2026-12-01", DaysPerWeek: 7, Level: 1, Variant: 1})
		return
	}
	uid := rapid.SampledFrom(uids).Draw(s.t, "goal")
	day := coach.DayOf(2026, 12, rapid.IntRange(1, 12).Draw(s.t, "day")).String()
	switch kind {
	case 1:
		v := rapid.SampledFrom(propNames).Draw(s.t, "rename")
		s.write(d, Event{Kind: GoalSet, Goal: uid, Field: "name", Value: &v})
	case 2:
		s.write(d, Event{Kind: GoalSchedule, Goal: uid, From: day, DaysPerWeek: rapid.IntRange(1, 7).Draw(s.t, "days")})
	case 3:
		e := Event{Kind: GoalStatus, Goal: uid, From: day, Status: rapid.SampledFrom([]string{"paused", "active", "archived"}).Draw(s.t, "status")}
		if e.Status == "active" && rapid.Bool().Draw(s.t, "lift") {
			for _, w := range st.warnings() {
				e.Lifts = append(e.Lifts, w.id)
			}
		}
		s.write(d, e)
	case 4:
		if rapid.IntRange(0, 3).Draw(s.t, "really") == 0 {
			s.write(d, Event{Kind: GoalDelete, Goal: uid, Warnings: goalWarnings(st.Goals[uid])})
		}
	case 5:
		rm := Event{Kind: CheckInRemove, Goal: uid, Day: day}
		for _, c := range st.Goals[uid].LiveOn(day) {
			rm.Removes = append(rm.Removes, c.ID)
		}
		s.write(d, rm)
	default:
		mood := rapid.IntRange(0, 10).Draw(s.t, "mood")
		s.write(d, Event{Kind: CheckInAdd, Goal: uid, Day: day,
			Outcome:  rapid.SampledFrom([]string{"done", "done", "partial", "minimum", "rest", "unwell"}).Draw(s.t, "outcome"),
			Achieved: float64(rapid.IntRange(0, 30).Draw(s.t, "amount")), Target: 10, Level: 1, Variant: 1,
			Effort:    rapid.SampledFrom([]string{"easy", "ok", "hard"}).Draw(s.t, "effort"),
			Pain:      rapid.SampledFrom([]string{"none", "none", "none", "sore", "pain", "warning"}).Draw(s.t, "pain"),
			MoodAfter: &mood, Note: rapid.SampledFrom([]string{"", "", "hills", "tired"}).Draw(s.t, "note"),
			WrittenAt: s.start.Add(time.Duration(s.step) * time.Minute).Format(time.RFC3339), Device: propDevices[d]})
	}
}

// Replay1 replays or fails the case.
func Replay1(t interface{ Fatalf(string, ...any) }, st *State) coach.Archive {
	a, err := Replay(st)
	if err != nil {
		t.Fatalf("replay: %v", err)
	}
	return a
}

// readFile is what a reader gets from a file cut at n bytes: the complete
// lines after the header, a torn tail left for later.
func readFile(t *rapid.T, data []byte, n int, dev string) []Event {
	data = data[:n]
	var out []Event
	for i := 0; len(data) > 0; i++ {
		nl := bytes.IndexByte(data, '\n')
		if nl < 0 {
			break // half-synced: not read yet
		}
		line := data[:nl]
		data = data[nl+1:]
		if i == 0 {
			continue
		}
		e, newer, err := DecodeEvent(line, dev, 2026)
		if err != nil || newer {
			t.Fatalf("a complete line did not read: %v %s", err, line)
		}
		out = append(out, e)
	}
	return out
}

// deliver hands the files to one receiver in random pieces: prefixes cut
// anywhere (torn tails), the same piece again (duplicates), files in any
// order, and at last everything. Its own events it has already.
func deliver(t *rapid.T, s *sim, r int, label string) coach.Archive {
	got := append([]Event(nil), s.own[r]...)
	for range rapid.IntRange(0, 8).Draw(t, label+"-pieces") {
		f := rapid.IntRange(0, 2).Draw(t, label+"-file")
		n := rapid.IntRange(0, len(s.files[f])).Draw(t, label+"-cut")
		got = append(got, readFile(t, s.files[f], n, propDevices[f])...)
		// An intermediate merge, as a sync would make: it must not fail.
		Replay1(t, Merge(append([]Event(nil), got...)))
	}
	for _, f := range rapid.Permutation([]int{0, 1, 2}).Draw(t, label+"-order") {
		got = append(got, readFile(t, s.files[f], len(s.files[f]), propDevices[f])...)
	}
	perm := rapid.Permutation(got).Draw(t, label+"-shuffle")
	return Replay1(t, Merge(perm))
}

// Three devices, random events from what each had seen, delivered to each
// in random orders with duplicates and torn tails: every device ends with
// the same goals, check-ins and decisions, byte for byte (SYNC §11).
func TestPropertyDevicesConverge(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := newSim(t)
		n := rapid.IntRange(1, propEvents).Draw(t, "events")
		for range n {
			d := rapid.IntRange(0, 2).Draw(t, "device")
			if rapid.IntRange(0, 4).Draw(t, "sync") == 0 {
				s.observe(d)
			}
			s.act(d)
		}
		want := s.converged(t)
		// Each device compacts its own events against what it has seen
		// (SYNC §10): the merge of the compacted files is the same.
		var compacted []Event
		for d := range 3 {
			seen := append([]Event(nil), s.own[d]...)
			for _, e := range s.seen[d] {
				seen = append(seen, e)
			}
			kept, _ := Compact(s.own[d], seen)
			compacted = append(compacted, kept...)
		}
		if got := Replay1(t, Merge(compacted)); !reflect.DeepEqual(got, want) {
			t.Fatalf("compaction changed the merge:\n%+v\n%+v", got, want)
		}
	})
}

// converged delivers every device's events to each of three receivers, in
// their own random orders, fails unless all three hold the same, and
// returns what they hold.
// Events of 2027 stay on their device in this sim; they are left out of
// the comparison by giving every receiver only 2026's.
func (s *sim) converged(t *rapid.T) coach.Archive {
	for d := range 3 {
		kept := s.own[d][:0:0]
		for _, e := range s.own[d] {
			if h, _ := ParseHLC(e.HLC); h.Year() == 2026 {
				kept = append(kept, e)
			}
		}
		s.own[d] = kept
	}
	want := deliver(t, s, 0, "r0")
	for r := 1; r < 3; r++ {
		// DeepEqual, not the archives' JSON: a Day's JSON is {}, which
		// would hide every day and status change.
		if got := deliver(t, s, r, fmt.Sprint("r", r)); !reflect.DeepEqual(got, want) {
			t.Fatalf("device %d differs from device 0:\n%+v\n%+v", r, got, want)
		}
	}
	return want
}
