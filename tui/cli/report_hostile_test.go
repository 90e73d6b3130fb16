package cli

import (
	"bytes"
	"strings"
	"testing"

	"tend/coach"
)

// hostileRunes are characters a terminal acts on or shows as nothing: C0
// and C1 controls, bidi controls, invisible and tag characters.
var hostileRunes = "\x1b\x07\x08\x0d\u009b\u009d\u200b\u200e\u202e\u2066\u2028\ufeff\U000E0041\U000E007F"

// hostile reports which runes of s a page or a terminal must never get.
func hostile(s string) []rune {
	var found []rune
	for _, r := range s {
		if r != '\n' && r != '\t' && strings.ContainsRune(hostileRunes, r) ||
			r < 0x20 && r != '\n' && r != '\t' || r >= 0x7f && r <= 0x9f {
			found = append(found, r)
		}
	}
	return found
}

// The report's own sanitising, fed strings the store would never hand out
// clean: a name, a note and a coach's reason laced with every kind of
// hostile character reach none of the three formats raw (issue 10 item 6).
// The journey's crafted file cannot show this: what it reads is already
// made printable by the store.
func TestReportRendersHostileStringsAsMarks(t *testing.T) {
	lace := func(s string) string {
		return "\x1b]0;owned\x07" + s + "\u009b31m\x9b\u202e\u2066\u200b\U000E0041\x08\r"
	}
	g := reportGoalFor(t, "Walk", coach.DailyWalkID, reportMon.AddDays(-14))
	g.Name = lace("Walk")
	w := reportWindow{goal: g,
		checkIns: []coach.CheckIn{{Day: reportMon.AddDays(-6), Outcome: coach.Done, Achieved: 10, Target: 10,
			Level: 1, Note: lace("fine")}},
		changes: []coach.Decision{{Day: reportMon.AddDays(-6), Action: coach.ActAdvance, From: 1, To: 2,
			Message: lace("three good weeks")}}}
	r := buildReport([]reportWindow{w}, reportMon.AddDays(-14), reportMon, true)
	for name, write := range reportWriters {
		var out bytes.Buffer
		if err := write(&out, r); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if found := hostile(out.String()); len(found) > 0 {
			t.Errorf("--format %s wrote %q raw", name, found)
		}
		for _, want := range []string{"Walk", "fine", "three good weeks"} {
			if !strings.Contains(out.String(), want) {
				t.Errorf("--format %s lost %q:\n%s", name, want, out.String())
			}
		}
	}
}
