package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	bolt "go.etcd.io/bbolt"
)

// createFile makes a new database at s.path, whole or not at all.
//
// bbolt creates a file and then writes its first pages into it, so a crash,
// or a full disk, between the two leaves an empty or half-written file under
// the real name, and from then on tend must call it damaged (an empty file
// is never silently reused). So the new file is made under a temporary name
// beside the real one, with tend's layout, synced, and only then linked in
// under the real name. Link, unlike rename, never replaces a file another
// tend made meanwhile: that one is used instead.
func (s *Store) createFile() error {
	dir := filepath.Dir(s.path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(s.path)+".new-*")
	if err != nil {
		return s.createError(err)
	}
	tmp := f.Name()
	defer func() { _ = os.Remove(tmp) }()
	if err := f.Close(); err != nil {
		return s.createError(err)
	}
	db, err := bolt.Open(tmp, fileMode, &bolt.Options{Timeout: openTimeout})
	if err != nil {
		return s.createError(err)
	}
	err = db.Update(func(tx *bolt.Tx) error { return migrate(tx, 0) })
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return s.createError(err)
	}
	if err := os.Link(tmp, s.path); err != nil && !errors.Is(err, fs.ErrExist) {
		// A filesystem without hard links: rename, unless the name was
		// taken meanwhile.
		if _, serr := os.Lstat(s.path); !errors.Is(serr, fs.ErrNotExist) {
			return s.createError(err)
		}
		if err := os.Rename(tmp, s.path); err != nil {
			return s.createError(err)
		}
	}
	if err := syncDir(dir); err != nil {
		return s.createError(err)
	}
	return nil
}

func (s *Store) createError(err error) error {
	if derr := diskError(s.path, err); derr != nil {
		return derr
	}
	return fmt.Errorf("could not create the database %s: %w", s.path, err)
}
