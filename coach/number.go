package coach

import (
	"strconv"
)

// ParseAmount reads an amount a person typed: digits with at most one
// decimal point ("12", "2.5"). It refuses exponents, signs, hex, and
// anything over MaxCustomAmount, so "1e3" can never slip in as 1000.
func ParseAmount(s string) (float64, error) {
	dot := false
	digits := 0
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '.' && !dot && i > 0 && i < len(s)-1:
			dot = true
		default:
			return 0, says(ErrBadValue, "%q is not a plain number", s)
		}
	}
	if digits == 0 || len(s) > 12 {
		return 0, says(ErrBadValue, "%q is not a plain number", s)
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v > MaxCustomAmount {
		return 0, says(ErrBadValue, "%s is more than %d", s, MaxCustomAmount)
	}
	return v, nil
}

// ParseWhole reads a whole number a person typed, between lo and hi.
func ParseWhole(s string, lo, hi int) (int, error) {
	if s == "" || len(s) > 6 {
		return 0, says(ErrBadValue, "%q is not a whole number from %d to %d", s, lo, hi)
	}
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0, says(ErrBadValue, "%q is not a whole number from %d to %d", s, lo, hi)
		}
		n = n*10 + int(r-'0')
	}
	if n < lo || n > hi {
		return 0, says(ErrBadValue, "%d is not between %d and %d", n, lo, hi)
	}
	return n, nil
}
