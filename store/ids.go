package store

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// Ids that mean the same thing in every file and on every device
// (IMPORT §7.1, SYNC §2). A goal's ID is only this database's number.
const (
	goalUIDLen  = 32 // 128 random bits
	deviceIDLen = 16 // 64 random bits
)

// NewGoalUID returns a fresh random goal uid: 32 lowercase hex digits.
func NewGoalUID() string { return randomHex(goalUIDLen / 2) }

func randomHex(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		// crypto/rand does not fail on the systems Go supports; a uid
		// that is not random would silently merge two goals, so stop.
		panic(fmt.Sprintf("tend: no random numbers: %v", err))
	}
	return hex.EncodeToString(b)
}

// isHex reports whether s is n lowercase hex digits.
func isHex(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

// readDeviceID reads this database's device id from meta.
func readDeviceID(meta *bolt.Bucket) (string, error) {
	v := meta.Get(keyDeviceID)
	if v == nil {
		return "", badRecord("it has no device id")
	}
	return decodeDeviceID(v)
}

// readDeviceIDV1 reads the device id as schema 2 kept it: its hex digits.
func readDeviceIDV1(meta *bolt.Bucket) (string, error) {
	v := meta.Get(keyDeviceID)
	if v == nil {
		return "", badRecord("it has no device id")
	}
	if !isHex(string(v), deviceIDLen) {
		return "", badRecord("its device id %q is not %d hex digits", v, deviceIDLen)
	}
	return string(v), nil
}

// DeviceID returns this database's device id, "" when there is no database
// yet (it is made with the file).
func (s *Store) DeviceID() (string, error) {
	var id string
	err := s.view(func(tx *bolt.Tx) error {
		b, err := openBuckets(tx)
		if err != nil {
			return err
		}
		id, err = readDeviceID(b.meta)
		return err
	})
	if err == errNoFile {
		err = nil
	}
	return id, err
}

// addIDs is schema 2: a device id for the file and a uid for every goal,
// so that exports can be merged and check-ins say who wrote them.
func addIDs(tx *bolt.Tx) error {
	meta := tx.Bucket(bucketMeta)
	if meta.Get(keyDeviceID) == nil {
		if err := meta.Put(keyDeviceID, []byte(randomHex(deviceIDLen/2))); err != nil {
			return err
		}
	}
	goals := tx.Bucket(bucketGoals)
	c := goals.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		id, err := parseIDKey(k)
		if err != nil {
			return err
		}
		// Schema 2 still has schema 1's JSON records.
		g, err := decodeGoalV1(v, id)
		if err != nil {
			return err
		}
		if g.UID != "" {
			continue
		}
		g.UID = NewGoalUID()
		// Put under the cursor's key is safe in bbolt: it replaces the
		// value in place and the cursor's position stays valid.
		v, err = encodeGoalV1(g)
		if err != nil {
			return err
		}
		if err := goals.Put(k, v); err != nil {
			return err
		}
	}
	return nil
}
