package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"time"
)

// The database's path is the person's to choose, and so is whatever is
// already there. tend opens, creates, chmods and replaces only regular files
// it reached without following a symbolic link: a link could point at
// /etc/passwd, and tend runs as root in some containers. Every look is an
// Lstat, every open carries O_NOFOLLOW (and O_NONBLOCK, so that a FIFO left
// at the path can never make tend wait), and modes are tightened through
// the open descriptor, never by name.

// ErrNotRegular means the database path is a symbolic link, a directory, a
// device, a FIFO or a socket: tend leaves it exactly as it is.
var ErrNotRegular = errors.New("the database path is not a regular file")

// lookAt reports whether there is something at the database path, and
// refuses what is not a regular file, in one sentence.
func (s *Store) lookAt() (exists bool, err error) {
	info, err := os.Lstat(s.path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return false, nil
	case errors.Is(err, syscall.EIO):
		return false, fmt.Errorf("could not look at the database %s: %w", s.path, s.readError(err))
	case err != nil:
		return false, saysBecause(err, err, "the database %s could not be reached (%s); "+
			"give another path with --db or TEND_DB", s.path, pathWhy(err, "it could not be looked at"))
	}
	return true, notRegular(s.path, info.Mode())
}

// notRegular is the refusal of a path whose mode is not a regular file's.
func notRegular(path string, m fs.FileMode) error {
	if m.IsRegular() {
		return nil
	}
	if m&fs.ModeSymlink != 0 {
		return says(ErrNotRegular, "%s is a symbolic link, and tend does not follow links to its database; "+
			"give the file's own path with --db or TEND_DB", path)
	}
	return says(ErrNotRegular, "%s is %s, not a database file, so tend leaves it alone; "+
		"give the database file's path with --db or TEND_DB", path, kindOf(m))
}

// kindOf names what a non-regular file is, for a person.
func kindOf(m fs.FileMode) string {
	switch {
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "not a regular file"
}

// openNoFollow opens the regular file at path for reading without following
// a link, and checks through the descriptor that it is a regular file.
func openNoFollow(path string, flag int) (*os.File, fs.FileInfo, error) {
	f, err := os.OpenFile(path, flag|noFollow, fileMode)
	if err != nil {
		if isLoop(err) {
			return nil, nil, notRegular(path, fs.ModeSymlink)
		}
		return nil, nil, err
	}
	info, err := f.Stat()
	if err == nil {
		err = notRegular(path, info.Mode())
	}
	if err != nil {
		_ = f.Close()
		return nil, nil, err
	}
	return f, info, nil
}

// tightenFile makes a looser database file 0600 through its descriptor. It
// is best effort: on a read-only disk or a filesystem without Unix modes a
// person must still be able to read their data.
func tightenFile(f *os.File, info fs.FileInfo) {
	if info.Mode().Perm()&^fileMode != 0 {
		_ = f.Chmod(info.Mode().Perm() & fileMode)
	}
}

// tightenDir makes tend's own directory 0700, through a descriptor opened
// without following a link. Only a directory named tend is tightened:
// `--db /tmp/x.db` must not make /tmp or a home directory private.
func (s *Store) tightenDir() {
	dir := filepath.Dir(s.path)
	if filepath.Base(dir) != dirName {
		return
	}
	d, err := os.OpenFile(dir, os.O_RDONLY|noFollow|dirOnly, 0)
	if err != nil {
		return // a link, or not there: left alone
	}
	defer d.Close()
	if info, err := d.Stat(); err == nil && info.IsDir() && info.Mode()&os.ModeSticky == 0 &&
		info.Mode().Perm()&^dirMode != 0 {
		_ = d.Chmod(info.Mode().Perm() & dirMode)
	}
}

// staleAfter is how old a temporary file of tend's must be before the next
// open removes it: far longer than the create or copy that made it takes,
// so a file another tend is writing right now is never taken. [D]
const staleAfter = 10 * time.Minute

// stalePattern matches the names of the temporary files made beside a
// database called base: os.CreateTemp's digits after tend's own prefixes.
func stalePattern(base string) *regexp.Regexp {
	ext := filepath.Ext(base)
	stem := strings.TrimSuffix(base, ext)
	q, qs, qe := regexp.QuoteMeta(base), regexp.QuoteMeta(stem), regexp.QuoteMeta(ext)
	return regexp.MustCompile(`^\.(` + q + `\.new-|` + q + `\.v[0-9]+\.bak\.tmp-|` +
		qs + `-[0-9]{4}-[0-9]{2}-[0-9]{2}(-[0-9]+)?` + qe + `\.bak\.tmp-)[0-9]+$`)
}

// removeStale removes what a killed tend left beside the database: the
// half-made new file (.tend.db.new-*, create.go) and the temporary copies
// of a backup (.tend.db.v1.bak.tmp-*, .tend-2026-03-02.db.bak.tmp-*). Each
// is a full copy of private data under a hidden name. Only regular files of
// tend's own patterns are removed, never through a link.
func (s *Store) removeStale(now time.Time) {
	dir, base := filepath.Split(s.path)
	if dir == "" {
		dir = "."
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	// Every name of tend's starts with a dot and the database's name or
	// stem; the pattern is compiled only when such a name is there, so an
	// open of a clean folder (nearly every open) compiles nothing.
	stem := "." + strings.TrimSuffix(base, filepath.Ext(base))
	var ours *regexp.Regexp
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || !strings.HasPrefix(name, stem) {
			continue
		}
		if ours == nil {
			ours = stalePattern(base)
		}
		if !ours.MatchString(name) {
			continue
		}
		if info, err := e.Info(); err == nil && now.Sub(info.ModTime()) > staleAfter {
			_ = os.Remove(filepath.Join(dir, name))
		}
	}
}
