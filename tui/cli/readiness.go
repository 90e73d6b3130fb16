package cli

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"tend/coach"
	"tend/tui"
)

// The readiness questions from the shell (COACH §6.5, clarified): asked for
// every exercise goal; `--readiness none|some` answers them, else `tend add`
// asks when standard input is a terminal, and a script gets the goal with
// the questions printed after it. After a yes, Walk to run and Strength
// wait for `--cleared`.

// readiness is what the person said: not asked, no to every question, or
// yes to at least one.
type readiness int

const (
	readyUnasked readiness = iota
	readyNone
	readySome
)

// parseReadiness reads --readiness.
func parseReadiness(s string) (readiness, error) {
	switch s {
	case "":
		return readyUnasked, nil
	case "none":
		return readyNone, nil
	case "some":
		return readySome, nil
	}
	return readyUnasked, usagef("--readiness is none (no to every question) or some (yes to at least one)")
}

// askReadiness asks the questions at a terminal when --readiness did not
// answer them, and whether a doctor has cleared a plan that waits for one.
// It returns the answer and whether the person is cleared.
func (f addFlags) askReadiness(env Env, p coach.Plan) (readiness, bool, error) {
	r, cleared := f.readiness, f.cleared
	if !p.Exercise() || r != readyUnasked || !env.InIsTerminal || env.In == nil {
		return r, cleared, nil
	}
	in := bufio.NewReader(env.In)
	lines := []string{"A few questions before exercise (the PAR-Q):"}
	for _, q := range coach.ReadinessQuestions {
		lines = append(lines, "  • "+q)
	}
	if err := writeLines(env.Out, wrapped(lines, env.Width)...); err != nil {
		return r, cleared, err
	}
	yes, err := askYesNo(env.Out, in, "Is any of these a yes? [y/N] ")
	if err != nil || !yes {
		return readyNone, cleared, err
	}
	if p.NeedsClearance() && !cleared {
		cleared, err = askYesNo(env.Out, in, fmt.Sprintf("Has a doctor said %s is fine for you? [y/N] ", p.Name))
	}
	return readySome, cleared, err
}

// askYesNo asks one question; anything but y or yes, the end of input
// included, is no: the safe answer.
func askYesNo(out io.Writer, in *bufio.Reader, q string) (bool, error) {
	if _, err := io.WriteString(out, q); err != nil {
		return false, err
	}
	line, err := in.ReadString('\n')
	if err != nil && err != io.EOF {
		return false, fmt.Errorf("could not read your answer: %w", err)
	}
	a := strings.ToLower(strings.TrimSpace(line))
	if err == io.EOF {
		_, _ = io.WriteString(out, "\n") // the answer had no line end of its own
	}
	return a == "y" || a == "yes", nil
}

// refuseUncleared is the refusal of a plan that waits for a doctor after a
// readiness yes (exit 1): what to do now, and how to add it once cleared.
func refuseUncleared(p coach.Plan, name string) error {
	return fmt.Errorf("please talk to your doctor before becoming much more active. %s waits until they say "+
		"it's fine: then `tend add %s --plan %s --readiness some --cleared`. Until then a gentler plan is a good "+
		"start, like `tend add %s --plan daily-walk`", p.Name, nameArg(name), p.ID, nameArg(name))
}

// nameArg is a new goal's name as typed back on a command line: quoted
// where the shell needs it, its capitals kept (the name is being given,
// not matched).
func nameArg(name string) string {
	if w := tui.ShellWord(name); strings.HasPrefix(w, "'") {
		return w
	}
	return name
}

// wrapped wraps lines to the terminal's width, a bullet's text hanging
// under its first word.
func wrapped(lines []string, width int) []string {
	var out []string
	for _, l := range lines {
		indent := 0
		if strings.HasPrefix(l, "  • ") {
			indent = 4
		}
		out = append(out, tui.Hanging(l, width, indent)...)
	}
	return out
}

// readinessWords are what `tend add` says about readiness once the goal is
// added: the advice after a yes, or, for a script that did not answer, the
// questions themselves.
func readinessWords(p coach.Plan, r readiness) []string {
	switch {
	case !p.Exercise():
		return nil
	case r == readySome:
		return []string{"You said yes to a readiness question: please talk to your doctor before becoming much " +
			"more active, and begin slowly and build up gradually."}
	case r == readyUnasked:
		lines := []string{"Before exercise, the readiness questions (the PAR-Q):"}
		for _, q := range coach.ReadinessQuestions {
			lines = append(lines, "  • "+q)
		}
		return append(lines, "If any is yes, talk to your doctor first. (`--readiness none` or `--readiness some` "+
			"answers them.)")
	}
	return nil
}
