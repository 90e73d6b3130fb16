package store

import (
	"encoding/binary"
	"hash/crc32"
	"math"
	"sync/atomic"
	"unicode/utf8"

	"tend/coach"
)

// The decoder of the record format records_codec.go describes: strict,
// so that a byte it does not expect is damage, never a guess.

// decoder reads a record's fields, keeping the first error so that a
// decoder reads as a list of fields rather than a ladder of ifs. what names
// the record in that error.
type decoder struct {
	b    []byte
	what string
	on   coach.Day // said after what, when there is one: formatted only for an error
	err  error
	// cache, when set, keeps the sentences said last (saidCache).
	cache *saidCache
}

// openRecord checks a record's tag and checksum and returns a decoder over
// its fields. The bytes are bbolt's: nothing decoded may keep them.
func openRecord(v []byte, tag byte, what string, path ...[]byte) decoder {
	return openRecordAt(v, tag, what, coach.Day{}, path...)
}

func openRecordAt(v []byte, tag byte, what string, day coach.Day, path ...[]byte) decoder {
	var sum uint32
	for _, p := range path {
		sum = crcPath(sum, p)
	}
	return openSummed(v, tag, what, day, sum)
}

// openSummed is openRecordAt with the checksum of the key path worked out.
func openSummed(v []byte, tag byte, what string, day coach.Day, sum uint32) decoder {
	var d decoder
	d.open(v, tag, what, day, sum)
	return d
}

// open is openSummed into d, a fresh decoder: a read of thousands of
// records opens each in place rather than copying a decoder out.
func (d *decoder) open(v []byte, tag byte, what string, day coach.Day, sum uint32) {
	d.what, d.on = what, day
	if len(v) < 1+crcLen {
		d.fail("it is %d bytes, too short to be a record", len(v))
		return
	}
	body, stored := v[:len(v)-crcLen], binary.BigEndian.Uint32(v[len(v)-crcLen:])
	if crc32.Update(sum, castagnoli(), body) != stored {
		d.fail("its checksum does not match: it changed after it was written")
		return
	}
	if body[0] != tag {
		d.fail("it is a record of kind %#x, not %#x", body[0], tag)
		return
	}
	d.b = body[1:]
}

// fail keeps the first error and drops the bytes left, so that every read
// after it finds none and returns zero.
func (d *decoder) fail(format string, args ...any) {
	d.b = nil
	if d.err == nil {
		d.err = badRecord("%s%s: "+format, append([]any{d.what, d.on}, args...)...)
	}
}

// openDayRecord is openRecord for a record of goal goalID filed under a
// day, named in an error as what and the day.
func openDayRecord(v []byte, tag byte, what string, goalID uint64, day coach.Day) decoder {
	var d decoder
	d.openDay(v, tag, what, goalID, day)
	return d
}

// openDay is openDayRecord into d, a fresh decoder.
func (d *decoder) openDay(v []byte, tag byte, what string, goalID uint64, day coach.Day) {
	dk := dayPath(day)
	d.open(v, tag, what, day, crcPath(goalSum(goalID), dk[:]))
}

// lastGoalSum is the checksum of the goal path summed last: the records a
// read decodes come goal by goal, thousands each, and the goal's part of
// every key path is the same.
var lastGoalSum atomic.Pointer[goalSumOf]

type goalSumOf struct {
	id  uint64
	sum uint32
}

func goalSum(id uint64) uint32 {
	if last := lastGoalSum.Load(); last != nil && last.id == id {
		return last.sum
	}
	g := goalPath(id)
	t := &goalSumOf{id: id, sum: crcPath(0, g[:])}
	lastGoalSum.Store(t)
	return t.sum
}

// byteSlow is byte when the record is short, over max or already bad.
func (d *decoder) byteSlow(max byte, field string) byte {
	if d.err != nil {
		return 0
	}
	if len(d.b) < 1 {
		d.fail("it ends before its %s", field)
		return 0
	}
	v := d.b[0]
	d.b = d.b[1:]
	if v > max {
		d.fail("its %s is %d, more than %d", field, v, max)
		return 0
	}
	return v
}

// flags reads a flags byte and refuses bits beyond known.
func (d *decoder) flags(known byte) byte {
	v := d.byte(0xff, "flags")
	if v&^known != 0 {
		d.fail("it has fields this tend does not know (flags %#x)", v&^known)
		return 0
	}
	return v
}

// uintSlow is uint for a longer number, a number over max or a bad record.
func (d *decoder) uintSlow(max uint64, field string) uint64 {
	if d.err != nil {
		return 0
	}
	var v uint64
	if len(d.b) > 0 && d.b[0] < 0x80 {
		// Most numbers are below 128, one byte: read without the varint
		// loop (these are the most of a check-in's decoding).
		v, d.b = uint64(d.b[0]), d.b[1:]
	} else {
		var n int
		if v, n = binary.Uvarint(d.b); n <= 0 {
			d.fail("its %s is not a number", field)
			return 0
		}
		d.b = d.b[n:]
	}
	if v > max {
		d.fail("its %s is %d, more than %d", field, v, max)
		return 0
	}
	return v
}

// int reads a number from lo to hi.
func (d *decoder) int(lo, hi int, field string) int {
	v := d.uint(uint64(hi), field)
	if d.err == nil && int(v) < lo {
		d.fail("its %s is %d, less than %d", field, v, lo)
	}
	return int(v)
}

func (d *decoder) signed(field string) int64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail("its %s is not a number", field)
		return 0
	}
	d.b = d.b[n:]
	return v
}

// num reads an amount from 0 to hi.
func (d *decoder) num(hi float64, field string) float64 {
	u := d.uint(math.MaxUint64, field)
	if d.err != nil {
		return 0
	}
	x := float64(u>>1) / 10
	switch {
	case u&1 == 1 && u != 1:
		d.fail("its %s is not a number", field)
		return 0
	case u == 1:
		if len(d.b) < 8 {
			d.fail("it ends inside its %s", field)
			return 0
		}
		x = math.Float64frombits(binary.BigEndian.Uint64(d.b))
		d.b = d.b[8:]
	}
	if !(x >= 0 && x <= hi) { // so that NaN fails too
		d.fail("its %s is outside 0 to %v", field, hi)
		return 0
	}
	return x
}

// text reads UTF-8 text of at most max bytes.
func (d *decoder) text(max int, field string) string {
	n := d.uint(uint64(max), field+"'s length")
	if d.err != nil {
		return ""
	}
	if uint64(len(d.b)) < n {
		d.fail("it ends inside its %s", field)
		return ""
	}
	s := d.b[:n]
	d.b = d.b[n:]
	if !utf8.Valid(s) {
		d.fail("its %s is not UTF-8 text", field)
		return ""
	}
	return string(s)
}

// code reads a reason code's number.
func (d *decoder) code(field string) coach.Code {
	return reasonCodes[d.int(0, len(reasonCodes)-1, field)]
}

// day reads a day; a zero one only when optional.
func (d *decoder) day(optional bool, field string) coach.Day {
	n := d.uint(lastDayNumber, field)
	switch {
	case d.err != nil:
		return coach.Day{}
	case n == 0 && !optional:
		d.fail("it has no %s", field)
		return coach.Day{}
	case n == 0:
		return coach.Day{}
	}
	return coach.DayFromUnix(int64(n) - 1)
}

// bytes reads n raw bytes, copied.
func (d *decoder) bytes(n int, field string) []byte {
	if d.err != nil {
		return nil
	}
	if len(d.b) < n {
		d.fail("it ends inside its %s", field)
		return nil
	}
	out := append([]byte(nil), d.b[:n]...)
	d.b = d.b[n:]
	return out
}

// end refuses bytes after the last field and returns the first error.
func (d *decoder) end() error {
	if d.err == nil && len(d.b) > 0 {
		d.fail("it has %d bytes after its last field", len(d.b))
	}
	return d.err
}

func flag(b bool, bit byte) byte {
	if b {
		return bit
	}
	return 0
}
