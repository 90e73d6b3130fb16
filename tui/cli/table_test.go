package cli

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// The scripts and the manual are goldens: a change to the command table
// shows up as a diff to read (`go test ./tui/cli -update`).
func TestGoldenCompletionAndMan(t *testing.T) {
	for name, text := range map[string]string{
		"bash": bashCompletion(), "zsh": zshCompletion(), "fish": fishCompletion(), "man": manPage("0.1.0"),
	} {
		t.Run(name, func(t *testing.T) { golden.RequireEqual(t, []byte(text)) })
	}
}

// Every command and flag of the table is in every script and in the man
// page, with the values of the flags that take a fixed set: there is no
// second list to forget.
func TestEveryCommandAndFlagCompletesAndIsInMan(t *testing.T) {
	bash, zsh, fish, man := bashCompletion(), zshCompletion(), fishCompletion(), manPage("0.1.0")
	for _, c := range visible() {
		checks := map[string][]string{
			"bash": {" " + c.name + " ", "    " + c.name + ") "},
			"zsh":  {"'" + c.name + ":", "        " + c.name + ") "},
			"fish": {"-a " + c.name + " -d", "__fish_seen_subcommand_from " + c.name + "'"},
			"man":  {".B tend " + roff(c.name)},
		}
		for _, f := range c.flagList() {
			checks["bash"] = append(checks["bash"], "--"+f.name)
			checks["zsh"] = append(checks["zsh"], "--"+f.name)
			checks["fish"] = append(checks["fish"], "' -l "+f.name+" ")
			checks["man"] = append(checks["man"], `\fB\-\-`+roff(f.name)+`\fR`)
			if f.values != nil {
				vals := strings.Join(f.values, " ")
				checks["bash"] = append(checks["bash"], c.name+":--"+f.name+`) COMPREPLY=($(compgen -W  `+vals+`  -- `)
				checks["zsh"] = append(checks["zsh"], c.name+":--"+f.name+") compadd -- "+vals+";")
				checks["fish"] = append(checks["fish"], "-l "+f.name+" -x -a '"+vals+"'")
				checks["man"] = append(checks["man"], roff(strings.Join(f.values, "|")))
			}
		}
		for _, sc := range c.subs {
			// A sub-command is offered first by every script, and named
			// by the usage line help and the man page print.
			checks["bash"] = append(checks["bash"], "    "+c.name+") case $sub in", " "+sc.name+" ")
			checks["zsh"] = append(checks["zsh"], " "+sc.name)
			checks["fish"] = append(checks["fish"], "and not __fish_seen_subcommand_from ")
			checks["man"] = append(checks["man"], roff(sc.name))
			if !strings.Contains(c.usage, sc.name) {
				t.Errorf("%s: the usage line does not name its sub-command %s", c.name, sc.name)
			}
		}
		for doc, wants := range checks {
			text := map[string]string{"bash": strings.ReplaceAll(bash, `"`, " "), "zsh": zsh, "fish": fish, "man": man}[doc]
			for _, w := range wants {
				if !strings.Contains(text, w) {
					t.Errorf("%s: %s is missing %q", c.name, doc, w)
				}
			}
		}
	}
	for _, hidden := range []string{"__complete-goals"} {
		if strings.Contains(man, hidden) || strings.Contains(Help(), hidden) {
			t.Errorf("the man page or help names the hidden %s", hidden)
		}
	}
	for _, env := range []string{"TEND_DB", "TEND_NOW", "TEND_SPEED", "NO_COLOR", "CLICOLOR", "XDG_DATA_HOME",
		"XDG_CONFIG_HOME", "XDG_STATE_HOME", ".SH FILES", ".SH EXIT STATUS"} {
		if !strings.Contains(man, env) {
			t.Errorf("the man page does not mention %s", env)
		}
	}
}

// The flag value sets come from the coach, so a new plan completes the day
// it is added; and the completion scripts parse in the shells there are.
func TestCompletionScriptsParse(t *testing.T) {
	if !strings.Contains(bashCompletion(), "walk-to-run") || !strings.Contains(fishCompletion(), "'easy ok hard'") {
		t.Error("plans or efforts are missing from the completions")
	}
	for shell, script := range map[string]string{"bash": bashCompletion(), "zsh": zshCompletion(), "fish": fishCompletion()} {
		path, err := exec.LookPath(shell)
		if err != nil {
			t.Logf("%s is not installed here; its script is checked by its golden only", shell)
			continue
		}
		cmd := exec.Command(path, "-n")
		if shell == "fish" {
			cmd = exec.Command(path, "--no-execute")
		}
		cmd.Stdin = strings.NewReader(script)
		var errOut bytes.Buffer
		cmd.Stderr = &errOut
		if err := cmd.Run(); err != nil {
			t.Errorf("%s -n: %v\n%s", shell, err, errOut.String())
		}
	}
}

// A typo gets the nearest command, flag or goal; a word nowhere near gets
// the list instead of a guess.
func TestNearest(t *testing.T) {
	var cmds []string
	for _, c := range visible() {
		cmds = append(cmds, c.name)
	}
	for in, want := range map[string]string{
		"dnoe": "done", "tody": "today", "reveiw": "review", "goal": "goals", "exprot": "export",
		"dance": "", "x": "", "completions": "completion", "confg": "config",
	} {
		if want == "config" && !IsCommand("config") {
			continue
		}
		if got := nearest(in, cmds); got != want {
			t.Errorf("nearest(%q) = %q, want %q", in, got, want)
		}
	}
	goals := []string{"Walk", "Morning yoga", "Push-ups"}
	for in, want := range map[string]string{"wlak": "Walk", "mornign yoga": "Morning yoga", "pushups": "Push-ups", "run": ""} {
		if got := nearest(in, goals); got != want {
			t.Errorf("nearest goal %q = %q, want %q", in, got, want)
		}
	}
	if err := noSuchCommand("dnoe"); err.Error() != "There is no command \"dnoe\". Did you mean `tend done`?" {
		t.Errorf("noSuchCommand: %v", err)
	}
}

// `tend help COMMAND` is `tend COMMAND --help`; a help for a command that
// is not there suggests the one meant.
func TestHelpCommand(t *testing.T) {
	for _, c := range visible() {
		var viaHelp, viaFlag bytes.Buffer
		if err := RunCommand("help", []string{c.name}, Env{Out: &viaHelp}); err != nil {
			t.Fatalf("help %s: %v", c.name, err)
		}
		if err := RunCommand(c.name, []string{"--help"}, Env{Out: &viaFlag}); err != nil {
			t.Fatalf("%s --help: %v", c.name, err)
		}
		if viaHelp.String() != viaFlag.String() || !strings.HasPrefix(viaHelp.String(), "Usage: tend "+c.name) {
			t.Errorf("help %s:\n%s\n%s --help:\n%s", c.name, viaHelp.String(), c.name, viaFlag.String())
		}
	}
	err := RunCommand("help", []string{"dnoe"}, Env{})
	if _, ok := err.(UsageError); !ok || !strings.Contains(err.Error(), "tend done") {
		t.Errorf("help dnoe: %v", err)
	}
}
