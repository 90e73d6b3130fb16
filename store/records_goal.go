package store

import (
	"encoding/json"
	"strconv"
	"time"

	"tend/coach"
)

func encodeGoal(g coach.Goal) ([]byte, error) {
	r := goalRecord{
		V: recordVersion, Name: g.Name, Plan: g.PlanID,
		ScheduleHistory: make([]scheduleRecord, 0, len(g.Schedules)),
		StatusHistory:   make([]statusRecord, 0, len(g.Statuses)),
		Level:           g.Level, Variant: g.Variant, Bridge: g.Bridge,
		LevelSince: g.LevelFrom.String(), Created: g.Created.String(), Capacity: g.Capacity,
		Anchor: g.Anchor, IfThen: g.IfThen,
		Eased: g.Eased, BridgeTarget: g.BridgeTarget, Reason: g.Reason, ReasonCode: string(g.ReasonCode),
		SteppedBack: g.SteppedBack, UID: g.UID, Alternative: g.Alternative, Graduated: g.Graduated,
	}
	if p := g.ImportedFrom; p != nil {
		r.ImportedFrom = &importedRecord{Source: p.Source, Name: p.Name, Position: p.Position}
	}
	if c := g.Custom; c != nil {
		r.Custom = &customRecord{Unit: c.Unit.String(), Start: c.Start, Step: c.Step, Max: c.Max, Every: c.Every}
	}
	for _, s := range g.Schedules {
		days := make([]string, 0, len(s.Weekdays))
		for _, w := range s.Weekdays {
			days = append(days, weekdayNames[w])
		}
		r.ScheduleHistory = append(r.ScheduleHistory, scheduleRecord{From: s.From.String(), DaysPerWeek: s.PerWeek, Weekdays: days})
	}
	for _, s := range g.Statuses {
		r.StatusHistory = append(r.StatusHistory, statusRecord{From: s.From.String(), Status: s.Status.String()})
	}
	return json.Marshal(r)
}

// decodeGoal decodes the goal stored under id.
func decodeGoal(b []byte, id uint64) (coach.Goal, error) {
	what := "goal " + strconv.FormatUint(id, 10)
	var r goalRecord
	if err := unmarshal(b, &r, what); err != nil {
		return coach.Goal{}, err
	}
	g := coach.Goal{
		ID: id, Name: r.Name, PlanID: r.Plan, Level: r.Level, Variant: r.Variant, Bridge: r.Bridge,
		Capacity: r.Capacity, Anchor: r.Anchor, IfThen: r.IfThen, Eased: r.Eased, BridgeTarget: r.BridgeTarget,
		Reason: r.Reason, ReasonCode: coach.Code(r.ReasonCode), SteppedBack: r.SteppedBack, UID: r.UID,
		Alternative: r.Alternative, Graduated: r.Graduated,
	}
	if p := r.ImportedFrom; p != nil {
		g.ImportedFrom = &coach.Provenance{Source: p.Source, Name: p.Name, Position: p.Position}
	}
	if g.UID != "" && !isHex(g.UID, goalUIDLen) {
		return coach.Goal{}, badRecord("%s has a uid %q that is not %d hex digits", what, g.UID, goalUIDLen)
	}
	var d fieldDecoder
	g.LevelFrom = d.day(what, "level_since", r.LevelSince, true)
	g.Created = d.day(what, "created", r.Created, false)
	if c := r.Custom; c != nil {
		g.Custom = &coach.Custom{Start: c.Start, Step: c.Step, Max: c.Max, Every: c.Every}
		g.Custom.Unit = parseField(&d, what, c.Unit, coach.ParseUnit)
	}
	for _, s := range r.ScheduleHistory {
		sc := coach.ScheduleChange{From: d.day(what, "schedule_history", s.From, false)}
		sc.PerWeek = s.DaysPerWeek
		for _, w := range s.Weekdays {
			sc.Weekdays = append(sc.Weekdays, d.weekday(what, w))
		}
		g.Schedules = append(g.Schedules, sc)
	}
	for _, s := range r.StatusHistory {
		g.Statuses = append(g.Statuses, coach.StatusChange{
			From:   d.day(what, "status_history", s.From, false),
			Status: parseField(&d, what, s.Status, coach.ParseStatus),
		})
	}
	if d.err != nil {
		return coach.Goal{}, d.err
	}
	// A goal whose plan cannot be built would break every screen that shows
	// it; better to say so here, once, with the goal named.
	if _, err := g.Plan(); err != nil {
		return coach.Goal{}, badRecord("%s's plan cannot be used: %v", what, err)
	}
	return g, nil
}

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
		Alternative: r.Alternative, Graduated: r.Graduated,
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
