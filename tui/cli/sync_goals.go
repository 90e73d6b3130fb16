package cli

import (
	"bytes"
	"encoding/json"
	"maps"
	"strings"

	"tend/coach"
	"tend/tui/cli/journal"
)

// sendGoals is the step after a write the month-by-month path leaves
// (a back-fill, an undo or edit of an older day, a rename, a pause): only
// the goals the write changed are diffed and recomputed, from only their
// journal lines and the lines every goal's replay needs (SYNC §6.3: a
// goal's events recompute that goal; a warning holds the others, so
// every warning is read). ok is false when the whole step must run: no
// digests or clock yet, a goal made or deleted, the settings changed, a
// warning logged or undone (its hold touches goals the write did not,
// SYNC §7.5), another writer seen, or the ids not as the replay numbers
// them.
func sendGoals(env Env, m *syncMeta) (ok bool, err error) {
	last, err := journal.ParseHLC(m.Clock)
	if err != nil || m.Snapshot {
		return false, nil
	}
	unlock, err := lockFor(env, m)
	if err != nil {
		return true, err
	}
	defer unlock()
	sums, was, goals, err := env.Store.SyncSums()
	if err != nil || was == nil || !sameGoals(sums, was, goals) {
		return false, err
	}
	dirty := map[string]bool{}
	for k, v := range sums {
		if uid, _, _ := strings.Cut(k, "/"); uid != "" && was[k] != v {
			dirty[uid] = true
		}
	}
	for k := range was {
		if uid, _, _ := strings.Cut(k, "/"); uid != "" && sums[k] == 0 {
			dirty[uid] = true
		}
	}
	if len(dirty) == 0 {
		return true, nil
	}
	dev, err := env.Store.DeviceID()
	if err != nil {
		return false, err
	}
	f, err := readFolderOf(m.Dir, dev, keepGoals(dirty))
	if err != nil {
		return false, err
	}
	if err := missingPeers(m, f); err != nil {
		return true, err
	}
	st, written := seenOf(m, f)
	if m.Seq > 0 && written > m.Seq {
		return false, nil
	}
	base, err := journal.ReplayOnly(st, dirty)
	if err != nil {
		return false, err
	}
	db, ok := dirtyArchive(env, goals, dirty, base)
	if !ok {
		return false, nil
	}
	w := &stepper{env: env, m: m, saved: *m, dev: dev, now: env.Clock(), seq: max(written, m.Seq), last: last}
	w.saved.Applied, w.saved.Cursors = maps.Clone(m.Applied), maps.Clone(m.Cursors)
	if last.Less(st.Max) {
		w.last = st.Max
	}
	seen, _ := ownEvents(f.own)
	out := journal.Diff(st, base, db)
	if touchesWarning(out, st) {
		return false, nil
	}
	if err := w.send(out); err != nil {
		return true, err
	}
	all := append(seen, out...)
	for _, p := range f.peers {
		for _, l := range p.lines {
			if l.ev.Seq <= m.Applied[p.dev] {
				all = append(all, l.ev)
			}
		}
	}
	after, err := journal.ReplayOnly(journal.Merge(all), dirty)
	if err != nil || len(after.Goals) != len(dirty) {
		return true, err // what went out is out; the next whole step rebuilds
	}
	m.Clock = w.last.String()
	b, err := json.Marshal(m)
	if err != nil {
		return true, err
	}
	return true, env.Store.RebuildGoals(after, b)
}

// sameGoals reports whether the digests was and now hold the same goals
// and the same settings.
func sameGoals(now, was map[string]uint32, goals []coach.Goal) bool {
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
		if _, ok := was[g.UID]; !ok {
			return false
		}
	}
	return true
}

// dirtyArchive reads the dirty goals from the database, whole; ok is false
// when the replay numbers one of them otherwise than the database does.
func dirtyArchive(env Env, goals []coach.Goal, dirty map[string]bool, base coach.Archive) (coach.Archive, bool) {
	ids := map[string]uint64{}
	for _, g := range base.Goals {
		ids[g.UID] = g.ID
	}
	var picked []uint64
	var gs []coach.Goal
	for _, g := range goals {
		if dirty[g.UID] {
			if ids[g.UID] != g.ID {
				return coach.Archive{}, false
			}
			picked = append(picked, g.ID)
			gs = append(gs, g)
		}
	}
	if len(gs) != len(dirty) || len(base.Goals) != len(dirty) {
		return coach.Archive{}, false
	}
	db, err := env.Store.SyncRead(picked, nil)
	if err != nil {
		return coach.Archive{}, false
	}
	db.Goals = gs
	return db, true
}

// keepGoals takes the journal lines the replay of the goals uids needs:
// every line but the check-ins of other goals; of those, the warnings
// (they hold every exercise goal) and every remove (it may undo one).
func keepGoals(uids map[string]bool) func([]byte) bool {
	var keys [][]byte
	for uid := range uids {
		keys = append(keys, []byte(uid))
	}
	add, warning := []byte(`"kind":"checkin.add"`), []byte(`"pain":"warning"`)
	return func(line []byte) bool {
		if !bytes.Contains(line[:min(len(line), 160)], add) || bytes.Contains(line, warning) {
			return true
		}
		for _, k := range keys {
			if bytes.Contains(line, k) {
				return true
			}
		}
		return false
	}
}

// touchesWarning reports whether out logs a warning sign or removes one.
func touchesWarning(out []journal.Event, st *journal.State) bool {
	warn := map[string]bool{}
	for _, g := range st.Goals {
		for _, c := range g.Live {
			if c.Pain == "warning" {
				warn[c.ID] = true
			}
		}
	}
	for _, e := range out {
		if e.Kind == journal.CheckInAdd && e.Pain == "warning" {
			return true
		}
		for _, id := range e.Removes {
			if warn[id] {
				return true
			}
		}
	}
	return false
}
