package store

import (
	"encoding/hex"
	"math"
	"strconv"
	"time"

	"tend/coach"
)

// Goal flags: which optional fields follow, and the goal's booleans.
const (
	glCustom byte = 1 << iota
	glBridge
	glEased
	glUID
	glImported
	glAlternative // on a session's alternative (W5R3), which is no bridge
	glGraduated   // the plan finished (A2): never finished again
	glSaid        // the reason is kept as sentences' fields
	glKnown       = glCustom | glBridge | glEased | glUID | glImported | glAlternative | glGraduated | glSaid
)

// Limits of a goal's text and numbers beyond what coach already checks.
const (
	maxName     = 1 << 10
	maxPlanID   = 64
	maxCapacity = 24 * 60
)

func encodeGoal(g coach.Goal) ([]byte, error) {
	if g.UID != "" && !isHex(g.UID, goalUIDLen) {
		return nil, badRecord("goal %d's uid %q is not %d hex digits", g.ID, g.UID, goalUIDLen)
	}
	e := newEncoder(tagGoal, 128+len(g.Name)+len(g.Reason)+len(g.Anchor)+len(g.IfThen))
	e.byte(flag(g.Custom != nil, glCustom) | flag(g.Bridge, glBridge) | flag(g.Eased, glEased) |
		flag(g.UID != "", glUID) | flag(g.ImportedFrom != nil, glImported) |
		flag(g.Alternative, glAlternative) | flag(g.Graduated, glGraduated))
	e.text(g.Name)
	e.text(g.PlanID)
	if c := g.Custom; c != nil {
		e.byte(byte(c.Unit))
		e.num(c.Start)
		e.num(c.Step)
		e.num(c.Max)
		e.int(c.Every)
	}
	e.int(len(g.Schedules))
	for _, s := range g.Schedules {
		e.day(s.From)
		e.int(s.PerWeek)
		e.int(len(s.Weekdays))
		for _, w := range s.Weekdays {
			e.byte(byte(w))
		}
	}
	e.int(len(g.Statuses))
	for _, s := range g.Statuses {
		e.day(s.From)
		e.byte(byte(s.Status))
	}
	e.int(g.Level)
	e.int(g.Variant)
	e.day(g.LevelFrom)
	e.day(g.Created)
	e.int(g.Capacity)
	e.text(g.Anchor)
	e.text(g.IfThen)
	e.num(g.BridgeTarget)
	if e.said(g.Said, g.Reason) {
		e.b[1] |= glSaid
	}
	e.code(g.ReasonCode)
	e.levels(g.SteppedBack)
	if g.UID != "" {
		uid, _ := hex.DecodeString(g.UID)
		e.b = append(e.b, uid...)
	}
	if p := g.ImportedFrom; p != nil {
		e.text(p.Source)
		e.text(p.Name)
		e.int(p.Position)
	}
	id := goalPath(g.ID)
	return e.finish(id[:])
}

// decodeGoalName decodes of the goal stored under id its name alone, its
// checksum checked as decodeGoal checks it: what a name is resolved from.
// The rest, and building the goal's plan (most of decoding a goal), is
// left to the goal picked.
func decodeGoalName(b []byte, id uint64) (coach.Goal, error) {
	key := goalPath(id)
	d := openRecord(b, tagGoal, "goal "+strconv.FormatUint(id, 10), key[:])
	d.flags(glKnown)
	g := coach.Goal{ID: id, Name: d.text(maxName, "name")}
	return g, d.err
}

// decodeGoal decodes the goal stored under id.
func decodeGoal(b []byte, id uint64) (coach.Goal, error) {
	key := goalPath(id)
	d := openRecord(b, tagGoal, "goal "+strconv.FormatUint(id, 10), key[:])
	f := d.flags(glKnown)
	g := coach.Goal{ID: id, Bridge: f&glBridge != 0, Eased: f&glEased != 0,
		Alternative: f&glAlternative != 0, Graduated: f&glGraduated != 0}
	g.Name = d.text(maxName, "name")
	g.PlanID = d.text(maxPlanID, "plan")
	if f&glCustom != 0 {
		g.Custom = &coach.Custom{Unit: coach.Unit(d.byte(lastUnit, "unit"))}
		g.Custom.Start = d.num(coach.MaxCustomAmount, "ladder's start")
		g.Custom.Step = d.num(coach.MaxCustomAmount, "ladder's step")
		g.Custom.Max = d.num(coach.MaxCustomAmount, "ladder's top")
		g.Custom.Every = d.int(0, maxLevel, "ladder's sessions per rung")
	}
	g.Schedules = d.schedules()
	g.Statuses = d.statuses()
	g.Level = d.int(1, maxLevel, "level")
	g.Variant = d.int(1, maxVariant, "session")
	g.LevelFrom = d.day(true, "level's first day")
	g.Created = d.day(false, "day it was made")
	g.Capacity = d.int(0, maxCapacity, "capacity")
	g.Anchor = d.text(maxText, "anchor")
	g.IfThen = d.text(maxText, "if-then plan")
	g.BridgeTarget = d.num(coach.MaxCustomAmount, "bridge target")
	g.Said, g.Reason = d.said(f&glSaid != 0, "reason")
	g.ReasonCode = d.code("reason code")
	g.SteppedBack = d.levels()
	if f&glUID != 0 {
		g.UID = hex.EncodeToString(d.bytes(goalUIDLen/2, "uid"))
	}
	if f&glImported != 0 {
		p := &coach.Provenance{Source: d.text(maxPlanID, "import's source")}
		p.Name = d.text(maxText, "name in the import")
		p.Position = d.int(0, math.MaxInt32, "position in the import")
		g.ImportedFrom = p
	}
	if err := d.end(); err != nil {
		return coach.Goal{}, err
	}
	// A goal whose plan cannot be built would break every screen that shows
	// it; better to say so here, once, with the goal named.
	if _, err := g.Plan(); err != nil {
		return coach.Goal{}, badRecord("goal %d's plan cannot be used: %v", id, err)
	}
	return g, nil
}

func (d *decoder) schedules() []coach.ScheduleChange {
	n := d.int(0, maxEntries, "schedule history")
	if d.err != nil || n > len(d.b) {
		d.fail("it ends inside its schedule history")
		return nil
	}
	var out []coach.ScheduleChange
	for range n {
		s := coach.ScheduleChange{From: d.day(false, "schedule's first day")}
		s.PerWeek = d.int(0, maxPerWeek, "days a week")
		days := d.int(0, 7, "weekdays")
		for range days {
			s.Weekdays = append(s.Weekdays, time.Weekday(d.byte(byte(time.Saturday), "weekday")))
		}
		out = append(out, s)
	}
	return out
}

func (d *decoder) statuses() []coach.StatusChange {
	n := d.int(0, maxEntries, "status history")
	if d.err != nil || n > len(d.b) {
		d.fail("it ends inside its status history")
		return nil
	}
	var out []coach.StatusChange
	for range n {
		from := d.day(false, "status's first day")
		out = append(out, coach.StatusChange{From: from, Status: coach.Status(d.byte(lastStatus, "status"))})
	}
	return out
}
