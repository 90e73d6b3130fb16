package store

import (
	"encoding/binary"
	"reflect"
	"testing"

	"pgregory.net/rapid"

	"tend/coach"
)

// slowCheckInHead is checkInHead without its quick path: the field calls.
func slowCheckInHead(b []byte) (coach.CheckIn, int, error) {
	var c coach.CheckIn
	d := decoder{b: b, what: "the check-in of "}
	c.Outcome = coach.Outcome(d.int(int(coach.Done), int(lastOutcome), "outcome"))
	c.Effort = coach.Effort(d.byte(lastEffort, "effort"))
	c.Pain = coach.Pain(d.byte(lastPain, "pain"))
	c.Achieved = d.num(coach.MaxCustomAmount, "amount")
	c.Target = d.num(coach.MaxCustomAmount, "target")
	c.Level = d.int(1, maxLevel, "level")
	c.Variant = d.int(1, maxVariant, "session")
	return c, len(b) - len(d.b), d.err
}

// The quick path reads a head only where the field calls read it alike:
// the same fields, the same bytes taken, and never one the field calls
// call damage. Heads are drawn near every bound: numbers of one to four
// bytes (non-minimal forms too), amounts in tenths and as float64 bits,
// values just inside and just outside their ranges, heads cut short.
func TestPropertyQuickCheckInHeadReadsAsTheFieldCallsDo(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		var b []byte
		num := func(label string, lo, hi uint64, shift uint) { // the value is written shifted
			// Mostly in range, so that one field out of it is tried with
			// the others good; else at or past a bound, or anything.
			v := rapid.Uint64Range(lo, hi).Draw(t, label)
			switch rapid.IntRange(0, 9).Draw(t, label+" bound?") {
			case 0:
				v = lo - 1 // 0 wraps to the largest: damage either way
			case 1:
				v = hi + 1
			case 2:
				v = rapid.SampledFrom([]uint64{lo, hi, 0, 127, 128, 16383, 16384}).Draw(t, label+" edge")
			case 3:
				v = rapid.Uint64().Draw(t, label+" any")
			}
			enc := binary.AppendUvarint(nil, v<<shift)
			if rapid.IntRange(0, 9).Draw(t, label+" non-minimal?") == 0 {
				enc[len(enc)-1] |= 0x80
				enc = append(enc, 0)
			}
			b = append(b, enc...)
		}
		num("outcome", uint64(coach.Done), uint64(lastOutcome), 0)
		b = append(b, byte(rapid.IntRange(0, int(lastEffort)+1).Draw(t, "effort")))
		b = append(b, byte(rapid.IntRange(0, int(lastPain)+1).Draw(t, "pain")))
		if rapid.IntRange(0, 9).Draw(t, "odd byte?") == 0 {
			b[len(b)-1-rapid.IntRange(0, 1).Draw(t, "which")] = rapid.Byte().Draw(t, "odd")
		}
		for _, label := range []string{"amount", "target"} {
			switch rapid.IntRange(0, 5).Draw(t, label+" form") {
			case 0:
				b = append(b, 1)
				b = binary.BigEndian.AppendUint64(b, rapid.Uint64().Draw(t, label+" bits"))
			default:
				num(label, 0, 10*coach.MaxCustomAmount, 1) // tenths, as an even number
			}
		}
		num("level", 1, maxLevel, 0)
		num("session", 1, maxVariant, 0)
		b = append(b, rapid.SliceOfN(rapid.Byte(), 0, 3).Draw(t, "after")...)
		if rapid.IntRange(0, 9).Draw(t, "cut?") == 0 {
			b = b[:rapid.IntRange(0, len(b)).Draw(t, "cut")]
		}

		var quick coach.CheckIn
		n, ok := quickCheckInHead(&quick, b)
		slow, m, err := slowCheckInHead(b)
		if !ok {
			if quick != (coach.CheckIn{}) {
				t.Fatalf("%x: the quick path refused the head but set %+v", b, quick)
			}
			return
		}
		if err != nil || n != m || !reflect.DeepEqual(quick, slow) {
			t.Fatalf("%x: quick read %+v (%d bytes); the field calls %+v (%d bytes), %v", b, quick, n, slow, m, err)
		}
	})
}

// The check-ins tend writes take the quick path: a session of minutes or
// repetitions, a rest day, a part session, a high rung, an amount in the hundreds.
func TestQuickCheckInHeadTakesTheUsualCheckIns(t *testing.T) {
	for _, c := range []coach.CheckIn{
		{Day: today, Outcome: coach.Done, Achieved: 20, Target: 20, Level: 2, Variant: 1, Effort: coach.EffortOK},
		{Day: today, Outcome: coach.Rest, Level: 1, Variant: 1},
		{Day: today, Outcome: coach.Partial, Achieved: 7.5, Target: 10, Level: 14, Variant: 3, Pain: coach.PainSore},
		{Day: today, Outcome: coach.Done, Achieved: 800, Target: 750.5, Level: 300, Variant: 1, Effort: coach.EffortHard},
	} {
		v, err := encodeCheckIn(7, c)
		if err != nil {
			t.Fatal(err)
		}
		var got coach.CheckIn
		got.Day = c.Day
		// The head follows the tag and the flags, and ends before the checksum.
		if _, ok := quickCheckInHead(&got, v[2:len(v)-crcLen]); !ok || !reflect.DeepEqual(got, c) {
			t.Errorf("%+v: quick path %v, read %+v", c, ok, got)
		}
	}
}
