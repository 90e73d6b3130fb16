package store

import (
	"encoding/binary"
	"fmt"
	"math"

	"tend/coach"
)

// Every bucket and key name, in one place (the tree is drawn in doc.go).
var (
	bucketMeta      = []byte("meta")
	bucketGoals     = []byte("goals")
	bucketCheckIns  = []byte("checkins")
	bucketDecisions = []byte("decisions")

	keySchemaVersion = []byte("schema_version")
	keySettings      = []byte("settings")
	keyDeviceID      = []byte("device_id")
)

// topBuckets are the buckets every tend file has, made when it is created.
var topBuckets = [][]byte{bucketMeta, bucketGoals, bucketCheckIns, bucketDecisions}

// appendFill is the FillPercent of the buckets written mostly in key
// order (a goal's days).
const appendFill = 0.9

// Key widths. Fixed-width big-endian integers sort by bytes.Compare in the
// same order as the numbers, which is what Cursor.Seek relies on; decimal
// strings or little-endian would not.
const (
	idKeyLen  = 8
	dayKeyLen = 4
)

// idKey encodes a goal id.
func idKey(id uint64) []byte {
	k := make([]byte, idKeyLen)
	binary.BigEndian.PutUint64(k, id)
	return k
}

// parseIDKey decodes a goal id key.
func parseIDKey(k []byte) (uint64, error) {
	if len(k) != idKeyLen {
		return 0, badRecord("a goal key is %d bytes, not %d", len(k), idKeyLen)
	}
	return binary.BigEndian.Uint64(k), nil
}

// dayKey encodes a day as the days since 1970-01-01. Days before 1970 (and
// the zero Day) have no key: ParseDay refuses them too.
func dayKey(d coach.Day) ([]byte, error) {
	n := d.Unix()
	switch {
	case d.IsZero():
		return nil, fmt.Errorf("%w: no day given", coach.ErrBadDate)
	case n < 0 || n > math.MaxUint32:
		return nil, fmt.Errorf("%w: %s is outside the days tend can store (1970 on)", coach.ErrBadDate, d)
	}
	return dayKeyOf(uint32(n)), nil
}

func dayKeyOf(n uint32) []byte {
	k := make([]byte, dayKeyLen)
	binary.BigEndian.PutUint32(k, n)
	return k
}

// parseDayKey decodes a day key.
func parseDayKey(k []byte) (coach.Day, error) {
	if len(k) != dayKeyLen {
		return coach.Day{}, badRecord("a day key is %d bytes, not %d", len(k), dayKeyLen)
	}
	return coach.DayFromUnix(int64(binary.BigEndian.Uint32(k))), nil
}

// dayRange returns the keys that bound the days from..to, both included. A
// zero from means the first day there is and a zero to the last; ok is
// false when no stored day can fall in the range.
func dayRange(from, to coach.Day) (lo, hi []byte, ok bool) {
	first, last := int64(0), int64(math.MaxUint32)
	if !from.IsZero() {
		first = max(first, from.Unix())
	}
	if !to.IsZero() {
		last = min(last, to.Unix())
	}
	if first > last || last < 0 || first > math.MaxUint32 {
		return nil, nil, false
	}
	return dayKeyOf(uint32(first)), dayKeyOf(uint32(last)), true
}

// versionValue encodes a schema version.
func versionValue(v uint32) []byte {
	b := make([]byte, 4)
	binary.BigEndian.PutUint32(b, v)
	return b
}

// parseVersion decodes a schema version.
func parseVersion(b []byte) (uint32, error) {
	if len(b) != 4 {
		return 0, badRecord("the schema version is %d bytes, not 4", len(b))
	}
	return binary.BigEndian.Uint32(b), nil
}
