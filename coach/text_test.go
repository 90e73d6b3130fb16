package coach_test

import (
	"errors"
	"strings"
	"testing"

	"tend/coach"
)

// hostileText is what a crafted file can hold in a name, note or reason:
// each must reach no terminal as it is, and none is accepted as a name.
var hostileText = map[string]string{
	"ESC title (OSC 0)":      "Walk\x1b]0;owned\x07",
	"CSI clear screen":       "Walk\x1b[2J",
	"C1 CSI":                 "Walk\u009b31m",
	"C1 OSC":                 "Walk\u009d0;owned\u009c",
	"bell":                   "Walk\a",
	"backspace":              "Walk\b\b\bRun",
	"carriage return":        "Walk\rRun",
	"newline":                "Walk\nRun",
	"right-to-left override": "Walk\u202eklaW",
	"isolate":                "Walk\u2066x\u2069",
	"zero-width space":       "Walk\u200b",
	"line separator":         "Walk\u2028Run",
	"paragraph separator":    "Walk\u2029Run",
	"tag characters":         "Walk\U000E0041\U000E007F",
	"byte-order mark":        "\ufeffWalk",
	"word joiner":            "Wa\u2060lk",
	"Hangul filler":          "Walk\u3164",
	"soft hyphen":            "Wal\u00adk",
	"leading joiner":         "\u200dWalk",
	"private use":            "Walk\ue000",
	"invalid UTF-8":          "Walk\xff",
}

func TestPrintableLeavesNothingATerminalWouldActOn(t *testing.T) {
	for name, s := range hostileText {
		got := coach.Printable(s)
		for _, r := range got {
			if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || strings.ContainsRune("\u202e\u2066\u2069\u200b\u2028\u2029\ufeff\u2060\u3164\u00ad\ue000", r) ||
				(r >= 0xE0000 && r <= 0xE007F) || (r == '\u200d' && strings.HasPrefix(got, "\u200d")) {
				t.Errorf("%s: Printable(%q) = %q still holds %U", name, s, got, r)
			}
		}
		if !strings.Contains(got, "\ufffd") {
			t.Errorf("%s: Printable(%q) = %q shows no mark where something was", name, s, got)
		}
		if _, err := coach.CleanName(s); !errors.Is(err, coach.ErrBadName) {
			t.Errorf("%s: CleanName(%q) = %v, want ErrBadName", name, s, err)
		}
		// What Printable shows is a name tend can keep: a goal read from
		// a crafted file can still be renamed, paused or checked in.
		if _, err := coach.CleanName(got); err != nil {
			t.Errorf("%s: CleanName(Printable) = %v", name, err)
		}
	}
}

func TestPrintableKeepsText(t *testing.T) {
	for _, s := range []string{
		"Walk", "Évening walk · 5 km", "ランニング", "👩\u200d💻 coding walk", "پیاده\u200cروی",
		"Yoga 🧘🏽", "A\u0301", "", "note with spaces",
	} {
		if got := coach.Printable(s); got != s {
			t.Errorf("Printable(%q) = %q, want it unchanged", s, got)
		}
	}
}

func TestNamesThatLookTheSameAreTheSameName(t *testing.T) {
	same := [][2]string{{"Walk", "wALK"}, {"پیاده\u200cروی", "پیادهروی"}, {"Cof\u200dfee", "coffee"}}
	for _, p := range same {
		if !coach.SameName(p[0], p[1]) {
			t.Errorf("SameName(%q, %q) = false", p[0], p[1])
		}
	}
	if coach.SameName("Walk", "Run") {
		t.Error(`SameName("Walk", "Run") = true`)
	}
}

// Whatever a file holds, Printable's result holds nothing a terminal acts
// on, is printable again unchanged, and is a name tend can keep when it
// has something visible in it.
func FuzzPrintable(f *testing.F) {
	for _, s := range hostileText {
		f.Add(s)
	}
	f.Add("👩\u200d💻 walk")
	f.Fuzz(func(t *testing.T, s string) {
		p := coach.Printable(s)
		if coach.Printable(p) != p {
			t.Fatalf("Printable(%q) = %q is not printable again", s, p)
		}
		for _, r := range p {
			if r < 0x20 || (r >= 0x7f && r < 0xa0) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) ||
				r == 0x200b || r == 0x2028 || r == 0x2029 || (r >= 0xe0000 && r <= 0xe007f) {
				t.Fatalf("Printable(%q) = %q holds %U", s, p, r)
			}
		}
		if name, err := coach.CleanName(p); err == nil && name != strings.TrimSpace(p) {
			t.Fatalf("CleanName(Printable(%q)) changed it to %q", s, name)
		}
	})
}

// TestHiddenASCIIFastPath: the ASCII short cut of the check for hidden
// characters says what the Unicode tables say.
func TestHiddenASCIIFastPath(t *testing.T) {
	if bad := coach.HiddenShortCutDisagreements(); len(bad) > 0 {
		t.Errorf("the short cut and the tables disagree on %q", bad)
	}
}
