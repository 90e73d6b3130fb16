package cli

import (
	"encoding/json"
	"fmt"
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
	res := syncResult{incoming: map[string]map[string]int{}, labels: map[string]string{}}
	dev, err := env.Store.DeviceID()
	if err != nil {
		return res, err
	}
	f, err := readFolder(m.Dir, dev)
	if err != nil {
		return res, err
	}
	res.ign = f.ign
	for _, p := range f.peers {
		res.labels[p.dev] = p.header.Label
	}
	now := env.Clock()
	sb, err := seenBase(env, m, f, now)
	if err != nil {
		return res, err
	}
	seen, seq, base, baseArch, out := sb.seen, sb.seq, sb.base, sb.arch, sb.out
	last := base.Max
	all := append([]journal.Event(nil), seen...)
	for i := range out {
		seq++
		last = journal.Next(last, now)
		out[i].Dev, out[i].Seq, out[i].HLC = dev, seq, last.String()
		out[i].ID = fmt.Sprintf("%s-%d", dev, seq)
		all = append(all, out[i])
	}
	if len(out) > 0 {
		h := journal.Header{Dev: dev, Label: m.Label, Gen: 1}
		if err := appendEvents(m.Dir, h, out); err != nil {
			return res, fmt.Errorf("could not write the sync folder %s: %w", m.Dir, err)
		}
		res.sent = len(out)
	}
	before := journal.Merge(append([]journal.Event(nil), all...))
	var fresh []journal.Event
	if merge {
		fresh = newPeerEvents(f, m, now, &res.ign)
		all = append(all, fresh...)
	}
	st := journal.Merge(all)
	res.waiting = len(st.Waiting)
	if len(out) == 0 && len(st.Applied) == len(before.Applied) && !merge {
		return res, nil // nothing went out and nothing came in: the database stands
	}
	res.describe(before, st, baseArch, fresh)
	arch, err := journal.Replay(st)
	if err != nil {
		return res, err
	}
	for _, d := range res.order {
		m.Updated = res.label(d)
	}
	meta, err := json.Marshal(m)
	if err != nil {
		return res, err
	}
	return res, env.Store.Rebuild(arch, meta)
}

// seen is what a device has seen (its files, and its peers' up to the
// cursors), its replay, and what the database holds beyond it.
type seen struct {
	seen  []journal.Event
	seq   uint64
	base  *journal.State
	arch  coach.Archive
	out   []journal.Event
}

func seenBase(env Env, m *syncMeta, f *folder, now time.Time) (seen, error) {
	var s seen
	s.seen, s.seq = ownEvents(f.own)
	for _, p := range f.peers {
		for _, l := range p.lines {
			if l.ev.Seq <= m.Applied[p.dev] {
				s.seen = append(s.seen, l.ev)
			}
		}
	}
	s.base = journal.Merge(s.seen)
	var err error
	if s.arch, err = journal.Replay(s.base); err != nil {
		return s, err
	}
	db, err := env.Store.Archive()
	if err != nil {
		return s, err
	}
	s.out = journal.Diff(s.base, s.arch, db)
	return s, nil
}

// pendingOut is what waits to go out.
func pendingOut(env Env, m *syncMeta, f *folder) ([]journal.Event, error) {
	s, err := seenBase(env, m, f, env.Clock())
	return s.out, err
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
	for _, p := range f.peers {
		for _, l := range p.lines {
			if l.ev.Seq > m.Applied[p.dev] {
				byDev[p.dev] = append(byDev[p.dev], l.ev)
			}
		}
		m.Cursors[p.name] = cursor{Gen: p.header.Gen, Size: p.size, Mtime: p.mtime}
	}
	var out []journal.Event
	for dev, evs := range byDev {
		sort.Slice(evs, func(i, j int) bool { return evs[i].Seq < evs[j].Seq })
		for i, e := range evs {
			if c, err := journal.ParseHLC(e.HLC); err != nil || journal.Ahead(c, now) {
				ign.ahead += len(evs) - i
				break
			}
			out = append(out, e)
			m.Applied[dev] = e.Seq
		}
	}
	return out
}

// describe works out what came in from each peer, and which goals a peer
// deleted, from the events the merge added.
func (r *syncResult) describe(before, after *journal.State, was coach.Archive, fresh []journal.Event) {
	names := map[string]string{}
	for _, g := range was.Goals {
		names[g.UID] = g.Name
	}
	for uid := range after.Deleted {
		if _, had := before.Deleted[uid]; !had && names[uid] != "" {
			r.deleted = append(r.deleted, fmt.Sprintf("%s was deleted on %s, so its history here is removed with it", names[uid], r.label(after.DeletedBy[uid])))
		}
	}
	sort.Strings(r.deleted)
	counted := map[string]bool{}
	for _, e := range fresh {
		if before.Applied[e.ID] || counted[e.ID] {
			continue
		}
		counted[e.ID] = true
		what := eventWords(e)
		if what == "" {
			continue
		}
		if r.incoming[e.Dev] == nil {
			r.incoming[e.Dev] = map[string]int{}
			r.order = append(r.order, e.Dev)
		}
		r.incoming[e.Dev][what]++
	}
}

// eventWords names an event's kind as `tend sync` counts it ("" for one
// not worth a word).
func eventWords(e journal.Event) string {
	switch e.Kind {
	case journal.CheckInAdd:
		return "check-in"
	case journal.CheckInRemove:
		return "undo"
	case journal.GoalCreate:
		return "new goal"
	case journal.GoalSet:
		if e.Field == "name" {
			return "goal renamed"
		}
		return "goal edited"
	case journal.GoalSchedule:
		return "change of days"
	case journal.GoalStatus:
		return "pause or resume"
	case journal.GoalDelete:
		return "goal deleted"
	case journal.SettingsSet:
		return "setting changed"
	}
	return ""
}

func (r *syncResult) label(dev string) string {
	if l := r.labels[dev]; l != "" {
		return l
	}
	return dev
}
