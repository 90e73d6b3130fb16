package store

import (
	"encoding/binary"
	"encoding/hex"
	"strconv"
	"sync/atomic"
	"time"

	"tend/coach"
)

// Records are the binary forms of coach's types (the format is described in
// records_codec.go). coach has no encoding of its own on purpose: the file
// format is the store's promise, and it changes only with a new tag or a
// migration.

// Enum ranges: a stored enum is its coach value, refused beyond these.
const (
	lastOutcome = byte(coach.Away)
	lastEffort  = byte(coach.EffortHard)
	lastPain    = byte(coach.PainWarning)
	lastStatus  = byte(coach.Archived)
	lastAction  = byte(coach.ActSafetyHold)
	lastUnit    = byte(coach.Times)
)

// The key path of a record, for its checksum.
func goalPath(id uint64) [idKeyLen]byte {
	var k [idKeyLen]byte
	binary.BigEndian.PutUint64(k[:], id)
	return k
}

func dayPath(d coach.Day) [dayKeyLen]byte {
	var k [dayKeyLen]byte
	binary.BigEndian.PutUint32(k[:], uint32(d.Unix()))
	return k
}

func encodeSettings(s Settings) ([]byte, error) {
	e := newEncoder(tagSettings, 8)
	e.int(s.DayStartHour)
	return e.seal(keySettings), nil
}

func decodeSettings(b []byte) (Settings, error) {
	d := openRecord(b, tagSettings, "the settings", keySettings)
	s := Settings{DayStartHour: d.int(0, 23, "day start hour")}
	return s, d.end()
}

// Check-in flags: which optional fields follow.
const (
	ciBridge byte = 1 << iota
	ciMoodBefore
	ciMoodAfter
	ciNote
	ciWrittenAt
	ciDevice
	ciKnown = ciBridge | ciMoodBefore | ciMoodAfter | ciNote | ciWrittenAt | ciDevice
)

// encodeCheckIn encodes goal goalID's check-in. It refuses what it cannot
// keep exactly (a device id that is not 16 hex digits).
func encodeCheckIn(goalID uint64, c coach.CheckIn) ([]byte, error) {
	var dev []byte
	if c.Device != "" {
		if !isHex(c.Device, deviceIDLen) {
			return nil, badRecord("the device id %q is not %d hex digits", c.Device, deviceIDLen)
		}
		dev, _ = hex.DecodeString(c.Device)
	}
	e := newEncoder(tagCheckIn, 32+len(c.Note))
	e.byte(flag(c.Bridge, ciBridge) | flag(c.MoodBefore != nil, ciMoodBefore) | flag(c.MoodAfter != nil, ciMoodAfter) |
		flag(c.Note != "", ciNote) | flag(!c.WrittenAt.IsZero(), ciWrittenAt) | flag(dev != nil, ciDevice))
	e.byte(byte(c.Outcome))
	e.byte(byte(c.Effort))
	e.byte(byte(c.Pain))
	e.num(c.Achieved)
	e.num(c.Target)
	e.int(c.Level)
	e.int(c.Variant)
	for _, m := range []*int{c.MoodBefore, c.MoodAfter} {
		if m != nil {
			e.int(*m)
		}
	}
	if c.Note != "" {
		e.text(c.Note)
	}
	if !c.WrittenAt.IsZero() {
		e.signed(c.WrittenAt.Unix())
		_, off := c.WrittenAt.Zone()
		e.signed(int64(off / 60))
	}
	e.b = append(e.b, dev...)
	g, day := goalPath(goalID), dayPath(c.Day)
	return e.seal(g[:], day[:]), nil
}

// decodeCheckIn decodes the check-in of goal goalID stored under day.
func decodeCheckIn(b []byte, goalID uint64, day coach.Day) (coach.CheckIn, error) {
	var c coach.CheckIn
	err := decodeCheckInTo(&c, b, goalID, day)
	return c, err
}

// decodeCheckInTo is decodeCheckIn into *c, which it overwrites whole, and
// which is the zero check-in after an error: a read of a window decodes
// straight into its array, not into a copy that is copied there.
func decodeCheckInTo(c *coach.CheckIn, b []byte, goalID uint64, day coach.Day) error {
	var d decoder
	d.openDay(b, tagCheckIn, "the check-in of ", goalID, day)
	f := d.flags(ciKnown)
	*c = coach.CheckIn{Day: day, Bridge: f&ciBridge != 0}
	d.checkInHead(c)
	if f&ciMoodBefore != 0 {
		c.MoodBefore = moodOf(d.int(coach.MoodMin, coach.MoodMax, "mood before"))
	}
	if f&ciMoodAfter != 0 {
		c.MoodAfter = moodOf(d.int(coach.MoodMin, coach.MoodMax, "mood after"))
	}
	if f&ciNote != 0 {
		c.Note = d.text(maxText, "note")
	}
	if f&ciWrittenAt != 0 {
		at, off := d.signed("written-at time"), d.signed("written-at zone")
		if off < -18*60 || off > 18*60 {
			d.fail("its written-at zone is %d minutes from UTC", off)
		}
		c.WrittenAt = time.Unix(at, 0).UTC()
		if off != 0 {
			c.WrittenAt = c.WrittenAt.In(time.FixedZone("", int(off)*60))
		}
	}
	if f&ciDevice != 0 {
		c.Device = d.device()
	}
	if err := d.end(); err != nil {
		*c = coach.CheckIn{}
		return err
	}
	return nil
}

func moodOf(n int) *int { return &n }

// lastDevice is the device id decoded last, as its bytes and its text: the
// check-ins of a file are nearly all from one device or a few, and a
// history read whole would otherwise make the same string a record.
var lastDevice atomic.Pointer[deviceText]

type deviceText struct {
	raw  [deviceIDLen / 2]byte
	text string
}

// device reads a check-in's device id.
func (d *decoder) device() string {
	if d.err != nil || len(d.b) < deviceIDLen/2 {
		d.fail("it ends inside its device id")
		return ""
	}
	var raw [deviceIDLen / 2]byte
	copy(raw[:], d.b)
	d.b = d.b[deviceIDLen/2:]
	if last := lastDevice.Load(); last != nil && last.raw == raw {
		return last.text
	}
	t := &deviceText{raw: raw, text: hex.EncodeToString(raw[:])}
	lastDevice.Store(t)
	return t.text
}

// Step flags.
const (
	stBridge byte = 1 << iota
	stEased
	stAlternative
	stGraduated
	stSaid  // the reason is kept as sentences' fields
	stKnown = stBridge | stEased | stAlternative | stGraduated | stSaid
)

// Decision flags.
const (
	dcSaid  byte = 1 << iota // the message is kept as sentences' fields
	dcKnown      = dcSaid
)

// encodeDecision encodes goal goalID's decision of dec.Day.
func encodeDecision(goalID uint64, dec coach.Decision) ([]byte, error) {
	e := newEncoder(tagDecision, 64)
	flags := len(e.b)
	e.byte(0)
	e.byte(byte(dec.Action))
	e.int(dec.From)
	e.int(dec.To)
	e.code(dec.ReasonCode)
	if e.said(dec.Said, dec.Message) {
		e.b[flags] |= dcSaid
	}
	e.num(dec.NextTarget)
	e.step(dec.Before)
	g, day := goalPath(goalID), dayPath(dec.Day)
	return e.finish(g[:], day[:])
}

// decodeDecision decodes the decision of goal goalID stored under day.
func decodeDecision(b []byte, goalID uint64, day coach.Day) (coach.Decision, error) {
	return decodeDecisionWith(b, goalID, day, nil)
}

// decodeDecisionWith is decodeDecision that says a message again only when
// its fields differ from the last decision's (cache may be nil): reading
// every decision in a row, most repeat the one before.
func decodeDecisionWith(b []byte, goalID uint64, day coach.Day, cache *saidCache) (coach.Decision, error) {
	d := openDayRecord(b, tagDecision, "the decision of ", goalID, day)
	d.cache = cache
	dec := coach.Decision{Day: day}
	f := d.flags(dcKnown)
	dec.Action = coach.Action(d.byte(lastAction, "action"))
	dec.From = d.int(1, maxLevel, "level before")
	dec.To = d.int(1, maxLevel, "level after")
	dec.ReasonCode = d.code("reason code")
	dec.Said, dec.Message = d.said(f&dcSaid != 0, "message")
	dec.NextTarget = d.num(coach.MaxCustomAmount, "next target")
	dec.Before = d.step()
	if err := d.end(); err != nil {
		return coach.Decision{}, err
	}
	return dec, nil
}

// decisionChanged reads a decision's checksum and head only: whether it
// changed anything (see Store.Changes).
func decisionChanged(b []byte, goalID uint64, day coach.Day) (bool, error) {
	// Opened in place, as a check-in's decoder is: a review asks this of
	// every decision of years.
	var d decoder
	d.openDay(b, tagDecision, "the decision of ", goalID, day)
	d.flags(dcKnown)
	a := coach.Action(d.byte(lastAction, "action"))
	from, to := d.int(1, maxLevel, "level before"), d.int(1, maxLevel, "level after")
	return (a != coach.ActNone && a != coach.ActHold) || from != to, d.err
}

// step writes a coach.Step: all of it, so that undo puts a goal back exactly.
func (e *encoder) step(s coach.Step) {
	flags := len(e.b)
	e.byte(flag(s.Bridge, stBridge) | flag(s.Eased, stEased) |
		flag(s.Alternative, stAlternative) | flag(s.Graduated, stGraduated))
	e.int(s.Level)
	e.int(s.Variant)
	e.day(s.LevelFrom)
	e.byte(byte(s.Status))
	e.num(s.BridgeTarget)
	if e.said(s.Said, s.Reason) {
		e.b[flags] |= stSaid
	}
	e.code(s.ReasonCode)
	e.levels(s.SteppedBack)
}

func (d *decoder) step() coach.Step {
	f := d.flags(stKnown)
	s := coach.Step{Bridge: f&stBridge != 0, Eased: f&stEased != 0,
		Alternative: f&stAlternative != 0, Graduated: f&stGraduated != 0}
	s.Level = d.int(1, maxLevel, "level")
	s.Variant = d.int(1, maxVariant, "session")
	s.LevelFrom = d.day(true, "level's first day")
	s.Status = coach.Status(d.byte(lastStatus, "status"))
	s.BridgeTarget = d.num(coach.MaxCustomAmount, "bridge target")
	s.Said, s.Reason = d.said(f&stSaid != 0, "reason")
	s.ReasonCode = d.code("reason code")
	s.SteppedBack = d.levels()
	return s
}

// levels writes a list of levels (the ones stepped back from).
func (e *encoder) levels(ls []int) {
	e.int(len(ls))
	for _, l := range ls {
		e.int(l)
	}
}

// levels reads what (*encoder).levels wrote; an empty list is nil, as a
// goal that never stepped back has it.
func (d *decoder) levels() []int {
	n := d.int(0, maxEntries, "stepped-back levels")
	if d.err != nil || n == 0 {
		return nil
	}
	if n > len(d.b) { // each takes a byte at least: do not allocate for a lie
		d.fail("it ends inside its stepped-back levels")
		return nil
	}
	out := make([]int, n)
	for i := range out {
		out[i] = d.int(1, maxLevel, "stepped-back level "+strconv.Itoa(i+1))
	}
	return out
}
