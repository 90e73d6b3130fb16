package journal

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"regexp"
	"strconv"
	"sync"
)

// MaxLine bounds a line, its LF included (SYNC §4.1).
const MaxLine = 64 << 10

// castagnoli is made when a journal line is first summed, not as tend
// starts: making it costs about 0.15 ms (it makes the tables of hash/crc32's
// hardware code too), and most commands never read a journal.
var castagnoli = sync.OnceValue(func() *crc32.Table { return crc32.MakeTable(crc32.Castagnoli) })

// Header is a journal file's first line.
type Header struct {
	V     int    `json:"v"`
	Kind  string `json:"kind"`
	Dev   string `json:"dev"`
	Label string `json:"label"`
	Year  int    `json:"year"`
	Gen   int    `json:"gen"`
}

// FileName is the name of device dev's journal for year.
func FileName(dev string, year int) string { return fmt.Sprintf("%s.%04d.jsonl", dev, year) }

// fileName is compiled when a journal is first read, not as tend starts.
var fileName = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^([0-9a-f]{16})\.([0-9]{4})\.jsonl$`) })

// ParseFileName reads a journal file's device and year; ok is false for a
// name that is not a journal's (a conflict copy, a temporary file).
func ParseFileName(name string) (dev string, year int, ok bool) {
	m := fileName().FindStringSubmatch(name)
	if m == nil {
		return "", 0, false
	}
	year, _ = strconv.Atoi(m[2])
	return m[1], year, true
}

// seal appends the checksum member to an encoded object and ends the line:
// the CRC is over the object without it, so a reader checks it by cutting
// the suffix and never re-encodes.
func seal(obj []byte) []byte {
	sum := crc32.Checksum(obj, castagnoli())
	line := append(obj[:len(obj)-1:len(obj)-1], fmt.Sprintf(`,"sum":"%08x"}`, sum)...)
	return append(line, '\n')
}

// EncodeHeader is a file's header line, LF included.
func EncodeHeader(h Header) []byte {
	h.V, h.Kind = 1, "journal"
	obj, _ := json.Marshal(h) // plain strings and ints: cannot fail
	return seal(obj)
}

// EncodeEvent is an event's line, LF included.
func EncodeEvent(e Event) ([]byte, error) {
	e.V = 1
	obj, err := json.Marshal(e)
	if err != nil {
		return nil, err
	}
	line := seal(obj)
	if len(line) > MaxLine {
		return nil, fmt.Errorf("a journal line would be %d bytes, more than %d", len(line), MaxLine)
	}
	return line, nil
}

// ErrDamaged is a complete line that failed its checks: it is skipped and
// counted, and never heals.
var ErrDamaged = errors.New("damaged journal line")

// unsealed checks a line (without its LF) and returns the object its
// checksum covers.
func unsealed(line []byte) ([]byte, error) {
	const suffix = len(`,"sum":"00000000"}`)
	if len(line)+1 > MaxLine || len(line) < suffix+2 {
		return nil, ErrDamaged
	}
	cut := len(line) - suffix
	tail := line[cut:]
	if !bytes.HasPrefix(tail, []byte(`,"sum":"`)) || !bytes.HasSuffix(tail, []byte(`"}`)) {
		return nil, ErrDamaged
	}
	want, err := strconv.ParseUint(string(tail[8:16]), 16, 32)
	if err != nil || string(tail[8:16]) != fmt.Sprintf("%08x", want) {
		return nil, ErrDamaged
	}
	obj := append(line[:cut:cut], '}')
	if crc32.Checksum(obj, castagnoli()) != uint32(want) || !json.Valid(obj) {
		return nil, ErrDamaged
	}
	return obj, nil
}

// DecodeHeader reads a header line (without its LF).
func DecodeHeader(line []byte) (Header, error) {
	obj, err := unsealed(line)
	if err != nil {
		return Header{}, err
	}
	var h Header
	if err := json.Unmarshal(obj, &h); err != nil || h.Kind != "journal" || h.V != 1 || h.Gen < 1 {
		return Header{}, ErrDamaged
	}
	return h, nil
}

// DecodeEvent reads an event line (without its LF) of device dev's file
// for year. newer is set for a line a newer tend wrote (v > 1 or a kind
// this one does not know), which is kept raw rather than applied.
func DecodeEvent(line []byte, dev string, year int) (e Event, newer bool, err error) {
	obj, err := unsealed(line)
	if err != nil {
		return Event{}, false, err
	}
	if err := json.Unmarshal(obj, &e); err != nil || e.Dev != dev {
		return Event{}, false, ErrDamaged
	}
	h, err := ParseHLC(e.HLC)
	if err != nil || h.Year() != year {
		return Event{}, false, ErrDamaged
	}
	if e.V > 1 || !known(e.Kind) {
		return e, true, nil
	}
	if e.V != 1 || e.ID == "" {
		return Event{}, false, ErrDamaged
	}
	return e, false, nil
}
