package store

import (
	"encoding/hex"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"tend/coach"
)

// toBinary is schema 3: every record rewritten from JSON into the checksummed
// binary records of records_codec.go. A record that does not decode strictly
// stops the migration, so a file that was quietly damaged is said to be
// damaged now, with its backup beside it, rather than sealed with a fresh
// checksum.
func toBinary(tx *bolt.Tx) error {
	b, err := openBuckets(tx)
	if err != nil {
		return err
	}
	if err := settingsToBinary(b.meta); err != nil {
		return err
	}
	goals, err := goalsToBinary(b.goals)
	if err != nil {
		return err
	}
	for _, id := range goals {
		key := idKey(id)
		if err := daysToBinary(b.checkIns.Bucket(key), func(v []byte, day coach.Day) ([]byte, error) {
			c, err := decodeCheckInV1(v, day)
			if err != nil {
				return nil, err
			}
			return checkedCheckIn(id, c)
		}); err != nil {
			return goalRecordError(id, err)
		}
		if err := daysToBinary(b.decisions.Bucket(key), func(v []byte, day coach.Day) ([]byte, error) {
			d, err := decodeDecisionV1(v, day)
			if err != nil {
				return nil, err
			}
			return checkedDecision(id, d)
		}); err != nil {
			return goalRecordError(id, err)
		}
	}
	return checkOrphans(b, goals)
}

func settingsToBinary(meta *bolt.Bucket) error {
	if v := meta.Get(keySettings); v != nil {
		s, err := decodeSettingsV1(v)
		if err != nil {
			return err
		}
		if v, err = encodeSettings(s); err != nil {
			return err
		}
		if err := meta.Put(keySettings, v); err != nil {
			return err
		}
	}
	id, err := readDeviceIDV1(meta)
	if err != nil {
		return err
	}
	return meta.Put(keyDeviceID, encodeDeviceID(id))
}

// goalsToBinary rewrites every goal and returns their ids.
func goalsToBinary(goals *bolt.Bucket) ([]uint64, error) {
	var ids []uint64
	var vals [][]byte
	err := goals.ForEach(func(k, v []byte) error {
		id, err := parseIDKey(k)
		if err != nil {
			return err
		}
		if v == nil {
			return badRecord("goal %d is a bucket, not a record", id)
		}
		g, err := decodeGoalV1(v, id)
		if err != nil {
			return err
		}
		nv, err := encodeGoal(g)
		if err == nil {
			_, err = decodeGoal(nv, id)
		}
		ids, vals = append(ids, id), append(vals, nv)
		return err
	})
	if err != nil {
		return nil, err
	}
	// Written after the walk: bbolt's cursors are not promised to survive
	// a Put in the bucket they walk.
	for i, id := range ids {
		if err := goals.Put(idKey(id), vals[i]); err != nil {
			return nil, fmt.Errorf("could not rewrite goal %d: %w", id, err)
		}
	}
	return ids, nil
}

// daysToBinary rewrites each record of a goal's sub-bucket with conv.
func daysToBinary(sub *bolt.Bucket, conv func([]byte, coach.Day) ([]byte, error)) error {
	if sub == nil {
		return nil
	}
	type rec struct{ k, v []byte }
	var recs []rec
	err := scanDays(sub, coach.Day{}, coach.Day{}, func(day coach.Day, v []byte) error {
		nv, err := conv(v, day)
		if err != nil {
			return err
		}
		k, _ := dayKey(day)
		recs = append(recs, rec{k, nv})
		return nil
	})
	if err != nil {
		return err
	}
	// Rewritten in key order, so the pages fill as a fresh file's do.
	sub.FillPercent = appendFill
	for _, r := range recs {
		if err := sub.Put(r.k, r.v); err != nil {
			return err
		}
	}
	return nil
}

// checkOrphans refuses history filed under a goal that is not there: it
// would be rewritten by nothing and read by nothing.
func checkOrphans(b buckets, goals []uint64) error {
	known := make(map[string]bool, len(goals))
	for _, id := range goals {
		known[string(idKey(id))] = true
	}
	for _, parent := range []*bolt.Bucket{b.checkIns, b.decisions} {
		err := parent.ForEach(func(k, _ []byte) error {
			if !known[string(k)] {
				return badRecord("history is filed under goal key %x, which is no goal", k)
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// The device id is a record like the others (tag, 8 bytes, checksum), so
// that a flipped bit cannot give new check-ins another device's name.
func encodeDeviceID(id string) []byte {
	raw, _ := hex.DecodeString(id)
	e := newEncoder(tagDevice, 16)
	e.b = append(e.b, raw...)
	return e.seal(keyDeviceID)
}

func decodeDeviceID(v []byte) (string, error) {
	d := openRecord(v, tagDevice, "the device id", keyDeviceID)
	id := hex.EncodeToString(d.bytes(deviceIDLen/2, "id"))
	return id, d.end()
}
