package cli

import (
	"encoding/json"

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
	own, _ := ownEvents(f.own)
	all := appliedOf(m, f, own) // what this device has applied: a later set it has not seen cannot count
	if err := rewriteOwn(m, f.own, "compact this device's journal in the sync folder", func(evs []journal.Event) ([]journal.Event, bool) {
		return journal.Compact(evs, all)
	}); err != nil {
		return err
	}
	m.Compacted = month
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return env.Store.SetSyncMeta(b)
}
