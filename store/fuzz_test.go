package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"testing"
	"time"

	"tend/coach"
)

// Fuzz targets for every JSON decoder in the store: settings, goal,
// check-in and decision records, as a damaged or hand-edited file could hold
// them. Each must never panic, must refuse with ErrDamaged, and what it
// accepts must come back the same when encoded and decoded again.
// `go test` runs the seeds and testdata/fuzz; .ci/test fuzzes each for a
// few seconds.

// addRecords seeds a fuzz target with records tend writes, and some it
// would not.
func addRecords(f *testing.F, records ...string) {
	for _, r := range append(records, ``, `null`, `{}`, `[]`, `{"v":2}`, `{"v":1`, "\xff") {
		f.Add([]byte(r))
	}
}

func FuzzDecodeSettings(f *testing.F) {
	v, _ := encodeSettings(DefaultSettings())
	addRecords(f, string(v), `{"v":1,"day_start_hour":23}`, `{"v":1,"day_start_hour":24}`, `{"v":1,"day_start_hour":-1}`)
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
			t.Fatalf("%+v encodes to %s, which decodes to %+v, %v", s, enc, again, err)
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
	custom, _ := encodeGoal(g)
	addRecords(f, string(walk), string(custom),
		`{"v":1,"name":"x","plan":"marathon","created":"2026-03-02"}`,
		`{"v":1,"name":"x","plan":"custom","custom":{"unit":"reps","start":1e308,"step":0,"max":-1,"every":0},"created":"2026-03-02"}`)
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
			t.Fatalf("%s decodes, encodes to %s, which does not decode: %v", b, enc, err)
		}
		if !reflect.DeepEqual(again, g) {
			t.Fatalf("%s decodes to\n%+v\nwhich encodes to %s and decodes to\n%+v", b, g, enc, again)
		}
	})
}

func FuzzDecodeCheckIn(f *testing.F) {
	mood := 6
	c := coach.CheckIn{Day: today, Outcome: coach.Partial, Achieved: 7.5, Target: 10, Effort: coach.EffortHard,
		Pain: coach.PainSore, MoodBefore: &mood, Note: "windy <3", Level: 4, Variant: 2, Bridge: true, WrittenAt: writeAt}
	full, _ := encodeCheckIn(c)
	rest, _ := encodeCheckIn(coach.CheckIn{Day: today.AddDays(-1), Outcome: coach.Rest})
	addRecords(f, string(full), string(rest),
		`{"v":1,"day":"2026-03-02","outcome":"done","effort":"ok","pain":"none","written_at":"2026-03-02T18:30:00.5+05:30"}`,
		`{"v":1,"day":"2026-03-02","outcome":"missed","effort":"ok","pain":"none"}`,
		`{"v":1,"day":"2026-03-03","outcome":"done","effort":"ok","pain":"none"}`)
	f.Fuzz(func(t *testing.T, b []byte) {
		day := dayInRecord(b)
		c, err := decodeCheckIn(b, day)
		if err != nil {
			mustBeDamage(t, b, err)
			return
		}
		enc, err := encodeCheckIn(c)
		if err != nil {
			t.Fatalf("decoded %+v, which does not encode: %v", c, err)
		}
		again, err := decodeCheckIn(enc, day)
		if err != nil {
			t.Fatalf("%s decodes, encodes to %s, which does not decode: %v", b, enc, err)
		}
		// The record keeps written_at to the second, in its own zone.
		if !again.WrittenAt.Equal(c.WrittenAt.Truncate(time.Second)) {
			t.Fatalf("written_at %v came back as %v", c.WrittenAt, again.WrittenAt)
		}
		again.WrittenAt, c.WrittenAt = time.Time{}, time.Time{}
		if !reflect.DeepEqual(again, c) {
			t.Fatalf("%s decodes to\n%+v\nwhich encodes to %s and decodes to\n%+v", b, c, enc, again)
		}
	})
}

func FuzzDecodeDecision(f *testing.F) {
	d := coach.Decision{Day: today, Action: coach.ActAdvance, From: 3, To: 4, ReasonCode: "A1",
		Message: "Up to 15 min.", NextTarget: 15,
		Before: coach.Step{Level: 3, Variant: 1, LevelFrom: created, Status: coach.Active, SteppedBack: []int{2}}}
	adv, _ := encodeDecision(d)
	addRecords(f, string(adv),
		`{"v":1,"day":"2026-03-02","action":"hold","before":{"status":"active"}}`,
		`{"v":1,"day":"2026-03-02","action":"fly","before":{"status":"active"}}`,
		`{"v":1,"day":"2026-03-02","action":"hold","before":{"status":"active","level_since":"2026-02-30"}}`)
	f.Fuzz(func(t *testing.T, b []byte) {
		day := dayInRecord(b)
		d, err := decodeDecision(b, day)
		if err != nil {
			mustBeDamage(t, b, err)
			return
		}
		enc, err := encodeDecision(d)
		if err != nil {
			t.Fatalf("decoded %+v, which does not encode: %v", d, err)
		}
		again, err := decodeDecision(enc, day)
		if err != nil {
			t.Fatalf("%s decodes, encodes to %s, which does not decode: %v", b, enc, err)
		}
		if !reflect.DeepEqual(again, d) {
			t.Fatalf("%s decodes to\n%+v\nwhich encodes to %s and decodes to\n%+v", b, d, enc, again)
		}
	})
}

// dayInRecord is the day a record says it is for, as the key it would be
// filed under; today when it says none that can be read.
func dayInRecord(b []byte) coach.Day {
	var r struct{ Day string }
	if json.Unmarshal(b, &r) == nil {
		if d, err := coach.ParseDay(r.Day); err == nil {
			return d
		}
	}
	return today
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
