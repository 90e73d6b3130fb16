// Package journal is sync's pure part (SYNC.md): the lines of a device's
// append-only journal, the hybrid logical clock that orders them, and the
// merge of any set of events into one history that every device computes
// alike. It does no I/O; the command line reads and writes the files and
// the store keeps the result.
package journal

import "tend/coach"

// Event kinds (SYNC §4.3).
const (
	GoalCreate    = "goal.create"
	GoalSet       = "goal.set"
	GoalSchedule  = "goal.schedule"
	GoalStatus    = "goal.status"
	GoalDelete    = "goal.delete"
	CheckInAdd    = "checkin.add"
	CheckInRemove = "checkin.remove"
	SettingsSet   = "settings.set"
	DeviceLabel   = "device.label"
)

// known reports whether this tend understands kind.
func known(kind string) bool {
	switch kind {
	case GoalCreate, GoalSet, GoalSchedule, GoalStatus, GoalDelete, CheckInAdd, CheckInRemove, SettingsSet, DeviceLabel:
		return true
	}
	return false
}

// Event is one journal line. The fields of every kind share one struct, in
// the line's order (v, dev, seq, id, hlc, kind, the kind's fields), so that
// encoding/json writes them in that order; a kind leaves the others empty.
type Event struct {
	V    int    `json:"v"`
	Dev  string `json:"dev"`
	Seq  uint64 `json:"seq"`
	ID   string `json:"id"`
	HLC  string `json:"hlc"`
	Kind string `json:"kind"`
	Goal string `json:"goal,omitempty"`

	// goal.create
	Name         string            `json:"name,omitempty"`
	Plan         string            `json:"plan,omitempty"`
	Custom       *coach.Custom     `json:"custom,omitempty"`
	Created      string            `json:"created,omitempty"`
	DaysPerWeek  int               `json:"days_per_week,omitempty"`
	Weekdays     []int             `json:"weekdays,omitempty"`
	Capacity     int               `json:"capacity,omitempty"`
	Anchor       string            `json:"anchor,omitempty"`
	IfThen       string            `json:"if_then,omitempty"`
	ImportedFrom *coach.Provenance `json:"imported_from,omitempty"`

	// goal.set (and settings.set): Value holds a text field's value, or
	// the hour as digits; imported_from travels in ImportedFrom.
	Field string  `json:"field,omitempty"`
	Value *string `json:"value,omitempty"`

	// goal.schedule and goal.status
	From   string   `json:"from,omitempty"`
	Status string   `json:"status,omitempty"`
	Lifts  []string `json:"lifts,omitempty"`

	// goal.delete: the warning contributions its device had for the goal.
	Warnings []Warning `json:"warnings,omitempty"`

	// checkin.add
	Day        string  `json:"day,omitempty"`
	Outcome    string  `json:"outcome,omitempty"`
	Achieved   float64 `json:"achieved,omitempty"`
	Target     float64 `json:"target,omitempty"`
	Effort     string  `json:"effort,omitempty"`
	Pain       string  `json:"pain,omitempty"`
	MoodBefore *int    `json:"mood_before,omitempty"`
	MoodAfter  *int    `json:"mood_after,omitempty"`
	Note       string  `json:"note,omitempty"`
	Level      int     `json:"level,omitempty"`
	Variant    int     `json:"variant,omitempty"`
	Bridge     bool    `json:"bridge,omitempty"`
	WrittenAt  string  `json:"written_at,omitempty"`
	Device     string  `json:"device,omitempty"`

	// checkin.remove
	Removes []string `json:"removes,omitempty"`

	// device.label
	Label string `json:"label,omitempty"`
}

// Warning is a warning-sign contribution kept past its goal's delete: its
// id and day are all a hold needs (no note, no mood).
type Warning struct {
	ID  string `json:"id"`
	Day string `json:"day"`
}

// before orders events by (hlc, id), the one total order every "latest"
// and last-writer-wins uses (SYNC §4.2).
func before(a, b *Event) bool {
	if a.HLC != b.HLC {
		return a.HLC < b.HLC
	}
	return a.ID < b.ID
}
