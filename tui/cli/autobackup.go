package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// The backups folder (DESIGN "Command line", `tend backup`): copies of one
// database go into <backups-dir>/<the first 12 hex digits of the SHA-256 of
// its absolute path>/, so two databases never share a folder and a synced
// backups-dir can hold several machines' copies. The first write of each
// day, once it has committed, leaves a copy there (unless backups is off),
// and only the newest backups-keep copies are kept. `tend backup` writes
// the same kind of copy, by hand.

// copyName matches the copies tend writes there: tend-2026-03-02-150405.db
// (and -2, -3 for a second in the same second); nothing else in the folder
// is tend's to remove. It is compiled when first used, not as every
// command starts (a read-only command never makes a copy).
var copyName = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^tend-(\d{4}-\d{2}-\d{2})-\d{6}(-\d+)?\.db$`)
})

// backupFolder is the folder of db's copies.
func backupFolder(cfg Config, db string) string {
	sum := sha256.Sum256([]byte(db))
	return filepath.Join(cfg.BackupsDir, hex.EncodeToString(sum[:])[:12])
}

// backupCopies are the names of db's copies there, oldest first.
func backupCopies(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return copiesAmong(entries), nil
}

// copiesAmong keeps the entries that are tend's copies, oldest first.
func copiesAmong(entries []fs.DirEntry) []string {
	var names []string
	for _, e := range entries {
		if e.Type().IsRegular() && copyName().MatchString(e.Name()) {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names) // the names are dated, so by name is by age
	return names
}

// writeBackupCopy writes a copy of the database into its folder, named for
// now, and returns its path and size.
func writeBackupCopy(st Store, cfg Config, now time.Time) (string, int64, error) {
	dir := backupFolder(cfg, st.Path())
	if err := privateFolder(cfg.BackupsDir); err != nil {
		return "", 0, err
	}
	if err := privateFolder(dir); err != nil {
		return "", 0, err
	}
	var n int64
	dest, err := writeAtomically(freeCopyName(dir, now), placeNew, func(w io.Writer) (err error) {
		n, err = st.Backup(w)
		return err
	})
	return dest, n, err
}

// freeCopyName is the first name for a copy at now that is not taken:
// tend-2026-03-02-150405.db, then …-150405-2.db, … (placeNew then refuses
// one that appears meanwhile, so nothing is ever replaced).
func freeCopyName(dir string, now time.Time) string {
	base := filepath.Join(dir, "tend-"+now.Format("2006-01-02-150405"))
	name := base + ".db"
	for n := 2; n < 1000; n++ {
		if _, err := os.Lstat(name); errors.Is(err, fs.ErrNotExist) {
			break
		}
		name = fmt.Sprintf("%s-%d.db", base, n)
	}
	return name
}

// privateFolder makes dir (0700) if it is not there, and refuses a link or
// a file in its place: tend never writes through a symlink. The folder is
// opened without following a link and its mode tightened through that
// descriptor, so a link swapped in after MkdirAll is refused, never chmodded.
func privateFolder(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return couldNotWrite(dir, err)
	}
	beforeOpen(dir)
	d, err := os.OpenFile(dir, os.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_DIRECTORY|syscall.O_NONBLOCK, 0)
	if err != nil {
		if info, lerr := os.Lstat(dir); lerr == nil && !info.IsDir() {
			return fmt.Errorf("%s is %s, not a folder; tend keeps its backups only in a real folder. "+
				"Set another with `tend config backups-dir DIR`", dir, nodeKind(info.Mode()))
		}
		return couldNotWrite(dir, err)
	}
	defer d.Close()
	info, err := d.Stat()
	if err != nil {
		return couldNotWrite(dir, err)
	}
	if info.Mode().Perm() != 0o700 {
		_ = d.Chmod(0o700) // it holds copies of mood and health notes
	}
	return nil
}

// beforeOpen is a seam for the tests: it runs between making a path's
// folder and tend's first touch of the path, where a hostile process could
// swap a symlink in.
var beforeOpen = func(path string) {}

// rotate removes the oldest copies beyond keep. It lists and removes
// through one descriptor of the folder, opened without following a link,
// and removes each name relative to it (unlinkat): a folder swapped for a
// link meanwhile loses nothing, and nothing is removed wherever the link
// points.
func rotate(dir string, keep int) error {
	beforeOpen(dir)
	d, err := os.OpenFile(dir, os.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_DIRECTORY|syscall.O_NONBLOCK, 0)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer d.Close()
	entries, err := d.ReadDir(-1)
	if err != nil {
		return err
	}
	names := copiesAmong(entries)
	afterList(dir)
	for len(names) > keep {
		if err := unix.Unlinkat(int(d.Fd()), names[0], 0); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("could not remove the old copy %s: %w", filepath.Join(dir, names[0]), err)
		}
		names = names[1:]
	}
	return nil
}

// afterList is a seam for the tests: it runs between listing the backups
// folder and removing its oldest copies, where the folder could be swapped.
var afterList = func(dir string) {}

// AutoBackup is the day's automatic copy, run after a command that wrote
// has committed: nothing when backups is off, when there is no database, or
// when today already has a copy. It returns the copy's path, or "" when it
// wrote none; an error is for a note only, since what the command saved is
// saved either way.
func AutoBackup(st Store, now time.Time) (string, error) {
	cfg, err := LoadConfig()
	if err != nil || !cfg.Backups {
		return "", err
	}
	if ok, err := st.Exists(); err != nil || !ok {
		return "", err
	}
	dir := backupFolder(cfg, st.Path())
	names, err := backupCopies(dir)
	if err != nil {
		return "", err
	}
	today := now.Format("2006-01-02")
	for _, n := range names {
		if copyName().FindStringSubmatch(n)[1] == today {
			return "", nil
		}
	}
	dest, _, err := writeBackupCopy(st, cfg, now)
	if err != nil {
		return "", err
	}
	return dest, rotate(dir, cfg.BackupsKeep)
}

// listBackups is `tend backup --list`: this database's copies, newest
// first, each with the command that puts it back.
func listBackups(env Env) error {
	cfg, err := LoadConfig()
	if err != nil {
		return err
	}
	dir := backupFolder(cfg, env.Store.Path())
	names, err := backupCopies(dir)
	if err != nil {
		return fmt.Errorf("could not read the backups folder %s (%v)", dir, unwrapPath(err))
	}
	if len(names) == 0 {
		return writeLines(env.Out, fmt.Sprintf("There are no backups of %s in %s yet; `tend backup` makes one.",
			env.Store.Path(), dir))
	}
	lines := []string{fmt.Sprintf("Backups of %s, newest first. To put one back, quit tend and run its command:", env.Store.Path())}
	for i := len(names) - 1; i >= 0; i-- {
		p := filepath.Join(dir, names[i])
		size := ""
		if info, err := os.Stat(p); err == nil {
			size = " (" + sizeWords(info.Size()) + ")"
		}
		lines = append(lines, fmt.Sprintf("  %s%s", copyWhen(names[i]), size),
			fmt.Sprintf("    cp %s %s", shellQuote(p), shellQuote(env.Store.Path())))
	}
	return writeLines(env.Out, lines...)
}

// copyWhen is a copy's time from its name: "2026-03-02 15:04".
func copyWhen(name string) string {
	t, err := time.Parse("2006-01-02-150405", strings.TrimSuffix(strings.TrimPrefix(name, "tend-"), ".db")[:17])
	if err != nil {
		return name
	}
	return t.Format("2006-01-02 15:04")
}

// shellQuote quotes a path for a POSIX shell when it needs it.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-+") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
