package coach_test

import (
	"errors"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"pgregory.net/rapid"

	"tend/coach"
)

func TestCleanNameRefusesWhatCannotBeShownSafely(t *testing.T) {
	bad := []struct {
		name string
		in   string
	}{
		{"empty", ""},
		{"spaces only", "    "},
		{"tabs and newlines only", "\t\n \r\n"},
		{"65 ASCII letters", strings.Repeat("a", 65)},
		{"65 two-byte runes", strings.Repeat("é", 65)},
		{"65 four-byte runes", strings.Repeat("🚶", 65)},
		{"ESC starting a colour code", "Walk\x1b[31m red"},
		{"a lone ESC", "\x1b"},
		{"bell", "Walk\a"},
		{"newline inside", "Walk\nRun"},
		{"tab inside", "Walk\tRun"},
		{"DEL", "Walk\x7f"},
		{"C1 control U+0085 inside", "Walk\u0085Run"},
		{"C1 control U+009B (CSI) inside", "Walk\u009b31m"},
		{"bidi override U+202E", "\u202Eklaw"},
		{"bidi isolate U+2066", "Walk \u2066x\u2069"},
		{"right-to-left mark U+200F", "Walk\u200F"},
		{"Arabic letter mark U+061C", "Walk\u061C"},
		{"invalid UTF-8", "Walk\xff"},
		{"truncated UTF-8", "Walk \xe2\x82"},
		{"only a zero-width space", "\u200b"},
		{"only invisible format characters", "\u200b\u2060\ufeff"},
		{"only a no-break space", "\u00a0"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			got, err := coach.CleanName(tt.in)
			if !errors.Is(err, coach.ErrBadName) {
				t.Errorf("CleanName(%q) = %q, %v; want ErrBadName", tt.in, got, err)
			}
		})
	}
}

func TestCleanNameKeepsUpTo64CharactersAndTrims(t *testing.T) {
	good := []struct {
		name string
		in   string
		want string
	}{
		{"plain", "Morning walk", "Morning walk"},
		{"trimmed", "  Morning walk \t", "Morning walk"},
		{"64 ASCII letters", strings.Repeat("a", 64), strings.Repeat("a", 64)},
		{"64 two-byte runes (128 bytes)", strings.Repeat("é", 64), strings.Repeat("é", 64)},
		{"64 four-byte runes (256 bytes)", strings.Repeat("🚶", 64), strings.Repeat("🚶", 64)},
		{"64 runes after trimming", "  " + strings.Repeat("ß", 64) + "  ", strings.Repeat("ß", 64)},
		{"one rune", "x", "x"},
		{"Japanese", "散歩", "散歩"},
		{"Arabic text without overrides", "مشي", "مشي"},
		{"a trailing C1 next line is trimmed as space", "Walk\u0085", "Walk"},
		{"a zero-width joiner inside an emoji", "🏃\u200d♀️ run", "🏃\u200d♀️ run"},
		{"an emoji alone", "🧘", "🧘"},
	}
	for _, tt := range good {
		t.Run(tt.name, func(t *testing.T) {
			got, err := coach.CleanName(tt.in)
			if err != nil || got != tt.want {
				t.Errorf("CleanName(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestNewGoalRefusesABadName(t *testing.T) {
	p := mustPlan(t, coach.DailyWalkID)
	if _, err := coach.NewGoal("Walk\x1b]0;pwned\a", p, nil, daily, 0, mon); !errors.Is(err, coach.ErrBadName) {
		t.Errorf("NewGoal with an escape sequence: %v, want ErrBadName", err)
	}
	g, err := coach.NewGoal("  Walk  ", p, nil, daily, 0, mon)
	if err != nil || g.Name != "Walk" {
		t.Errorf("NewGoal(\"  Walk  \") = %q, %v; want the trimmed name", g.Name, err)
	}
}

func TestCleanNameOutputIsAlwaysSafe(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		in := rapid.OneOf(
			rapid.String(),
			rapid.StringOf(rapid.RuneFrom(nil, unicode.Cc, unicode.Cf, unicode.Zs, unicode.Latin)),
			rapid.StringOf(rapid.RuneFrom([]rune{'a', ' ', '\x1b', '\u0085', '\u202e', '\u2066', 'é'})),
		).Draw(t, "in")
		out, err := coach.CleanName(in)
		if err != nil {
			if !errors.Is(err, coach.ErrBadName) {
				t.Fatalf("CleanName(%q) error %v is not ErrBadName", in, err)
			}
			return
		}
		n := utf8.RuneCountInString(out)
		if !utf8.ValidString(out) || n < 1 || n > 64 || strings.TrimSpace(out) != out {
			t.Fatalf("CleanName(%q) = %q (%d runes)", in, out, n)
		}
		if !strings.ContainsFunc(out, func(r rune) bool {
			return unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.P, unicode.S)
		}) {
			t.Fatalf("CleanName(%q) = %q has nothing to see", in, out)
		}
		for _, r := range out {
			if unicode.IsControl(r) || (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) {
				t.Fatalf("CleanName(%q) = %q keeps %U", in, out, r)
			}
		}
	})
}

func TestCleanNoteFoldsLinesAndKeepsUpTo500Characters(t *testing.T) {
	good := []struct {
		name string
		in   string
		want string
	}{
		{"empty", "", ""},
		{"newline folded", "felt good\nlegs tired", "felt good legs tired"},
		{"CRLF folded", "a\r\nb", "a  b"},
		{"tab folded", "a\tb", "a b"},
		{"trailing newline trimmed", "ok\n", "ok"},
		{"500 ASCII", strings.Repeat("a", 500), strings.Repeat("a", 500)},
		{"500 multi-byte", strings.Repeat("ü", 500), strings.Repeat("ü", 500)},
		{"500 and a newline", strings.Repeat("a", 500) + "\n", strings.Repeat("a", 500)},
	}
	for _, tt := range good {
		t.Run(tt.name, func(t *testing.T) {
			got, err := coach.CleanNote(tt.in)
			if err != nil || got != tt.want {
				t.Errorf("CleanNote(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
		})
	}
	bad := []struct {
		name string
		in   string
	}{
		{"501 ASCII", strings.Repeat("a", 501)},
		{"501 multi-byte", strings.Repeat("ü", 501)},
		{"ESC", "fine \x1b[2J"},
		{"C1 control inside", "a\u0085b"},
		{"bidi override", "a\u202Eb"},
		{"NUL", "a\x00b"},
		{"invalid UTF-8", "ok\xffok"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			got, err := coach.CleanNote(tt.in)
			if !errors.Is(err, coach.ErrBadNote) {
				t.Errorf("CleanNote(%q) = %q, %v; want ErrBadNote", tt.in, got, err)
			}
		})
	}
}

func TestParseAmountTakesOnlyPlainNumbers(t *testing.T) {
	good := map[string]float64{"12": 12, "2.5": 2.5, "0": 0, "007": 7, "100000": 100000, "0.25": 0.25}
	for s, want := range good {
		if got, err := coach.ParseAmount(s); err != nil || got != want {
			t.Errorf("ParseAmount(%q) = %v, %v; want %v", s, got, err, want)
		}
	}
	for _, s := range []string{"", "1e3", "-1", "+1", "0x10", ".5", "5.", "1.2.3", "100001", "NaN", "Inf", "１", " 5", "5 ", "1_000"} {
		if got, err := coach.ParseAmount(s); !errors.Is(err, coach.ErrBadValue) {
			t.Errorf("ParseAmount(%q) = %v, %v; want ErrBadValue", s, got, err)
		}
	}
}

func TestParseWholeStaysInItsRange(t *testing.T) {
	tests := []struct {
		s      string
		lo, hi int
		want   int
		ok     bool
	}{
		{"0", 0, 10, 0, true},
		{"10", 0, 10, 10, true},
		{"11", 0, 10, 0, false},
		{"7", 1, 7, 7, true},
		{"0", 1, 7, 0, false},
		{"-1", 0, 10, 0, false},
		{"", 0, 10, 0, false},
		{"3.0", 0, 10, 0, false},
		{"9999999", 0, 10000000, 0, false}, // longer than any whole number a person types here
	}
	for _, tt := range tests {
		got, err := coach.ParseWhole(tt.s, tt.lo, tt.hi)
		if tt.ok && (err != nil || got != tt.want) {
			t.Errorf("ParseWhole(%q, %d, %d) = %d, %v; want %d", tt.s, tt.lo, tt.hi, got, err, tt.want)
		}
		if !tt.ok && !errors.Is(err, coach.ErrBadValue) {
			t.Errorf("ParseWhole(%q, %d, %d) = %d, %v; want ErrBadValue", tt.s, tt.lo, tt.hi, got, err)
		}
	}
}

func TestEnumNamesRoundTrip(t *testing.T) {
	for _, o := range coach.Outcomes {
		if got, err := coach.ParseOutcome(o.String()); err != nil || got != o {
			t.Errorf("ParseOutcome(%q) = %v, %v", o, got, err)
		}
	}
	for _, e := range coach.Efforts {
		if got, err := coach.ParseEffort(e.String()); err != nil || got != e {
			t.Errorf("ParseEffort(%q) = %v, %v", e, got, err)
		}
	}
	for _, p := range coach.Pains {
		if got, err := coach.ParsePain(p.String()); err != nil || got != p {
			t.Errorf("ParsePain(%q) = %v, %v", p, got, err)
		}
	}
	names := [][2]string{
		{coach.Done.String(), "done"}, {coach.Partial.String(), "partial"}, {coach.Minimum.String(), "minimum"},
		{coach.Rest.String(), "rest"}, {coach.Unwell.String(), "unwell"}, {coach.Away.String(), "away"},
		{coach.SafetyHold.String(), "safety-hold"}, {coach.EffortHard.String(), "hard"},
		{coach.PainWarning.String(), "warning"}, {coach.Minutes.String(), "min"}, {coach.Reps.String(), "reps"},
		{coach.Outcome(0).String(), "unknown"},
	}
	for _, n := range names {
		if n[0] != n[1] {
			t.Errorf("String() = %q, want %q", n[0], n[1])
		}
	}
	if _, err := coach.ParseOutcome("skipped"); !errors.Is(err, coach.ErrBadValue) {
		t.Errorf("ParseOutcome(\"skipped\") error %v, want ErrBadValue", err)
	}
	if _, err := coach.ParseStatus("missed"); !errors.Is(err, coach.ErrBadValue) {
		t.Errorf("ParseStatus(\"missed\") error %v, want ErrBadValue", err)
	}
}
