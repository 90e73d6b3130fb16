package coach

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// What may reach a terminal. A name, note or reason is shown on a terminal
// and written into exports, so one rule decides, for input and output alike,
// which characters are text: hidden is every character a terminal would act
// on, or would show as nothing at all. ESC and the other C0 and C1 controls
// can set a window's title or rewrite the screen; bidi controls reorder what
// is shown; line and paragraph separators break a line; zero-width and other
// default-ignorable characters, and the tag characters, show as nothing, so
// that "Walk" and "Walk" with a zero-width space after it would look the
// same.
//
// Joiners are the exception: ZWJ and ZWNJ are needed inside words of some
// scripts (Persian, the Indic ones) and in emoji sequences, so between two
// visible characters they are text. They still do not tell two names apart
// (nameKey drops them).

// hidden reports whether r is never shown as text.
func hidden(r rune) bool {
	if r < utf8.RuneSelf {
		// ASCII hides only its controls, and most of every text is ASCII:
		// no need for the tables below (Printable reads every goal's every
		// string on each start-up).
		return r < 0x20 || r == 0x7f
	}
	return hiddenByTables(r)
}

// hiddenByTables is hidden by the Unicode tables, for any character.
func hiddenByTables(r rune) bool {
	switch {
	case unicode.IsControl(r), isBidiControl(r), r == '\u2028', r == '\u2029':
		return true
	case unicode.Is(unicode.Cf, r), unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r):
		return true // includes the tag characters U+E0000–U+E007F
	case unicode.Is(unicode.Co, r), unicode.Is(unicode.Noncharacter_Code_Point, r):
		return true // private use: what it shows is up to a font
	}
	return false
}

// isJoiner reports whether r is ZWNJ or ZWJ.
func isJoiner(r rune) bool { return r == '\u200c' || r == '\u200d' }

// runes calls fn for each character of s with its byte offset, and whether
// it is text there: invalid UTF-8 is not, and a joiner is only between two
// visible characters.
func runes(s string, fn func(i int, r rune, text bool) bool) {
	prev := rune(-1)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		text := !(r == utf8.RuneError && n == 1) && !hidden(r)
		if isJoiner(r) {
			next, _ := utf8.DecodeRuneInString(s[i+n:])
			text = prev >= 0 && visible(prev) && i+n < len(s) && visible(next)
		}
		if !fn(i, r, text) {
			return
		}
		prev, i = r, i+n
	}
}

// Printable is s made safe to show: each character a terminal would act on
// or show as nothing, and each byte that is not UTF-8, becomes U+FFFD (�),
// so that whatever was in a file shows as a visible mark and never as a
// command to the terminal. Text that CleanName or CleanNote accepted comes
// back unchanged. Every string read from the database goes through here
// before anything shows or exports it, and so does anything else a command
// echoes back from outside (an unknown flag's name).
func Printable(s string) string {
	if plainASCII(s) || firstHidden(s) < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	runes(s, func(_ int, r rune, text bool) bool {
		if !text {
			r = utf8.RuneError
		}
		b.WriteRune(r)
		return true
	})
	return b.String()
}

// plainASCII reports whether s is printable ASCII only: most text is, and
// it needs no look at runes.
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return true
}

// WithoutHidden is s with every character Printable would mark dropped
// instead: the rule for text tend takes in from another program's files
// (IMPORT §3.1), where a mark would only be noise in a name.
func WithoutHidden(s string) string {
	if plainASCII(s) || firstHidden(s) < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	runes(s, func(_ int, r rune, text bool) bool {
		if text {
			b.WriteRune(r)
		}
		return true
	})
	return b.String()
}

// firstHidden returns the byte offset of the first character of s that is
// not text, or -1.
func firstHidden(s string) int {
	at := -1
	runes(s, func(i int, _ rune, text bool) bool {
		if !text {
			at = i
		}
		return text
	})
	return at
}

// SameName reports whether two names are the same name: equal ignoring case
// and joiners, which do not change how a name looks. No two goals share a
// name in this sense, and a goal is found by it.
func SameName(a, b string) bool { return strings.EqualFold(NameKey(a), NameKey(b)) }

// NameKey is a name with its joiners dropped and its case folded the way
// strings.EqualFold folds it, for prefix matching.
func NameKey(name string) string {
	return strings.Map(func(r rune) rune {
		if isJoiner(r) {
			return -1
		}
		return unicode.ToLower(r)
	}, name)
}
