package store

import (
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"testing"

	bolt "go.etcd.io/bbolt"

	"tend/coach"
)

// forgetDamage is a new process: nothing remembered in memory.
func forgetDamage(t *testing.T) {
	guardMu.Lock()
	defer guardMu.Unlock()
	seenDamage = map[string][]poisonedFile{}
	checkedAs = map[string]os.FileInfo{}
}

// Once a read found the file damaged, no write follows: not in this
// process, and not in the next one while the file is unchanged (`tend
// export` says damaged, then `tend done`). A restored file is written again.
func TestAFileFoundDamagedIsNotWrittenAfterwards(t *testing.T) {
	s := newStore(t)
	walk := mustAdd(t, s, walkGoal(t, "Walk"))
	yoga := mustAdd(t, s, walkGoal(t, "Yoga"))
	mustCheckIn(t, s, walk.ID, entry(today.AddDays(-1), coach.Done), today)
	mustCheckIn(t, s, yoga.ID, entry(today.AddDays(-300), coach.Rest), today)
	good, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	// An old check-in of Yoga's that no check-in of Walk's reads.
	withBolt(t, s.Path(), func(tx *bolt.Tx) error {
		dk, _ := dayKey(today.AddDays(-300))
		return tx.Bucket(bucketCheckIns).Bucket(idKey(yoga.ID)).Put(dk, []byte("\x01not a record"))
	})
	hash := fileHash(t, s.Path())
	if _, err := s.Archive(); !errors.Is(err, ErrDamaged) {
		t.Fatalf("Archive of a file with a bad record = %v, want ErrDamaged", err)
	}
	for round, fresh := range []bool{false, true} {
		if fresh {
			forgetDamage(t)
		}
		errs := writeAll(t, s, walk.ID)
		for name, err := range errs {
			if !errors.Is(err, ErrDamaged) {
				t.Errorf("round %d: %s after a read found damage = %v, want ErrDamaged", round, name, err)
			}
		}
	}
	if fileHash(t, s.Path()) != hash {
		t.Fatal("a file found damaged was written")
	}
	// Restored from a backup, moved into place: written again.
	restored := filepath.Join(filepath.Dir(s.Path()), "restored.db")
	if err := os.WriteFile(restored, good, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(restored, s.Path()); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(s.damageNote()); err != nil {
		t.Errorf("no damage note beside the file before the restore was written: %v", err)
	}
	mustCheckIn(t, s, walk.ID, entry(today, coach.Done), today)
	if _, err := os.Lstat(s.damageNote()); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the damage note outlived the damaged file: %v", err)
	}
}

// Before its first write a process checks the pages the write depends on:
// a freelist that lists a live page (which the write would hand out, and
// overwrite) is damage, and the file is left as it was. The whole-file
// check finds it anywhere, here in Yoga's history while Walk checks in;
// the scoped one in what the write is about, here an old leaf of Walk's
// history that the check-in does not touch. (A page the write itself
// copies bbolt refuses on its own.)
func TestTheFirstWriteChecksThePagesItDependsOn(t *testing.T) {
	for _, scoped := range []bool{false, true} {
		name := map[bool]string{false: "whole", true: "scoped"}[scoped]
		t.Run(name, func(t *testing.T) {
			if scoped {
				saved := fullCheckPages
				fullCheckPages = 0
				t.Cleanup(func() { fullCheckPages = saved })
			}
			b, l := soundFile(t)
			path := damagedFile(t, b)
			var walkRoot, yogaRoot uint64
			viewBolt(t, path, func(tx *bolt.Tx) error {
				walkRoot = uint64(tx.Bucket(bucketCheckIns).Bucket(idKey(1)).Root())
				yogaRoot = uint64(tx.Bucket(bucketCheckIns).Bucket(idKey(2)).Root())
				return nil
			})
			if walkRoot == 0 || yogaRoot == 0 {
				t.Fatal("the check-ins are inline; the test wants pages of their own")
			}
			live := yogaRoot
			if scoped {
				live = firstChild(t, b, l.pageSize, walkRoot)
			}
			listLivePage(t, path, l, live)
			forgetDamage(t)
			hash := fileHash(t, path)
			s := New(path)
			if _, err := s.CheckIn(1, entry(today, coach.Done), today); !errors.Is(err, ErrDamaged) {
				t.Errorf("a check-in into a file whose freelist lists a live page = %v, want ErrDamaged", err)
			}
			if fileHash(t, path) != hash {
				t.Error("the damaged file was written")
			}
		})
	}
}

// listLivePage puts page id live on the freelist in force, in order, in
// place of its first entry.
func listLivePage(t *testing.T, path string, l fileLayout, live uint64) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	at := l.freelist + pageHeaderLen
	n := int(binary.NativeEndian.Uint16(b[l.freelist+pageCountAt:]))
	ids := []uint64{live}
	for i := 1; i < n; i++ {
		if id := binary.NativeEndian.Uint64(b[at+i*pageIDLen:]); id != live {
			ids = append(ids, id)
		}
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	binary.NativeEndian.PutUint16(b[l.freelist+pageCountAt:], uint16(len(ids)))
	for i, id := range ids {
		binary.NativeEndian.PutUint64(b[at+i*pageIDLen:], id)
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// firstChild is the page id of the first child of branch page id.
func firstChild(t *testing.T, b []byte, pageSize int, id uint64) uint64 {
	t.Helper()
	p := b[int(id)*pageSize:]
	if binary.NativeEndian.Uint16(p[pageFlagsAt:])&branchPageFlag == 0 {
		t.Fatalf("page %d is not a branch page", id)
	}
	// A branch element: position and key size (4 bytes each), then the page id.
	return binary.NativeEndian.Uint64(p[pageHeaderLen+8:])
}
