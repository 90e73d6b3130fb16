package coach

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits on text a person types. [D]
const (
	MaxNameLen = 64
	MaxNoteLen = 500
)

// CleanName trims a goal's name and checks that it can be shown safely: 1–64
// characters of valid UTF-8 with no control characters or direction
// overrides, and at least one that can be seen.
func CleanName(s string) (string, error) {
	s = strings.TrimSpace(s)
	n := utf8.RuneCountInString(s)
	switch {
	case n == 0 || !strings.ContainsFunc(s, visible):
		return "", says(ErrBadName, "a goal needs a name")
	case n > MaxNameLen:
		return "", says(ErrBadName, "a name can be at most %d characters", MaxNameLen)
	}
	if err := safeText(s); err != nil {
		return "", says(ErrBadName, "%v", err)
	}
	return s, nil
}

// CleanNote checks a note: at most 500 characters, no control characters
// (a newline or tab is folded to a space first).
func CleanNote(s string) (string, error) {
	// Checked before folding: strings.Map would turn bad bytes into U+FFFD.
	if !utf8.ValidString(s) {
		return "", says(ErrBadNote, "it is not valid UTF-8 text")
	}
	s = strings.TrimSpace(strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' || r == '\r' {
			return ' '
		}
		return r
	}, s))
	if utf8.RuneCountInString(s) > MaxNoteLen {
		return "", says(ErrBadNote, "a note can be at most %d characters", MaxNoteLen)
	}
	if err := safeText(s); err != nil {
		return "", says(ErrBadNote, "%v", err)
	}
	return s, nil
}

// safeText refuses what could confuse a terminal or hide text: invalid
// UTF-8, and every character Printable would not show (text.go).
func safeText(s string) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("it is not valid UTF-8 text")
	}
	if i := firstHidden(s); i >= 0 {
		r, _ := utf8.DecodeRuneInString(s[i:])
		if unicode.IsControl(r) || isBidiControl(r) {
			return fmt.Errorf("it contains a control character (%U)", r)
		}
		return fmt.Errorf("it contains a character that does not show (%U)", r)
	}
	return nil
}

// visible reports whether r shows as something on screen: a letter, mark,
// digit, punctuation or symbol, not a space or an invisible format character.
func visible(r rune) bool {
	return unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.P, unicode.S)
}

func isBidiControl(r rune) bool {
	return (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) || r == 0x200E || r == 0x200F || r == 0x061C
}
