package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"time"
)

// Where a copy of the data goes (`tend backup`, `tend export --out`, and
// the report after them): a regular file, made whole under a temporary name
// beside it and then put in place. What is already at the name is the
// person's: a file is replaced only with --force, and a link, a device, a
// FIFO or a socket never (`--out /dev/full` must not turn a device node into
// a file). Every look is an Lstat, so nothing is written through a link.

// placement is how a finished copy is put under its name.
type placement int

const (
	placeNew      placement = iota // the name must be free; never replaces anything
	placeReplace                   // --force: an existing regular file is replaced
	placeNumbered                  // the dated backup: the first free of name, name-2, name-3, …
)

// outTarget makes dest absolute and checks what is there for place. It
// refuses the database itself, a folder, an existing file without --force,
// and anything that is not a regular file; with --force and nothing there,
// the copy is placed as new.
func outTarget(dest, db string, place placement) (string, placement, error) {
	abs, err := filepath.Abs(dest)
	if err != nil || dest == "" {
		return "", place, usagef("--out %q is not a file name tend can use", dest)
	}
	if abs == db {
		return "", place, usagef("--out %s is the database itself; choose another file", dest)
	}
	info, err := os.Lstat(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if place == placeReplace {
			place = placeNew
		}
		return abs, place, nil
	case err != nil:
		return "", place, couldNotWrite(abs, err)
	case info.IsDir():
		return "", place, usagef("--out %s is a folder; give a file name in it", dest)
	case !info.Mode().IsRegular():
		return "", place, fmt.Errorf("%s is %s, and tend writes its copies only to regular files; "+
			"it leaves this one as it is, even with --force. Choose another file name", dest, nodeKind(info.Mode()))
	}
	if dbInfo, err := os.Lstat(db); err == nil && os.SameFile(info, dbInfo) {
		return "", place, usagef("--out %s is the database itself; choose another file", dest)
	}
	if place == placeNew {
		return "", place, usagef("%s already exists; add --force to replace it, or choose another file name", dest)
	}
	return abs, place, nil
}

// nodeKind names what a file that is not a regular one is.
func nodeKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "not a regular file"
}

// writeAtomically writes a file at dest through write: into a temporary
// file in dest's folder (made new by os.CreateTemp, private, 0600: it holds
// mood and health notes), synced, then put in place as place says. It
// returns the name written; on failure nothing is left behind, and what was
// at dest is as it was.
func writeAtomically(dest string, place placement, write func(io.Writer) error) (string, error) {
	dir := filepath.Dir(dest)
	removeStaleBeside(dest, time.Now())
	f, err := os.CreateTemp(dir, "."+filepath.Base(dest)+".tmp-*")
	if err != nil {
		return "", couldNotWrite(dest, err)
	}
	tmp := f.Name()
	defer func() { _ = os.Remove(tmp) }()
	w := &errWriter{w: f}
	if err := write(w); err != nil {
		_ = f.Close()
		if w.err != nil {
			return "", couldNotWrite(dest, w.err)
		}
		return "", err // the database's own error, which says it all
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", couldNotWrite(dest, err)
	}
	if dest, err = put(tmp, dest, place); err != nil {
		return "", err
	}
	// syncDir (sync_files.go) lets a folder that cannot be synced pass.
	if err := syncDir(dir); err != nil {
		return "", couldNotWrite(dest, err)
	}
	return dest, nil
}

// put links or renames the finished copy tmp in under dest.
func put(tmp, dest string, place placement) (string, error) {
	switch place {
	case placeNumbered:
		name, err := linkFree(tmp, dest)
		if err != nil {
			return name, couldNotWrite(name, err)
		}
		return name, nil
	case placeReplace:
		// Looked at again just before: rename replaces whatever is there.
		if _, _, err := outTarget(dest, "", placeReplace); err != nil {
			return dest, err
		}
		if err := os.Rename(tmp, dest); err != nil {
			return dest, couldNotWrite(dest, err)
		}
		return dest, nil
	case placeNew:
	}
	if err := os.Link(tmp, dest); errors.Is(err, fs.ErrExist) {
		return dest, usagef("%s appeared while tend was writing; nothing was replaced. Add --force to replace it", dest)
	} else if err != nil {
		return dest, couldNotWrite(dest, err)
	}
	return dest, nil
}

// linkFree links tmp in under dest or the first numbered name that is free,
// never replacing an earlier copy.
func linkFree(tmp, dest string) (string, error) {
	for n := 1; n < 1000; n++ {
		name := numbered(dest, n)
		err := os.Link(tmp, name)
		if err == nil {
			return name, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return name, err
		}
	}
	return dest, errors.New("there are a thousand copies from today already")
}

// staleAfter is how old a temporary copy must be before it is taken for
// one a killed tend left: far longer than writing one takes. [D]
const staleAfter = 10 * time.Minute

// removeStaleBeside removes what a killed tend left beside dest: temporary
// copies of it (.NAME.tmp-123), each a full copy of private data under a
// hidden name. Only regular files of that pattern, only when stale.
func removeStaleBeside(dest string, now time.Time) {
	dir, base := filepath.Split(dest)
	pattern := regexp.MustCompile(`^\.` + regexp.QuoteMeta(base) + `\.tmp-[0-9]+$`)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.Type().IsRegular() || !pattern.MatchString(e.Name()) {
			continue
		}
		if info, err := e.Info(); err == nil && now.Sub(info.ModTime()) > staleAfter {
			_ = os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// errWriter remembers the first error of the file it writes, so that a
// full disk is told apart from a database that could not be read.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	n, err := e.w.Write(p)
	if err != nil && e.err == nil {
		e.err = err
	}
	return n, err
}

func couldNotWrite(dest string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return fmt.Errorf("could not write %s (%v); nothing was written there, and the database is as it was", dest, err)
}
