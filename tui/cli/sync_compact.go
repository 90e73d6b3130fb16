package cli

import (
	"encoding/json"
	"fmt"

	"tend/tui/cli/journal"
)

// compactMonthly rewrites this device's files without its goal.set events
// that a later one has replaced, at most once a calendar month (SYNC §10),
// at `tend sync`: a rename a week adds up over years, and peers re-read a
// rewritten file from its start. The month is kept in the sync record
// after the files are rewritten, so a crash between only compacts again.
func compactMonthly(env Env, m *syncMeta) error {
	month := env.Clock().UTC().Format("2006-01")
	if m.Compacted == month {
		return nil
	}
	dev, err := env.Store.DeviceID()
	if err != nil {
		return err
	}
	unlock, err := stepLock(m.Dir, dev)
	if err != nil {
		return err
	}
	defer unlock()
	f, err := readFolder(m.Dir, dev)
	if err != nil {
		return err
	}
	all, _ := ownEvents(f.own)
	for _, p := range f.peers { // what this device has applied: a later set it has not seen cannot count
		for _, l := range p.lines {
			if l.ev.Seq <= m.Applied[p.dev] {
				all = append(all, l.ev)
			}
		}
	}
	for _, jf := range f.own {
		evs := make([]journal.Event, len(jf.lines))
		for i, l := range jf.lines {
			evs[i] = l.ev
		}
		kept, dropped := journal.Compact(evs, all)
		if !dropped {
			continue
		}
		h := jf.header
		h.Gen++
		h.Label = m.Label
		if err := rewriteFile(m.Dir, jf.name, h, kept); err != nil {
			return fmt.Errorf("could not compact %s in the sync folder: %w", jf.name, err)
		}
	}
	m.Compacted = month
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return env.Store.SetSyncMeta(b)
}
