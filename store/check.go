package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// What a bbolt file looks like from outside: two meta pages at its start,
// each a 16-byte page header (id, flags, count, overflow) followed by the
// magic number, the format version and the page size, in the machine's
// byte order.
const (
	boltMagic     = 0xED0CDAED
	pageHeaderLen = 16
	minPageSize   = 1024
	maxPageSize   = 1024 << 14 // the largest page bbolt looks for
)

// checkFile looks at an existing file before bbolt does, cheaply: an empty
// file would be silently initialised by a read-write open, and a text file
// is better refused by name than by whatever bbolt makes of it.
//
// It is also where an open tightens the file's mode: through the descriptor
// it opened without following a link (path.go).
func (s *Store) checkFile() (exists bool, err error) {
	if exists, err := s.lookAt(); !exists || err != nil {
		return exists, err
	}
	f, info, err := openNoFollow(s.path, os.O_RDONLY)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return false, nil // removed since the look
	case errors.Is(err, ErrNotRegular):
		return true, err
	case err != nil:
		return false, s.openFailed(err)
	}
	defer f.Close()
	tightenFile(f, info)
	var r io.ReaderAt = f
	if checkReads != nil {
		r = checkReads(f)
	}
	reads := &readErrs{r: r}
	switch {
	case info.Size() == 0:
		return true, &damage{path: s.path, detail: "the file is empty"}
	case !looksLikeBolt(reads, info.Size()):
		if reads.err != nil {
			return true, s.openFailed(reads.err)
		}
		return true, &damage{path: s.path, detail: "it is not a bbolt database file"}
	}
	// The pages bbolt trusts are checked under a reader's lock, so that
	// another tend's save in progress is never mistaken for damage.
	if err := shareLock(f, openTimeout); err != nil {
		return true, err
	}
	if info, err = f.Stat(); err != nil {
		return false, s.openFailed(err)
	}
	detail := checkPages(reads, info.Size())
	if reads.err != nil {
		return true, s.openFailed(reads.err)
	}
	if detail != "" {
		return true, &damage{path: s.path, detail: detail}
	}
	return true, nil
}

// openFailed is the error for a database that could not be opened or read
// for a reason of the disk's, not the file's.
func (s *Store) openFailed(err error) error {
	if rerr := s.readError(err); rerr != err {
		return rerr
	}
	return fmt.Errorf("could not open the database %s: %w", s.path, err)
}

// looksLikeBolt reports whether at least one of the two meta pages carries
// bbolt's magic number and the file holds at least both of them. The first
// meta page is found at the start; the second, like bbolt does, at each
// page size it could have been written with.
func looksLikeBolt(r io.ReaderAt, size int64) bool {
	if ps, ok := metaAt(r, 0); ok && ps >= minPageSize && ps <= maxPageSize && size >= 2*ps {
		return true
	}
	for ps := int64(minPageSize); ps <= maxPageSize && 2*ps <= size; ps <<= 1 {
		if got, ok := metaAt(r, ps); ok && got == ps {
			return true
		}
	}
	return false
}

// metaAt reads the meta page at offset off and returns its page size, if
// the page has bbolt's magic.
func metaAt(r io.ReaderAt, off int64) (pageSize int64, ok bool) {
	var b [12]byte // magic, version, page size
	if _, err := r.ReadAt(b[:], off+pageHeaderLen); err != nil {
		return 0, false
	}
	if binary.NativeEndian.Uint32(b[0:4]) != boltMagic {
		return 0, false
	}
	return int64(binary.NativeEndian.Uint32(b[8:12])), true
}

// freelistUnsynced reports whether a meta page of the file says its
// freelist is not on disk (bbolt's NoFreelistSync). bbolt writes such a
// file's freelist as soon as it is opened read-write, before tend could look
// at its schema, so such a file is looked at read-only first.
func (s *Store) freelistUnsynced() bool {
	f, _, err := openNoFollow(s.path, os.O_RDONLY)
	if err != nil {
		return false
	}
	defer f.Close()
	ps, ok := metaAt(f, 0)
	if !ok || ps < minPageSize || ps > maxPageSize {
		return false
	}
	for _, off := range []int64{0, ps} {
		var b [8]byte
		if _, ok := metaAt(f, off); !ok {
			continue
		}
		if _, err := f.ReadAt(b[:], off+pageHeaderLen+metaFreelistOffset); err == nil &&
			binary.NativeEndian.Uint64(b[:]) == noFreelist {
			return true
		}
	}
	return false
}

// Where a meta page keeps its freelist page id, after the magic, version,
// page size, flags and root bucket; and the id that means "not synced".
const (
	metaFreelistOffset = 32
	noFreelist         = 1<<64 - 1
)
