package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"syscall"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// openTimeout is how long opening waits for another tend's lock: long
// enough for its one short transaction (about 2 ms), short enough that a
// command never seems to hang. [D]
const openTimeout = time.Second

// Private modes: the file holds mood and health notes.
const (
	fileMode os.FileMode = 0o600
	dirMode  os.FileMode = 0o700
)

// dirName is the name of tend's own directory ($XDG_DATA_HOME/tend), the
// only one tightened (tightenDir).
const dirName = "tend"

// errNoFile is a read's answer when there is no database yet (or only the
// empty shell of one a crash left before its first transaction); callers
// turn it into empty results.
var errNoFile = errors.New("there is no database yet")

// errOldSchema means the file needs migrating before it can be read.
var errOldSchema = errors.New("the database needs migrating")

// access says how withFile opens the file.
type access int

const (
	readAccess   access = iota // read-only; a missing file is errNoFile
	writeAccess                // read-write; a missing file is errNoFile
	createAccess               // read-write; a missing file and its directory are created
)

// withFile opens the database, runs fn and closes it again.
//
// bbolt panics on some damaged files, in Open and in transactions, and a
// file shorter than its pages faults when read through the memory map;
// both become ErrDamaged here rather than a crash (and are remembered, see
// poison.go). Faults become panics only for this goroutine, which is the one
// bbolt runs the transaction on.
func (s *Store) withFile(acc access, fn func(*bolt.DB) error) error {
	inside := false // damage found by fn, past the checks every open makes
	err := s.withFileOnce(acc, func(db *bolt.DB) error {
		err := fn(db)
		inside = errors.Is(err, ErrDamaged)
		return err
	})
	if errors.Is(err, ErrDamaged) {
		s.sawDamage(err, inside)
	}
	return err
}

func (s *Store) withFileOnce(acc access, fn func(*bolt.DB) error) (err error) {
	if err := poisonOf(s.path); err != nil {
		return err
	}
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	var file *os.File // kept so that a panic inside Open can still close it
	var db *bolt.DB
	defer func() {
		if r := recover(); r != nil {
			err = s.panicError(r)
			if db == nil && file != nil {
				_ = file.Close()
				poison(s.path, err)
			}
		}
	}()
	s.tightenDir()
	s.removeStale(time.Now())
	exists, err := s.checkFile()
	if err != nil {
		return err
	}
	if !exists && acc != createAccess {
		return errNoFile
	}
	if !exists {
		if err := s.makeDir(); err != nil {
			return err
		}
		if err := s.createFile(); err != nil {
			return err
		}
	}
	opts := &bolt.Options{Timeout: openTimeout, ReadOnly: acc == readAccess,
		OpenFile: func(name string, flag int, _ os.FileMode) (*os.File, error) {
			// The file is there by now (made whole by createFile): bbolt
			// must not create one, at a dangling link least of all.
			f, _, err := openNoFollow(name, flag&^os.O_CREATE)
			file = f
			return f, err
		}}
	db, err = bolt.Open(s.path, fileMode, opts)
	if err != nil {
		return s.openError(err)
	}
	// The result of Close is not reported: by then a write has been
	// committed and synced, and closing the descriptor releases the lock
	// whatever Close says.
	defer func() { _ = db.Close() }()
	if !exists {
		// The new file's name must survive a crash as well as its pages.
		if err := syncDir(filepath.Dir(s.path)); err != nil {
			return fmt.Errorf("could not save the new database %s: %w", s.path, err)
		}
	}
	return damagedAt(s.path, fn(db))
}

// panicError is the error for a panic while bbolt read the file. A memory
// fault on a file whose pages checked out is the disk failing to read a
// page (an I/O error arrives through the memory map as a fault), not
// damage: the file is looked at again the plain way to tell.
func (s *Store) panicError(r any) error {
	d := &damage{path: s.path, detail: fmt.Sprintf("reading it failed: %v", r)}
	if _, fault := r.(interface{ Addr() uintptr }); !fault {
		return d
	}
	if _, err := s.checkFile(); err == nil || errors.Is(err, ErrUnreadable) {
		return s.readError(syscall.EIO)
	}
	return d
}

// openError turns bbolt's errors from Open into tend's.
func (s *Store) openError(err error) error {
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return ErrBusy
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrVersionMismatch),
		errors.Is(err, berrors.ErrChecksum), errors.Is(err, berrors.ErrInvalidMapping):
		return &damage{path: s.path, detail: err.Error()}
	case errors.Is(err, fs.ErrNotExist):
		return errNoFile // removed between the check and the open
	case errors.Is(err, ErrNotRegular):
		return err // swapped for a link or a FIFO since the check
	case errors.Is(err, syscall.EIO):
		return s.readError(err)
	}
	if err := diskError(s.path, err); err != nil {
		return err
	}
	return fmt.Errorf("could not open the database %s: %w", s.path, err)
}

// makeDir creates the file's directory, private, and makes its name
// durable. A directory reached through a link is used as it is (a person's
// data folder may live on another disk), but nothing is created at a link
// that points nowhere.
func (s *Store) makeDir() error {
	dir := filepath.Dir(s.path)
	if info, err := os.Lstat(dir); err == nil {
		if _, err := os.Stat(dir); err != nil && info.Mode()&fs.ModeSymlink != 0 {
			return says(ErrNotRegular, "the folder %s is a symbolic link that points nowhere, "+
				"and tend does not create anything through a link; make the folder, or give another --db", dir)
		}
		return nil
	}
	if err := os.MkdirAll(dir, dirMode); err != nil {
		return dirError(dir, err)
	}
	if err := syncDir(filepath.Dir(dir)); err != nil {
		return dirError(dir, err)
	}
	return nil
}

// dirError is the error for a folder for the database that could not be
// made: one sentence with the reason in words, not Go's "mkdir …: …", and
// what to do. It still answers errors.Is for the cause.
func dirError(dir string, err error) error {
	if derr := diskError(dir, err); derr != nil {
		return derr
	}
	return saysBecause(err, err, "the folder %s for the database could not be made (%s); "+
		"make it yourself, or give another path with --db or TEND_DB", dir, pathWhy(err, "nothing can be made there"))
}

// pathWhy says in words why a path could not be used, or other when err
// is none of the reasons a person can act on.
func pathWhy(err error, other string) string {
	switch {
	case errors.Is(err, fs.ErrPermission):
		return "this user may not use that folder"
	case errors.Is(err, syscall.ENOTDIR):
		return "part of the path is a file, not a folder"
	case errors.Is(err, syscall.ENAMETOOLONG):
		return "the path is too long"
	case errors.Is(err, syscall.ELOOP):
		return "too many links on the way"
	}
	return other
}

// syncDir fsyncs a directory so that the names in it survive a crash.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
