package store

import "tend/coach"

// A read of the recent window decodes tens of thousands of check-ins, and
// the decoder's field-by-field calls (each checking for an earlier error,
// each a call) cost more than the few bytes they read: a check-in's fixed
// fields are nine bytes or so. So those fields have a quick path that
// reads them from the bytes in one go, and makes every check the field
// calls make; on anything it does not expect (a longer number, a value out
// of range, a short record) it reads nothing and the field calls read the
// head as before, so a damaged record gets the same error either way.

// byte reads one byte of at most max. The usual case, a good record, is
// taken first with no error check (a decoder that found damage has no
// bytes left: fail): a read of a window asks it of tens of thousands.
func (d *decoder) byte(max byte, field string) byte {
	if len(d.b) > 0 && d.b[0] <= max { // a bad record has no bytes left (fail)
		v := d.b[0]
		d.b = d.b[1:]
		return v
	}
	return d.byteSlow(max, field)
}

// uint reads an unsigned varint of at most max. A number below 128 is one
// byte, and most of a record's are: that case is taken first, without
// binary.Uvarint (see byte).
func (d *decoder) uint(max uint64, field string) uint64 {
	if len(d.b) > 0 && d.b[0] < 0x80 && uint64(d.b[0]) <= max { // see byte
		v := uint64(d.b[0])
		d.b = d.b[1:]
		return v
	}
	return d.uintSlow(max, field)
}

// checkInHead reads a check-in's fixed fields, after its flags: outcome,
// effort, pain, amount, target, level and session.
func (d *decoder) checkInHead(c *coach.CheckIn) {
	if n, ok := quickCheckInHead(c, d.b); ok {
		d.b = d.b[n:]
		return
	}
	c.Outcome = coach.Outcome(d.int(int(coach.Done), int(lastOutcome), "outcome"))
	c.Effort = coach.Effort(d.byte(lastEffort, "effort"))
	c.Pain = coach.Pain(d.byte(lastPain, "pain"))
	c.Achieved = d.num(coach.MaxCustomAmount, "amount")
	c.Target = d.num(coach.MaxCustomAmount, "target")
	c.Level = d.int(1, maxLevel, "level")
	c.Variant = d.int(1, maxVariant, "session")
}

// quickCheckInHead is checkInHead's quick path: the fields as the usual
// check-in has them, every number one byte but the amounts and the level
// (up to two). It returns how many bytes it read, and false
// (having set nothing) when the head is not one it reads.
func quickCheckInHead(c *coach.CheckIn, b []byte) (int, bool) {
	if len(b) < 7 || b[0] >= 0x80 || b[0] < byte(coach.Done) || b[0] > lastOutcome || b[1] > lastEffort || b[2] > lastPain {
		return 0, false
	}
	achieved, n1 := quickAmount(b[3:])
	target, n2 := quickAmount(b[3+n1:])
	if n1 == 0 || n2 == 0 {
		return 0, false
	}
	i := 3 + n1 + n2
	level, n := quickUvarint(b[i:])
	if n == 0 || n > 2 || level < 1 || level > maxLevel {
		return 0, false
	}
	i += n
	if i >= len(b) || b[i] < 1 || b[i] > maxVariant { // maxVariant < 0x80: one byte
		return 0, false
	}
	c.Outcome, c.Effort, c.Pain = coach.Outcome(b[0]), coach.Effort(b[1]), coach.Pain(b[2])
	c.Achieved, c.Target, c.Level, c.Variant = achieved, target, int(level), int(b[i])
	return i + 1, true
}

// quickAmount reads an amount at the start of b as decoder.num does, in
// its usual form: tenths, at most two bytes (up to 819.1). n is the bytes
// read, 0 for any other form: a float64's bits, a larger amount, damage.
func quickAmount(b []byte) (x float64, n int) {
	u, n := quickUvarint(b)
	if n == 0 || u&1 == 1 {
		return 0, 0
	}
	return float64(u>>1) / 10, n // below coach.MaxCustomAmount: two bytes hold 819.1 at most
}

// quickUvarint is binary.Uvarint for numbers of one or two bytes (n, or
// 0 for any other), taking what it takes, a non-minimal form too. Short
// enough to be inlined.
func quickUvarint(b []byte) (uint64, int) {
	if len(b) >= 1 && b[0] < 0x80 {
		return uint64(b[0]), 1
	}
	if len(b) >= 2 && b[1] < 0x80 {
		return uint64(b[0]&0x7f) | uint64(b[1])<<7, 2
	}
	return 0, 0
}
