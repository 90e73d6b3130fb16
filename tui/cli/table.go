package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"tend/coach"
)

// The command table as data. `commands()` in cli.go is the one list of
// commands; each command's flags are declared once, on a flag.FlagSet, by
// the function that runs it. What the help, the completion scripts and the
// man page need besides (which flags take a value from a known set, what
// the words after the command are) is read here from that same table, so
// there is no second list to keep in step.

// argKind says what the words after a command name are, for completion.
type argKind int

const (
	argNone    argKind = iota
	argGoal            // a goal's name
	argFile            // a file or folder
	argShell           // bash, zsh or fish
	argCommand         // another command's name
	argKey             // a settings key
)

// subCommand is a word a command takes first (`tend sync init DIR`), with
// what the words after it are.
type subCommand struct {
	name string
	arg  argKind
}

// flagInfo is one flag of a command, as help, completion and man show it.
type flagInfo struct {
	name, usage string
	takesValue  bool
	values      []string // the values it takes, when they are a fixed set
	file        bool     // its value is a file name
	goal        bool     // its value is a goal's name (report --goal)
}

// sharedValues are the value sets of flags that mean the same wherever
// they appear; a command's own values map overrides one (export's --format
// is not report's).
func sharedValues(name string) []string {
	switch name {
	case "effort":
		return names(coach.Efforts)
	case "pain":
		return names(coach.Pains)
	case "plan":
		var ids []string
		for _, p := range coach.Plans() {
			ids = append(ids, p.ID)
		}
		return ids
	case "unit":
		return names([]coach.Unit{coach.Minutes, coach.Reps, coach.Km, coach.Miles, coach.Times})
	case "readiness":
		return []string{"none", "some"}
	case "from":
		return []string{"tend", "loop", "harsh", "dijo"}
	}
	return nil
}

func names[T fmt.Stringer](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = v.String()
	}
	return out
}

// flags lists a command's flags in name order, as its FlagSet declares them.
func (c command) flagList() []flagInfo {
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	c.flags(fs)
	var out []flagInfo
	fs.VisitAll(func(f *flag.Flag) {
		b, isBool := f.Value.(interface{ IsBoolFlag() bool })
		fi := flagInfo{name: f.Name, usage: f.Usage, takesValue: !isBool || !b.IsBoolFlag()}
		if fi.takesValue {
			fi.values = c.values[f.Name]
			if fi.values == nil {
				fi.values = sharedValues(f.Name)
			}
			fi.file = f.Name == "out"
			fi.goal = f.Name == "goal"
		}
		out = append(out, fi)
	})
	return out
}

// visible is the table without the hidden helpers the completion scripts call.
func visible() []command {
	var out []command
	for _, c := range commands() {
		if !c.hidden {
			out = append(out, c)
		}
	}
	return out
}

// argValues is what completes the words after a command of kind k, when
// they are a fixed set.
func argValues(k argKind) []string {
	switch k {
	case argShell:
		return []string{"bash", "zsh", "fish"}
	case argCommand:
		var out []string
		for _, c := range visible() {
			out = append(out, c.name)
		}
		return out
	case argKey:
		return settingKeys()
	}
	return nil
}

// lookup finds a command by name.
func lookup(name string) (command, bool) {
	for _, c := range commands() {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// noSuchCommand is the error for a command name tend does not know, with
// the nearest one when a typo is likely.
func noSuchCommand(name string) error {
	var all []string
	for _, c := range visible() {
		all = append(all, c.name)
	}
	if near := nearest(name, all); near != "" {
		return usagef("There is no command %q. Did you mean `tend %s`?", name, near)
	}
	return usagef("There is no command %q. See `tend --help` for the commands.", name)
}

// NoSuchCommand is the error main gives for a word that is not a command.
func NoSuchCommand(name string) error { return noSuchCommand(name) }

// nearest is the candidate closest to s by edits (a swap of two letters
// counts as one), case-insensitively, when it is close enough to be a
// typo: at most one edit for words up to six letters, two for longer ones
// ("dance" is not a typo of "done"). Ties go to the first candidate.
func nearest(s string, candidates []string) string {
	s = strings.ToLower(s)
	limit := 1
	if len([]rune(s)) > 6 {
		limit = 2
	}
	best, bestD := "", limit+1
	for _, c := range candidates {
		lc := strings.ToLower(c)
		d := editDistance(s, lc)
		if strings.HasPrefix(lc, s) && len(s) >= 2 {
			d = min(d, 1) // the start of a name is as good as a typo
		}
		if d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// editDistance is the optimal string alignment distance between a and b:
// insertions, deletions, substitutions and swaps of neighbours, each one.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

// helpCommand is `tend help [COMMAND]`: the overview, or one command's help.
func helpCommand(*flag.FlagSet) func(Env, []string) error {
	return func(env Env, args []string) error {
		if len(args) == 0 {
			_, err := io.WriteString(env.Out, Help())
			return err
		}
		c, ok := lookup(args[0])
		if !ok || c.hidden {
			return noSuchCommand(args[0])
		}
		_, err := io.WriteString(env.Out, c.help(c.flagSet()))
		return err
	}
}

func (c command) flagSet() *flag.FlagSet {
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	c.flags(fs)
	return fs
}

// completeGoalsCommand is the hidden `tend __complete-goals`: every goal's
// name, one a line, for the completion scripts. It only reads, never
// creates the file, and prints nothing when there is none or it is busy.
func completeGoalsCommand(*flag.FlagSet) func(Env, []string) error {
	return func(env Env, _ []string) error {
		if ok, err := env.Store.Exists(); err != nil || !ok {
			return nil
		}
		snap, err := env.goals()
		if err != nil {
			return nil // a completion never prints an error into a prompt
		}
		// Archived goals too: `tend edit Walk --unarchive` names one.
		var b strings.Builder
		for _, g := range snap.Goals {
			b.WriteString(g.Name + "\n")
		}
		_, err = io.WriteString(env.Out, b.String())
		return err
	}
}
