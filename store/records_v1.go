package store

import (
	"bytes"
	"encoding/json"
	"time"

	"tend/coach"
)

// Schema 1 and 2's records: JSON, one object per value. This tend only reads
// them, to migrate a file to the binary records of schema 3
// (records_codec.go); the encoders stay for the migrations before it and so
// that tests can make an older file.

// recordVersionV1 is the "v" of every record this tend writes. A record with
// another version was written by something else and is refused.
const recordVersionV1 = 1

// Records are the JSON forms of coach's types. coach has no JSON tags on
// purpose: the file format is the store's promise, and it changes only with
// a new record version or a migration.

type settingsRecord struct {
	V            int `json:"v"`
	DayStartHour int `json:"day_start_hour"`
}

type goalRecord struct {
	V               int              `json:"v"`
	Name            string           `json:"name"`
	Plan            string           `json:"plan"`
	Custom          *customRecord    `json:"custom"`
	ScheduleHistory []scheduleRecord `json:"schedule_history"`
	StatusHistory   []statusRecord   `json:"status_history"`
	Level           int              `json:"level"`
	Variant         int              `json:"variant"`
	Bridge          bool             `json:"bridge"`
	LevelSince      string           `json:"level_since"`
	Created         string           `json:"created"`
	Capacity        int              `json:"capacity"`
	Anchor          string           `json:"anchor"`
	IfThen          string           `json:"if_then"`
	// The engine's state beyond the level: without these a pain ease, a
	// coach-made bridge or a second try at a level would be forgotten.
	Eased        bool    `json:"eased"`
	BridgeTarget float64 `json:"bridge_target"`
	Reason       string  `json:"reason"`
	ReasonCode   string  `json:"reason_code"`
	SteppedBack  []int   `json:"stepped_back"`
	// Schema 2: what merging needs (IMPORT §7.1). A goal has a uid from
	// when it is made (the migration gives older ones theirs).
	UID          string          `json:"uid,omitempty"`
	ImportedFrom *importedRecord `json:"imported_from,omitempty"`
}

// importedRecord is coach.Provenance.
type importedRecord struct {
	Source   string `json:"source"`
	Name     string `json:"name"`
	Position int    `json:"position"`
}

type customRecord struct {
	Unit  string  `json:"unit"`
	Start float64 `json:"start"`
	Step  float64 `json:"step"`
	Max   float64 `json:"max"`
	Every int     `json:"every"`
}

type scheduleRecord struct {
	From        string   `json:"from"`
	DaysPerWeek int      `json:"days_per_week"`
	Weekdays    []string `json:"weekdays"`
}

type statusRecord struct {
	From   string `json:"from"`
	Status string `json:"status"`
}

type checkInRecord struct {
	V          int     `json:"v"`
	Day        string  `json:"day"`
	Outcome    string  `json:"outcome"`
	Achieved   float64 `json:"achieved"`
	Target     float64 `json:"target"`
	Effort     string  `json:"effort"`
	Pain       string  `json:"pain"`
	MoodBefore *int    `json:"mood_before"`
	MoodAfter  *int    `json:"mood_after"`
	Note       string  `json:"note"`
	Level      int     `json:"level"`
	Variant    int     `json:"variant"`
	Bridge     bool    `json:"bridge"`
	WrittenAt  string  `json:"written_at"`
	Device     string  `json:"device,omitempty"` // schema 2; "" when unknown
}

type decisionRecord struct {
	V          int        `json:"v"`
	Day        string     `json:"day"`
	Action     string     `json:"action"`
	From       int        `json:"from"`
	To         int        `json:"to"`
	ReasonCode string     `json:"reason_code"`
	Message    string     `json:"message"`
	NextTarget float64    `json:"next_target"`
	Before     stepRecord `json:"before"`
}

// stepRecord is coach.Step: all of it, so that undo puts a goal back exactly.
type stepRecord struct {
	Level        int     `json:"level"`
	Variant      int     `json:"variant"`
	Bridge       bool    `json:"bridge"`
	LevelSince   string  `json:"level_since"`
	Status       string  `json:"status"`
	Eased        bool    `json:"eased"`
	BridgeTarget float64 `json:"bridge_target"`
	Reason       string  `json:"reason"`
	ReasonCode   string  `json:"reason_code"`
	SteppedBack  []int   `json:"stepped_back"`
}

// weekdayNames are the three-letter names the schedule history uses, as
// `tend add --on` takes them.
var weekdayNames = map[time.Weekday]string{
	time.Sunday: "sun", time.Monday: "mon", time.Tuesday: "tue", time.Wednesday: "wed",
	time.Thursday: "thu", time.Friday: "fri", time.Saturday: "sat",
}

func encodeSettingsV1(s Settings) ([]byte, error) {
	return json.Marshal(settingsRecord{V: recordVersionV1, DayStartHour: s.DayStartHour})
}

func decodeSettingsV1(b []byte) (Settings, error) {
	var r settingsRecord
	if err := unmarshalV1(b, &r, "the settings"); err != nil {
		return Settings{}, err
	}
	if r.DayStartHour < 0 || r.DayStartHour > 23 {
		return Settings{}, badRecord("the settings' day start hour %d is not 0–23", r.DayStartHour)
	}
	return Settings{DayStartHour: r.DayStartHour}, nil
}

func encodeCheckInV1(c coach.CheckIn) ([]byte, error) {
	r := checkInRecord{
		V: recordVersionV1, Day: c.Day.String(), Outcome: c.Outcome.String(),
		Achieved: c.Achieved, Target: c.Target, Effort: c.Effort.String(), Pain: c.Pain.String(),
		MoodBefore: c.MoodBefore, MoodAfter: c.MoodAfter, Note: c.Note,
		Level: c.Level, Variant: c.Variant, Bridge: c.Bridge, Device: c.Device,
	}
	if !c.WrittenAt.IsZero() {
		r.WrittenAt = c.WrittenAt.Format(time.RFC3339)
	}
	return json.Marshal(r)
}

// decodeCheckInV1 decodes the check-in stored under day.
func decodeCheckInV1(b []byte, day coach.Day) (coach.CheckIn, error) {
	what := "the check-in of " + day.String()
	var r checkInRecord
	if err := unmarshalV1(b, &r, what); err != nil {
		return coach.CheckIn{}, err
	}
	c := coach.CheckIn{
		Achieved: r.Achieved, Target: r.Target, MoodBefore: r.MoodBefore, MoodAfter: r.MoodAfter,
		Note: r.Note, Level: r.Level, Variant: r.Variant, Bridge: r.Bridge, Device: r.Device,
	}
	var d fieldDecoder
	c.Day = d.day(what, "day", r.Day, false)
	c.Outcome = parseField(&d, what, r.Outcome, coach.ParseOutcome)
	c.Effort = parseField(&d, what, r.Effort, coach.ParseEffort)
	c.Pain = parseField(&d, what, r.Pain, coach.ParsePain)
	c.WrittenAt = d.time(what, "written_at", r.WrittenAt)
	if d.err == nil && c.Day != day {
		return coach.CheckIn{}, badRecord("%s says it is for %s", what, c.Day)
	}
	if d.err == nil {
		d.err = checkInRangeV1(c, what)
	}
	if d.err == nil && c.Device != "" && !isHex(c.Device, deviceIDLen) {
		d.err = badRecord("%s has a device id %q that is not %d hex digits", what, c.Device, deviceIDLen)
	}
	return c, d.err
}

// checkInRangeV1 refuses numbers no check-in tend writes could hold, so a
// hand-edited file cannot feed the coach a mood of 99 or a level of 0.
func checkInRangeV1(c coach.CheckIn, what string) error {
	for _, m := range []*int{c.MoodBefore, c.MoodAfter} {
		if m != nil && (*m < coach.MoodMin || *m > coach.MoodMax) {
			return badRecord("%s has a mood of %d, outside 0 to 10", what, *m)
		}
	}
	switch {
	case c.Level < 1 || c.Variant < 1:
		return badRecord("%s has level %d, session %d; both start at 1", what, c.Level, c.Variant)
	case !(c.Achieved >= 0 && c.Achieved <= coach.MaxCustomAmount) || !(c.Target >= 0 && c.Target <= coach.MaxCustomAmount):
		return badRecord("%s has an amount outside 0 to %d", what, coach.MaxCustomAmount)
	}
	return nil
}

func encodeDecisionV1(dec coach.Decision) ([]byte, error) {
	return json.Marshal(decisionRecord{
		V: recordVersionV1, Day: dec.Day.String(), Action: dec.Action.String(), From: dec.From, To: dec.To,
		ReasonCode: string(dec.ReasonCode), Message: dec.Message, NextTarget: dec.NextTarget,
		Before: stepRecordOf(dec.Before),
	})
}

// decodeDecisionV1 decodes the decision stored under day.
func decodeDecisionV1(b []byte, day coach.Day) (coach.Decision, error) {
	what := "the decision of " + day.String()
	var r decisionRecord
	if err := unmarshalV1(b, &r, what); err != nil {
		return coach.Decision{}, err
	}
	dec := coach.Decision{From: r.From, To: r.To, ReasonCode: coach.Code(r.ReasonCode), Message: r.Message, NextTarget: r.NextTarget}
	var d fieldDecoder
	dec.Day = d.day(what, "day", r.Day, false)
	dec.Action = parseField(&d, what, r.Action, coach.ParseAction)
	dec.Before = d.step(what, r.Before)
	if d.err == nil && dec.Day != day {
		return coach.Decision{}, badRecord("%s says it is for %s", what, dec.Day)
	}
	return dec, d.err
}

func stepRecordOf(s coach.Step) stepRecord {
	return stepRecord{
		Level: s.Level, Variant: s.Variant, Bridge: s.Bridge, LevelSince: s.LevelFrom.String(),
		Status: s.Status.String(), Eased: s.Eased, BridgeTarget: s.BridgeTarget,
		Reason: s.Reason, ReasonCode: string(s.ReasonCode), SteppedBack: s.SteppedBack,
	}
}

// unmarshalV1 decodes a record and checks its version.
func unmarshalV1(b []byte, v interface{ version() int }, what string) error {
	// Strict: a key no tend wrote is damage, not something to drop.
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return badRecord("%s is not readable JSON: %v", what, err)
	}
	if dec.More() {
		return badRecord("%s has more after its JSON", what)
	}
	if n := v.version(); n != recordVersionV1 {
		return badRecord("%s has record version %d, not %d", what, n, recordVersionV1)
	}
	return nil
}

func (r *settingsRecord) version() int { return r.V }
func (r *goalRecord) version() int     { return r.V }
func (r *checkInRecord) version() int  { return r.V }
func (r *decisionRecord) version() int { return r.V }

// fieldDecoder parses a record's fields and keeps the first error, so that
// a decoder reads as a list of fields rather than a ladder of ifs.
type fieldDecoder struct{ err error }

func (d *fieldDecoder) day(what, field, s string, optional bool) coach.Day {
	if d.err != nil || (optional && s == "") {
		return coach.Day{}
	}
	day, err := coach.ParseDay(s)
	if err != nil {
		d.err = badRecord("%s has a bad %s: %v", what, field, err)
	}
	return day
}

func (d *fieldDecoder) time(what, field, s string) time.Time {
	if d.err != nil || s == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		d.err = badRecord("%s has a bad %s: %v", what, field, err)
	}
	return t
}

func (d *fieldDecoder) weekday(what, s string) time.Weekday {
	for w, name := range weekdayNames {
		if name == s {
			return w
		}
	}
	if d.err == nil {
		d.err = badRecord("%s has a schedule on %q, which is not a weekday", what, s)
	}
	return time.Sunday
}

func (d *fieldDecoder) step(what string, r stepRecord) coach.Step {
	s := coach.Step{
		Level: r.Level, Variant: r.Variant, Bridge: r.Bridge, Eased: r.Eased, BridgeTarget: r.BridgeTarget,
		Reason: r.Reason, ReasonCode: coach.Code(r.ReasonCode), SteppedBack: r.SteppedBack,
	}
	s.LevelFrom = d.day(what, "before.level_since", r.LevelSince, true)
	s.Status = parseField(d, what, r.Status, coach.ParseStatus)
	return s
}

// parseField parses an enum with one of coach's Parse functions.
func parseField[T any](d *fieldDecoder, what, s string, parse func(string) (T, error)) T {
	var zero T
	if d.err != nil {
		return zero
	}
	v, err := parse(s)
	if err != nil {
		d.err = badRecord("%s: %v", what, err)
		return zero
	}
	return v
}
