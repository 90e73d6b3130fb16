package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"time"

	bolt "go.etcd.io/bbolt"

	"tend/coach"
)

// keySync holds the device's sync record: the folder, its label, clock,
// event counter and the cursors into its peers' journals. The command line
// owns its format (JSON); the store keeps it beside the history it
// describes, so a merge and its cursors commit together (SYNC §6.3).
var keySync = []byte("sync")

// SyncMeta returns the sync record, nil when sync was never set up (or
// there is no database yet).
func (s *Store) SyncMeta() ([]byte, error) {
	var out []byte
	err := s.view(func(tx *bolt.Tx) error {
		b, err := openBuckets(tx)
		if err != nil {
			return err
		}
		out = bytes.Clone(b.meta.Get(keySync))
		return nil
	})
	if err == errNoFile {
		err = nil
	}
	return out, err
}

// SetSyncMeta keeps the sync record, creating the database if need be.
func (s *Store) SetSyncMeta(v []byte) error {
	return s.update(createAccess, "the sync settings", func(tx *bolt.Tx) error {
		b, err := openBuckets(tx)
		if err != nil {
			return err
		}
		return b.meta.Put(keySync, bytes.Clone(v))
	})
}

// Rebuild replaces every goal, check-in and decision with a's, and the
// sync record with meta, in one transaction: a merge of the journals
// replays the whole merged history through the engine (SYNC §7.5) and
// writes the result, so either all of it and its cursors are kept or
// none. The goals keep the ids a gives them.
func (s *Store) Rebuild(a coach.Archive, meta []byte) error {
	return s.update(createAccess, "the merged history", func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketGoals, bucketCheckIns, bucketDecisions} {
			if err := tx.DeleteBucket(name); err != nil {
				return fmt.Errorf("could not clear %s for the merge: %w", name, err)
			}
			if _, err := tx.CreateBucket(name); err != nil {
				return fmt.Errorf("could not make %s for the merge: %w", name, err)
			}
		}
		b, err := openBuckets(tx)
		if err != nil {
			return err
		}
		if err := putSettings(b.meta, a.DayStartHour); err != nil {
			return err
		}
		if err := b.meta.Put(keySync, bytes.Clone(meta)); err != nil {
			return err
		}
		var last uint64
		for _, g := range a.Goals {
			if err := rebuildGoal(b, g, a.CheckIns[g.ID], a.Decisions[g.ID]); err != nil {
				return err
			}
			last = max(last, g.ID)
		}
		if err := b.goals.SetSequence(last); err != nil {
			return err
		}
		return putSyncSums(tx)
	})
}

func rebuildGoal(b buckets, g coach.Goal, cs []coach.CheckIn, ds []coach.Decision) error {
	if err := putGoal(b.goals, g); err != nil {
		return err
	}
	key := idKey(g.ID)
	for _, c := range cs {
		day, err := dayKey(c.Day)
		if err != nil {
			return err
		}
		err = putDayRecord(b.checkIns, key, day, "the check-in", c.Day, func() ([]byte, error) { return checkedCheckIn(g.ID, c) })
		if err != nil {
			return err
		}
	}
	for _, d := range ds {
		day, err := dayKey(d.Day)
		if err != nil {
			return err
		}
		err = putDayRecord(b.decisions, key, day, "the decision", d.Day, func() ([]byte, error) { return checkedDecision(g.ID, d) })
		if err != nil {
			return err
		}
	}
	return nil
}

// NewDeviceID gives this database a new device id and returns it: a copy
// of a database that syncs is a second writer, and must not write as the
// first (SYNC §2). Check-ins keep the device they were written on.
func (s *Store) NewDeviceID() (string, error) {
	id := randomHex(deviceIDLen / 2)
	err := s.update(writeAccess, "the new device id", func(tx *bolt.Tx) error {
		b, err := openBuckets(tx)
		if err != nil {
			return err
		}
		return b.meta.Put(keyDeviceID, encodeDeviceID(id))
	})
	return id, err
}

// keySyncSums holds the digests of the goals and settings as the last
// sync step left them, in step with the journal (SyncChanges).
var keySyncSums = []byte("sync_sums")

// SyncSums reads, in one read-only transaction, the digests of the
// database now and those the last sync step left (Rebuild,
// SetSyncMetaSums; nil when there are none), with every goal. Under ""
// is the settings' digest; under a goal's uid, that of what a person
// edits of it (name, anchor, if-then, provenance, schedules, statuses);
// under "uid/2026-12", that of its check-ins of that month. So the goals
// and months a write changed since are found without decoding every
// history (SYNC §6.3).
func (s *Store) SyncSums() (now, was map[string]uint32, goals []coach.Goal, err error) {
	err = s.view(func(tx *bolt.Tx) error {
		var b buckets
		if b, _, goals, err = readHead(tx); err != nil {
			return err
		}
		if v := b.meta.Get(keySyncSums); v != nil && json.Unmarshal(v, &was) != nil {
			was = nil
		}
		now, err = syncSums(b, goals)
		return err
	})
	if errors.Is(err, errNoFile) {
		err = nil
	}
	return now, was, goals, err
}

// SyncRead reads the check-ins of the goals ids on the days of months
// ("2026-12"; none: every day, and the goal's decisions), in one
// read-only transaction.
func (s *Store) SyncRead(ids []uint64, months map[uint64][]string) (coach.Archive, error) {
	a := coach.Archive{CheckIns: map[uint64][]coach.CheckIn{}, Decisions: map[uint64][]coach.Decision{}}
	err := s.view(func(tx *bolt.Tx) error {
		b, set, _, err := readHead(tx)
		if err != nil {
			return err
		}
		a.DayStartHour = set.DayStartHour
		for _, id := range ids {
			sub := b.checkIns.Bucket(idKey(id))
			if len(months[id]) == 0 {
				cs, err := readCheckIns(sub, id, coach.Day{}, coach.Day{})
				if err != nil {
					return err
				}
				ds, err := readDecisions(b.decisions.Bucket(idKey(id)), id)
				if err != nil {
					return err
				}
				a.CheckIns[id], a.Decisions[id] = cs, ds
				continue
			}
			for _, m := range months[id] {
				t, err := time.Parse("2006-01", m)
				if err != nil {
					return err
				}
				from := coach.DayOf(t.Year(), t.Month(), 1)
				cs, err := readCheckIns(sub, id, from, coach.DayOf(t.Year(), t.Month()+1, 0))
				if err != nil {
					return err
				}
				a.CheckIns[id] = append(a.CheckIns[id], cs...)
			}
		}
		return nil
	})
	if errors.Is(err, errNoFile) {
		err = nil
	}
	return a, err
}

// RebuildGoals replaces the goals of a (by id), with their check-ins and
// decisions, and the sync record with meta, in one transaction: a sync
// step that changed only those goals recomputes only them (SYNC §6.3).
// The digests are kept of the database as it then is.
func (s *Store) RebuildGoals(a coach.Archive, meta []byte) error {
	return s.update(writeAccess, "the merged history", func(tx *bolt.Tx) error {
		b, err := openBuckets(tx)
		if err != nil {
			return err
		}
		for _, g := range a.Goals {
			key := idKey(g.ID)
			if b.goals.Get(key) == nil {
				return fmt.Errorf("there is no goal %d to rebuild", g.ID)
			}
			for _, top := range []*bolt.Bucket{b.checkIns, b.decisions} {
				if top.Bucket(key) != nil {
					if err := top.DeleteBucket(key); err != nil {
						return err
					}
				}
			}
			if err := rebuildGoal(b, g, a.CheckIns[g.ID], a.Decisions[g.ID]); err != nil {
				return err
			}
		}
		if err := b.meta.Put(keySync, bytes.Clone(meta)); err != nil {
			return err
		}
		return putSyncSums(tx)
	})
}

// SetSyncMetaSums keeps the sync record and the digests a step found the
// database at, once the journal has what they cover.
func (s *Store) SetSyncMetaSums(meta []byte, sums map[string]uint32) error {
	v, err := json.Marshal(sums)
	if err != nil {
		return err
	}
	return s.update(writeAccess, "the sync settings", func(tx *bolt.Tx) error {
		b, err := openBuckets(tx)
		if err != nil {
			return err
		}
		if err := b.meta.Put(keySync, bytes.Clone(meta)); err != nil {
			return err
		}
		return b.meta.Put(keySyncSums, v)
	})
}

// syncSums digests the settings, what a person edits of each goal, and
// each goal's check-ins month by month. Each check-in record ends in its
// own CRC, over it and its key path, so summing the keys and those CRCs
// is a digest of them all that decodes nothing.
func syncSums(b buckets, goals []coach.Goal) (map[string]uint32, error) {
	tab := castagnoli()
	sums := map[string]uint32{"": crc32.Checksum(b.meta.Get(keySettings), tab)}
	for _, g := range goals {
		edits, err := json.Marshal([]any{g.Name, g.Anchor, g.IfThen, g.ImportedFrom, g.Schedules, g.Statuses})
		if err != nil {
			return nil, err
		}
		sums[g.UID] = crc32.Checksum(edits, tab)
		sub := b.checkIns.Bucket(idKey(g.ID))
		if sub == nil {
			continue
		}
		var month string
		var end uint32 // the first day key past month
		if err := sub.ForEach(func(k, v []byte) error {
			if len(k) != dayKeyLen {
				return badRecord("a day key is %d bytes, not %d", len(k), dayKeyLen)
			}
			if n := binary.BigEndian.Uint32(k); month == "" || n >= end {
				y, m, _ := coach.DayFromUnix(int64(n)).Date()
				month = fmt.Sprintf("%s/%04d-%02d", g.UID, y, m)
				end = uint32(coach.DayOf(y, m+1, 1).Unix())
			}
			sum := crc32.Update(sums[month], tab, k)
			sums[month] = crc32.Update(sum, tab, v[max(0, len(v)-crcLen):])
			return nil
		}); err != nil {
			return nil, err
		}
	}
	return sums, nil
}

// putSyncSums keeps the digests of the database as it is in tx.
func putSyncSums(tx *bolt.Tx) error {
	b, _, goals, err := readHead(tx)
	if err != nil {
		return err
	}
	sums, err := syncSums(b, goals)
	if err != nil {
		return err
	}
	v, err := json.Marshal(sums)
	if err != nil {
		return err
	}
	return b.meta.Put(keySyncSums, v)
}
