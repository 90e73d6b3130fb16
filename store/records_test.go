package store

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"tend/coach"
)

// everyCheckIn is a check-in with every field set, and one with none of
// the optional ones.
func everyCheckIn() []coach.CheckIn {
	return []coach.CheckIn{
		{Day: today, Outcome: coach.Partial, Achieved: 6.5, Target: 10, Effort: coach.EffortHard, Pain: coach.PainSore,
			MoodBefore: intp(3), MoodAfter: intp(0), Note: "rain, but went — ☔", Level: 2, Variant: 1, Bridge: true,
			WrittenAt: time.Date(2026, 3, 2, 7, 45, 12, 0, time.FixedZone("", -5*3600)), Device: "9f3c2a7d51e04b86"},
		{Day: created, Outcome: coach.Rest, Effort: coach.EffortOK, Pain: coach.PainNone, Level: 1, Variant: 1},
		{Day: created, Outcome: coach.Done, Achieved: 1.0 / 3, Target: 99999.95, Level: 1000, Variant: 100,
			WrittenAt: writeAt},
	}
}

func everyDecision() coach.Decision {
	return coach.Decision{Day: today, Action: coach.ActSafetyHold, From: 3, To: 3, ReasonCode: coach.CodeS1, Message: "Stop. Now.",
		Said: []coach.Said{coach.SayText("Stop."), coach.SayText("Now.")}, NextTarget: 12,
		Before: coach.Step{Level: 3, Variant: 2, Bridge: true, LevelFrom: created, Status: coach.Paused,
			Eased: true, BridgeTarget: 11, Reason: "Because.", ReasonCode: coach.CodeA1, SteppedBack: []int{2, 3},
			Said: []coach.Said{coach.SayText("Because.")}, Alternative: true, Graduated: true}}
}

func TestBinaryRecordsRoundTrip(t *testing.T) {
	g := customGoal(t)
	g.Alternative, g.Graduated = true, true
	allSet(t, g)
	for _, g := range []coach.Goal{g, func() coach.Goal { g := walkGoal(t, "Walk"); g.ID = 1; return g }()} {
		b, _ := encodeGoal(g)
		if got, err := decodeGoal(b, g.ID); err != nil || !reflect.DeepEqual(got, g) {
			t.Errorf("goal round trip: %v\n got %+v\nwant %+v", err, got, g)
		}
	}
	cs := everyCheckIn()
	allSet(t, cs[0])
	for _, c := range cs {
		b, _ := encodeCheckIn(7, c)
		got, err := decodeCheckIn(b, 7, c.Day)
		if err != nil || !got.WrittenAt.Equal(c.WrittenAt) || got.WrittenAt.Format(time.RFC3339) != c.WrittenAt.Format(time.RFC3339) {
			t.Fatalf("check-in %v: %v, written at %v", c.Day, err, got.WrittenAt)
		}
		got.WrittenAt, c.WrittenAt = time.Time{}, time.Time{}
		if !reflect.DeepEqual(got, c) {
			t.Errorf("check-in round trip:\n got %+v\nwant %+v", got, c)
		}
	}
	d := everyDecision()
	allSet(t, d)
	allSet(t, d.Before)
	b, _ := encodeDecision(7, d)
	if got, err := decodeDecision(b, 7, today); err != nil || !reflect.DeepEqual(got, d) {
		t.Errorf("decision round trip: %v\n got %+v\nwant %+v", err, got, d)
	}
	for _, h := range []int{0, 4, 23} {
		b, _ := encodeSettings(Settings{DayStartHour: h})
		if got, err := decodeSettings(b); err != nil || got.DayStartHour != h {
			t.Errorf("settings %d came back %+v, %v", h, got, err)
		}
	}
	if got, err := decodeDeviceID(encodeDeviceID("9f3c2a7d51e04b86")); err != nil || got != "9f3c2a7d51e04b86" {
		t.Errorf("device id came back %q, %v", got, err)
	}
}

// The records are small: a day's check-in and decision together take
// about what harsh's one line does, so twenty years of a hundred goals stay
// within three times the floor's file.
func TestBinaryRecordsAreCompact(t *testing.T) {
	c, _ := encodeCheckIn(1, coach.CheckIn{Day: today, Outcome: coach.Done, Achieved: 20, Target: 20, Level: 2, Variant: 1,
		WrittenAt: writeAt, Device: "9f3c2a7d51e04b86"})
	if len(c) > 32 {
		t.Errorf("a plain check-in with its time and device is %d bytes, want at most 32", len(c))
	}
}

// Every single bit flipped anywhere in a record, and the same record filed
// under another goal or day, is refused as damage: CRC-32C catches every
// one-bit error, and the key path is in the sum.
func TestEveryFlippedBitInARecordIsDamage(t *testing.T) {
	goal, _ := encodeGoal(customGoal(t))
	checkIn, _ := encodeCheckIn(7, everyCheckIn()[0])
	decision, _ := encodeDecision(7, everyDecision())
	settings, _ := encodeSettings(DefaultSettings())
	decode := map[string]func([]byte) error{
		"goal":     func(b []byte) error { _, err := decodeGoal(b, 7); return err },
		"check-in": func(b []byte) error { _, err := decodeCheckIn(b, 7, today); return err },
		"decision": func(b []byte) error { _, err := decodeDecision(b, 7, today); return err },
		"settings": func(b []byte) error { _, err := decodeSettings(b); return err },
		"device":   func(b []byte) error { _, err := decodeDeviceID(b); return err },
	}
	records := map[string][]byte{"goal": goal, "check-in": checkIn, "decision": decision, "settings": settings,
		"device": encodeDeviceID("9f3c2a7d51e04b86")}
	for kind, rec := range records {
		for bit := range len(rec) * 8 {
			b := append([]byte(nil), rec...)
			b[bit/8] ^= 1 << (bit % 8)
			if err := decode[kind](b); !errors.Is(err, ErrDamaged) {
				t.Fatalf("%s with bit %d flipped: %v, want damage", kind, bit, err)
			}
		}
		if err := decode[kind](rec[:len(rec)-1]); !errors.Is(err, ErrDamaged) {
			t.Errorf("%s cut short: %v, want damage", kind, err)
		}
	}
	for name, err := range map[string]error{
		"a check-in under another day":  func() error { _, err := decodeCheckIn(checkIn, 7, today.AddDays(1)); return err }(),
		"a check-in under another goal": func() error { _, err := decodeCheckIn(checkIn, 8, today); return err }(),
		"a decision under another goal": func() error { _, err := decodeDecision(decision, 6, today); return err }(),
		"a goal under another id":       func() error { _, err := decodeGoal(goal, 8); return err }(),
	} {
		if !errors.Is(err, ErrDamaged) {
			t.Errorf("%s: %v, want damage", name, err)
		}
	}
}

// A record whose checksum is good but whose fields make no sense (made by
// hand, or by another program) is damage too, naming what is wrong.
func TestDecodeRefusesNonsense(t *testing.T) {
	id, day := goalPath(7), dayPath(today)
	ci := func(body ...byte) []byte { return resealed(tagCheckIn, body, id[:], day[:]) }
	dec := func(body ...byte) []byte { return resealed(tagDecision, body, id[:], day[:]) }
	nan := append([]byte{0, 1, 0, 0, 1}, 0x7f, 0xf8, 0, 0, 0, 0, 0, 1)
	tests := []struct {
		name, kind string
		b          []byte
		want       string
	}{
		{"empty", "check-in", nil, "too short"},
		{"a goal filed as a check-in", "check-in", resealed(tagGoal, []byte{0, 0}, id[:], day[:]), "kind"},
		{"an unknown field", "check-in", ci(0x80, 1, 0, 0, 20, 20, 2, 1), "does not know"},
		{"a byte after the last field", "check-in", ci(0, 1, 0, 0, 20, 20, 2, 1, 0), "after its last field"},
		{"a record cut inside", "check-in", ci(0, 1, 0, 0, 20), "not a number"},
		{"an unknown outcome", "check-in", ci(0, 7, 0, 0, 20, 20, 2, 1), "outcome is 7"},
		{"no outcome", "check-in", ci(0, 0, 0, 0, 20, 20, 2, 1), "outcome is 0"},
		{"an unknown effort", "check-in", ci(0, 1, 3, 0, 20, 20, 2, 1), "effort is 3"},
		{"an unknown pain", "check-in", ci(0, 1, 0, 4, 20, 20, 2, 1), "pain is 4"},
		{"level 0", "check-in", ci(0, 1, 0, 0, 20, 20, 0, 1), "level is 0"},
		{"a mood of 11", "check-in", ci(ciMoodBefore, 1, 0, 0, 20, 20, 2, 1, 11), "mood before is 11"},
		{"an amount that is not a number", "check-in", append(nan, 20, 2, 1), "amount is outside"},
		{"a note that is not text", "check-in", ci(ciNote, 1, 0, 0, 20, 20, 2, 1, 2, 0xff, 0xfe), "not UTF-8"},
		{"an unknown action", "decision", dec(0, 11, 1, 1, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0), "action is 11"},
		{"a reason code that is not one", "decision", dec(0, 1, 1, 1, 99, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0), "reason code is 99"},
		{"a bad status before", "decision", dec(0, 1, 1, 1, 0, 0, 0, 0, 1, 1, 0, 9, 0, 0, 0, 0), "status is 9"},
		{"an hour that is not one", "settings", resealed(tagSettings, []byte{24}, keySettings), "day start hour is 24"},
		{"an unknown plan", "goal", goalWith(t, func(g *coach.Goal) { g.PlanID, g.Custom = "juggling", nil }), "juggling"},
		{"a bad weekday", "goal", goalWith(t, func(g *coach.Goal) { g.Schedules[0].Weekdays = []time.Weekday{7} }), "weekday is 7"},
		{"no created day", "goal", goalWith(t, func(g *coach.Goal) { g.Created = coach.Day{} }), "no day it was made"},
	}
	// The NaN case needs its own seal: it was built without ci.
	tests[11].b = ci(tests[11].b...)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			switch tt.kind {
			case "goal":
				_, err = decodeGoal(tt.b, 7)
			case "check-in":
				_, err = decodeCheckIn(tt.b, 7, today)
			case "decision":
				_, err = decodeDecision(tt.b, 7, today)
			case "settings":
				_, err = decodeSettings(tt.b)
			}
			if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("decode %x = %v, want ErrDamaged mentioning %q", tt.b, err, tt.want)
			}
		})
	}
}

// goalWith is customGoal changed by fn and encoded without the encoder's
// own checks, as a hand-made file could hold it.
func goalWith(t *testing.T, fn func(*coach.Goal)) []byte {
	g := customGoal(t)
	fn(&g)
	b, err := encodeGoal(g)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// What a record cannot keep exactly is refused when it is written, not
// found out when it is read.
func TestEncodeRefusesWhatItCannotKeep(t *testing.T) {
	c := everyCheckIn()[0]
	c.Device = "9F3C2A7D51E04B86"
	if _, err := encodeCheckIn(7, c); err == nil {
		t.Errorf("an upper-case device id was encoded; it would come back lower-case")
	}
	g := customGoal(t)
	g.UID = "short"
	if _, err := encodeGoal(g); err == nil {
		t.Errorf("a uid of the wrong length was encoded")
	}
	d := everyDecision()
	d.ReasonCode = "R5"
	if _, err := encodeDecision(7, d); err == nil {
		t.Errorf("a reason code tend does not know was encoded")
	}
	if x := math.Inf(1); func() bool {
		_, err := checkedCheckIn(7, coach.CheckIn{Day: today, Outcome: coach.Done,
			Achieved: x, Level: 1, Variant: 1})
		return err == nil
	}() {
		t.Errorf("an infinite amount was written")
	}
}

// TestCRCPathIsCRC32C pins the table walk a reader uses for a key path
// (with the byte table store makes itself) to crc32.Update's Castagnoli sum,
// from any starting sum; and the table hash/crc32 was asked for on a
// goroutine of its own to be the Castagnoli one.
func TestCRCPathIsCRC32C(t *testing.T) {
	made := crc32.MakeTable(crc32.Castagnoli)
	if castagnoli() != made || *made != crcTable {
		t.Errorf("the tables are not hash/crc32's Castagnoli table")
	}
	for _, p := range [][]byte{nil, {0}, {1, 2, 3, 4}, []byte("a goal id and a day")} {
		for _, start := range []uint32{0, 1, 0xdeadbeef} {
			if got, want := crcPath(start, p), crc32.Update(start, made, p); got != want {
				t.Errorf("crcPath(%#x, %q) = %#x, crc32.Update says %#x", start, p, got, want)
			}
		}
	}
}

// A decoder's one-byte numbers (read without a call) and longer ones agree
// with encoding/binary at every bound: a number over its field's largest
// is damage either way, and after damage every field reads as zero.
func TestDecoderNumbersAtTheirBounds(t *testing.T) {
	for _, v := range []uint64{0, 1, 6, 7, 100, 126, 127, 128, 129, 255, 256, 1000, 1 << 20} {
		for _, hi := range []uint64{v - 1, v, v + 1} {
			if v == 0 && hi > v+1 {
				continue // v-1 wrapped: no bound below 0
			}
			enc := binary.AppendUvarint(nil, v)
			d := decoder{b: append(enc, 9)}
			got := d.uint(hi, "number")
			switch {
			case v > hi && d.err == nil:
				t.Errorf("%d read with a largest of %d: no error", v, hi)
			case v <= hi && (got != v || d.err != nil || len(d.b) != 1):
				t.Errorf("%d read with a largest of %d: %d, %v, %d bytes left; want %d and the next byte", v, hi, got, d.err, len(d.b), v)
			}
			if v < 256 {
				d = decoder{b: []byte{byte(v), 9}}
				got := d.byte(byte(min(hi, 255)), "byte")
				if ok := v <= min(hi, 255); ok != (d.err == nil) || ok && (got != byte(v) || len(d.b) != 1) {
					t.Errorf("byte %d with a largest of %d: %d, %v", v, hi, got, d.err)
				}
			}
			if d.err != nil && (d.uint(1<<62, "next") != 0 || d.byte(255, "next") != 0) {
				t.Errorf("after damage a field still reads as something")
			}
		}
	}
}
