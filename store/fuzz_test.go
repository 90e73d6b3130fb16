package store

import (
	"bytes"
	"errors"
	"reflect"
	"testing"
	"time"

	"tend/coach"
)

// Fuzz targets for every record decoder in the store: settings, goal,
// check-in and decision records, as a damaged or hand-edited file could hold
// them. Each must never panic, must refuse with ErrDamaged, and what it
// accepts must come back the same when encoded and decoded again. The seeds
// are real records (sealed for goal 7 and today, which the targets decode
// them as) and records with their checksum made good after a change, so the
// fuzzer reaches the field checks behind the checksum.
// `go test` runs the seeds and testdata/fuzz; .ci/test fuzzes each for a
// few seconds.

// addRecords seeds a fuzz target with records tend writes, each also cut,
// extended and resealed, and some bytes it never would.
func addRecords(f *testing.F, tag byte, path [][]byte, records ...[]byte) {
	for _, r := range records {
		f.Add(r)
		body := r[1 : len(r)-crcLen]
		f.Add(resealed(tag, append(append([]byte(nil), body...), 0), path...))
		f.Add(resealed(tag, body[:len(body)/2], path...))
		f.Add(resealed(tag, append([]byte{0xff}, body[1:]...), path...))
	}
	for _, r := range []string{``, `{"v":1}`, "\x00\x00\x00\x00\x00", "\xff"} {
		f.Add([]byte(r))
	}
}

func FuzzDecodeSettings(f *testing.F) {
	v, _ := encodeSettings(DefaultSettings())
	late, _ := encodeSettings(Settings{DayStartHour: 23})
	addRecords(f, tagSettings, [][]byte{keySettings}, v, late, resealed(tagSettings, []byte{24}, keySettings))
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := decodeSettings(b)
		if err != nil {
			mustBeDamage(t, b, err)
			return
		}
		enc, err := encodeSettings(s)
		if err != nil {
			t.Fatalf("decoded %+v, which does not encode: %v", s, err)
		}
		again, err := decodeSettings(enc)
		if err != nil || again != s {
			t.Fatalf("%+v encodes to %x, which decodes to %+v, %v", s, enc, again, err)
		}
	})
}

func FuzzDecodeGoal(f *testing.F) {
	g := walkGoalForFuzz(f)
	walk, _ := encodeGoal(g)
	g.Custom, g.PlanID = &coach.Custom{Unit: coach.Reps, Start: 5, Step: 2, Max: 30, Every: 3}, "custom"
	g.Schedules = append(g.Schedules, coach.ScheduleChange{From: today,
		Schedule: coach.Schedule{Weekdays: []time.Weekday{time.Monday, time.Friday}}})
	g.Statuses = append(g.Statuses, coach.StatusChange{From: today, Status: coach.Paused})
	g.SteppedBack, g.Anchor, g.IfThen, g.Eased = []int{3}, "after coffee", "if it rains, stairs", true
	g.UID, g.ImportedFrom = "7f3a9c0e51d24b86a1c3e5f7091b2d4f", &coach.Provenance{Source: "harsh", Name: "Pushups", Position: 1}
	custom, _ := encodeGoal(g)
	id := goalPath(7)
	addRecords(f, tagGoal, [][]byte{id[:]}, walk, custom)
	f.Fuzz(func(t *testing.T, b []byte) {
		g, err := decodeGoal(b, 7)
		if err != nil {
			mustBeDamage(t, b, err)
			return
		}
		enc, err := encodeGoal(g)
		if err != nil {
			t.Fatalf("decoded %+v, which does not encode: %v", g, err)
		}
		again, err := decodeGoal(enc, 7)
		if err != nil {
			t.Fatalf("%x decodes, encodes to %x, which does not decode: %v", b, enc, err)
		}
		if !reflect.DeepEqual(again, g) {
			t.Fatalf("%x decodes to\n%+v\nwhich encodes to %x and decodes to\n%+v", b, g, enc, again)
		}
	})
}

func FuzzDecodeCheckIn(f *testing.F) {
	mood := 6
	c := coach.CheckIn{Day: today, Outcome: coach.Partial, Achieved: 7.5, Target: 10, Effort: coach.EffortHard,
		Pain: coach.PainSore, MoodBefore: &mood, Note: "windy <3", Level: 4, Variant: 2, Bridge: true, WrittenAt: writeAt,
		Device: "9f3c2a7d51e04b86"}
	full, _ := encodeCheckIn(7, c)
	rest, _ := encodeCheckIn(7, coach.CheckIn{Day: today, Outcome: coach.Rest, Level: 1, Variant: 1})
	odd, _ := encodeCheckIn(7, coach.CheckIn{Day: today, Outcome: coach.Done, Achieved: 1.0 / 3, Target: 0.25, Level: 1, Variant: 1})
	id, day := goalPath(7), dayPath(today)
	addRecords(f, tagCheckIn, [][]byte{id[:], day[:]}, full, rest, odd)
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := decodeCheckIn(b, 7, today)
		if err != nil {
			mustBeDamage(t, b, err)
			return
		}
		enc, err := encodeCheckIn(7, c)
		if err != nil {
			t.Fatalf("decoded %+v, which does not encode: %v", c, err)
		}
		again, err := decodeCheckIn(enc, 7, today)
		if err != nil {
			t.Fatalf("%x decodes, encodes to %x, which does not decode: %v", b, enc, err)
		}
		if !again.WrittenAt.Equal(c.WrittenAt) {
			t.Fatalf("written_at %v came back as %v", c.WrittenAt, again.WrittenAt)
		}
		again.WrittenAt, c.WrittenAt = time.Time{}, time.Time{}
		if !reflect.DeepEqual(again, c) {
			t.Fatalf("%x decodes to\n%+v\nwhich encodes to %x and decodes to\n%+v", b, c, enc, again)
		}
	})
}

func FuzzDecodeDecision(f *testing.F) {
	d := coach.Decision{Day: today, Action: coach.ActAdvance, From: 3, To: 4, ReasonCode: coach.CodeA1,
		Message: "Up to 15 min.", NextTarget: 15,
		Before: coach.Step{Level: 3, Variant: 1, LevelFrom: created, Status: coach.Active, SteppedBack: []int{2}}}
	adv, _ := encodeDecision(7, d)
	hold, _ := encodeDecision(7, coach.Decision{Day: today, Action: coach.ActHold, From: 1, To: 1,
		Before: coach.Step{Level: 1, Variant: 1}})
	id, day := goalPath(7), dayPath(today)
	addRecords(f, tagDecision, [][]byte{id[:], day[:]}, adv, hold)
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := decodeDecision(b, 7, today)
		if err != nil {
			mustBeDamage(t, b, err)
			return
		}
		enc, err := encodeDecision(7, d)
		if err != nil {
			t.Fatalf("decoded %+v, which does not encode: %v", d, err)
		}
		again, err := decodeDecision(enc, 7, today)
		if err != nil {
			t.Fatalf("%x decodes, encodes to %x, which does not decode: %v", b, enc, err)
		}
		if !reflect.DeepEqual(again, d) {
			t.Fatalf("%x decodes to\n%+v\nwhich encodes to %x and decodes to\n%+v", b, d, enc, again)
		}
	})
}

// resealed is a record of tag with body as its fields and a checksum that
// matches: what a hand-crafted file would hold.
func resealed(tag byte, body []byte, path ...[]byte) []byte {
	e := newEncoder(tag, len(body)+8)
	e.b = append(e.b, body...)
	return e.seal(path...)
}

func mustBeDamage(t *testing.T, b []byte, err error) {
	t.Helper()
	var d *damage
	if !errors.Is(err, ErrDamaged) || !errors.As(err, &d) || d.detail == "" {
		t.Fatalf("decoding %q failed with %v, not as damage", b, err)
	}
	if bytes.ContainsAny([]byte(err.Error()), "\x1b") {
		t.Fatalf("the damage message carries an escape: %q", err)
	}
}

func walkGoalForFuzz(f *testing.F) coach.Goal {
	p, err := coach.PlanByID(coach.DailyWalkID)
	if err != nil {
		f.Fatal(err)
	}
	g, err := coach.NewGoal("Walk", p, nil, coach.Schedule{PerWeek: 5}, 0, created)
	if err != nil {
		f.Fatal(err)
	}
	g.ID = 7
	return g
}
