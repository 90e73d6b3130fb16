package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"

	bolt "go.etcd.io/bbolt"
)

// A migration moves a file from the version before it to its version, in
// the same transaction as every other pending migration and the new
// schema_version, so a file is never left half-migrated.
type migration struct {
	version uint32
	name    string
	up      func(*bolt.Tx) error
}

// migrations lists every schema version, oldest first. Version 1 is the base
// layout; a new file runs the whole list. To change the layout, append a
// migration (and a test that migrates a file of the version before it).
var migrations = []migration{
	{version: 1, name: "the base layout: meta, goals, checkins and decisions", up: createLayout},
	{version: 2, name: "a device id, and a uid for every goal", up: addIDs},
	{version: 3, name: "binary records with a checksum each", up: toBinary},
}

// currentVersion is the schema version this tend writes.
func currentVersion() uint32 { return migrations[len(migrations)-1].version }

// createLayout makes the four buckets and the default settings.
func createLayout(tx *bolt.Tx) error {
	for _, name := range topBuckets {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("create bucket %s: %w", name, err)
		}
	}
	meta := tx.Bucket(bucketMeta)
	if meta.Get(keySettings) != nil {
		return nil
	}
	// Schema 1's record: a new file's settings are migrated like an old one's.
	v, err := encodeSettingsV1(DefaultSettings())
	if err != nil {
		return err
	}
	return meta.Put(keySettings, v)
}

// migrate runs the migrations newer than from and stamps the new version.
func migrate(tx *bolt.Tx, from uint32) error {
	for _, m := range migrations {
		if m.version <= from {
			continue
		}
		if err := m.up(tx); err != nil {
			return fmt.Errorf("schema migration %d (%s): %w", m.version, m.name, err)
		}
	}
	return tx.Bucket(bucketMeta).Put(keySchemaVersion, versionValue(currentVersion()))
}

// schemaState is what a file says about its layout.
type schemaState struct {
	initialized bool // false: bbolt's empty file, before tend's first transaction
	version     uint32
}

var errStop = errors.New("stop")

// readSchema reads the schema version. A file with no buckets at all is one
// that a crash caught between its creation and its first transaction: it is
// treated as new. Buckets without tend's meta are another program's.
func readSchema(tx *bolt.Tx) (schemaState, error) {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		err := tx.ForEach(func([]byte, *bolt.Bucket) error { return errStop })
		if errors.Is(err, errStop) {
			return schemaState{}, badRecord("it has no meta bucket, so another program made it")
		}
		return schemaState{}, err
	}
	v := meta.Get(keySchemaVersion)
	if v == nil {
		return schemaState{}, badRecord("it has no schema version")
	}
	n, err := parseVersion(v)
	return schemaState{initialized: true, version: n}, err
}

// tooNew is the error for a file written by a newer tend.
func (s *Store) tooNew(v uint32) error {
	return says(ErrSchemaTooNew, "%s was written by a newer version of tend (schema %d; this one knows up to %d). "+
		"Update tend to open it; the file is left as it is", s.path, v, currentVersion())
}

// upgrade checks the schema of a file open for writing, and migrates an
// older one after copying it to path.v<old>.bak. A newer one is refused
// before anything is written.
func (s *Store) upgrade(db *bolt.DB) (schemaState, error) {
	var st schemaState
	err := db.View(func(tx *bolt.Tx) error {
		var err error
		st, err = readSchema(tx)
		return err
	})
	switch {
	case err != nil:
		return st, err
	case !st.initialized || st.version == currentVersion():
		return st, nil
	case st.version > currentVersion():
		return st, s.tooNew(st.version)
	}
	// Every record is rewritten: the whole file is checked first (guard.go).
	if err := db.View(func(tx *bolt.Tx) error { return checkErrors(tx.Check()) }); err != nil {
		return st, damagedAt(s.path, err)
	}
	if err := s.backupBeside(db, st.version); err != nil {
		return st, err
	}
	if err := db.Update(func(tx *bolt.Tx) error { return migrate(tx, st.version) }); err != nil {
		return st, fmt.Errorf("could not update %s from schema %d: %w; a copy was kept at %s",
			s.path, st.version, err, s.backupPath(st.version))
	}
	st.version = currentVersion()
	return st, nil
}

// backupPath is where the copy made before migrating from version v goes.
func (s *Store) backupPath(v uint32) string {
	return s.path + ".v" + strconv.FormatUint(uint64(v), 10) + ".bak"
}

// backupBeside writes a consistent copy of the file beside it, synced, under
// a temporary name first (made new by os.CreateTemp, never an existing
// file, never through a link) so that a crash never leaves half a backup
// under the real one. A regular file already there, the copy an earlier
// try made of this same version, is replaced; anything else there (a link,
// a FIFO, a device) is left alone and the migration waits.
func (s *Store) backupBeside(db *bolt.DB, v uint32) error {
	path := s.backupPath(v)
	fail := func(err error) error {
		return fmt.Errorf("could not write a backup to %s before updating the database: %w", path, err)
	}
	if err := backupTargetFree(path); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fail(err)
	}
	tmp := f.Name()
	defer func() { _ = os.Remove(tmp) }() // after a rename or link, a no-op or the extra name
	err = db.View(func(tx *bolt.Tx) error {
		_, err := tx.WriteTo(f)
		return err
	})
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = placeBackup(tmp, path)
	}
	if err != nil {
		return fail(err)
	}
	return syncDir(filepath.Dir(path))
}

// backupTargetFree refuses a backup name taken by anything but a regular file.
func backupTargetFree(path string) error {
	info, err := os.Lstat(path)
	if err != nil || info.Mode().IsRegular() {
		return nil
	}
	return says(ErrNotRegular, "tend keeps a copy at %s before it updates the database, but %s is there, so "+
		"the database was not updated and is as it was; move that aside and try again", path, kindOf(info.Mode()))
}

// placeBackup puts the finished copy tmp under path: linked in when the
// name is free (never replacing what appeared meanwhile), renamed over an
// earlier copy that is a regular file.
func placeBackup(tmp, path string) error {
	err := os.Link(tmp, path)
	if err == nil {
		return nil
	}
	if !errors.Is(err, fs.ErrExist) {
		// A filesystem without hard links: rename, unless the name was
		// taken meanwhile.
		if _, serr := os.Lstat(path); !errors.Is(serr, fs.ErrNotExist) {
			return err
		}
	}
	if err := backupTargetFree(path); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
