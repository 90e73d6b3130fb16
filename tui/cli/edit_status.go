package cli

import (
	"fmt"
	"strings"

	"tend/coach"
	"tend/tui"
)

// The status flags of `tend edit`: --pause, --resume [--checked],
// --archive, --unarchive. Each says what actually happened, and a safety
// hold lifts only with --checked, the shell's yes to "Have you been checked
// by a doctor or nurse?" (COACH R0).

// applyStatus makes the status change the flags ask for and says it.
func (f editFlags) applyStatus(g coach.Goal, today coach.Day) (coach.Goal, string, error) {
	name, st := tui.ShellWord(g.Name), g.Status()
	switch {
	case f.pause && st == coach.SafetyHold:
		return g, "", fmt.Errorf("%s stays on hold after a warning sign until a doctor or nurse has checked you; "+
			"once you have been, `tend edit %s --resume --checked` carries on", g.Name, name)
	case f.pause && st == coach.Archived:
		return g, "", fmt.Errorf("%s is archived; `tend edit %s --unarchive` brings it back first", g.Name, name)
	case f.pause && st == coach.Paused:
		return g, "", fmt.Errorf("%s is already paused; `tend edit %s --resume` carries on", g.Name, name)
	case f.pause:
		return g.SetStatus(coach.Paused, today), "paused; nothing is due or missed until you resume it", nil
	case f.archive && st == coach.Archived:
		return g, "", fmt.Errorf("%s is already archived; `tend edit %s --unarchive` brings it back", g.Name, name)
	case f.archive:
		return g.SetStatus(coach.Archived, today), fmt.Sprintf("archived; its history is kept and "+
			"`tend edit %s --unarchive` brings it back", name), nil
	case f.unarchive || (f.resume && st == coach.Archived):
		return f.restore(g, today)
	case f.resume:
		return f.resumeFrom(g, today)
	}
	return g, "", nil
}

// resumeFrom resumes a paused goal, or a held one with --checked.
func (f editFlags) resumeFrom(g coach.Goal, today coach.Day) (coach.Goal, string, error) {
	switch g.Status() {
	case coach.Active:
		return g, "", fmt.Errorf("%s is already active", g.Name)
	case coach.SafetyHold:
		if !f.checked {
			return g, "", notChecked(g)
		}
		return g.Resume(today), "resumed, now that you have been checked; start gently", nil
	case coach.Paused, coach.Archived:
	}
	return g.Resume(today), "resumed; the plan picks up where you left it", nil
}

// restore brings an archived goal back as it was: a hold stays a hold.
func (f editFlags) restore(g coach.Goal, today coach.Day) (coach.Goal, string, error) {
	name := tui.ShellWord(g.Name)
	if g.Status() != coach.Archived {
		return g, "", fmt.Errorf("%s is not archived", g.Name)
	}
	g = g.Restore(today)
	switch g.Status() {
	case coach.SafetyHold:
		return g, fmt.Sprintf("brought back, still on hold after a warning sign; once a doctor or nurse has "+
			"checked you, `tend edit %s --resume --checked` carries on", name), nil
	case coach.Paused:
		return g, fmt.Sprintf("brought back, still paused; `tend edit %s --resume` carries on", name), nil
	case coach.Active, coach.Archived:
	}
	return g, "brought back onto Today, history and all", nil
}

// notChecked is the no to "Have you been checked?": the hold stays (S2),
// with how to say yes once it is true, and then the care note (O1), as
// COACH §6.6 says S2 goes. It is a refusal, so all of it is on stderr, one
// line: the care note is the one text a refusal carries beyond its two
// sentences (the root harness allows exactly it).
func notChecked(g coach.Goal) error {
	return fmt.Errorf("%s; once they have, `tend edit %s --resume --checked` carries on. %s",
		strings.TrimSuffix(coach.MsgS2, "."), tui.ShellWord(g.Name), coach.MsgO1)
}
