package cli

import (
	"bytes"
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
	s, ok, err := startQuick(env, m, sameGoals)
	if err != nil || !ok {
		return ok, err
	}
	defer s.unlocked()
	sums, was, goals, last := s.sums, s.was, s.goals, s.last
	dirty := dirtyGoals(sums, was)
	if len(dirty) == 0 {
		return true, nil
	}
	q, ok, err := readQuick(env, m, keepGoals(dirty))
	if err != nil || !ok {
		return ok, err
	}
	base, err := journal.ReplayOnly(q.st, dirty)
	if err != nil {
		return false, err
	}
	db, ok := dirtyArchive(env, goals, dirty, base)
	if !ok {
		return false, nil
	}
	w := q.stepper(env, m, last)
	seen, _ := ownEvents(q.f.own)
	out := journal.Diff(q.st, base, db)
	if touchesWarning(out, q.st) {
		return false, nil
	}
	if err := w.send(out); err != nil {
		return true, err
	}
	after, err := journal.ReplayOnly(journal.Merge(appliedOf(m, q.f, append(seen, out...))), dirty)
	if err != nil || len(after.Goals) != len(dirty) {
		return true, err // what went out is out; the next whole step rebuilds
	}
	b, err := sentMeta(m, w)
	if err != nil {
		return true, err
	}
	return true, env.Store.RebuildGoals(after, b)
}

// dirtyGoals are the uids whose digests changed between was and now.
func dirtyGoals(now, was map[string]uint32) map[string]bool {
	dirty := map[string]bool{}
	for k, v := range now {
		if uid, _, _ := strings.Cut(k, "/"); uid != "" && was[k] != v {
			dirty[uid] = true
		}
	}
	for k := range was {
		if uid, _, _ := strings.Cut(k, "/"); uid != "" && now[k] == 0 {
			dirty[uid] = true
		}
	}
	return dirty
}

// appliedOf is evs and every peer line this device has applied.
func appliedOf(m *syncMeta, f *folder, evs []journal.Event) []journal.Event {
	for _, p := range f.peers {
		for _, l := range p.lines {
			if l.ev.Seq <= m.Applied[p.dev] {
				evs = append(evs, l.ev)
			}
		}
	}
	return evs
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
