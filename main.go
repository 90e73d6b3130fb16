// Command tend is a gentle habit coach for the terminal.
//
// main only wires things up: it reads the global options, picks the database
// file and the clock, then runs a shell command or the TUI and turns any
// error into one plain sentence and an exit status.
package main

import (
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/term"

	"tend/coach"
	"tend/store"
	"tend/tui"
	"tend/tui/cli"
)

// version is tend's release; `tend version` prints it.
const version = "0.1.0"

// Exit statuses (DESIGN.md "Command line").
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	db, args, err := splitDB(args)
	if err != nil {
		return report(stderr, cli.UsageError{Msg: err.Error()})
	}
	if len(args) > 0 {
		switch args[0] {
		case "-h", "--help", "-help":
			fmt.Fprint(stdout, cli.Help())
			return exitOK
		case "--version", "-version":
			args[0] = "version"
		}
	}
	clock, speed, err := clockFromEnv(os.Getenv("TEND_NOW"), os.Getenv("TEND_SPEED"), time.Now)
	if err != nil {
		return report(stderr, cli.UsageError{Msg: err.Error()})
	}
	path, err := dbPath(db)
	if err != nil {
		return report(stderr, err)
	}
	st := store.New(path)
	if len(args) == 0 {
		before := fileStamp(path)
		restore := collectLate()
		err := runTUI(st, path, clock, speed, restore)
		if err == nil && fileStamp(path) != before {
			syncAfterWrite(cli.Env{Store: st, Clock: clock}, stderr)
			autoBackup(st, clock, stderr)
		}
		return report(stderr, err)
	}
	if !cli.IsCommand(args[0]) {
		return report(stderr, cli.NoSuchCommand(args[0]))
	}
	if boundedCommands[args[0]] {
		collectLate()
	}
	if streamedCommands[args[0]] {
		collectLess()
	}
	env := cli.Env{Store: st, Clock: clock, Out: stdout, Width: terminalWidth(os.Stdout), Styles: tui.DefaultStyles(), Version: version,
		Err: stderr, ErrIsTerminal: stderr == io.Writer(os.Stderr) && term.IsTerminal(os.Stderr.Fd()),
		In: os.Stdin, InIsTerminal: term.IsTerminal(os.Stdin.Fd())}
	err = cli.RunCommand(args[0], args[1:], env)
	if err == nil && cli.Writes(args[0], args[1:]) {
		if args[0] != "sync" {
			syncAfterWrite(env, stderr)
		}
		autoBackup(st, clock, stderr)
	}
	return report(stderr, err)
}

var backupMu sync.Mutex

// syncMu keeps the app's background sync steps (a save going out, a look
// merging) one at a time: two at once could send one change twice.
var syncMu sync.Mutex

// autoBackup writes the day's automatic copy after a write has committed
// (DESIGN "Command line", `tend backup`). What was saved is saved either
// way, so a copy that cannot be written is a note, not a failure.
func autoBackup(st *store.Store, clock func() time.Time, stderr io.Writer) {
	backupMu.Lock() // the app's saves run it in the background: two in a row make one copy
	defer backupMu.Unlock()
	if _, err := cli.AutoBackup(st, clock()); err != nil {
		fmt.Fprintf(stderr, "Your change is saved, but today's backup copy could not be written: %s\n", tui.PlainError(err))
	}
}

// syncAfterWrite sends a saved change to the sync folder, when sync is
// on; when it cannot, the change waits in the database for the next try.
func syncAfterWrite(env cli.Env, stderr io.Writer) {
	if err := cli.SyncAfterWrite(env); err != nil {
		fmt.Fprintf(stderr, "Your change is saved here, but it could not go to the sync folder yet: %s It goes out with the next change or `tend sync`.\n",
			tui.PlainError(err))
	}
}

// fileStamp is what tells whether the TUI wrote the database: its size and
// modification time, or nothing when there is no file.
func fileStamp(path string) string {
	info, err := os.Lstat(path)
	if err != nil {
		return ""
	}
	return fmt.Sprint(info.Size(), info.ModTime().UnixNano())
}

// boundedCommands read a bounded window (every goal's recent days, or one
// goal's) and exit: what they allocate is a few MiB that lives until they
// print, so collecting it meanwhile only costs time.
var boundedCommands = map[string]bool{"today": true, "status": true, "done": true}

// lateHeap is the heap a bounded command reaches before the collector
// runs at all: far above what 100 goals' recent days take (about 8 MiB),
// so on any real file it never runs, and a ceiling should one be larger.
const lateHeap = 48 << 20

// collectLate turns the collector off until the heap reaches lateHeap
// (a sixth of `tend today`'s CPU on 100 goals was the collector, at no
// saving in peak memory) and returns what turns it back on, for a program
// that goes on running. A GOGC or GOMEMLIMIT the person set wins.
func collectLate() (restore func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	pct, limit := debug.SetGCPercent(-1), debug.SetMemoryLimit(lateHeap)
	return func() { debug.SetGCPercent(pct); debug.SetMemoryLimit(limit) }
}

// streamedCommands read every goal's whole history one goal at a time
// and let each go before the next: the heap that lives stays a goal's
// history (a MiB or two), however long the file's, while a review of 100
// goals × 20 years allocates some 40 MiB on the way. At the collector's
// usual pace that is a collection every 2–3 MiB, a dozen, a tenth of the
// review's time; at streamedGCPercent they are a few, and the heap is
// still bounded by a small multiple of one goal's history.
var streamedCommands = map[string]bool{"review": true, "streaks": true}

// streamedGCPercent lets the heap grow to five times what lives before a
// collection (the runtime's floor for it is then 16 MiB).
const streamedGCPercent = 400

// collectLess runs the collector less often (streamedGCPercent), unless
// the person set GOGC or GOMEMLIMIT.
func collectLess() {
	if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetGCPercent(streamedGCPercent)
	}
}

func runTUI(st *store.Store, path string, clock func() time.Time, speed float64, loaded func()) error {
	if !term.IsTerminal(os.Stdin.Fd()) || !term.IsTerminal(os.Stdout.Fd()) {
		return errors.New("tend's screens need a terminal. From a script, use the commands instead: " +
			"`tend today`, `tend done NAME`, `tend goals` (see `tend --help`)")
	}
	// Loaded before the program starts: its first frame is Today.
	cfg, err := cli.LoadConfig()
	if err != nil {
		cfg = cli.DefaultConfig() // `tend config` says what is wrong with the file; the app opens anyway
	}
	say, notify := tui.SessionCues(cfg.Sound, cfg.Notify)
	// A held clock (TEND_SPEED=0) would stop the session, so it counts
	// real time then, as sessionSecond does.
	sessionClock := clock
	if speed <= 0 {
		sessionClock = time.Now
	}
	// The other devices' changes come in before the first frame (SYNC §1).
	syncEnv := cli.Env{Store: st, Clock: clock, Out: io.Discard}
	_ = cli.MergeIfChanged(syncEnv)
	updated := func() string {
		if said, err := cli.TakeUpdated(syncEnv); err == nil {
			return said
		}
		return ""
	}
	merge := func() string {
		syncMu.Lock()
		defer syncMu.Unlock()
		_ = cli.MergeIfChanged(syncEnv) // busy or unreadable: the next look tries again
		return updated()
	}
	// Each save of the app goes to the sync folder too (SYNC §5); one that
	// cannot waits in the database for the next write, look or `tend sync`.
	afterWrite := func() {
		syncMu.Lock()
		_ = cli.SyncAfterWrite(syncEnv)
		syncMu.Unlock()
		autoBackup(st, clock, io.Discard)
	}
	m, err := tui.New(tui.Deps{Store: st, Path: path, Clock: clock, Styles: tui.DefaultStyles(), Notice: updated(), Merge: merge,
		SessionSecond: sessionSecond(speed), Bell: os.Stdout, SessionClock: sessionClock, Say: say, Notify: notify,
		SetDayStart: st.SetDayStartHour, AfterWrite: afterWrite,
		Export: func() (string, error) { return cli.ExportBeside(cli.Env{Store: st, Clock: clock}) }}).Preload()
	if err != nil {
		return err
	}
	loaded() // the app runs for hours: its garbage is collected as usual
	final, err := tea.NewProgram(m, tea.WithAltScreen()).Run()
	if err != nil {
		return fmt.Errorf("the terminal could not be used: %w", err)
	}
	if fm, ok := final.(tui.Model); ok {
		return fm.Err()
	}
	return nil
}

// report prints err as a sentence on stderr and returns the exit status.
func report(stderr io.Writer, err error) int {
	if err == nil {
		return exitOK
	}
	msg := printableLines(tui.PlainError(err))
	if stderr == io.Writer(os.Stderr) {
		msg = strings.Join(tui.Hanging(msg, terminalWidth(os.Stderr), 0), "\n")
	}
	fmt.Fprintln(stderr, msg)
	var usage cli.UsageError
	if errors.As(err, &usage) {
		return exitUsage
	}
	return exitFail
}

// printableLines is msg with each line made printable: an error may quote
// what came from a file or the command line, and stderr is a terminal too.
func printableLines(msg string) string {
	lines := strings.Split(msg, "\n")
	for i, l := range lines {
		lines[i] = coach.Printable(l)
	}
	return strings.Join(lines, "\n")
}

// terminalWidth is the width to wrap printed text at: the terminal's, at
// most 100 so lines stay readable, or tui.NoWrap when f is not a terminal
// (DESIGN: plain output to a file or a pipe is not wrapped).
func terminalWidth(f *os.File) int {
	if !term.IsTerminal(f.Fd()) {
		return tui.NoWrap
	}
	width, _, err := term.GetSize(f.Fd())
	if err != nil || width <= 0 {
		return 80
	}
	return min(width, 100)
}

// splitDB takes --db PATH (or --db=PATH) out of the arguments wherever it
// stands, since the database is chosen before any command runs.
func splitDB(args []string) (string, []string, error) {
	db := os.Getenv("TEND_DB")
	var rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return db, append(rest, args[i:]...), nil
		case a == "--db" || a == "-db":
			if i+1 >= len(args) || args[i+1] == "" {
				return "", nil, errors.New("--db needs a file path")
			}
			db, i = args[i+1], i+1
		case strings.HasPrefix(a, "--db=") || strings.HasPrefix(a, "-db="):
			db = a[strings.Index(a, "=")+1:]
			if db == "" {
				return "", nil, errors.New("--db needs a file path")
			}
		default:
			rest = append(rest, a)
		}
	}
	return db, rest, nil
}

// dbPath is --db or TEND_DB, else $XDG_DATA_HOME/tend/tend.db, else
// ~/.local/share/tend/tend.db.
func dbPath(flagged string) (string, error) {
	if flagged != "" {
		return filepath.Abs(flagged)
	}
	if x := os.Getenv("XDG_DATA_HOME"); x != "" && filepath.IsAbs(x) {
		return filepath.Join(x, "tend", "tend.db"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", errors.New("tend cannot find your home folder to keep its data in; set HOME, or pass --db PATH")
	}
	return filepath.Join(home, ".local", "share", "tend", "tend.db"), nil
}

// clockFromEnv is the real clock, or one that starts where TEND_NOW says
// (an RFC 3339 time, or YYYY-MM-DD meaning noon that day, local time) and
// runs at TEND_SPEED times real time (default 1; 0 holds it still). It also
// returns the speed, which the guided session's timer follows.
func clockFromEnv(now, speedVar string, real func() time.Time) (func() time.Time, float64, error) {
	speed := 1.0
	if speedVar != "" {
		v, err := strconv.ParseFloat(speedVar, 64)
		if err != nil || v < 0 || v > maxSpeed || math.IsNaN(v) {
			return nil, 0, fmt.Errorf("TEND_SPEED=%q is not a speed; use a number from 0 to %d, like 60 for a minute a second", speedVar, maxSpeed)
		}
		speed = v
	}
	if now == "" && speed == 1 {
		return real, speed, nil
	}
	start := real()
	if now != "" {
		var err error
		if start, err = parseNow(now); err != nil {
			return nil, 0, err
		}
	}
	began := real()
	return func() time.Time {
		return start.Add(time.Duration(float64(real().Sub(began)) * speed))
	}, speed, nil
}

// maxSpeed bounds TEND_SPEED: a day in under ten seconds is plenty. [D]
const maxSpeed = 10000

func parseNow(v string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t.Local(), nil
	}
	d, err := coach.ParseDay(v)
	if err != nil {
		return time.Time{}, fmt.Errorf("TEND_NOW=%q is not a time; use YYYY-MM-DD or an RFC 3339 time like 2026-03-02T08:00:00Z", v)
	}
	y, m, dd := d.Date()
	return time.Date(y, m, dd, 12, 0, 0, 0, time.Local), nil
}

// sessionSecond is how long a second of the guided session lasts at a
// clock speed: a held clock (0) keeps the session in real time, so that it
// still moves.
func sessionSecond(speed float64) time.Duration {
	if speed <= 0 {
		return time.Second
	}
	return time.Duration(float64(time.Second) / speed)
}
