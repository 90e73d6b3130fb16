package store

import (
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"tend/coach"
)

func intp(n int) *int { return &n }

// customGoal is a goal on a person's own ladder, on fixed weekdays, with a
// history of changes and every engine field set.
func customGoal(t *testing.T) coach.Goal {
	t.Helper()
	c := &coach.Custom{Unit: coach.Km, Start: 1.5, Step: 0.5, Max: 5, Every: 3}
	p, err := coach.CustomPlan("Run", *c)
	if err != nil {
		t.Fatal(err)
	}
	g, err := coach.NewGoal("Run", p, c, coach.Schedule{Weekdays: []time.Weekday{time.Monday, time.Wednesday, time.Sunday}}, 0, created)
	if err != nil {
		t.Fatal(err)
	}
	g = g.WithSchedule(coach.Schedule{PerWeek: 3}, created.AddDays(7))
	g = g.SetStatus(coach.Paused, created.AddDays(8)).SetStatus(coach.Active, created.AddDays(10))
	g.ID, g.Level, g.Variant, g.Bridge, g.LevelFrom = 7, 3, 1, true, created.AddDays(9)
	g.Eased, g.BridgeTarget, g.Reason, g.ReasonCode = true, 2.25, "A step in between.", coach.CodeB2
	g.Said = []coach.Said{coach.SayText(g.Reason)}
	g.SteppedBack = []int{4}
	g.Capacity, g.Anchor, g.IfThen = 20, "After I make coffee", coach.IfThenPlans[0]
	g.UID, g.ImportedFrom = "7f3a9c0e51d24b86a1c3e5f7091b2d4f", &coach.Provenance{Source: "loop", Name: "Run ", Position: 2}
	return g
}

// allSet fails when a field of v is zero: the round-trip tests use values
// with every field set, so a field added to coach and not to the records
// cannot be lost without a test failing.
func allSet(t *testing.T, v any, newer ...string) {
	t.Helper()
	rv := reflect.ValueOf(v)
	for i := range rv.NumField() {
		if rv.Field(i).IsZero() && !slices.Contains(newer, rv.Type().Field(i).Name) {
			t.Errorf("%T.%s is zero in the round-trip value: set it, and make sure the record keeps it",
				v, rv.Type().Field(i).Name)
		}
	}
}

// fieldsAfterV1 are what the version 1 records never held: a v1 file has
// no alternative sessions and no graduations to keep.
var fieldsAfterV1 = []string{"Alternative", "Graduated", "Said"}

func TestGoalRecordRoundTripV1(t *testing.T) {
	allSet(t, customGoal(t), fieldsAfterV1...)
	for _, g := range []coach.Goal{customGoal(t), func() coach.Goal { g := walkGoal(t, "Walk"); g.ID = 1; return g }()} {
		g.Said = nil // schema 1 kept the reason as its words only
		b, err := encodeGoalV1(g)
		if err != nil {
			t.Fatal(err)
		}
		got, err := decodeGoalV1(b, g.ID)
		if err != nil {
			t.Fatalf("decodeGoalV1(%s): %v", b, err)
		}
		if !reflect.DeepEqual(got, g) {
			t.Errorf("goal round trip:\n got %+v\nwant %+v\njson %s", got, g, b)
		}
	}
}

// The names are a promise: `bbolt get` shows them, and the export follows
// them.
func TestGoalRecordFieldNamesV1(t *testing.T) {
	b, err := encodeGoalV1(customGoal(t))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"v", "name", "plan", "custom", "schedule_history", "status_history", "level",
		"variant", "bridge", "level_since", "created", "capacity", "anchor", "if_then"} {
		if _, ok := m[f]; !ok {
			t.Errorf("goal JSON has no %q: %s", f, b)
		}
	}
	for _, want := range []string{`"v":1`, `"plan":"custom"`, `"custom":{"unit":"km","start":1.5,"step":0.5,"max":5,"every":3}`,
		`{"from":"2026-02-16","days_per_week":0,"weekdays":["mon","wed","sun"]}`,
		`{"from":"2026-02-24","status":"paused"}`, `"level_since":"2026-02-25"`, `"created":"2026-02-16"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("goal JSON lacks %s: %s", want, b)
		}
	}
	walk, _ := encodeGoalV1(walkGoal(t, "Walk"))
	for _, want := range []string{`"custom":null`, `"level_since":""`, `"weekdays":[]`} {
		if !strings.Contains(string(walk), want) {
			t.Errorf("walk goal JSON lacks %s: %s", want, walk)
		}
	}
}

func TestCheckInRecordRoundTripV1(t *testing.T) {
	tests := []coach.CheckIn{
		{Day: today, Outcome: coach.Partial, Achieved: 6.5, Target: 10, Effort: coach.EffortHard, Pain: coach.PainSore,
			MoodBefore: intp(3), MoodAfter: intp(0), Note: "rain, but went — ☔", Level: 2, Variant: 1, Bridge: true,
			WrittenAt: time.Date(2026, 3, 2, 7, 45, 12, 0, time.FixedZone("", -5*3600)), Device: "9f3c2a7d51e04b86"},
		{Day: created, Outcome: coach.Rest, Effort: coach.EffortOK, Pain: coach.PainNone, Level: 1, Variant: 1},
	}
	allSet(t, tests[0])
	for _, c := range tests {
		b, err := encodeCheckInV1(c)
		if err != nil {
			t.Fatal(err)
		}
		got, err := decodeCheckInV1(b, c.Day)
		if err != nil {
			t.Fatalf("decodeCheckInV1(%s): %v", b, err)
		}
		if !got.WrittenAt.Equal(c.WrittenAt) {
			t.Errorf("written at %v, want %v", got.WrittenAt, c.WrittenAt)
		}
		got.WrittenAt, c.WrittenAt = time.Time{}, time.Time{}
		if !reflect.DeepEqual(got, c) {
			t.Errorf("check-in round trip:\n got %+v\nwant %+v\njson %s", got, c, b)
		}
	}
	b, _ := encodeCheckInV1(tests[1])
	for _, want := range []string{`"mood_before":null`, `"mood_after":null`, `"outcome":"rest"`, `"written_at":""`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("check-in JSON lacks %s: %s", want, b)
		}
	}
}

func TestDecisionRecordRoundTripV1(t *testing.T) {
	d := coach.Decision{Day: today, Action: coach.ActSafetyHold, From: 3, To: 3, ReasonCode: coach.CodeS1, Message: "Stop.",
		NextTarget: 12, Before: coach.Step{Level: 3, Variant: 2, Bridge: true, LevelFrom: created, Status: coach.Paused,
			Eased: true, BridgeTarget: 11, Reason: "Because.", ReasonCode: coach.CodeA1, SteppedBack: []int{2, 3}}}
	allSet(t, d, fieldsAfterV1...)
	allSet(t, d.Before, fieldsAfterV1...)
	b, err := encodeDecisionV1(d)
	if err != nil {
		t.Fatal(err)
	}
	got, err := decodeDecisionV1(b, today)
	if err != nil {
		t.Fatalf("decodeDecisionV1(%s): %v", b, err)
	}
	if !reflect.DeepEqual(got, d) {
		t.Errorf("decision round trip:\n got %+v\nwant %+v", got, d)
	}
	for _, want := range []string{`"action":"safety-hold"`, `"reason_code":"S1"`, `"next_target":12`,
		`"before":{"level":3,"variant":2,"bridge":true,"level_since":"2026-02-16","status":"paused"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("decision JSON lacks %s: %s", want, b)
		}
	}
}

// A record that makes no sense is reported as damage, naming what is wrong,
// and never panics.
func TestDecodeRefusesNonsenseV1(t *testing.T) {
	goal, _ := encodeGoalV1(walkGoal(t, "Walk"))
	checkIn, _ := encodeCheckInV1(coach.CheckIn{Day: today, Outcome: coach.Done})
	decision, _ := encodeDecisionV1(coach.Decision{Day: today, Action: coach.ActHold})
	swap := func(b []byte, old, new string) []byte { return []byte(strings.Replace(string(b), old, new, 1)) }
	tests := []struct {
		name, kind string
		b          []byte
		want       string
	}{
		{"not JSON", "goal", []byte("hello"), "not readable JSON"},
		{"empty", "check-in", nil, "not readable JSON"},
		{"a newer record", "goal", swap(goal, `"v":1`, `"v":2`), "record version 2"},
		{"no version", "settings", []byte(`{"day_start_hour":4}`), "record version 0"},
		{"an hour that is not one", "settings", []byte(`{"v":1,"day_start_hour":25}`), "day start hour 25"},
		{"an unknown plan", "goal", swap(goal, `"plan":"daily-walk"`, `"plan":"juggling"`), "juggling"},
		{"an unknown status", "goal", swap(goal, `"status":"active"`, `"status":"sleeping"`), "sleeping"},
		{"a bad weekday", "goal", swap(goal, `"weekdays":[]`, `"weekdays":["funday"]`), "funday"},
		{"a bad created day", "goal", swap(goal, `"created":"2026-02-16"`, `"created":"2026-02-30"`), "created"},
		{"a missing created day", "goal", swap(goal, `"created":"2026-02-16"`, `"created":""`), "created"},
		{"an unknown outcome", "check-in", swap(checkIn, `"outcome":"done"`, `"outcome":"missed"`), "missed"},
		{"an unknown effort", "check-in", swap(checkIn, `"effort":"ok"`, `"effort":"meh"`), "meh"},
		{"a bad time", "check-in", swap(checkIn, `"written_at":""`, `"written_at":"noon"`), "written_at"},
		{"a day other than its key", "check-in", swap(checkIn, `"day":"2026-03-02"`, `"day":"2026-03-01"`), "says it is for 2026-03-01"},
		{"an unknown action", "decision", swap(decision, `"action":"hold"`, `"action":"leap"`), "leap"},
		{"a bad status before", "decision", swap(decision, `"status":"active"`, `"status":"?"`), "status"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			switch tt.kind {
			case "goal":
				_, err = decodeGoalV1(tt.b, 1)
			case "check-in":
				_, err = decodeCheckInV1(tt.b, today)
			case "decision":
				_, err = decodeDecisionV1(tt.b, today)
			case "settings":
				_, err = decodeSettingsV1(tt.b)
			}
			if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("decode %s = %v, want ErrDamaged mentioning %q", tt.b, err, tt.want)
			}
		})
	}
}

// A hand-edited record with numbers tend never writes is damage, not data
// for the coach.
func TestCheckInRecordOutOfRangeIsDamageV1(t *testing.T) {
	for name, rec := range map[string]string{
		"mood 99":       `{"v":1,"day":"2026-03-02","outcome":"done","achieved":10,"target":10,"effort":"ok","pain":"none","mood_before":99,"mood_after":null,"note":"","level":2,"variant":1,"bridge":false,"written_at":""}`,
		"level 0":       `{"v":1,"day":"2026-03-02","outcome":"done","achieved":10,"target":10,"effort":"ok","pain":"none","mood_before":null,"mood_after":null,"note":"","level":0,"variant":1,"bridge":false,"written_at":""}`,
		"amount -5":     `{"v":1,"day":"2026-03-02","outcome":"done","achieved":-5,"target":10,"effort":"ok","pain":"none","mood_before":null,"mood_after":null,"note":"","level":2,"variant":1,"bridge":false,"written_at":""}`,
		"mood -1 after": `{"v":1,"day":"2026-03-02","outcome":"done","achieved":10,"target":10,"effort":"ok","pain":"none","mood_before":null,"mood_after":-1,"note":"","level":2,"variant":1,"bridge":false,"written_at":""}`,
	} {
		if _, err := decodeCheckInV1([]byte(rec), coach.DayOf(2026, 3, 2)); !errors.Is(err, ErrDamaged) {
			t.Errorf("%s: %v, want ErrDamaged", name, err)
		}
	}
}
