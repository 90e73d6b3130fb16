package store

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	bolt "go.etcd.io/bbolt"

	"tend/coach"
)

// A damaged file is never written: a write into it can spread the damage
// (bbolt hands a page its freelist wrongly lists as free to the next save,
// over live data), and the person was told to restore a backup. Two guards:
//
//   - Once any read or write of this process found the file damaged, no
//     write to it follows while the process lives, as long as the same file
//     is at the path (moving it aside and restoring a backup in its place
//     puts another there; a TUI left open over a backup copied over the
//     same file keeps refusing until it is started again, which is safe).
//   - Before the first write of a process, and again whenever the file
//     changed since this process last checked or wrote it, the write
//     transaction checks what the write depends on, before it changes
//     anything: the whole file with bbolt's tx.Check while that is cheap,
//     and beyond that the meta and goals buckets and the goal the write is
//     about (its check-ins and decisions). Measured on a 20-year file (100
//     goals, 456k check-ins, 100 MB, 25,600 pages, page cache warm, on a
//     shared 2-core machine, 12 runs): the whole check takes 35–430 ms
//     (median about 70), the scoped one 0.5–11 ms (median about 1); fsync
//     alone is a few ms. [D] See fullCheckPages and check_measure_test.go.

// fullCheckPages is the largest file, in pages, checked whole before a
// write: 4 MB at bbolt's 4 KB pages, about 3 ms. Every file of a few
// goals and a few years is; a larger one gets the scoped check, so that a
// check-in costs the same at 20 years as at one (the checkin-growth budget).
var fullCheckPages int64 = 1024

var (
	guardMu sync.Mutex
	// seenDamage is the damage found in each file, by path and identity.
	seenDamage = map[string][]poisonedFile{}
	// checkedAs is each path's file as this process last checked or wrote it.
	checkedAs = map[string]os.FileInfo{}
)

// sawDamage remembers that a read or write found the file at s.path
// damaged, for this process; with note, also in a note beside the file for
// the next ones (markDamaged). Damage in the pages every open checks
// (check.go) needs no note: every process finds it again before writing.
func (s *Store) sawDamage(err error, note bool) {
	info, serr := os.Lstat(s.path)
	if serr != nil || !info.Mode().IsRegular() {
		return
	}
	guardMu.Lock()
	seenDamage[s.path] = append(seenDamage[s.path], poisonedFile{info: info, err: err})
	guardMu.Unlock()
	if note {
		s.markDamaged(info, err)
	}
}

// damageSeen returns the damage found earlier in the file now at s.path, by
// this process or, while the file is unchanged since, by another.
func (s *Store) damageSeen() error {
	info, err := os.Lstat(s.path)
	if err != nil {
		return nil
	}
	guardMu.Lock()
	for _, p := range seenDamage[s.path] {
		if os.SameFile(p.info, info) {
			guardMu.Unlock()
			return p.err
		}
	}
	guardMu.Unlock()
	return s.markedDamaged(info)
}

// The note another process reads: `tend export` says the file is damaged,
// and the `tend done` after it must not write. It sits beside the file as
// .tend.db.damaged and names the file it is about (device, inode, size and
// modification time), so that once the file is restored, replaced or
// written by anyone, it no longer applies. [D]

func (s *Store) damageNote() string {
	dir, base := filepath.Split(s.path)
	return filepath.Join(dir, "."+base+".damaged")
}

func stampOf(info os.FileInfo) (string, bool) {
	dev, ino, ok := fileID(info)
	if !ok {
		return "", false
	}
	return fmt.Sprintf("%d %d %d %d", dev, ino, info.Size(), info.ModTime().UnixNano()), true
}

// markDamaged writes the note, best effort: a read-only folder still reads.
func (s *Store) markDamaged(info os.FileInfo, err error) {
	stamp, ok := stampOf(info)
	var d *damage
	if !ok || !errors.As(err, &d) {
		return
	}
	f, _, oerr := openNoFollow(s.damageNote(), os.O_WRONLY|os.O_CREATE)
	if oerr != nil {
		return
	}
	defer f.Close()
	if f.Truncate(0) == nil {
		_, _ = fmt.Fprintf(f, "%s\n%s\n", stamp, strings.ReplaceAll(d.detail, "\n", " "))
	}
}

// markedDamaged reads the note, and returns its damage if it is about the
// file as it is now.
func (s *Store) markedDamaged(info os.FileInfo) error {
	stamp, ok := stampOf(info)
	if !ok {
		return nil
	}
	f, _, err := openNoFollow(s.damageNote(), os.O_RDONLY)
	if err != nil {
		return nil
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, 4096))
	if err != nil {
		return nil
	}
	lines := strings.SplitN(string(b), "\n", 3)
	if len(lines) < 2 || lines[0] != stamp {
		return nil
	}
	return &damage{path: s.path, detail: coach.Printable(lines[1]) + "; found by an earlier tend, and the file has not changed since"}
}

// unchecked reports whether the file at s.path changed since this process
// last checked or wrote it (or never did).
func (s *Store) unchecked() bool {
	info, err := os.Lstat(s.path)
	guardMu.Lock()
	defer guardMu.Unlock()
	was, ok := checkedAs[s.path]
	return err != nil || !ok || !os.SameFile(was, info) || was.Size() != info.Size() ||
		!was.ModTime().Equal(info.ModTime())
}

// markChecked notes the file as it is now, after this process's own
// commit, which the check before it passed; a damage note left by an
// earlier tend is about a file that is no longer there, and goes.
func (s *Store) markChecked() {
	if _, err := os.Lstat(s.damageNote()); err == nil {
		_ = os.Remove(s.damageNote())
	}
	info, err := os.Lstat(s.path)
	guardMu.Lock()
	defer guardMu.Unlock()
	if err != nil {
		delete(checkedAs, s.path)
		return
	}
	checkedAs[s.path] = info
}

// checkBeforeWrite checks, inside the write transaction and before it
// changes anything, the pages the write depends on; goalID 0 is a write
// about no one goal. It returns damage in words, or nil.
func checkBeforeWrite(tx *bolt.Tx, goalID uint64) error {
	pageSize := int64(tx.DB().Info().PageSize)
	if tx.Size() <= fullCheckPages*pageSize {
		return checkErrors(tx.Check())
	}
	var roots []*bolt.Bucket
	for _, name := range [][]byte{bucketMeta, bucketGoals} {
		roots = append(roots, tx.Bucket(name))
	}
	if goalID != 0 {
		for _, name := range [][]byte{bucketCheckIns, bucketDecisions} {
			if b := tx.Bucket(name); b != nil {
				roots = append(roots, b.Bucket(idKey(goalID)))
			}
		}
	}
	for _, b := range roots {
		if b == nil || b.Root() == 0 {
			continue // inline in its parent's page, or not made yet
		}
		if err := checkErrors(tx.Check(bolt.WithPageId(uint64(b.Root())))); err != nil {
			return err
		}
	}
	return nil
}

// checkErrors drains a tx.Check channel (its goroutine must finish before
// the transaction ends) and returns the first error as damage.
func checkErrors(ch <-chan error) error {
	var first error
	for err := range ch {
		if first == nil {
			first = err
		}
	}
	if first == nil {
		return nil
	}
	var d *damage
	if errors.As(first, &d) {
		return first
	}
	return badRecord("bbolt's consistency check found %v", first)
}

// guardedWrite is what update does before fn: refuse a file seen damaged,
// and check one not checked yet.
func (s *Store) guardedWrite(tx *bolt.Tx, goalID uint64) error {
	if err := s.damageSeen(); err != nil {
		return err
	}
	if !s.unchecked() {
		return nil
	}
	return checkBeforeWrite(tx, goalID)
}
