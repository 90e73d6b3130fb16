package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"tend/coach"
)

// `tend backup` and `tend export`: the two copies of a person's data. A
// backup is the database file itself, copied from one read transaction, to
// put back in place after damage; an export is the whole database as
// DESIGN.md's JSON document, to read, keep or take elsewhere. Both are
// written to a temporary file beside their destination, synced, and renamed
// into place, so a crash or a full disk never leaves half a copy under the
// real name.

func backupCommand(fs *flag.FlagSet) func(Env, []string) error {
	out := fs.String("out", "", "write the copy to FILE (default: the backups folder, see `tend config`); "+
		"an existing FILE needs --force")
	force := fs.Bool("force", false, "replace FILE if it exists (never a link, device, FIFO or socket)")
	list := fs.Bool("list", false, "list this database's copies, each with the command that puts it back")
	return func(env Env, _ []string) error {
		if *list {
			return listBackups(env)
		}
		st := env.Store
		if ok, err := st.Exists(); err != nil {
			return err
		} else if !ok {
			return fmt.Errorf("there is no database at %s yet, so there is nothing to back up", st.Path())
		}
		dest, n, err := backupTo(env, *out, *force)
		if err != nil {
			return err
		}
		return confirm(env,
			fmt.Sprintf("Backed up %s to %s (%s).", st.Path(), dest, sizeWords(n)),
			fmt.Sprintf("To restore it, quit tend and copy it over %s.", st.Path()))
	}
}

// backupTo writes the copy to FILE, or into the backups folder.
func backupTo(env Env, out string, force bool) (string, int64, error) {
	st := env.Store
	if out == "" {
		cfg, err := LoadConfig()
		if err != nil {
			return "", 0, err
		}
		return writeBackupCopy(st, cfg, env.Clock())
	}
	place := placeNew
	if force {
		place = placeReplace
	}
	dest, place, err := outTarget(out, st.Path(), place)
	if err != nil {
		return "", 0, err
	}
	var n int64
	dest, err = writeAtomically(dest, place, func(w io.Writer) error {
		n, err = st.Backup(w)
		return err
	})
	return dest, n, err
}

func exportCommand(fs *flag.FlagSet) func(Env, []string) error {
	format := fs.String("format", "json", "json, or csv: one row per check-in, for spreadsheets")
	out := fs.String("out", "", "write to FILE instead of standard output; an existing FILE needs --force")
	force := fs.Bool("force", false, "replace FILE if it exists (never a link, device, FIFO or socket)")
	return func(env Env, _ []string) error {
		kind := strings.ToLower(*format)
		if kind != "json" && kind != "csv" {
			return usagef("--format %q is not one tend knows; use --format json or --format csv", *format)
		}
		st := env.Store
		var n [3]int
		write := func(w io.Writer) (err error) {
			if kind == "csv" {
				n, err = exportCSV(w, st)
			} else {
				n, err = streamExportJSON(w, env)
			}
			return err
		}
		if *out == "" {
			// Streamed as it is read: a record that turns out damaged half
			// way stops it there, with the damage said on stderr and exit
			// status 1; --out never leaves half a file.
			return write(env.Out)
		}
		place := placeNew
		if *force {
			place = placeReplace
		}
		dest, place, err := outTarget(*out, st.Path(), place)
		if err != nil {
			return err
		}
		if dest, err = writeAtomically(dest, place, write); err != nil {
			return err
		}
		if kind == "csv" { // the CSV holds check-ins only, one a row
			return confirm(env, fmt.Sprintf("Exported %s of %s to %s.", countOf(n[1], "check-in"), countOf(n[0], "goal"), dest))
		}
		return confirm(env, fmt.Sprintf("Exported %s, %s and %s to %s.",
			countOf(n[0], "goal"), countOf(n[1], "check-in"), countOf(n[2], "decision"), dest))
	}
}

// streamExportJSON writes the JSON export with the device that wrote it,
// record by record, and returns the goals, check-ins and decisions written.
func streamExportJSON(w io.Writer, env Env) ([3]int, error) {
	id, err := env.Store.DeviceID()
	if err != nil {
		return [3]int{}, err
	}
	var device *exportDeviceJSON
	if id != "" {
		device = &exportDeviceJSON{ID: id, Label: deviceLabel()}
	}
	x := newExportWriter(w)
	err = env.Store.Walk(func(a coach.Archive) error { return x.head(a, device) }, x.checkIn, x.decision)
	if err == nil {
		err = x.end()
	}
	return x.n, err
}

// deviceLabel is this machine's name as SYNC §2 has it: the host name,
// cleaned, at most 40 characters.
func deviceLabel() string {
	host, err := os.Hostname()
	if err != nil {
		return ""
	}
	host = strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return -1
		}
		return r
	}, host)
	if r := []rune(host); len(r) > 40 {
		host = string(r[:40])
	}
	return host
}

// numbered is the name of the nth copy of the day: tend-2026-03-02-2.db.bak.
func numbered(name string, n int) string {
	if n < 2 {
		return name
	}
	rest := strings.TrimSuffix(name, ".bak")
	ext := filepath.Ext(rest)
	return strings.TrimSuffix(rest, ext) + "-" + strconv.Itoa(n) + ext + ".bak"
}

func sizeWords(n int64) string {
	if n < 1<<20 {
		return fmt.Sprintf("%d KB", (n+1023)/1024)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

func countOf(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
