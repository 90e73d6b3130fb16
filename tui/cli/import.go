package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"tend/coach"
	"tend/tui"
	"tend/tui/cli/importfmt"
)

// `tend import`: another app's history, or tend's own export, into this
// database (IMPORT.md). The input is read and checked whole first
// (importfmt), then matched against the database and written by the store
// in one transaction, or a few of whole goals for a very large import
// (store.Import says why), so a bad line anywhere leaves the file as it was.

type importFlags struct {
	dry, json, auto bool
	from, as        string
}

func importCommand(fs *flag.FlagSet) func(Env, []string) error {
	var f importFlags
	fs.BoolVar(&f.dry, "dry-run", false, "show what would change, and write nothing")
	fs.StringVar(&f.from, "from", "", "tend, loop, harsh or dijo: the format to expect (harsh and dijo: read their own folder)")
	fs.BoolVar(&f.json, "json", false, "print the report as JSON")
	fs.StringVar(&f.as, "as", "", "import a source with one habit into the goal NAME (or a new goal called NAME)")
	fs.BoolVar(&f.auto, "include-auto", false, "also import dijo's auto habits")
	return func(env Env, args []string) error {
		input, err := importInput(f.from, args)
		if err != nil {
			return err
		}
		snap, err := env.Store.Snapshot(coach.DayOf(9999, time.December, 31))
		if err != nil {
			return err
		}
		today := env.today(snap)
		if os.Getenv("GOMEMLIMIT") == "" {
			// The whole input is held while it is written, and bbolt holds
			// a transaction's pages until it commits: a soft limit makes the
			// collector keep twenty years of history within budget.
			defer debug.SetMemoryLimit(debug.SetMemoryLimit(importMemory))
		}
		bar := newProgress(env)
		opt := importfmt.Options{Today: today, IncludeAuto: f.auto, Progress: bar.reading}
		src, err := importfmt.Read(input, opt, f.from)
		if err != nil {
			return err
		}
		if f.as != "" && len(src.Habits) != 1 {
			return usagef("--as needs a source with exactly one habit to import; %s has %d", input, len(src.Habits))
		}
		m := &matcher{src: src, as: f.as, now: env.Clock().UTC().Truncate(time.Second)}
		res, err := env.Store.Import(f.dry, m.plan, bar.show)
		bar.clear()
		if err != nil {
			return err
		}
		rep := m.report(res, f.dry)
		if f.json {
			enc := json.NewEncoder(env.Out)
			enc.SetEscapeHTML(false)
			return enc.Encode(rep)
		}
		return writeLines(env.Out, wrapReport(rep.lines(), env.Width)...)
	}
}

// wrapReport wraps each line to the terminal, continuing under its text.
func wrapReport(lines []string, width int) []string {
	var out []string
	for _, l := range lines {
		text := strings.TrimLeft(l, " ")
		indent := len(l) - len(text)
		w := tui.Hanging(text, width, indent+2)
		out = append(out, strings.Repeat(" ", indent)+w[0])
		out = append(out, w[1:]...)
	}
	return out
}

// importInput is the file or folder to read: FILE, or with --from harsh or
// dijo and no FILE, that program's own folder (IMPORT §1).
func importInput(from string, args []string) (string, error) {
	switch from {
	case "", "tend", "loop", "harsh", "dijo":
	default:
		return "", usagef("--from %q is not one tend reads; use tend, loop, harsh or dijo", from)
	}
	if len(args) == 1 {
		return args[0], nil
	}
	home, _ := os.UserHomeDir()
	switch from {
	case "harsh":
		if p := os.Getenv("HARSHPATH"); p != "" {
			return p, nil
		}
		if runtime.GOOS == "windows" {
			return filepath.Join(os.Getenv("APPDATA"), "harsh"), nil
		}
		return filepath.Join(home, ".config", "harsh"), nil
	case "dijo":
		switch {
		case runtime.GOOS == "darwin":
			return filepath.Join(home, "Library", "Application Support", "rs.nerdypepper.dijo"), nil
		case runtime.GOOS == "windows":
			return filepath.Join(os.Getenv("APPDATA"), "nerdypepper", "dijo", "data"), nil
		case os.Getenv("XDG_DATA_HOME") != "":
			return filepath.Join(os.Getenv("XDG_DATA_HOME"), "dijo"), nil
		}
		return filepath.Join(home, ".local", "share", "dijo"), nil
	case "":
		return "", usagef("Say what to import, for example `tend import export.json`, or `tend import --from harsh`.")
	}
	return "", usagef("--from %s needs a FILE: `tend import FILE --from %s`", from, from)
}

// importMemory is the soft memory limit of an import (IMPORT's budget for a
// 20-year, 100-goal export is 256 MiB of peak memory). [D]
const importMemory = 192 << 20

// progress draws a bar on stderr once an import has run for a second, and
// only when stderr is a terminal (IMPORT §1).
type progress struct {
	env   Env
	start time.Time
	last  time.Time
	drawn bool
}

func newProgress(env Env) *progress { return &progress{env: env, start: time.Now()} }

// reading shows the first half of the bar: the input read.
func (p *progress) reading(done, total int64) {
	if total > 0 {
		p.draw("Reading  ", int(done*1000/total), 1000)
	}
}

// show shows the second: the check-ins written.
func (p *progress) show(done, total int) { p.draw("Importing", done, total) }

func (p *progress) draw(what string, done, total int) {
	if !p.env.ErrIsTerminal || p.env.Err == nil || total == 0 {
		return
	}
	now := time.Now()
	if now.Sub(p.start) < time.Second || now.Sub(p.last) < 100*time.Millisecond {
		return
	}
	p.last, p.drawn = now, true
	const width = 30
	filled := done * width / total
	fmt.Fprintf(p.env.Err, "\r%s %s%s %3d%%", what, strings.Repeat("█", filled), strings.Repeat("░", width-filled), done*100/total)
}

func (p *progress) clear() {
	if p.drawn {
		fmt.Fprint(p.env.Err, "\r\x1b[K")
	}
}
