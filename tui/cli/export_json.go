package cli

import (
	"strings"
	"time"

	"tend/coach"
)

// The export document of DESIGN.md "Machine-readable output": format
// "tend-export", version 1. Its field names are a contract. Beyond the
// fields DESIGN.md lists it carries the rest of each goal's and decision's
// state, so that an import can put the coach back exactly where it was.

const (
	exportFormat  = "tend-export"
	exportVersion = 1
)

type exportDocJSON struct {
	Format    string               `json:"format"`
	Version   int                  `json:"version"`
	Device    *exportDeviceJSON    `json:"device,omitempty"`
	Settings  exportSettingsJSON   `json:"settings"`
	Goals     []exportGoalJSON     `json:"goals"`
	CheckIns  []exportCheckInJSON  `json:"checkins"`
	Decisions []exportDecisionJSON `json:"decisions"`
}

type exportSettingsJSON struct {
	DayStartHour int `json:"day_start_hour"`
}

type exportGoalJSON struct {
	ID              uint64               `json:"id"`
	Name            string               `json:"name"`
	Plan            string               `json:"plan"`
	Custom          *exportCustomJSON    `json:"custom"`
	DaysPerWeek     int                  `json:"days_per_week"`
	Weekdays        []string             `json:"weekdays"`
	Status          string               `json:"status"`
	Level           int                  `json:"level"`
	Variant         int                  `json:"variant"`
	Bridge          bool                 `json:"bridge"`
	LevelSince      *string              `json:"level_since"`
	Created         string               `json:"created"`
	ScheduleHistory []exportScheduleJSON `json:"schedule_history"`
	StatusHistory   []exportStatusJSON   `json:"status_history"`
	Capacity        int                  `json:"capacity"`
	Anchor          string               `json:"anchor"`
	IfThen          string               `json:"if_then"`
	Eased           bool                 `json:"eased"`
	BridgeTarget    float64              `json:"bridge_target"`
	Reason          string               `json:"reason"`
	ReasonCode      string               `json:"reason_code"`
	SteppedBack     []int                `json:"stepped_back"`
	// Added for merging (IMPORT §7.1 group 3).
	UID          string                `json:"uid"`
	ImportedFrom *exportProvenanceJSON `json:"imported_from"`
}

// exportDeviceJSON is the device that wrote an export (SYNC §2).
type exportDeviceJSON struct {
	ID    string `json:"id"`
	Label string `json:"label"`
}

// exportProvenanceJSON is where an imported goal came from (IMPORT §3.3).
type exportProvenanceJSON struct {
	Source   string `json:"source"`
	Name     string `json:"name"`
	Position int    `json:"position"`
}

type exportCustomJSON struct {
	Unit  string  `json:"unit"`
	Start float64 `json:"start"`
	Step  float64 `json:"step"`
	Max   float64 `json:"max"`
	Every int     `json:"every"`
}

type exportScheduleJSON struct {
	From        string   `json:"from"`
	DaysPerWeek int      `json:"days_per_week"`
	Weekdays    []string `json:"weekdays"`
}

type exportStatusJSON struct {
	From   string `json:"from"`
	Status string `json:"status"`
}

type exportCheckInJSON struct {
	Goal       uint64  `json:"goal"`
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
	WrittenAt  *string `json:"written_at"`
	Device     *string `json:"device"`
}

type exportDecisionJSON struct {
	Goal       uint64         `json:"goal"`
	Day        string         `json:"day"`
	Action     string         `json:"action"`
	From       int            `json:"from"`
	To         int            `json:"to"`
	ReasonCode string         `json:"reason_code"`
	Message    string         `json:"message"`
	NextTarget float64        `json:"next_target"`
	Before     exportStepJSON `json:"before"`
}

// exportStepJSON is where a goal stood before a decision: what undoing
// that day puts back.
type exportStepJSON struct {
	Level        int     `json:"level"`
	Variant      int     `json:"variant"`
	Bridge       bool    `json:"bridge"`
	LevelSince   *string `json:"level_since"`
	Status       string  `json:"status"`
	Eased        bool    `json:"eased"`
	BridgeTarget float64 `json:"bridge_target"`
	Reason       string  `json:"reason"`
	ReasonCode   string  `json:"reason_code"`
	SteppedBack  []int   `json:"stepped_back"`
}

func exportGoal(g coach.Goal) exportGoalJSON {
	s := g.Schedule()
	out := exportGoalJSON{
		ID: g.ID, Name: g.Name, Plan: g.PlanID, DaysPerWeek: s.Sessions(), Weekdays: weekdayWords(s.Weekdays),
		Status: g.Status().String(), Level: g.Level, Variant: g.Variant, Bridge: g.Bridge,
		LevelSince: dayOrNull(g.LevelFrom), Created: g.Created.String(),
		ScheduleHistory: []exportScheduleJSON{}, StatusHistory: []exportStatusJSON{},
		Capacity: g.Capacity, Anchor: g.Anchor, IfThen: g.IfThen, Eased: g.Eased, BridgeTarget: g.BridgeTarget,
		Reason: g.Reason, ReasonCode: string(g.ReasonCode), SteppedBack: orEmpty(g.SteppedBack),
		UID: g.UID,
	}
	if p := g.ImportedFrom; p != nil {
		out.ImportedFrom = &exportProvenanceJSON{Source: p.Source, Name: p.Name, Position: p.Position}
	}
	if c := g.Custom; c != nil {
		out.Custom = &exportCustomJSON{Unit: c.Unit.String(), Start: c.Start, Step: c.Step, Max: c.Max, Every: c.Every}
	}
	for _, sc := range g.Schedules {
		out.ScheduleHistory = append(out.ScheduleHistory, exportScheduleJSON{
			From: sc.From.String(), DaysPerWeek: sc.Sessions(), Weekdays: weekdayWords(sc.Weekdays),
		})
	}
	for _, st := range g.Statuses {
		out.StatusHistory = append(out.StatusHistory, exportStatusJSON{From: st.From.String(), Status: st.Status.String()})
	}
	return out
}

func exportCheckIn(goal uint64, c coach.CheckIn) exportCheckInJSON {
	out := exportCheckInJSON{
		Goal: goal, Day: c.Day.String(), Outcome: c.Outcome.String(), Achieved: c.Achieved, Target: c.Target,
		Effort: c.Effort.String(), Pain: c.Pain.String(), MoodBefore: c.MoodBefore, MoodAfter: c.MoodAfter,
		Note: c.Note, Level: c.Level, Variant: c.Variant, Bridge: c.Bridge,
	}
	if c.Device != "" {
		dev := c.Device
		out.Device = &dev
	}
	if !c.WrittenAt.IsZero() {
		at := c.WrittenAt.Format(time.RFC3339)
		out.WrittenAt = &at
	}
	return out
}

func exportDecision(goal uint64, d coach.Decision) exportDecisionJSON {
	return exportDecisionJSON{
		Goal: goal, Day: d.Day.String(), Action: d.Action.String(), From: d.From, To: d.To,
		ReasonCode: string(d.ReasonCode), Message: d.Message, NextTarget: d.NextTarget, Before: exportStep(d.Before),
	}
}

func exportStep(s coach.Step) exportStepJSON {
	return exportStepJSON{
		Level: s.Level, Variant: s.Variant, Bridge: s.Bridge, LevelSince: dayOrNull(s.LevelFrom),
		Status: s.Status.String(), Eased: s.Eased, BridgeTarget: s.BridgeTarget,
		Reason: s.Reason, ReasonCode: string(s.ReasonCode), SteppedBack: orEmpty(s.SteppedBack),
	}
}

// weekdayWords names weekdays as `--on` takes them: mon, tue, …; never null.
func weekdayWords(ws []time.Weekday) []string {
	out := []string{}
	for _, w := range ws {
		out = append(out, strings.ToLower(w.String()[:3]))
	}
	return out
}

func dayOrNull(d coach.Day) *string {
	if d.IsZero() {
		return nil
	}
	s := d.String()
	return &s
}

func orEmpty(xs []int) []int {
	if xs == nil {
		return []int{}
	}
	return xs
}
