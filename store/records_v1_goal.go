package store

// The goal's schema 1 and 2 record (records_v1.go has the others and why
// they are still read).

import (
	"encoding/json"
	"strconv"

	"tend/coach"
)

func encodeGoalV1(g coach.Goal) ([]byte, error) {
	r := goalRecord{
		V: recordVersionV1, Name: g.Name, Plan: g.PlanID,
		ScheduleHistory: make([]scheduleRecord, 0, len(g.Schedules)),
		StatusHistory:   make([]statusRecord, 0, len(g.Statuses)),
		Level:           g.Level, Variant: g.Variant, Bridge: g.Bridge,
		LevelSince: g.LevelFrom.String(), Created: g.Created.String(), Capacity: g.Capacity,
		Anchor: g.Anchor, IfThen: g.IfThen,
		Eased: g.Eased, BridgeTarget: g.BridgeTarget, Reason: g.Reason, ReasonCode: string(g.ReasonCode),
		SteppedBack: g.SteppedBack, UID: g.UID,
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

// decodeGoalV1 decodes the goal stored under id.
func decodeGoalV1(b []byte, id uint64) (coach.Goal, error) {
	what := "goal " + strconv.FormatUint(id, 10)
	var r goalRecord
	if err := unmarshalV1(b, &r, what); err != nil {
		return coach.Goal{}, err
	}
	g := coach.Goal{
		ID: id, Name: r.Name, PlanID: r.Plan, Level: r.Level, Variant: r.Variant, Bridge: r.Bridge,
		Capacity: r.Capacity, Anchor: r.Anchor, IfThen: r.IfThen, Eased: r.Eased, BridgeTarget: r.BridgeTarget,
		Reason: r.Reason, ReasonCode: coach.Code(r.ReasonCode), SteppedBack: r.SteppedBack, UID: r.UID,
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
