// Package cli is tend's command line without the screens: `tend today`,
// `tend done walk 12`, `tend review --json`, `tend backup` and the rest.
// Each command parses its flags (before or after the goal's name), reads or
// writes through a small Store that *store.Store satisfies, and prints with
// the renderers it shares with the screens in package tui, so that
// `tend today` and the Today screen never disagree. RunCommand is the way
// in; main picks the database and the clock and turns errors into exit
// statuses (a UsageError is status 2).
package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"tend/coach"
	"tend/tui"
)

// Store is what the commands need of the database; *store.Store has it.
// Backup and export are here beside the day-to-day calls, so no command
// has to ask at run time whether its store can be copied.
type Store interface {
	Snapshot(from coach.Day) (coach.Snapshot, error)
	// Recent is Snapshot a goal at a time: head sees the goals, then fn
	// each goal with its window of check-ins, lent (see store.Recent).
	Recent(from coach.Day, head func(coach.Snapshot) error, fn func(coach.Goal, []coach.CheckIn) error) error
	// Head is the settings and the goals, no check-ins: a name and the day.
	Head() (coach.Snapshot, error)
	AddGoal(g coach.Goal) (coach.Goal, error)
	CheckIn(goalID uint64, e coach.Entry, today coach.Day) (coach.Recorded, error)
	Undo(goalID uint64, day coach.Day) (coach.CheckIn, error)
	EditCheckIn(goalID uint64, day, today coach.Day, edit func(coach.CheckIn) (coach.CheckIn, error)) (coach.Recorded, error)
	CheckIns(goalID uint64, from, to coach.Day) ([]coach.CheckIn, error)
	Decisions(goalID uint64, from, to coach.Day) ([]coach.Decision, error)
	// Changes are the decisions that changed something: all a review shows.
	Changes(goalID uint64, from, to coach.Day) ([]coach.Decision, error)
	// Histories hands out goals one at a time with their check-ins and
	// changes up to a day, from one read (see store.Histories).
	Histories(ids []uint64, to coach.Day, fn func(coach.Goal, []coach.CheckIn, []coach.Decision) error) error
	// HeadHistories is Head then Histories from one read: pick sees the
	// settings and every goal's id and name, and names the goals (nil: all) and
	// the last day (see store.HeadHistories).
	HeadHistories(pick func(coach.Snapshot) ([]uint64, coach.Day, error), fn func(coach.Goal, []coach.CheckIn, []coach.Decision) error) error
	// Window is Histories over days from..to only: the report's weeks.
	Window(ids []uint64, from, to coach.Day, fn func(coach.Goal, []coach.CheckIn, []coach.Decision) error) error
	EditGoal(id uint64, edit func(coach.Goal) (coach.Goal, error)) (coach.Goal, error)
	EditGoalAdding(id uint64, edit func(coach.Goal) (coach.Goal, coach.Goal, error)) (coach.Goal, coach.Goal, error)
	DeleteGoal(id uint64) error
	Path() string
	Exists() (bool, error)
	Backup(w io.Writer) (int64, error)
	Archive() (coach.Archive, error)
	// Walk hands out the whole database a record at a time, in the
	// export's order, from one read (see store.Walk).
	Walk(head func(coach.Archive) error, checkIn func(uint64, coach.CheckIn) error,
		decision func(uint64, coach.Decision) error) error
	// Import runs plan inside the write transaction and replays what it
	// returns through the engine (see store.Import); DeviceID names this
	// database's device in exports.
	Import(dry bool, plan func(coach.ImportLocal) (coach.ImportBatch, error), progress func(done, total int)) (coach.ImportResult, error)
	DeviceID() (string, error)
	// SetDayStartHour keeps the hour a new day starts (`tend config day-start`).
	SetDayStartHour(hour int) error
	// SyncMeta and SetSyncMeta keep sync's device-local record; Rebuild
	// replaces the history with a merge's, and the record with it, in one
	// transaction (see store.Rebuild).
	SyncMeta() ([]byte, error)
	SetSyncMeta(v []byte) error
	Rebuild(a coach.Archive, meta []byte) error
	// SyncSums, SyncRead and SetSyncMetaSums find what a write changed
	// since the last sync step by digests (see store.SyncSums).
	SyncSums() (now, was map[string]uint32, goals []coach.Goal, err error)
	SyncRead(ids []uint64, months map[uint64][]string) (coach.Archive, error)
	SetSyncMetaSums(meta []byte, sums map[string]uint32) error
	RebuildGoals(a coach.Archive, meta []byte) error
	// NewDeviceID gives a copied database an id of its own.
	NewDeviceID() (string, error)
}

// Env is what a command runs with.
type Env struct {
	Store   Store
	Clock   func() time.Time
	Out     io.Writer
	Width   int
	Styles  tui.Styles
	Version string
	// Err is standard error, for an import's progress bar, drawn only when
	// ErrIsTerminal.
	Err           io.Writer
	ErrIsTerminal bool
	// In is standard input, for the questions `tend add` asks only when
	// InIsTerminal (a script is never asked).
	In           io.Reader
	InIsTerminal bool
}

// UsageError is a command line that cannot be run as typed: exit status 2.
type UsageError struct{ Msg string }

func (e UsageError) Error() string { return e.Msg }

func usagef(format string, args ...any) error { return UsageError{Msg: fmt.Sprintf(format, args...)} }

// command is one command of the command line: its flags, what it does, and its help.
type command struct {
	name    string
	usage   string // the synopsis line
	about   string // one line for `tend --help`
	flags   func(fs *flag.FlagSet) func(env Env, args []string) error
	minArgs int
	maxArgs int
	arg     argKind             // what the words after the name are (table.go)
	subs    []subCommand        // the words it takes first, each with its own arg; arg is then unused
	values  map[string][]string // value sets of its own flags, beside sharedValues
	writes  bool                // it may write the database (an automatic backup may follow)
	hidden  bool                // a helper for the completion scripts, not in help or man
}

// commands lists every command in the order `tend --help` shows them.
func commands() []command {
	return []command{
		{name: "today", usage: "tend today [--json]", about: "today's targets, each with its reason", flags: todayCommand},
		{name: "add", usage: "tend add NAME --plan PLAN [--days N | --on mon,wed,fri] [--capacity MINUTES] [--readiness none|some] [--cleared]\n" +
			"       tend add NAME --unit min|reps|km|mi|times --start N --step N --max N [--every K] [--days N] [--readiness none|some]",
			about: "start a goal on a built-in plan or your own ladder", flags: addCommand, minArgs: 1, maxArgs: 1, writes: true},
		{name: "done", usage: "tend done NAME [AMOUNT] [--effort easy|ok|hard] [--pain none|sore|pain|warning]\n" +
			"       [--mood-before 0-10] [--mood-after 0-10] [--note TEXT] [--minimum | --previous | --full] [--date YYYY-MM-DD] [--yes]",
			about: "check in a session (AMOUNT below the target makes it a partial one)", flags: doneCommand, minArgs: 1, maxArgs: 2, arg: argGoal, writes: true},
		{name: "edit-day", usage: "tend edit-day NAME [--date D] [--amount N] [--effort E] [--pain P]\n" +
			"       [--mood-before N] [--mood-after N] [--note TEXT]",
			about: "change a day's check-in in place", flags: editDayCommand, minArgs: 1, maxArgs: 1, arg: argGoal, writes: true},
		{name: "rest", usage: "tend rest [NAME] [--unwell | --away] [--note TEXT] [--date YYYY-MM-DD]",
			about: "mark a rest day (without NAME: every goal not yet checked in)", flags: restCommand, maxArgs: 1, arg: argGoal, writes: true},
		{name: "undo", usage: "tend undo NAME [--date YYYY-MM-DD]", about: "remove a day's check-in",
			flags: undoCommand, minArgs: 1, maxArgs: 1, arg: argGoal, writes: true},
		{name: "edit", usage: "tend edit NAME [--name NEW] [--days N | --on DAYS] [--pause | --resume [--checked] | --archive | --unarchive]\n" +
			"       tend edit NAME --keep | --next-plan [--readiness none|some] [--cleared]",
			about: "rename, change days, pause, resume or archive a goal; answer a finished plan's question", flags: editCommand, minArgs: 1, maxArgs: 1, arg: argGoal, writes: true},
		{name: "delete", usage: "tend delete NAME --yes", about: "remove a goal and its history",
			flags: deleteCommand, minArgs: 1, maxArgs: 1, arg: argGoal, writes: true},
		{name: "review", usage: "tend review [NAME] [--json]",
			about: "consistency, streaks, strength, level history, totals, mood", flags: reviewCommand, maxArgs: 1, arg: argGoal},
		{name: "streaks", usage: "tend streaks [NAME] [--json]", about: "the same as review", flags: reviewCommand, maxArgs: 1, arg: argGoal},
		{name: "status", usage: "tend status", about: "one short line for a shell prompt or status bar", flags: statusCommand},
		{name: "goals", usage: "tend goals [--json]", about: "goals with plan, level, status", flags: goalsCommand},
		{name: "plans", usage: "tend plans", about: "the built-in plans", flags: plansCommand},
		{name: "backup", usage: "tend backup [--out FILE [--force]] [--list]",
			about: "save a copy of the database into the backups folder (or FILE), or list the copies", flags: backupCommand},
		{name: "export", usage: "tend export [--format json|csv] [--out FILE [--force]]",
			about: "write all your data as JSON (or CSV), to standard output unless --out", flags: exportCommand,
			values: map[string][]string{"format": {"json", "csv"}}},
		{name: "import", usage: "tend import FILE|DIR [--dry-run] [--from tend|loop|harsh|dijo] [--json] [--as NAME] [--include-auto]\n" +
			"       tend import --from harsh|dijo [--dry-run]",
			about: "bring in a tend export, or Loop Habit Tracker, harsh or dijo history", flags: importCommand, maxArgs: 1, arg: argFile, writes: true},
		{name: "report", usage: "tend report [--weeks N] [--goal NAME] [--format text|md|html] [--out FILE [--force]] [--notes]",
			about: "a page about your last weeks to share with a doctor or a friend", flags: reportCommand,
			values: map[string][]string{"format": {"text", "md", "html"}}},
		{name: "sync", usage: "tend sync [init DIR [--label NAME] | status]",
			about: "share one history between devices through a folder your sync tool keeps in step", flags: syncCommand,
			maxArgs: 2, subs: []subCommand{{"init", argFile}, {"status", argNone}}}, // a merge is not a write of the person's: it starts no backup (DESIGN)
		{name: "help", usage: "tend help [COMMAND]", about: "this overview, or one command's help", flags: helpCommand,
			maxArgs: 1, arg: argCommand},
		{name: "completion", usage: "tend completion bash|zsh|fish",
			about: "print the shell completion script (see the README to install it)", flags: completionCommand,
			minArgs: 1, maxArgs: 1, arg: argShell},
		{name: "config", usage: "tend config [KEY [VALUE]]",
			about: "show the settings, or change one (`tend config day-start 5`)", flags: configCommand,
			maxArgs: 2, arg: argKey, writes: true},
		{name: "remind", usage: "tend remind [--install [--at HH:MM] | --uninstall]",
			about: "one gentle line when a session is still open today", flags: remindCommand},
		{name: "man", usage: "tend man", about: "print the manual page (`tend man | man -l -`)", flags: manCommand},
		{name: "version", usage: "tend version", about: "print tend's version", flags: versionCommand},
		{name: "__complete-goals", usage: "tend __complete-goals", about: "goal names for the completion scripts",
			flags: completeGoalsCommand, hidden: true},
	}
}

// IsCommand reports whether name is one of the commands.
func IsCommand(name string) bool {
	_, ok := lookup(name)
	return ok
}

// Writes reports whether the command, with these arguments, may have
// written the database, so that the day's automatic backup can follow it:
// never for --help, a --dry-run, or `tend config` that only shows.
func Writes(name string, args []string) bool {
	c, _ := lookup(name)
	for _, a := range args {
		switch a {
		case "--help", "-help", "-h", "--dry-run", "-dry-run":
			return false
		}
	}
	if name == "config" && (len(args) < 2 || args[0] != "day-start") {
		return false
	}
	return c.writes
}

// RunCommand runs one command with its arguments.
func RunCommand(name string, args []string, env Env) error {
	if c, ok := lookup(name); ok {
		return c.run(env, args)
	}
	return noSuchCommand(name)
}

// Help is the text of `tend --help`.
func Help() string {
	var b strings.Builder
	b.WriteString("tend — a gentle habit coach in your terminal.\n\nUsage:\n  tend                 open the app on Today\n")
	for _, c := range visible() {
		fmt.Fprintf(&b, "  tend %-15s %s\n", c.name, c.about)
	}
	b.WriteString(`
Run ` + "`tend help COMMAND`" + ` for a command's flags. NAME matches a goal by name or a
unique prefix, in any case; flags may come before or after it.

Options and environment:
  --db PATH        the database file (also TEND_DB); default
                   $XDG_DATA_HOME/tend/tend.db or ~/.local/share/tend/tend.db
  TEND_NOW         start the clock here, as an RFC 3339 time or YYYY-MM-DD (noon that day)
  TEND_SPEED       the clock's pace from there: 1 real time (the default), 0 holds it
                   still, 60 a minute a second (the guided session's timer follows it)
  NO_COLOR         plain text without colour

Exit status: 0 done, 1 could not be done (busy or damaged database, unknown goal),
2 the command line was wrong.

tend helps with habits; it is not medical or mental-health care.
`)
	return b.String()
}
