package store

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"io"
)

// bbolt trusts a file's pages more than tend can afford to. With one meta
// page damaged it quietly opens the file as it was one save earlier, and the
// next save overwrites the damaged page, so an acknowledged check-in can
// vanish without a word. A freelist page that lists pages still in use, or
// past the end, makes it panic, or hand out a live page to the next save. And
// a file shorter than its pages makes it read past the end of its memory
// map, which kills the process outright in tx.Check. So before bbolt looks,
// checkPages reads the few pages it would trust, the way it would read them
// (go.etcd.io/bbolt internal/common meta.go and page.go), and says what is
// wrong in words.

// A meta page, after its 16-byte page header: magic, version, page size,
// flags (4 bytes each), the root bucket (page id, sequence), the freelist
// page id, the high-water mark (the first page id not in use), the
// transaction id, and an FNV-64a checksum of everything before it.
const (
	boltVersion      = 2
	metaLen          = 64
	metaChecksumAt   = 56
	metaRootAt       = 16
	metaPgidAt       = 40
	metaTxidAt       = 48
	pageFlagsAt      = 8
	pageCountAt      = 10
	pageOverflowAt   = 12
	branchPageFlag   = 0x01
	leafPageFlag     = 0x02
	freelistPageFlag = 0x10
	pageIDLen        = 8
)

// metaPage is what one meta page says.
type metaPage struct {
	valid    bool   // magic, version and checksum check out, as bbolt checks them
	pageSize int64  // only meaningful when valid
	root     uint64 // the root bucket's page
	freelist uint64 // the freelist's page, or noFreelist
	pgid     uint64 // the high-water mark: pages 0 to pgid-1 are the database
	txid     uint64
}

// readMetaPage reads the meta page at offset off.
func readMetaPage(r io.ReaderAt, off int64) metaPage {
	var b [metaLen]byte
	if _, err := r.ReadAt(b[:], off+pageHeaderLen); err != nil {
		return metaPage{}
	}
	u32 := func(at int) uint32 { return binary.NativeEndian.Uint32(b[at:]) }
	u64 := func(at int) uint64 { return binary.NativeEndian.Uint64(b[at:]) }
	sum := fnv.New64a()
	_, _ = sum.Write(b[:metaChecksumAt])
	return metaPage{
		valid:    u32(0) == boltMagic && u32(4) == boltVersion && u64(metaChecksumAt) == sum.Sum64(),
		pageSize: int64(u32(8)),
		root:     u64(metaRootAt),
		freelist: u64(metaFreelistOffset),
		pgid:     u64(metaPgidAt),
		txid:     u64(metaTxidAt),
	}
}

// checkPages looks at the pages bbolt would trust on opening the file, whose
// size is size, and returns what is wrong with them in words, or "" when
// they are sound. The caller has already seen bbolt's magic number in it.
func checkPages(r io.ReaderAt, size int64) string {
	first := readMetaPage(r, 0)
	ps := first.pageSize
	if !first.valid {
		ps = 0
		// Like bbolt, look for the second meta page at each page size.
		for try := int64(minPageSize); try <= maxPageSize && 2*try <= size; try <<= 1 {
			if m := readMetaPage(r, try); m.valid && m.pageSize == try {
				ps = try
				break
			}
		}
		if ps == 0 {
			return "both of its meta pages, where every save is recorded, are damaged"
		}
	}
	if ps < minPageSize || ps > maxPageSize || ps&(ps-1) != 0 {
		return fmt.Sprintf("its meta page gives an impossible page size, %d bytes", ps)
	}
	second := readMetaPage(r, ps)
	if first.valid != second.valid || first.valid && first.pageSize != second.pageSize {
		return "one of its two meta pages, where every save is recorded, is damaged, " +
			"so the latest change saved to it may be missing"
	}
	cur := first
	if second.txid > first.txid {
		cur = second
	}
	return checkCurrent(r, size, ps, cur)
}

// checkCurrent checks what the meta page in force points at: that the file
// is as long as its pages, that the root bucket's page is a bucket page, and
// that the freelist lists only pages that exist, in order.
func checkCurrent(r io.ReaderAt, size, ps int64, m metaPage) string {
	if m.pgid > uint64(size)/uint64(ps) {
		return fmt.Sprintf("it is %d bytes long, but its meta page counts %d pages of %d bytes, so it was cut short",
			size, m.pgid, ps)
	}
	inUse := func(id uint64) bool { return id >= 2 && id < m.pgid }
	if !inUse(m.root) {
		return fmt.Sprintf("its meta page puts the root bucket on page %d, which is not a page of the database", m.root)
	}
	if flags, ok := pageFlags(r, ps, m.root); !ok || flags != branchPageFlag && flags != leafPageFlag {
		return fmt.Sprintf("the root bucket's page %d is not a bucket page", m.root)
	}
	if m.freelist == noFreelist {
		return "" // bbolt rebuilds a freelist it did not write
	}
	if !inUse(m.freelist) {
		return fmt.Sprintf("its meta page puts the freelist on page %d, which is not a page of the database", m.freelist)
	}
	return checkFreelist(r, ps, m)
}

// pageFlags reads the id and flags of page id and reports the flags, when
// the page says it is the page it should be.
func pageFlags(r io.ReaderAt, ps int64, id uint64) (uint16, bool) {
	var h [pageHeaderLen]byte
	if _, err := r.ReadAt(h[:], int64(id)*ps); err != nil {
		return 0, false
	}
	return binary.NativeEndian.Uint16(h[pageFlagsAt:]), binary.NativeEndian.Uint64(h[:]) == id
}

// checkFreelist checks the freelist page of m: a freelist page that says it
// is the right page, whose free page ids fit in it, and are pages of the
// database in increasing order, as bbolt writes them.
func checkFreelist(r io.ReaderAt, ps int64, m metaPage) string {
	bad := func(why string) string { return fmt.Sprintf("its freelist (page %d) %s", m.freelist, why) }
	var h [pageHeaderLen + pageIDLen]byte
	if _, err := r.ReadAt(h[:], int64(m.freelist)*ps); err != nil {
		return bad("cannot be read")
	}
	flags := binary.NativeEndian.Uint16(h[pageFlagsAt:])
	if binary.NativeEndian.Uint64(h[:]) != m.freelist || flags != freelistPageFlag {
		return bad("is not a freelist page")
	}
	overflow := uint64(binary.NativeEndian.Uint32(h[pageOverflowAt:]))
	if m.freelist+overflow >= m.pgid {
		return bad("runs past the end of the database")
	}
	skip, count := uint64(0), uint64(binary.NativeEndian.Uint16(h[pageCountAt:]))
	if count == 0xFFFF { // a long list keeps its length in its first id
		skip, count = 1, binary.NativeEndian.Uint64(h[pageHeaderLen:])
	}
	room := (uint64(ps)*(overflow+1) - pageHeaderLen) / pageIDLen
	if count > room || skip+count > room {
		return bad(fmt.Sprintf("says it lists %d pages, more than it can hold", count))
	}
	ids := make([]byte, (skip+count)*pageIDLen)
	if _, err := r.ReadAt(ids, int64(m.freelist)*ps+pageHeaderLen); err != nil {
		return bad("cannot be read")
	}
	prev := uint64(1)
	for i := skip; i < skip+count; i++ {
		id := binary.NativeEndian.Uint64(ids[i*pageIDLen:])
		switch {
		case id <= prev:
			return bad(fmt.Sprintf("lists page %d out of order", id))
		case id >= m.pgid:
			return bad(fmt.Sprintf("lists page %d, past the end of the database", id))
		}
		prev = id
	}
	return ""
}
