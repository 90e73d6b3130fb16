package store

import (
	"encoding/binary"
	"errors"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"tend/coach"
)

// soundFile is the bytes of a database with two goals and a month of
// check-ins with long notes, so that it has branch pages, several leaf
// pages and a freelist with pages on it; and what its meta pages say.
func soundFile(t *testing.T) ([]byte, fileLayout) {
	t.Helper()
	s := newStore(t)
	walk := mustAdd(t, s, walkGoal(t, "Walk"))
	yoga := mustAdd(t, s, walkGoal(t, "Yoga"))
	for i := range 30 {
		for _, g := range []coach.Goal{walk, yoga} {
			mustCheckIn(t, s, g.ID, coach.Entry{Day: today.AddDays(-30 + i), Outcome: coach.Done,
				Note: strings.Repeat("a long note to fill the pages ", 10), At: writeAt}, today)
		}
	}
	b, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	return b, layoutOf(t, b)
}

// fileLayout is where a test finds the pages it damages.
type fileLayout struct {
	pageSize       int
	current, older int // offsets of the meta page in force and the other one
	freelist       int // offset of the freelist page in force
	pages          int // the high-water mark, in pages
}

func layoutOf(t *testing.T, b []byte) fileLayout {
	t.Helper()
	first := readMetaPage(bytesReader(b), 0)
	ps := int(first.pageSize)
	second := readMetaPage(bytesReader(b), int64(ps))
	if !first.valid || !second.valid {
		t.Fatalf("the sound file's meta pages do not validate: %+v %+v", first, second)
	}
	l := fileLayout{pageSize: ps, current: 0, older: ps}
	cur := first
	if second.txid > first.txid {
		l.current, l.older, cur = ps, 0, second
	}
	if cur.freelist == noFreelist || cur.freelist < 2 {
		t.Fatalf("the sound file has no freelist page: %+v", cur)
	}
	l.freelist, l.pages = int(cur.freelist)*ps, int(cur.pgid)
	if n := binary.NativeEndian.Uint16(b[l.freelist+pageCountAt:]); n < 2 {
		t.Fatalf("the sound file's freelist lists %d pages; the test wants some", n)
	}
	return l
}

type bytesReader []byte

func (b bytesReader) ReadAt(p []byte, off int64) (int, error) {
	if off >= int64(len(b)) {
		return 0, io.EOF
	}
	n := copy(p, b[off:])
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

// flipped is b with the byte at each offset inverted.
func flipped(b []byte, offsets ...int) []byte {
	c := append([]byte(nil), b...)
	for _, off := range offsets {
		c[off] ^= 0xFF
	}
	return c
}

// TestCorruptionMatrix damages a sound file in each way a disk, a crash or
// a person can, and opens it with every read and every write: each way gets
// ErrDamaged naming the file, what is wrong and what to do; nothing panics;
// and the file is left byte for byte as it was.
func TestCorruptionMatrix(t *testing.T) {
	b, l := soundFile(t)
	end := l.pages * l.pageSize
	noise := make([]byte, len(b))
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range noise {
		noise[i] = byte(rng.Uint32())
	}
	scrambled := append(append([]byte(nil), b[:2*l.pageSize]...), noise[:len(b)-2*l.pageSize]...)
	// A free page id's top byte: the id becomes one far past the end.
	freeID := l.freelist + pageHeaderLen + pageIDLen - 1

	for _, tc := range []struct {
		name    string
		content []byte
		says    string // what the message says is wrong
	}{
		{"zero-length", nil, "the file is empty"},
		{"truncated to 100 bytes", b[:100], "not a bbolt database file"},
		{"truncated to one page", b[:l.pageSize], "not a bbolt database file"},
		{"truncated to two pages", b[:2*l.pageSize], "cut short"},
		{"truncated to half its pages", b[:end/2/l.pageSize*l.pageSize], "cut short"},
		{"truncated by one page", b[:end-l.pageSize], "cut short"},
		{"truncated by one byte", b[:end-1], "cut short"},
		{"random bytes", noise, "not a bbolt database file"},
		{"its pages scrambled", scrambled, "root bucket"},
		{"a text file", []byte(strings.Repeat("shopping list: eggs, milk, bread\n", 400)), "not a bbolt database file"},
		{"both meta pages flipped", flipped(b, l.current+pageHeaderLen+metaTxidAt, l.older+pageHeaderLen+metaTxidAt),
			"both of its meta pages"},
		{"both meta pages' magic flipped", flipped(b, l.current+pageHeaderLen, l.older+pageHeaderLen), "not a bbolt database file"},
		{"the freelist page's type flipped", flipped(b, l.freelist+pageFlagsAt), "not a freelist page"},
		{"the freelist page's count flipped", flipped(b, l.freelist+pageCountAt), "freelist"},
		{"a free page id flipped", flipped(b, freeID), "past the end of the database"},
		{"the freelist page zeroed", zeroed(b, l.freelist, l.pageSize), "not a freelist page"},
		// bbolt alone opens these at the save before, quietly.
		{"only the current meta page flipped", flipped(b, l.current+pageHeaderLen+metaTxidAt), "latest change saved to it may be missing"},
		{"only the current meta page's checksum flipped", flipped(b, l.current+pageHeaderLen+metaChecksumAt), "may be missing"},
		{"only the older meta page flipped", flipped(b, l.older+pageHeaderLen+metaRootAt), "one of its two meta pages"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := damagedFile(t, tc.content)
			refusedUnchanged(t, path, ErrDamaged)
			_, err := New(path).Backup(io.Discard)
			if !errors.Is(err, ErrDamaged) {
				t.Errorf("Backup() = %v, want ErrDamaged", err)
			}
			if _, err := New(path).Archive(); !errors.Is(err, ErrDamaged) {
				t.Errorf("Archive() = %v, want ErrDamaged", err)
			}
			_, err = New(path).Goals()
			var d *damage
			if !errors.As(err, &d) {
				t.Fatalf("Goals() = %v, want a damage error", err)
			}
			for _, want := range []string{path, tc.says, "Restore a backup", "move the file aside"} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("the message does not say %q:\n%s", want, err)
				}
			}
			if strings.Contains(err.Error(), "panic") || strings.Contains(err.Error(), "goroutine") {
				t.Errorf("the message reads like a crash: %s", err)
			}
		})
	}
}

func zeroed(b []byte, off, n int) []byte {
	c := append([]byte(nil), b...)
	clear(c[off : off+n])
	return c
}

// A file cut short past its last page is not damaged: bbolt grows files
// ahead of need, and the pages past the high-water mark hold nothing.
func TestAFileCutAfterItsLastPageStillOpens(t *testing.T) {
	b, l := soundFile(t)
	if len(b) <= l.pages*l.pageSize {
		t.Skipf("the file (%d bytes) has no room past its %d pages", len(b), l.pages)
	}
	path := damagedFile(t, b[:l.pages*l.pageSize])
	t.Cleanup(func() { checkFileAtEnd(t, path) })
	s := New(path)
	if gs := mustGoals(t, s); len(gs) != 2 {
		t.Fatalf("goals %v", gs)
	}
	mustCheckIn(t, s, 1, entry(today, coach.Done), today)
}

// The current meta page is damaged and bbolt, left to itself, reads the file
// as it was before the last check-in and would then overwrite the evidence:
// this is the case the page check exists for.
func TestTheLastCheckInIsNotQuietlyLost(t *testing.T) {
	s := newStore(t)
	g := mustAdd(t, s, walkGoal(t, "Walk"))
	mustCheckIn(t, s, g.ID, entry(today.AddDays(-1), coach.Done), today)
	mustCheckIn(t, s, g.ID, entry(today, coach.Done), today)
	b, l := fileAndLayout(t, s.Path())
	path := damagedFile(t, flipped(b, l.current+pageHeaderLen+metaChecksumAt))

	// What bbolt alone makes of it: the day before, and no word said.
	var days []coach.Day
	viewBolt(t, path, func(tx *bolt.Tx) error {
		sub := tx.Bucket(bucketCheckIns).Bucket(idKey(g.ID))
		return sub.ForEach(func(k, _ []byte) error {
			d, err := parseDayKey(k)
			days = append(days, d)
			return err
		})
	})
	if len(days) != 1 || days[0] != today.AddDays(-1) {
		t.Logf("bbolt alone reads the check-ins %v; the premise of this test changed", days)
	}

	before := fileHash(t, path)
	_, err := New(path).CheckIns(g.ID, coach.Day{}, coach.Day{})
	if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "may be missing") {
		t.Errorf("CheckIns() = %v, want ErrDamaged saying the latest change may be missing", err)
	}
	if _, err := New(path).CheckIn(g.ID, entry(today, coach.Done), today); !errors.Is(err, ErrDamaged) {
		t.Errorf("CheckIn() = %v, want ErrDamaged", err)
	}
	if fileHash(t, path) != before {
		t.Errorf("the file with a damaged meta page was written")
	}
}

func fileAndLayout(t *testing.T, path string) ([]byte, fileLayout) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	first := readMetaPage(bytesReader(b), 0)
	ps := int(first.pageSize)
	second := readMetaPage(bytesReader(b), int64(ps))
	l := fileLayout{pageSize: ps, current: 0, older: ps}
	if second.txid > first.txid {
		l.current, l.older = ps, 0
	}
	return b, l
}

// Once a damaged file is moved aside, the same process starts a new one at
// that path: nothing about the damaged file lingers.
func TestAfterTheMatrixANewFileWorks(t *testing.T) {
	b, l := soundFile(t)
	for _, content := range [][]byte{b[:2*l.pageSize], flipped(b, l.freelist+pageFlagsAt), flipped(b, l.current+pageHeaderLen+metaTxidAt)} {
		path := damagedFile(t, content)
		if _, err := New(path).CheckIn(1, entry(today, coach.Done), today); !errors.Is(err, ErrDamaged) {
			t.Fatalf("CheckIn() = %v, want ErrDamaged", err)
		}
		if err := os.Rename(path, filepath.Join(filepath.Dir(path), "tend.db.damaged")); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { checkFileAtEnd(t, path) })
		s := New(path)
		g := mustAdd(t, s, walkGoal(t, "Walk"))
		mustCheckIn(t, s, g.ID, entry(today, coach.Done), today)
	}
}
