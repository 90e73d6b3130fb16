package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"tend/tui"
)

// `tend man` prints tend(1) in roff, made from the command table, so the
// manual lists every command and flag that exists and nothing that does
// not. `tend man | man -l -` shows it; the README says where to put it.

func manCommand(*flag.FlagSet) func(Env, []string) error {
	return func(env Env, _ []string) error {
		_, err := io.WriteString(env.Out, manPage(env.Version))
		return err
	}
}

// roff escapes text for a roff line: backslashes, hyphens (so that flags
// copy and paste as typed), and a leading dot or quote.
func roff(s string) string {
	s = strings.ReplaceAll(s, `\`, `\e`)
	s = strings.ReplaceAll(s, "-", `\-`)
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
		s = `\&` + s
	}
	return s
}

func manPage(version string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `.TH TEND 1 "" "tend %s" "User Commands"
.SH NAME
tend \- a gentle habit coach for the terminal
.SH SYNOPSIS
.B tend
[\fB\-\-db\fR \fIPATH\fR]
[\fICOMMAND\fR [\fIARGS\fR]]
.SH DESCRIPTION
tend turns "start small and build up" into a plan you can follow: each day it offers one
achievable target per goal, takes a check\-in in a few keystrokes, raises the target only when
you are ready and eases it back when life gets in the way.
Rest days and a missed day never break anything.
Without a command, tend opens its screens on Today.
.PP
NAME matches a goal by name, in any case, or by a unique prefix; flags may come before or after it.
tend helps with habits; it is not medical or mental\-health care.
.SH COMMANDS
`, roff(version))
	for _, c := range visible() {
		b.WriteString(".PP\n")
		for i, line := range strings.Split(c.usage, "\n") {
			if i > 0 {
				b.WriteString(".br\n")
			}
			fmt.Fprintf(&b, ".B %s\n", roff(strings.TrimSpace(line)))
		}
		fmt.Fprintf(&b, ".RS\n%s.\n", roff(tui.UpperFirst(c.about)))
		for _, f := range c.flagList() {
			b.WriteString(".TP\n")
			arg := ""
			if f.takesValue {
				arg = ` \fI` + roff(metavar(f.name)) + `\fR`
				if f.values != nil {
					arg = ` \fI` + roff(strings.Join(f.values, "|")) + `\fR`
				}
			}
			fmt.Fprintf(&b, "\\fB\\-\\-%s\\fR%s\n%s\n", roff(f.name), arg, roff(f.usage))
		}
		b.WriteString(".RE\n")
	}
	b.WriteString(manTail)
	return b.String()
}

// metavar is what a flag's value is called in the synopses above it.
func metavar(flagName string) string {
	if v, ok := map[string]string{"out": "FILE", "at": "HH:MM", "date": "YYYY-MM-DD", "note": "TEXT", "name": "NEW",
		"on": "DAYS", "days": "N", "amount": "N", "start": "N", "step": "N", "max": "N", "every": "K",
		"mood-before": "0-10", "mood-after": "0-10", "capacity": "MINUTES"}[flagName]; ok {
		return v
	}
	return strings.ToUpper(flagName)
}

// manTail is the part of the manual that is not a command: options,
// environment, files and exit status (DESIGN.md "Time", "Data", "Command line").
const manTail = `.SH OPTIONS
.TP
\fB\-\-db\fR \fIPATH\fR
The database file, wherever it stands on the command line.
.TP
\fB\-\-help\fR, \fBhelp\fR [\fICOMMAND\fR]
The list of commands, or one command's flags.
.TP
\fB\-\-version\fR
Print tend's version.
.SH ENVIRONMENT
.TP
.B TEND_DB
The database file, as \fB\-\-db\fR.
.TP
.B TEND_NOW
Start the clock at this instant, for demos and tests: an RFC 3339 time, or YYYY\-MM\-DD meaning noon that day.
.TP
.B TEND_SPEED
Run the clock at this many times real time (default 1; 0 holds it still, 60 makes a minute pass in a second).
.TP
.B NO_COLOR
Print plain text without colour.
.TP
.B CLICOLOR
Set to 0 for plain text without colour, as NO_COLOR.
.TP
.B XDG_DATA_HOME
Where the database lives (default ~/.local/share).
.TP
.B XDG_CONFIG_HOME
Where the per\-machine settings live (default ~/.config).
.TP
.B XDG_STATE_HOME
Where the automatic backups and the day of the last reminder are kept (default ~/.local/state).
.SH FILES
.TP
.I $XDG_DATA_HOME/tend/tend.db
The database (folder 0700, file 0600: it holds mood and health notes).
.TP
.I $XDG_CONFIG_HOME/tend/config.toml
Optional per\-machine settings: backups, backups\-keep, backups\-dir, sound, notify, remind\-at.
\fBtend config\fR shows them and writes the file.
.TP
.I $XDG_STATE_HOME/tend/backups/
The automatic daily copies of each database, in a folder named for it; \fBtend backup \-\-list\fR lists them.
.TP
.I $XDG_STATE_HOME/tend/remind
The last day \fBtend remind\fR reminded you.
.SH EXIT STATUS
.TP
.B 0
Done.
.TP
.B 1
Could not be done: a busy, damaged or unwritable database, an unknown goal, or a session on a paused day.
The message says what to do.
.TP
.B 2
The command line was wrong: an unknown command or flag, a bad value, or a future date.
.SH EXAMPLES
.nf
tend add Walk \-\-plan daily\-walk
tend done walk \-\-effort easy
tend completion bash > ~/.local/share/bash\-completion/completions/tend
tend man > ~/.local/share/man/man1/tend.1
.fi
.SH SEE ALSO
The README in tend's source, and \fBbbolt check\fR for a database that looks damaged.
`
