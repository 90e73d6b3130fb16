package coach_test

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"tend/coach"
)

// Fuzz targets for everything a person types that the coach reads: days,
// names, notes and numbers. Each must never panic, must refuse with its
// sentinel, and what it accepts must come back the same when written out and
// read again. `go test` runs the seeds and testdata/fuzz; .ci/test fuzzes
// each for a few seconds.

func FuzzParseDay(f *testing.F) {
	for _, s := range []string{"2026-03-02", "1970-01-01", "9999-12-31", "2024-02-29", "2026-02-29",
		"2026-13-01", "2026-3-2", "0000-00-00", "2026-03-02T", "+026-03-02", "２０２６-03-02", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := coach.ParseDay(s)
		if err != nil {
			if !errors.Is(err, coach.ErrBadDate) {
				t.Fatalf("ParseDay(%q) = %v, not ErrBadDate", s, err)
			}
			return
		}
		if d.IsZero() || d.String() != s {
			t.Fatalf("ParseDay(%q) = %v, which prints as %q", s, d, d.String())
		}
		y, m, dd := d.Date()
		if coach.DayOf(y, m, dd) != d || coach.DayFromUnix(d.Unix()) != d {
			t.Fatalf("ParseDay(%q) = %v does not round-trip through its date or its day number", s, d)
		}
		if again, err := coach.ParseDay(d.String()); err != nil || again != d {
			t.Fatalf("ParseDay(%q) again = %v, %v", d.String(), again, err)
		}
	})
}

func FuzzCleanName(f *testing.F) {
	for _, s := range []string{"Walk", "  Walk to run  ", "Yoga / stretch", "跑步", "🏃 Run", "", " ",
		"Walk\x1b[31m", "Walk\u202e", "a\u200bb", "\xff", strings.Repeat("a", 64), strings.Repeat("é", 65), "\u00a0x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		name, err := coach.CleanName(s)
		if err != nil {
			if !errors.Is(err, coach.ErrBadName) {
				t.Fatalf("CleanName(%q) = %v, not ErrBadName", s, err)
			}
			return
		}
		n := utf8.RuneCountInString(name)
		switch {
		case !utf8.ValidString(name):
			t.Fatalf("CleanName(%q) = %q, not UTF-8", s, name)
		case n < 1 || n > coach.MaxNameLen:
			t.Fatalf("CleanName(%q) = %q, %d characters", s, name, n)
		case strings.TrimSpace(name) != name:
			t.Fatalf("CleanName(%q) = %q, with spaces around it", s, name)
		case strings.IndexFunc(name, unsafeRune) >= 0:
			t.Fatalf("CleanName(%q) = %q, with a control or direction character", s, name)
		}
		if again, err := coach.CleanName(name); err != nil || again != name {
			t.Fatalf("CleanName(%q) again = %q, %v", name, again, err)
		}
	})
}

func FuzzCleanNote(f *testing.F) {
	for _, s := range []string{"", "felt good", "line one\nline two\tand a tab", "\x1b]0;title\x07",
		"\u2066hidden\u2069", "\xc3", strings.Repeat("n", 500), strings.Repeat("n", 501), "  padded  "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		note, err := coach.CleanNote(s)
		if err != nil {
			if !errors.Is(err, coach.ErrBadNote) {
				t.Fatalf("CleanNote(%q) = %v, not ErrBadNote", s, err)
			}
			return
		}
		if !utf8.ValidString(note) || utf8.RuneCountInString(note) > coach.MaxNoteLen ||
			strings.IndexFunc(note, unsafeRune) >= 0 {
			t.Fatalf("CleanNote(%q) = %q", s, note)
		}
		if again, err := coach.CleanNote(note); err != nil || again != note {
			t.Fatalf("CleanNote(%q) again = %q, %v", note, again, err)
		}
	})
}

// unsafeRune is what no name or note may hold once cleaned.
func unsafeRune(r rune) bool {
	return unicode.IsControl(r) || r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 ||
		r == 0x200E || r == 0x200F || r == 0x061C
}

func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"12", "2.5", "0", "0.25", "100000", "100000.1", "1e3", "-5", "+5", ".5", "5.",
		"0x10", "1_000", "NaN", "Inf", "１２", "99999999999", "1.2.3", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := coach.ParseAmount(s)
		if err != nil {
			if !errors.Is(err, coach.ErrBadValue) {
				t.Fatalf("ParseAmount(%q) = %v, not ErrBadValue", s, err)
			}
			return
		}
		if math.IsNaN(v) || v < 0 || v > coach.MaxCustomAmount {
			t.Fatalf("ParseAmount(%q) = %v", s, v)
		}
		if strings.Trim(s, "0123456789.") != "" || strings.Count(s, ".") > 1 {
			t.Fatalf("ParseAmount(%q) = %v: it took more than digits and a point", s, v)
		}
		written := strconv.FormatFloat(v, 'f', -1, 64)
		if again, err := coach.ParseAmount(written); err != nil || again != v {
			t.Fatalf("ParseAmount(%q) = %v, written %q reads back as %v, %v", s, v, written, again, err)
		}
	})
}

func FuzzParseWhole(f *testing.F) {
	for _, c := range []struct {
		s      string
		lo, hi int
	}{{"5", 0, 10}, {"0", 0, 10}, {"10", 0, 10}, {"11", 0, 10}, {"-1", 0, 10}, {"007", 1, 7},
		{"1e3", 0, 100000}, {"999999", 0, math.MaxInt}, {"9999999", 0, math.MaxInt}, {" 5", 0, 10}, {"", 0, 10}} {
		f.Add(c.s, c.lo, c.hi)
	}
	f.Fuzz(func(t *testing.T, s string, lo, hi int) {
		n, err := coach.ParseWhole(s, lo, hi)
		if err != nil {
			if !errors.Is(err, coach.ErrBadValue) {
				t.Fatalf("ParseWhole(%q, %d, %d) = %v, not ErrBadValue", s, lo, hi, err)
			}
			return
		}
		if n < lo || n > hi || n < 0 {
			t.Fatalf("ParseWhole(%q, %d, %d) = %d", s, lo, hi, n)
		}
		if strings.Trim(s, "0123456789") != "" {
			t.Fatalf("ParseWhole(%q) = %d: it took more than digits", s, n)
		}
		if again, err := coach.ParseWhole(strconv.Itoa(n), lo, hi); err != nil || again != n {
			t.Fatalf("ParseWhole(%q) = %d, written reads back as %d, %v", s, n, again, err)
		}
	})
}
