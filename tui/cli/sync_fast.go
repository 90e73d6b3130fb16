package cli

import (
	"bytes"
	"sort"
	"strings"

	"tend/coach"
	"tend/tui/cli/journal"
)

// sendChanged is the step after a write that changed only check-ins, when
// the last step left the database's digests (SYNC §6.3's per-goal apply):
// only the months of the goals the write changed are diffed, from only
// their journal lines. A write's own events sort after every event this
// device has seen, so the database, which took them one by one as it
// wrote, is already what their replay gives, and nothing is rebuilt. ok
// is false when the whole step must run instead: no digests yet, a goal
// made, deleted or edited (a delete scrubs, a new goal is replayed, SYNC
// §8; an edit may be the engine's), a write other than a new newest day
// or the undo of the newest (notNewDay), the settings changed, or another
// writer seen in this device's files, or the device's first journal
// not all out yet.
func sendChanged(env Env, m *syncMeta) (ok bool, err error) {
	s, ok, err := startQuick(env, m, onlyDays)
	if err != nil || !ok {
		return ok, err
	}
	defer s.unlocked()
	sums, was, goals, last := s.sums, s.was, s.goals, s.last
	months := changedMonths(sums, was)
	if len(months) == 0 {
		return true, nil
	}
	later := map[string]string{}
	q, ok, err := readQuick(env, m, keepDays(months, later))
	if err != nil || !ok {
		return ok, err
	}
	out, db, ok, err := dayChanges(env, q.st, goals, months)
	if err != nil || !ok || notNewDay(out, q.st, later, goals, db, sums, was) {
		return false, err
	}
	w := q.stepper(env, m, last)
	if err := w.send(out); err != nil {
		return true, err
	}
	b, err := sentMeta(m, w)
	if err != nil {
		return true, err
	}
	return true, env.Store.SetSyncMetaSums(b, sums)
}

// dayChanges diffs the changed months of each goal, read from the
// database, against what this device has seen of them (st). ok is false
// when a goal's months cannot be diffed alone.
func dayChanges(env Env, st *journal.State, goals []coach.Goal, months map[string]map[string]bool) ([]journal.Event, coach.Archive, bool, error) {
	ids, byID := []uint64{}, map[uint64][]string{}
	for _, g := range goals {
		if ms := months[g.UID]; len(ms) > 0 {
			ids = append(ids, g.ID)
			for mo := range ms {
				byID[g.ID] = append(byID[g.ID], mo)
			}
			sort.Strings(byID[g.ID])
		}
	}
	db, err := env.Store.SyncRead(ids, byID)
	if err != nil {
		return nil, db, false, err
	}
	var out []journal.Event
	for _, g := range goals {
		if len(months[g.UID]) == 0 {
			continue
		}
		evs, ok, err := journal.DayChanges(st, g.UID, months[g.UID], db.CheckIns[g.ID])
		if err != nil || !ok {
			return nil, db, false, err
		}
		out = append(out, evs...)
	}
	return out, db, true, nil
}

// notNewDay reports whether out writes anything but the goal's newest day
// written last: a back-fill, an undo or edit of an older day, or a write
// on the newest day when another day of the goal was written since that
// day's first session, or a day before a status change of its goal.
// Those go by the whole step, which sends and rebuilds. The replay now
// takes a goal's events one by one as the store took them (SYNC §7.5), so
// for a device's own writes it gives the database these wrote
// (TestPropertyOwnJournalReplaysToTheDatabase); the whole step stays as
// the safety net for the few cases where they can still part (a warning
// back-filled across a time zone's midnight, an older day's edit that
// keeps a warning while a goal it held was resumed), so that every device
// holds what every other computes. later is, per goal, the latest clock of
// its lines in months not read.
func notNewDay(out []journal.Event, st *journal.State, later map[string]string, goals []coach.Goal, db coach.Archive, now, was map[string]uint32) bool {
	ids := map[string]uint64{}
	byUID := map[string]coach.Goal{}
	for _, g := range goals {
		ids[g.UID], byUID[g.UID] = g.ID, g
	}
	for _, e := range out {
		if e.Kind != journal.CheckInRemove && e.Kind != journal.CheckInAdd || len(e.Day) < 7 {
			continue
		}
		for _, c := range db.CheckIns[ids[e.Goal]] {
			if c.Day.String() > e.Day {
				return true
			}
		}
		// The database judged the day with the goal as it is now; a replay
		// with its status as of that day (a hold from a later day).
		for _, sc := range byUID[e.Goal].Statuses {
			if sc.From.String() >= e.Day {
				return true
			}
		}
		for _, sums := range []map[string]uint32{now, was} {
			for k := range sums {
				if uid, mo, ok := strings.Cut(k, "/"); ok && uid == e.Goal && mo > e.Day[:7] {
					return true
				}
			}
		}
		gs := st.Goals[e.Goal]
		if gs == nil {
			continue
		}
		day := gs.LiveOn(e.Day)
		if len(day) == 0 {
			continue // a new newest day: decided last, alike both ways
		}
		first := day[0].HLC
		if later[e.Goal] > first {
			return true
		}
		for _, c := range append(append([]*journal.Event(nil), gs.Live...), gs.Dead...) {
			if c.Day > e.Day || c.Day != e.Day && c.HLC > first {
				return true
			}
		}
	}
	return false
}

// onlyDays reports whether, between the digests was and now, only goals'
// check-ins changed: the same settings, the same goals, each with what a
// person edits of it as it was.
func onlyDays(now, was map[string]uint32, goals []coach.Goal) bool {
	n := 0
	for k := range was {
		if k != "" && !strings.Contains(k, "/") {
			n++
		}
	}
	if now[""] != was[""] || n != len(goals) {
		return false
	}
	for _, g := range goals {
		if s, ok := was[g.UID]; !ok || s != now[g.UID] {
			return false
		}
	}
	return true
}

// changedMonths are, per goal uid, the months ("2026-12") whose check-ins'
// digest changed, appeared or went.
func changedMonths(now, was map[string]uint32) map[string]map[string]bool {
	out := map[string]map[string]bool{}
	mark := func(k string) {
		if uid, mo, ok := strings.Cut(k, "/"); ok {
			if out[uid] == nil {
				out[uid] = map[string]bool{}
			}
			out[uid][mo] = true
		}
	}
	for k, v := range now {
		if old, ok := was[k]; !ok || old != v {
			mark(k)
		}
	}
	for k := range was {
		if _, ok := now[k]; !ok {
			mark(k)
		}
	}
	return out
}

// seenOf is the merge of what this device has seen, as read (its files,
// and its peers' up to what it applied), and the highest seq in its files.
func seenOf(m *syncMeta, f *folder) (*journal.State, uint64) {
	seen, _, written := seenEvents(m, f)
	st := journal.Merge(seen)
	deletedAnywhere(st, f)
	return st, written
}

// seenEvents are the events this device has seen: its own files' (the
// first own of them), then each peer's up to the seq it applied, less
// those kept for a newer tend; and the highest seq in its own files.
func seenEvents(m *syncMeta, f *folder) (seen []journal.Event, own int, written uint64) {
	seen, written = ownEvents(f.own)
	own = len(seen)
	newer := map[string]bool{}
	for _, id := range m.Newer {
		newer[id] = true
	}
	for _, p := range f.peers {
		for _, l := range p.lines {
			if l.ev.Seq <= m.Applied[p.dev] && !newer[l.ev.ID] {
				seen = append(seen, l.ev)
			}
		}
	}
	return seen, own, written
}

// deletedAnywhere adds to st's deleted set every goal a peer's file holds
// a delete of: that peer has scrubbed the goal's events from its files,
// perhaps before its delete is merged here, and a goal deleted anywhere in
// the folder is not this device's to send again.
func deletedAnywhere(st *journal.State, f *folder) {
	for _, p := range f.peers {
		for _, l := range p.lines {
			if _, ok := st.Deleted[l.ev.Goal]; l.ev.Kind == journal.GoalDelete && !ok {
				st.Deleted[l.ev.Goal] = nil
			}
		}
	}
}

// keepDays takes the journal lines a diff of those months of those goals
// needs: every line but the check-ins (and removes) of other goals and
// other months, which are nearly all of them. A line it cannot place is
// kept: decoding one too many is only slower. Of the lines of those goals
// in other months it notes in later the latest clock, per goal.
func keepDays(months map[string]map[string]bool, later map[string]string) func([]byte) bool {
	type goal struct {
		uid    string
		key    []byte
		months map[string]bool
	}
	var goals []goal
	for uid, ms := range months {
		goals = append(goals, goal{uid, []byte(uid), ms})
	}
	checkIn, day, hlc := []byte(`"kind":"checkin.`), []byte(`"day":"`), []byte(`"hlc":"`)
	return func(line []byte) bool {
		if !bytes.Contains(line[:min(len(line), 160)], checkIn) { // the kind comes early in tend's lines
			return true
		}
		i := bytes.Index(line, day) + len(day)
		if i < len(day) || i+7 > len(line) {
			return true
		}
		for _, g := range goals {
			if !bytes.Contains(line, g.key) {
				continue
			}
			if g.months[string(line[i:i+7])] {
				return true
			}
			h := bytes.Index(line, hlc) + len(hlc)
			if h < len(hlc) || h+31 > len(line) {
				return true
			}
			if c := string(line[h : h+31]); c > later[g.uid] {
				later[g.uid] = c
			}
			return false
		}
		return false
	}
}
