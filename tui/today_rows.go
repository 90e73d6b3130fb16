package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"tend/coach"
)

// Today's rows: a goal's mark, name, target and week count, then its
// reason, shared by the Today screen and `tend today`.

// maxNameColumn caps the name column so that targets keep their room. [D]
const maxNameColumn = 18

// nameColumn is the width of the name column for a set of goals.
func nameColumn(items []coach.Today, width int) int {
	w := 0
	for _, t := range items {
		w = max(w, lipgloss.Width(t.Goal.Name))
	}
	return min(w, maxNameColumn, max(8, width/4))
}

// todayItem renders one goal as Today shows it: a line with its mark, name,
// target and this week's count, then the reason in a muted line. It wraps
// the target under the name where the width is too small to share a line.
func todayItem(t coach.Today, width, nameW int, selected bool, d door, st Styles) []string {
	cursor := " "
	if selected {
		cursor = st.Selected.Render(cursorGlyph)
	}
	name := ansi.Truncate(t.Goal.Name, nameW, "…")
	name += strings.Repeat(" ", nameW-lipgloss.Width(name))
	if selected {
		name = st.Selected.Render(name)
	}
	head := fmt.Sprintf(" %s %s %s  ", cursor, mark(t, st), name)
	count := ""
	if t.Status == coach.Active && t.WeekTarget > 0 {
		count = fmt.Sprintf("%d of %d", t.WeekDone, t.WeekTarget)
	}
	target, reason := itemWords(t, d)
	indent := strings.Repeat(" ", 7)
	var lines []string
	room := width - lipgloss.Width(head) - lipgloss.Width(count) - 2
	if room >= min(lipgloss.Width(target), 24) {
		first := wrap(target, room)
		gap := width - lipgloss.Width(head) - lipgloss.Width(first[0]) - lipgloss.Width(count)
		lines = append(lines, head+first[0]+strings.Repeat(" ", max(1, gap))+st.Muted.Render(count))
		for _, l := range first[1:] {
			lines = append(lines, strings.Repeat(" ", lipgloss.Width(head))+l)
		}
	} else {
		// The target goes on its own line, so the name may take the room.
		full := ansi.Truncate(t.Goal.Name, max(1, width-lipgloss.Width(count)-6), "…")
		if selected {
			full = st.Selected.Render(full)
		}
		head = fmt.Sprintf(" %s %s %s", cursor, mark(t, st), full)
		lines = append(lines, head+strings.Repeat(" ",
			max(1, width-lipgloss.Width(head)-lipgloss.Width(count)))+st.Muted.Render(count))
		for _, l := range wrap(target, width-len(indent)) {
			lines = append(lines, indent+l)
		}
	}
	if reason != "" {
		for _, l := range wrap(strings.TrimSpace(reason), width-len(indent)) {
			lines = append(lines, indent+st.Muted.Render(l))
		}
	}
	return lines
}

// fitItem cuts a row to at most room lines where it is taller: the head
// and the reason's lines stay whole (on a held or paused goal the reason is
// the line that says which keys carry on), and the target's text in between
// is cut short with "…".
func fitItem(lines []string, reasonLines, width, room int) []string {
	if len(lines) <= room || room < reasonLines+2 {
		return lines
	}
	keep := room - reasonLines // the head and as many target lines as fit
	out := append([]string{}, lines[:keep]...)
	last := ansi.Strip(out[keep-1])
	if keep > 1 {
		out[keep-1] = strings.Repeat(" ", 7) + ansi.Truncate(strings.TrimSpace(last), width-9, "") + " …"
	}
	return append(out, lines[len(lines)-reasonLines:]...)
}

// reasonLineCount is how many lines todayItem gives the reason of t.
func reasonLineCount(t coach.Today, width int, d door) int {
	_, reason := itemWords(t, d)
	if strings.TrimSpace(reason) == "" {
		return 0
	}
	return len(wrap(strings.TrimSpace(reason), width-7))
}

// door is where a Today row is read: the Today screen, on today or an
// earlier day, or the shell. It picks how the row says to carry on with a
// paused or held goal, so the screen offers its keys and never sends anyone
// to the shell; an earlier day shows only what it holds, with no hints for
// a session still to come.
type door int

const (
	onScreen door = iota
	inShell
	onPastDay
)

// itemWords are a goal's two texts on Today: what to do (the target, or
// the reason when nothing is asked of the day) and the muted line below.
func itemWords(t coach.Today, d door) (target, reason string) {
	target, reason = t.Text, t.Reason
	if t.Warmup != "" && !t.Done() && t.Due && d != onPastDay {
		reason = t.Warmup + " " + reason
	}
	if !t.Due && t.CheckIn == nil || t.Status != coach.Active {
		// Nothing asked of this day: the reason stands in the target's place.
		target, reason = t.Reason, ""
	}
	if t.CheckIn != nil && t.Status == coach.Active {
		target, reason = checkedInWords(t)
		if d == onPastDay {
			reason = "" // what that day did, not what comes next
		}
	}
	if t.Status == coach.SafetyHold || t.Status == coach.Paused {
		reason = carryOn(t, d)
	}
	if d == inShell && t.Status == coach.Active && t.Goal.AsksWhatsNext() {
		// The screen answers with n and K; the shell names its commands.
		name := ShellWord(t.Goal.Name)
		reason += fmt.Sprintf(" To answer: tend edit %s --keep, or tend edit %s --next-plan.", name, name)
	}
	if t.Due && t.CheckIn == nil && t.Status == coach.Active && t.Goal.Anchor != "" && d != onPastDay {
		reason += " After I " + strings.TrimSuffix(t.Goal.Anchor, ".") + "."
	}
	return target, reason
}

// carryOn says how to resume a paused or held goal, at the door it is read.
func carryOn(t coach.Today, d door) string {
	held := t.Status == coach.SafetyHold
	switch {
	case d != inShell && held:
		return "Once you have been checked: g for goals, then p."
	case d != inShell:
		return "To carry on: g for goals, then p."
	case held:
		return "Once you have been checked: tend edit " + ShellWord(t.Goal.Name) + " --resume --checked"
	}
	return fmt.Sprintf("To carry on: tend edit %s --resume", ShellWord(t.Goal.Name))
}

// checkedInWords say what a checked-in day did, in COACH C1's words for a
// done, a partial and a minimum (or the rest day's words), and, for the
// muted line, what comes next: after a level-up that is the new target,
// which must never read as what was done today.
func checkedInWords(t coach.Today) (did, next string) {
	c, p := t.CheckIn, t.Plan
	switch {
	case c.Outcome == coach.Done:
		did = "Done: " + lowerFirstWord(doneWhat(t)) + "."
	case c.Outcome == coach.Partial:
		did = fmt.Sprintf("Logged %s of %s.", coach.Amount(c.Achieved, p.Unit), coach.Amount(c.Target, p.Unit))
	case c.Outcome == coach.Minimum && c.Achieved != p.Minimum.Target:
		// More than the minimum version: the previous level's target,
		// which M2 offers, or an amount the person gave.
		did = "Showed up: " + coach.Amount(c.Achieved, p.Unit) + "."
	case c.Outcome == coach.Minimum:
		did = "Showed up: " + lowerFirstWord(coach.SessionWords(p, p.Minimum)) + "."
	default:
		did = t.Reason
	}
	return did, "Next: " + lowerFirstWord(t.Text) + "."
}

// doneWhat names the session done: a C25K week by its name, anything else
// by what was achieved ("walk 15 minutes").
func doneWhat(t coach.Today) string {
	c, p := t.CheckIn, t.Plan
	if l := p.Level(c.Level); l.Prefix != "" && !c.Bridge {
		return l.Prefix + " session"
	}
	s := p.Session(c.Level, c.Variant)
	if s.Text == "" && c.Achieved > 0 {
		s.Target = c.Achieved
	}
	return coach.SessionWords(p, s)
}
