package cli

import (
	"encoding/json"
	"fmt"
	"maps"
	"path/filepath"
	"sort"
	"time"

	"tend/coach"
	"tend/tui/cli/journal"
)

// syncStep brings this device's journal up to its database and, with
// merge, the database up to every journal:
//
//  1. the events seen so far are this device's files and each peer's up
//     to the seq last applied; their replay is what the database held
//     after the last step;
//  2. what the database holds beyond that (every write since, and any
//     append that failed) is diffed out, stamped and appended (SYNC §5);
//  3. with merge, the peers' new events join them; either way the
//     database is rebuilt from the replay of the whole set, with what was
//     applied, in one transaction (SYNC §6.3, §7.5).
//
// So an append that fails leaves the change waiting in the database, and
// a crash anywhere repeats at most a step whose result is the same.
func syncStep(env Env, m *syncMeta, merge bool) (syncResult, error) {
	unlock, err := lockFor(env, m)
	if err != nil {
		return syncResult{}, err
	}
	defer unlock()
	w, f, sb, err := startStep(env, m)
	if err != nil {
		return w.res, err
	}
	if err := missingPeers(m, f); err != nil {
		return w.res, err
	}
	all := append([]journal.Event(nil), sb.seen...)
	if err := w.send(sb.out); err != nil {
		return w.res, err
	}
	m.Snapshot = false // the first journal is out, or there was no history to send
	all = append(all, sb.out...)
	before := journal.Merge(append([]journal.Event(nil), all...))
	var fresh []journal.Event
	if merge {
		fresh = newPeerEvents(f, m, w.now, &w.res.ign)
		all = append(all, fresh...)
	}
	st := journal.Merge(all)
	if un := unlistedDeletes(all, w.dev, st); len(un) > 0 {
		if err := w.send(un); err != nil {
			return w.res, err
		}
		all = append(all, un...)
		st = journal.Merge(all)
	}
	w.res.back = heldBack(st, f, w.res.ign.ahead)
	if len(sb.out) == 0 && len(st.Applied) == len(before.Applied) && !merge {
		return w.res, nil // nothing went out and nothing came in: the database stands
	}
	w.res.describe(before, st, sb.db, fresh)
	return w.res, w.rebuild(st, merge)
}

// stepper is one sync step's writer: this device, its clock and seq.
type stepper struct {
	env   Env
	m     *syncMeta
	saved syncMeta // m as the database has it: a reservation must not claim a merge not yet written
	dev   string
	now   time.Time
	seq   uint64
	last  journal.HLC
	res   syncResult
}

func startStep(env Env, m *syncMeta) (*stepper, *folder, seen, error) {
	w := &stepper{env: env, m: m, now: env.Clock(), res: syncResult{incoming: map[string]map[string]int{}, labels: map[string]string{}}}
	var err error
	if w.dev, err = env.Store.DeviceID(); err != nil {
		return w, nil, seen{}, err
	}
	f, err := readFolder(m.Dir, w.dev)
	if err != nil {
		return w, nil, seen{}, err
	}
	w.res.ign = f.ign
	w.res.labels[w.dev] = m.Label
	if _, written := ownEvents(f.own); m.Seq > 0 && written > m.Seq {
		return w, nil, seen{}, fmt.Errorf("another copy of this database writes to the sync folder as this device (its events go up to %d, this database wrote %d). "+
			"Run `tend sync init %s` here to give this device an id of its own", written, m.Seq, filepath.Dir(m.Dir))
	}
	if f.ownConflict != "" {
		return w, nil, seen{}, fmt.Errorf("your sync tool made a conflict copy of this device's journal (%s): another copy of this database writes to the sync folder as this device. "+
			"Run `tend sync init %s` here to give this device an id of its own", f.ownConflict, filepath.Dir(m.Dir))
	}
	w.saved = *m
	w.saved.Applied, w.saved.Cursors = maps.Clone(m.Applied), maps.Clone(m.Cursors)
	for _, p := range f.peers {
		w.res.labels[p.dev] = p.header.Label
	}
	sb, err := seenBase(env, m, f, w.now)
	if err != nil {
		return w, nil, sb, err
	}
	w.seq, w.last = max(sb.seq, m.Seq), sb.base.Max
	return w, f, sb, nil
}

// send stamps new events with this device's seq and clock and appends
// them. The seqs are kept in the database before they reach the folder, so
// that a seq in this device's file higher than the database's can only be
// another writer's.
func (w *stepper) send(evs []journal.Event) error {
	for i := range evs {
		w.seq++
		evs[i].Dev, evs[i].Seq = w.dev, w.seq
		if evs[i].ID != "" {
			// A snapshot's event comes with the clock of what it records
			// and its content id (SYNC §8); the device's clock moves past
			// it, so that what it writes next sorts after its history.
			if c, err := journal.ParseHLC(evs[i].HLC); err == nil && w.last.Less(c) {
				w.last = c
			}
			continue
		}
		w.last = journal.Next(w.last, w.now)
		evs[i].HLC = w.last.String()
		evs[i].ID = fmt.Sprintf("%s-%d", w.dev, w.seq)
	}
	w.m.Seq = w.seq
	if len(evs) == 0 {
		return nil
	}
	w.saved.Seq = w.seq
	b, err := json.Marshal(w.saved)
	if err != nil {
		return err
	}
	if err := w.env.Store.SetSyncMeta(b); err != nil {
		return err
	}
	if err := appendEvents(w.m.Dir, journal.Header{Dev: w.dev, Label: w.m.Label, Gen: 1}, evs); err != nil {
		return fmt.Errorf("could not write the sync folder %s: %w", w.m.Dir, err)
	}
	w.res.sent += len(evs)
	return nil
}

// rebuild replays the merged state into the database with the sync
// record, then scrubs: last, once the database holds the seq, because a
// scrub may drop this device's newest lines and a seq is never used twice.
func (w *stepper) rebuild(st *journal.State, merge bool) error {
	arch, err := journal.Replay(st)
	if err != nil {
		return err
	}
	held := st.HeldDespite(arch)
	for _, g := range arch.Goals {
		if dev, ok := held[g.UID]; ok && merge {
			w.res.held = append(w.res.held, fmt.Sprintf("%s stays on hold: a warning was logged on %s", g.Name, w.res.label(dev)))
		}
	}
	if w.last.Less(st.Max) {
		w.last = st.Max
	}
	w.m.Clock = w.last.String()
	w.res.twins = twinWords(journal.Twins(st, arch), w.res.label)
	w.m.tell(w.res, merge)
	meta, err := json.Marshal(w.m)
	if err != nil {
		return err
	}
	if err := w.env.Store.Rebuild(arch, meta); err != nil {
		return err
	}
	return scrubOwn(w.m, w.dev, st.Deleted)
}

// seen is what a device has seen (its files, and its peers' up to the
// cursors), its replay, and what the database holds beyond it.
type seen struct {
	seen []journal.Event
	seq  uint64
	base *journal.State
	arch coach.Archive
	db   coach.Archive // the database as it is
	out  []journal.Event
}

func seenBase(env Env, m *syncMeta, f *folder, now time.Time) (seen, error) {
	var s seen
	var own int
	s.seen, own, s.seq = seenEvents(m, f)
	s.base = journal.Merge(s.seen)
	var err error
	if s.arch, err = journal.Replay(s.base); err != nil {
		return s, err
	}
	db, err := env.Store.Archive()
	if err != nil {
		return s, err
	}
	deletedAnywhere(s.base, f)
	s.db = db
	if m.Snapshot {
		s.out, err = snapshotOut(s, own)
		return s, err
	}
	s.out = journal.Diff(s.base, s.arch, db)
	return s, nil
}

// snapshotOut is the device's first journal while it is not all out
// (SYNC §8): its history as a snapshot against what its peers wrote, less
// the lines an earlier try wrote before it was cut short (a crash between
// two years' files). Those lines have the same content ids, so they are
// found by id; taking them as the base instead would send the rest as
// ordinary events, which a copy's snapshot would then double.
func snapshotOut(s seen, own int) ([]journal.Event, error) {
	if own == 0 {
		return journal.FirstJournal(s.base, s.arch, s.db), nil
	}
	peers := journal.Merge(append([]journal.Event(nil), s.seen[own:]...))
	arch, err := journal.Replay(peers)
	if err != nil {
		return nil, err
	}
	for uid := range s.base.Deleted {
		if _, ok := peers.Deleted[uid]; !ok {
			peers.Deleted[uid] = nil
		}
	}
	written := map[string]bool{}
	for _, e := range s.seen[:own] {
		written[e.ID] = true
	}
	var out []journal.Event
	for _, e := range journal.FirstJournal(peers, arch, s.db) {
		if e.ID == "" || !written[e.ID] {
			out = append(out, e)
		}
	}
	return out, nil
}

// pendingOut is what waits to go out, the same-name goals as of the last
// merge, and what a merge now would hold back: all without writing.
func pendingOut(env Env, m *syncMeta, f *folder) ([]journal.Event, []journal.Twin, held, error) {
	now := env.Clock()
	s, err := seenBase(env, m, f, now)
	if err != nil {
		return nil, nil, held{}, err
	}
	c := *m // newPeerEvents moves the cursors: of a copy, never kept
	c.Applied, c.Cursors = maps.Clone(m.Applied), maps.Clone(m.Cursors)
	ign := f.ign
	fresh := newPeerEvents(f, &c, now, &ign)
	st := journal.Merge(append(append([]journal.Event(nil), s.seen...), fresh...))
	return s.out, journal.Twins(s.base, s.arch), heldBack(st, f, ign.ahead), nil
}

// unlistedDeletes are the goal.delete events this device writes before it
// scrubs: one per deleted goal it holds warnings of that no delete lists.
func unlistedDeletes(all []journal.Event, dev string, st *journal.State) []journal.Event {
	un := journal.UnlistedWarnings(all, dev, st.Deleted)
	uids := make([]string, 0, len(un))
	for uid := range un {
		uids = append(uids, uid)
	}
	sort.Strings(uids)
	var out []journal.Event
	for _, uid := range uids {
		out = append(out, journal.Event{Kind: journal.GoalDelete, Goal: uid, Warnings: un[uid]})
	}
	return out
}

// scrubOwn rewrites each of this device's files that still holds events
// of a deleted goal without them (SYNC §7.3, §10).
func scrubOwn(m *syncMeta, dev string, deleted map[string][]journal.Warning) error {
	if len(deleted) == 0 {
		return nil
	}
	f, err := readFolder(m.Dir, dev)
	if err != nil {
		return err
	}
	return rewriteOwn(m, f.own, "remove a deleted goal from the sync folder", func(evs []journal.Event) ([]journal.Event, bool) {
		return journal.Scrub(evs, deleted)
	})
}

// ownEvents are this device's events in its files, and the highest seq
// among them: a seq is never reused, even when the database lost track.
func ownEvents(files []jfile) ([]journal.Event, uint64) {
	var out []journal.Event
	var seq uint64
	for _, f := range files {
		for _, l := range f.lines {
			out = append(out, l.ev)
			seq = max(seq, l.ev.Seq)
		}
	}
	return out, seq
}

// newPeerEvents are the peers' events past what was applied, each
// device's in seq order up to the first that is more than a day ahead of
// this clock (SYNC §4.2): it and those after it wait until the clock gets
// there, so that one machine with a wrong date cannot drag every clock
// forward for good.
func newPeerEvents(f *folder, m *syncMeta, now time.Time, ign *ignored) []journal.Event {
	byDev := map[string][]journal.Event{}
	passed := map[string]bool{}
	for _, id := range m.Newer {
		passed[id] = true
	}
	m.Newer = nil
	for _, p := range f.peers {
		for _, l := range p.lines {
			if l.ev.Seq > m.Applied[p.dev] || passed[l.ev.ID] {
				byDev[p.dev] = append(byDev[p.dev], l.ev)
			}
		}
		m.Newer = append(m.Newer, p.newer...) // still unreadable here: kept for later
		m.Cursors[p.name] = cursor{Gen: p.header.Gen, Size: p.size, Mtime: p.mtime, Label: p.header.Label}
	}
	var out []journal.Event
	for dev, evs := range byDev {
		sort.Slice(evs, func(i, j int) bool { return evs[i].Seq < evs[j].Seq })
		for i, e := range evs {
			if c, err := journal.ParseHLC(e.HLC); err != nil || journal.Ahead(c, now) {
				if ign.ahead == nil {
					ign.ahead = map[string]int{}
				}
				ign.ahead[dev] += len(evs) - i
				break
			}
			out = append(out, e)
			m.Applied[dev] = max(m.Applied[dev], e.Seq)
		}
	}
	return out
}
