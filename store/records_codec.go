package store

import (
	"encoding/binary"
	"hash/crc32"
	"math"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"tend/coach"
)

// The record format (schema 2). Every value tend writes is
//
//	tag (1 byte: kind and version) | fields | CRC-32C (4 bytes, big-endian)
//
// where the checksum covers the record's key path (goal id, day) and every
// byte before it. The key path is in the sum so that a flipped bit in a key
// cannot move a check-in to another day or another goal unseen: bbolt keeps
// no checksum of its own for keys or values. Fields are in a fixed order for
// each tag, so there is no such thing as an unknown field: an optional one is
// announced by a bit of the record's flags byte, and a flag bit this tend
// does not know is damage. Numbers are unsigned varints, amounts a varint of
// tenths (or, for an amount with finer digits, its float64 bits), text a
// length and UTF-8 bytes. Decoding refuses a bad sum, a short or long record,
// and any value out of its range.
//
// JSON was the format of schema 1: readable with `bbolt get`, but decoding
// it cost 5–7 µs a record against about 0.1 µs for this one, and every bit
// flipped inside a value went unseen. `tend export` is the readable form.

// Record tags: the high nibble is the kind, the low one its version.
const (
	tagSettings byte = 0x11
	tagGoal     byte = 0x21
	tagCheckIn  byte = 0x31
	tagDecision byte = 0x41
	tagDevice   byte = 0x51
)

const crcLen = 4

// castagnoli is hash/crc32's CRC-32C table, which its Update needs to sum
// with the processor's CRC-32C instruction. Making it makes the tables of
// that code for long inputs too: about 0.15 ms, a twentieth of a small
// command's whole run. So it is made on a goroutine of its own from the
// start of the process, on the other core, while the rest of start-up and
// the opening of the file go on, and is most often ready by the first
// record read.
var castagnoliMade = func() func() *crc32.Table {
	made := make(chan *crc32.Table, 1)
	go func() { made <- crc32.MakeTable(crc32.Castagnoli) }()
	return sync.OnceValue(func() *crc32.Table {
		t := <-made
		castagnoliReady.Store(t)
		return t
	})
}()

// castagnoliReady is the table once made: every record's checksum asks for
// it, and a pointer is read quicker than a sync.OnceValue is called.
var castagnoliReady atomic.Pointer[crc32.Table]

func castagnoli() *crc32.Table {
	if t := castagnoliReady.Load(); t != nil {
		return t
	}
	return castagnoliMade()
}

// crcTable is CRC-32C's table of one byte, made here in a few microseconds
// (the same as hash/crc32's castagnoli table): crcPath sums with it.
var crcTable = func() (t [256]uint32) {
	for i := range t {
		c := uint32(i)
		for range 8 {
			c = c>>1 ^ (c&1)*crc32.Castagnoli
		}
		t[i] = c
	}
	return t
}()

// Limits on what a record may hold, beyond which it is damage: no value tend
// writes comes near them.
const (
	maxText     = 64 << 10 // bytes of one text field
	maxLevel    = 1000     // a ladder's rungs: a custom one may be long
	maxVariant  = 100      // sessions within one level
	maxPerWeek  = 7
	maxEntries  = 10000 // entries of a history (schedules, statuses, stepped-back levels)
	maxSessions = math.MaxUint32
)

// lastDayNumber is the stored number of the last day tend accepts.
var lastDayNumber = uint64(coach.DayOf(9999, 12, 31).Unix() + 1)

// encoder appends a record's fields, keeping the first value it cannot.
type encoder struct {
	b   []byte
	err error
}

func newEncoder(tag byte, size int) *encoder {
	e := &encoder{b: make([]byte, 0, size)}
	e.b = append(e.b, tag)
	return e
}

func (e *encoder) byte(v byte)    { e.b = append(e.b, v) }
func (e *encoder) uint(v uint64)  { e.b = binary.AppendUvarint(e.b, v) }
func (e *encoder) int(v int)      { e.b = binary.AppendUvarint(e.b, uint64(max(v, 0))) }
func (e *encoder) signed(v int64) { e.b = binary.AppendVarint(e.b, v) }

// num writes an amount: tenths as (n << 1) when that is exact, else a 1 and
// the float64's bits.
func (e *encoder) num(x float64) {
	if t := math.Round(x * 10); x >= 0 && t < 1<<52 && t/10 == x {
		e.uint(uint64(t) << 1)
		return
	}
	e.uint(1)
	e.b = binary.BigEndian.AppendUint64(e.b, math.Float64bits(x))
}

func (e *encoder) text(s string) {
	e.uint(uint64(len(s)))
	e.b = append(e.b, s...)
}

// day writes a day as its number plus one, so that 0 is "no day".
func (e *encoder) day(d coach.Day) {
	if d.IsZero() {
		e.uint(0)
		return
	}
	e.uint(uint64(d.Unix() + 1))
}

// reasonCodes numbers coach's reason codes as the records keep them: one
// byte instead of the letters. Append only; a number never changes meaning.
var reasonCodes = []coach.Code{
	coach.CodeNone, coach.CodeA1, coach.CodeA2, coach.CodeH1, coach.CodeH2, coach.CodeH3, coach.CodeH4,
	coach.CodeB1, coach.CodeB2, coach.CodeB3, coach.CodeG0, coach.CodeG1, coach.CodeG2, coach.CodeM1,
	coach.CodeM2, coach.CodeM3, coach.CodeZ1, coach.CodeZ2, coach.CodeZ3, coach.CodeZ4, coach.CodeP0,
	coach.CodeP1, coach.CodeP2, coach.CodeS1, coach.CodeS2,
}

// code writes a reason code's number; a code tend does not know cannot be
// kept, and is refused.
func (e *encoder) code(c coach.Code) {
	for i, known := range reasonCodes {
		if known == c {
			e.int(i)
			return
		}
	}
	if e.err == nil {
		e.err = badRecord("the reason code %q is not one tend knows", c)
	}
}

// finish seals the record, or returns the first value it could not keep.
func (e *encoder) finish(path ...[]byte) ([]byte, error) {
	if e.err != nil {
		return nil, e.err
	}
	return e.seal(path...), nil
}

// seal appends the checksum of the key path and the record.
func (e *encoder) seal(path ...[]byte) []byte {
	var sum uint32
	for _, p := range path {
		sum = crc32.Update(sum, castagnoli(), p)
	}
	sum = crc32.Update(sum, castagnoli(), e.b)
	return binary.BigEndian.AppendUint32(e.b, sum)
}

// crcPath is crc32.Update over a key path of a few bytes, by the table:
// crc32.Update hands its bytes to a function variable, which makes every
// path a reader builds on its stack escape to the heap, two allocations a
// record on a read of thousands.
func crcPath(sum uint32, p []byte) uint32 {
	sum = ^sum
	for _, b := range p {
		sum = crcTable[byte(sum)^b] ^ (sum >> 8)
	}
	return ^sum
}

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
