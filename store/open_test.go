package store

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"tend/coach"
)

func TestANewFileIsPrivate(t *testing.T) {
	s := newStore(t)
	mustAdd(t, s, walkGoal(t, "Walk"))
	assertMode(t, s.Path(), 0o600)
	assertMode(t, filepath.Dir(s.Path()), 0o700)
}

func TestEveryOpenTightensLooseModes(t *testing.T) {
	s := newStore(t)
	mustAdd(t, s, walkGoal(t, "Walk"))
	dir := filepath.Dir(s.Path())
	parent := filepath.Dir(dir)
	for _, chmod := range [][2]any{{s.Path(), 0o644}, {dir, 0o755}, {parent, 0o755}} {
		if err := os.Chmod(chmod[0].(string), os.FileMode(chmod[1].(int))); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Goals(); err != nil {
		t.Fatal(err)
	}
	assertMode(t, s.Path(), 0o600)
	assertMode(t, dir, 0o700)
	assertMode(t, parent, 0o755) // only tend's own directory
}

// `--db /tmp/x.db` must not make /tmp private: only a directory named tend
// is tend's.
func TestADirectoryOfAnotherNameIsLeftAlone(t *testing.T) {
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "habits.db")
	t.Cleanup(func() { checkFileAtEnd(t, path) })
	s := New(path)
	mustAdd(t, s, walkGoal(t, "Walk"))
	if err := os.Chmod(path, 0o640); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Goals(); err != nil {
		t.Fatal(err)
	}
	assertMode(t, path, 0o600)
	assertMode(t, dir, 0o755)
}

func assertMode(t *testing.T, path string, want os.FileMode) {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := info.Mode().Perm(); got != want {
		t.Errorf("%s has mode %#o, want %#o", path, got, want)
	}
}

// While another process holds the database, every method gives up after
// about a second with ErrBusy, and does not hang.
func TestBusyWhileAnotherHoldsTheFile(t *testing.T) {
	s := newStore(t)
	g := mustAdd(t, s, walkGoal(t, "Walk"))
	held, err := bolt.Open(s.Path(), 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	tests := map[string]func() error{
		"Snapshot": func() error { _, err := s.Snapshot(today); return err },
		"CheckIn":  func() error { _, err := s.CheckIn(g.ID, entry(today, coach.Done), today); return err },
	}
	for name, call := range tests {
		start := time.Now()
		err := call()
		elapsed := time.Since(start)
		if !errors.Is(err, ErrBusy) {
			t.Errorf("%s while held = %v, want ErrBusy", name, err)
		}
		if elapsed < 500*time.Millisecond || elapsed > 2500*time.Millisecond {
			t.Errorf("%s gave up after %v, want about a second", name, elapsed)
		}
	}
	if !strings.Contains(ErrBusy.Error(), "another tend is using the database") {
		t.Errorf("ErrBusy says %q", ErrBusy)
	}
	if err := held.Close(); err != nil {
		t.Fatal(err)
	}
	if cs := mustCheckIns(t, s, g.ID); len(cs) != 0 {
		t.Errorf("a busy check-in was saved: %v", cs)
	}
	mustCheckIn(t, s, g.ID, entry(today, coach.Done), today)
}

// refusedUnchanged checks that every read and write refuses the file with
// want, and leaves its bytes as they were.
func refusedUnchanged(t *testing.T, path string, want error) {
	t.Helper()
	before := fileHash(t, path)
	s := New(path)
	for name, err := range readAll(s, 1) {
		// Backup copies any file bbolt can read as it is, whatever its
		// schema or its buckets.
		backupOK := name == "Backup" && err == nil
		if name != "Exists" && !backupOK && !errors.Is(err, want) {
			t.Errorf("%s = %v, want %v", name, err, want)
		}
	}
	for name, err := range writeAll(t, s, 1) {
		if !errors.Is(err, want) {
			t.Errorf("%s = %v, want %v", name, err, want)
		}
	}
	if after := fileHash(t, path); after != before {
		t.Errorf("the refused file was changed")
	}
}

// damagedFile writes content to a tend.db in a fresh tend directory. Such
// files are not checked at cleanup: they are damaged on purpose.
func damagedFile(t *testing.T, content []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "tend", "tend.db")
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, content, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestAnEmptyFileIsDamagedAndNeverWritten(t *testing.T) {
	path := damagedFile(t, nil)
	refusedUnchanged(t, path, ErrDamaged)
	if _, err := New(path).Backup(io.Discard); !errors.Is(err, ErrDamaged) {
		t.Errorf("Backup() = %v, want ErrDamaged", err)
	}
	if info, _ := os.Stat(path); info.Size() != 0 {
		t.Errorf("the empty file grew to %d bytes", info.Size())
	}
	_, err := New(path).Goals()
	for _, want := range []string{path, "empty", "Restore a backup", "move the file aside"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
}

func TestATextFileIsDamagedAndNeverWritten(t *testing.T) {
	text := []byte(strings.Repeat("shopping list: eggs, milk, bread\n", 400))
	path := damagedFile(t, text)
	refusedUnchanged(t, path, ErrDamaged)
	if _, err := New(path).Backup(io.Discard); !errors.Is(err, ErrDamaged) {
		t.Errorf("Backup() = %v, want ErrDamaged", err)
	}
	if _, err := New(path).Goals(); err == nil || !strings.Contains(err.Error(), "not a bbolt database") {
		t.Errorf("error %v does not say what the file is not", err)
	}
}

// A file whose meta pages are fine but whose other pages are gone makes
// bbolt read past the end of the file; that is damage, not a crash.
func TestATruncatedFileIsDamagedNotACrash(t *testing.T) {
	s := newStore(t)
	g := mustAdd(t, s, walkGoal(t, "Walk"))
	for i := 0; i < 30; i++ {
		mustCheckIn(t, s, g.ID, coach.Entry{Day: today.AddDays(-30 + i), Outcome: coach.Done,
			Note: strings.Repeat("a long note to fill the pages ", 10), At: writeAt}, today)
	}
	b, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	path := damagedFile(t, b[:2*os.Getpagesize()])
	refusedUnchanged(t, path, ErrDamaged)
	if _, err := New(path).Backup(io.Discard); !errors.Is(err, ErrDamaged) {
		t.Errorf("Backup() = %v, want ErrDamaged", err)
	}

	// Moved aside, the damaged file no longer stands in the way, even
	// though this process may still hold a mapping of it.
	if err := os.Rename(path, path+".damaged"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { checkFileAtEnd(t, path) })
	fresh := New(path)
	mustAdd(t, fresh, walkGoal(t, "Walk"))
	if gs := mustGoals(t, fresh); len(gs) != 1 {
		t.Errorf("the new file holds %v", gs)
	}
}

func TestAnotherProgramsBoltFileIsDamaged(t *testing.T) {
	path := damagedFile(t, nil)
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	withBolt(t, path, func(tx *bolt.Tx) error {
		b, err := tx.CreateBucket([]byte("widgets"))
		if err != nil {
			return err
		}
		return b.Put([]byte("a"), []byte("b"))
	})
	refusedUnchanged(t, path, ErrDamaged)
}

// A crash between creating the file and its first transaction leaves a
// bbolt file with no buckets: it reads as no data, and the next write sets
// it up.
func TestAFileWithNoBucketsIsANewOne(t *testing.T) {
	s := newStore(t)
	if err := os.MkdirAll(filepath.Dir(s.Path()), 0o700); err != nil {
		t.Fatal(err)
	}
	withBolt(t, s.Path(), func(*bolt.Tx) error { return nil })
	before := fileHash(t, s.Path())
	if snap, err := s.Snapshot(today); err != nil || len(snap.Goals) != 0 {
		t.Errorf("Snapshot() = %+v, %v; want empty", snap, err)
	}
	if fileHash(t, s.Path()) != before {
		t.Errorf("reading the empty file wrote to it")
	}
	g := mustAdd(t, s, walkGoal(t, "Walk"))
	if gs := mustGoals(t, s); len(gs) != 1 || gs[0].ID != g.ID {
		t.Errorf("goals %v after adding one", gs)
	}
}

func TestADamagedRecordIsReportedWithItsGoal(t *testing.T) {
	s := New(filepath.Join(t.TempDir(), "tend", "tend.db"))
	g := mustAdd(t, s, walkGoal(t, "Walk"))
	mustCheckIn(t, s, g.ID, entry(today, coach.Done), today)
	withBolt(t, s.Path(), func(tx *bolt.Tx) error {
		k, _ := dayKey(today)
		id, day := goalPath(g.ID), dayPath(today)
		// A record whose checksum is good and whose outcome is none tend has.
		v := resealed(tagCheckIn, []byte{0, 9, 0, 0, 20, 20, 2, 1}, id[:], day[:])
		return tx.Bucket(bucketCheckIns).Bucket(idKey(g.ID)).Put(k, v)
	})
	_, err := s.Snapshot(today)
	for _, want := range []string{s.Path(), "goal 1", "outcome is 9"} {
		if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), want) {
			t.Errorf("Snapshot() = %v, want ErrDamaged naming %q", err, want)
		}
	}
	if _, err := s.Goals(); err != nil {
		t.Errorf("Goals() does not read check-ins, yet failed: %v", err)
	}
}

// stampVersion sets a file's schema_version the way another tend would.
func stampVersion(t *testing.T, path string, v uint32) {
	t.Helper()
	withBolt(t, path, func(tx *bolt.Tx) error {
		return tx.Bucket(bucketMeta).Put(keySchemaVersion, versionValue(v))
	})
}

func TestANewerSchemaIsRefusedAndLeftAlone(t *testing.T) {
	s := New(filepath.Join(t.TempDir(), "tend", "tend.db"))
	mustAdd(t, s, walkGoal(t, "Walk"))
	stampVersion(t, s.Path(), currentVersion()+1)
	refusedUnchanged(t, s.Path(), ErrSchemaTooNew)
	if _, err := s.Goals(); err == nil || !strings.Contains(err.Error(), "newer version of tend") {
		t.Errorf("error %v does not say a newer tend wrote it", err)
	}
	if _, err := os.Stat(s.backupPath(currentVersion() + 1)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a backup was written for a newer file")
	}
}

// bbolt writes the freelist of a file made with NoFreelistSync as soon as
// it is opened for writing; a newer tend's file must not be touched even so.
func TestANewerFileWithoutASyncedFreelistIsLeftAlone(t *testing.T) {
	path := damagedFile(t, nil)
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{NoFreelistSync: true})
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		if err := migrate(tx, 0); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Put(keySchemaVersion, versionValue(currentVersion()+1))
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	if !New(path).freelistUnsynced() {
		t.Fatal("the file's freelist reads as synced")
	}
	refusedUnchanged(t, path, ErrSchemaTooNew)
}

// The mechanism every future migration goes through: an older file is
// copied beside itself, then migrated in one transaction, on its first
// open, read or write.
func TestAnOlderSchemaIsBackedUpThenMigrated(t *testing.T) {
	s := newStore(t)
	g := mustAdd(t, s, walkGoal(t, "Walk"))
	old := currentVersion()

	saved := migrations
	t.Cleanup(func() { migrations = saved })
	migrations = append(append([]migration(nil), saved...), migration{
		version: currentVersion() + 1, name: "a test migration",
		up: func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put([]byte("migrated"), []byte("yes")) },
	})

	if gs := mustGoals(t, s); len(gs) != 1 || gs[0].ID != g.ID {
		t.Fatalf("goals after migrating %v", gs)
	}
	bak := s.backupPath(old)
	assertMode(t, bak, 0o600)
	viewBolt(t, bak, func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if v, _ := parseVersion(meta.Get(keySchemaVersion)); v != old || meta.Get([]byte("migrated")) != nil ||
			tx.Bucket(bucketGoals).Get(idKey(g.ID)) == nil {
			t.Errorf("the backup %s is not the file as it was before migrating", bak)
		}
		return nil
	})
	checkFileAtEnd(t, bak)
	viewBolt(t, s.Path(), func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if v, _ := parseVersion(meta.Get(keySchemaVersion)); v != old+1 || string(meta.Get([]byte("migrated"))) != "yes" {
			t.Errorf("schema %d, migrated %q; want %d and yes", v, meta.Get([]byte("migrated")), old+1)
		}
		return nil
	})
	after := fileHash(t, s.Path())
	if mustGoals(t, s); fileHash(t, s.Path()) != after {
		t.Errorf("a migrated file was written again on the next read")
	}
	migrations = saved
	if _, err := s.Goals(); !errors.Is(err, ErrSchemaTooNew) {
		t.Errorf("the migrated file read by the older tend = %v, want ErrSchemaTooNew", err)
	}
	stampVersion(t, s.Path(), old) // so that the cleanup's check reads a file of this tend
}

func TestAFailedMigrationLeavesTheFileAsItWas(t *testing.T) {
	s := newStore(t)
	mustAdd(t, s, walkGoal(t, "Walk"))
	old := fileHash(t, s.Path())
	saved := migrations
	t.Cleanup(func() { migrations = saved })
	migrations = append(append([]migration(nil), saved...), migration{
		version: currentVersion() + 1, name: "a migration that fails",
		up: func(tx *bolt.Tx) error {
			if err := tx.Bucket(bucketMeta).Put([]byte("half"), []byte("done")); err != nil {
				return err
			}
			return errors.New("disk on fire")
		},
	})
	if _, err := s.Goals(); err == nil || !strings.Contains(err.Error(), "disk on fire") ||
		!strings.Contains(err.Error(), filepath.Base(s.backupPath(currentVersion()-1))) {
		t.Errorf("Goals() = %v, want the migration's error and where the copy is", err)
	}
	if fileHash(t, s.Path()) != old {
		t.Errorf("a failed migration changed the file")
	}
}
