package store

import (
	"encoding/binary"
	"hash/crc32"
	"math"
	"sync"
	"sync/atomic"

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
