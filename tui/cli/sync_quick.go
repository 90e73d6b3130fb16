package cli

import (
	"encoding/json"
	"fmt"
	"maps"

	"tend/coach"
	"tend/tui/cli/journal"
)

// The two quick steps after a write (sendChanged, sendGoals) share how
// they start and end: this device's lock and clock, the journal lines
// they need, what this device has seen of them, and a stepper that sends
// from there.

// quickStart is where a quick step starts: the clock the last step kept
// and the database's digests now and as that step left them.
type quickStart struct {
	last     journal.HLC
	sums     map[string]uint32
	was      map[string]uint32
	goals    []coach.Goal
	unlocked func() // lets go of this device's sync lock
}

// startQuick takes this device's sync lock and the digests. ok is false
// when the whole step must run: no clock kept yet, the device's first
// journal not all out (SYNC §8), no digests, or a change fits does not
// take. Only a start with ok and no error holds the lock, for the caller
// to let go of.
func startQuick(env Env, m *syncMeta, fits func(now, was map[string]uint32, goals []coach.Goal) bool) (q quickStart, ok bool, err error) {
	last, err := journal.ParseHLC(m.Clock)
	if err != nil || m.Snapshot {
		return q, false, nil
	}
	unlock, err := lockFor(env, m)
	if err != nil {
		return q, true, err
	}
	sums, was, goals, err := env.Store.SyncSums()
	if err != nil || was == nil || !fits(sums, was, goals) {
		unlock()
		return q, false, err
	}
	return quickStart{last: last, sums: sums, was: was, goals: goals, unlocked: unlock}, true, nil
}

// quickRead is a quick step's lines: this device, the folder read through
// keep, and what this device has seen of it.
type quickRead struct {
	dev     string
	f       *folder
	st      *journal.State
	written uint64 // the highest seq in this device's own files
}

// readQuick reads the lines keep takes. ok is false when the whole step
// must run instead (another writer in this device's files); a journal
// missing from the folder returns ok with its error, so the change waits.
func readQuick(env Env, m *syncMeta, keep func([]byte) bool) (q quickRead, ok bool, err error) {
	if q.dev, err = env.Store.DeviceID(); err != nil {
		return q, false, err
	}
	if q.f, err = readFolderOf(m.Dir, q.dev, keep); err != nil {
		return q, false, err
	}
	if err := missingPeers(m, q.f); err != nil {
		return q, true, err // the change waits in the database
	}
	q.st, q.written = seenOf(m, q.f)
	if m.Seq > 0 && q.written > m.Seq {
		return q, false, nil // the whole step names the other writer
	}
	return q, true, nil
}

// stepper sends from what was read: its clock is past every event seen.
func (q quickRead) stepper(env Env, m *syncMeta, last journal.HLC) *stepper {
	w := &stepper{env: env, m: m, saved: *m, dev: q.dev, now: env.Clock(), seq: max(q.written, m.Seq), last: last}
	w.saved.Applied, w.saved.Cursors = maps.Clone(m.Applied), maps.Clone(m.Cursors)
	if last.Less(q.st.Max) {
		w.last = q.st.Max
	}
	return w
}

// sentMeta is the sync record once w has sent: its clock kept for the
// next quick step.
func sentMeta(m *syncMeta, w *stepper) ([]byte, error) {
	m.Clock = w.last.String()
	return json.Marshal(m)
}

// rewriteOwn rewrites each of this device's files that change gives new
// content for (a scrub, a compaction; SYNC §10): the header's gen grows
// by one, so peers read the file again from the start.
func rewriteOwn(m *syncMeta, files []jfile, what string, change func([]journal.Event) ([]journal.Event, bool)) error {
	for _, jf := range files {
		evs := make([]journal.Event, len(jf.lines))
		for i, l := range jf.lines {
			evs[i] = l.ev
		}
		kept, dropped := change(evs)
		if !dropped {
			continue
		}
		h := jf.header
		h.Gen++
		h.Label = m.Label
		if err := rewriteFile(m.Dir, jf.name, h, kept); err != nil {
			return fmt.Errorf("could not %s: %w", what, err)
		}
	}
	return nil
}
