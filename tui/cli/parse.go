package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"tend/coach"
	"tend/tui"
)

// Reading a command line: flags before or after the goal's name, what the
// flag package found wrong in plain words, and a command's --help.

func (c command) run(env Env, args []string) error {
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	do := c.flags(fs)
	pos, err := parseInterleaved(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		_, werr := io.WriteString(env.Out, c.help(fs))
		return werr
	}
	if err != nil {
		return usagef("%s See `tend %s --help`.", tui.FullStop(c.flagProblem(err)), c.name)
	}
	switch {
	case len(pos) < c.minArgs:
		return usagef("Say which goal, for example `%s`.", strings.SplitN(c.usage, " [", 2)[0])
	case len(pos) > c.maxArgs:
		return usagef("Too many words: %q. Put a name with spaces in quotes.", strings.Join(pos, " "))
	}
	return do(env, pos)
}

// flagProblem says in plain words what the flag package found wrong. A
// flag's name is echoed as typed, made printable first: it came from
// outside, and may carry an escape sequence.
func (c command) flagProblem(err error) string {
	msg := coach.Printable(err.Error())
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		name = strings.TrimLeft(name, "-")
		var all []string
		for _, f := range c.flagList() {
			all = append(all, f.name)
		}
		if near := nearest(name, all); near != "" {
			return fmt.Sprintf("There is no option --%s for tend %s. Did you mean --%s?", name, c.name, near)
		}
		return fmt.Sprintf("There is no option --%s for tend %s", name, c.name)
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		return fmt.Sprintf("--%s needs a value", strings.TrimLeft(name, "-"))
	}
	if _, rest, ok := strings.Cut(msg, " for flag "); ok {
		name, _, _ := strings.Cut(rest, ":")
		return fmt.Sprintf("--%s needs a whole number", strings.TrimLeft(name, "-"))
	}
	return tui.UpperFirst(msg)
}

// parseInterleaved parses flags that come before or after the positional
// arguments: Go's flag package stops at the first non-flag.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for len(args) > 0 {
		a := args[0]
		switch {
		case a == "--":
			return append(pos, args[1:]...), nil
		case negativeNumber(a) || !strings.HasPrefix(a, "-") || a == "-":
			pos, args = append(pos, a), args[1:]
			continue
		}
		// Parse the flags up to the next negative number, which the flag
		// package would take for a flag: "tend done walk -5" is an amount
		// to refuse plainly, not an unknown option.
		// A negative number right after a flag that takes a value is that
		// value: `--mood-before -1` is a mood to refuse with its range.
		end := len(args)
		for i, b := range args {
			if b == "--" || negativeNumber(b) && (i == 0 || !takesValue(fs, args[i-1])) {
				end = i
				break
			}
		}
		if err := fs.Parse(args[:end]); err != nil {
			return nil, err
		}
		args = append(append([]string(nil), fs.Args()...), args[end:]...)
	}
	return pos, nil
}

// takesValue reports whether arg is a flag of fs, without "=", that takes
// the next argument as its value.
func takesValue(fs *flag.FlagSet, arg string) bool {
	name := strings.TrimLeft(arg, "-")
	if name == arg || strings.Contains(name, "=") {
		return false
	}
	f := fs.Lookup(name)
	if f == nil {
		return false
	}
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return !ok || !b.IsBoolFlag()
}

func negativeNumber(s string) bool {
	return len(s) > 1 && s[0] == '-' && strings.Trim(s[1:], "0123456789.") == ""
}

func (c command) help(fs *flag.FlagSet) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Usage: %s\n\n%s.\n", c.usage, tui.UpperFirst(c.about))
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	if n > 0 {
		b.WriteString("\nFlags:\n")
		fs.VisitAll(func(f *flag.Flag) {
			fmt.Fprintf(&b, "  --%-14s %s\n", f.Name, f.Usage)
		})
	}
	b.WriteString("\nGlobal: --db PATH (or TEND_DB) picks the database; TEND_NOW sets the clock, TEND_SPEED its pace.\n")
	return b.String()
}
