package coach

import "time"

// CheckIn is what a person said about one goal on one day.
type CheckIn struct {
	Day     Day
	Outcome Outcome
	// Achieved is the amount done, in the plan's unit; Target is the target
	// it was judged against (today's session as offered).
	Achieved, Target float64
	Effort           Effort
	Pain             Pain
	MoodBefore       *int // 0–10, nil when skipped
	MoodAfter        *int
	Note             string
	// Level, Variant and Bridge record where the goal stood that day.
	Level, Variant int
	Bridge         bool
	WrittenAt      time.Time
	// Device is the id of the device that wrote the check-in (16 hex
	// digits), "" when unknown: written before devices had ids.
	Device string
}

// Ratio is how much of the target was done: 1 is all of it.
func (c CheckIn) Ratio() float64 {
	if c.Target <= 0 {
		return 0
	}
	return c.Achieved / c.Target
}

// Merge folds a later check-in for the same day into c (COACH §6.2): amounts
// add, the later outcome and effort stand, the worse pain stands, and moods
// and notes given later replace earlier ones.
func (c CheckIn) Merge(later CheckIn) CheckIn {
	m := later
	if c.Outcome.ShowedUp() && later.Outcome.ShowedUp() {
		m.Achieved = c.Achieved + later.Achieved
	}
	if c.Pain > m.Pain {
		m.Pain = c.Pain
	}
	if m.MoodBefore == nil {
		m.MoodBefore = c.MoodBefore
	}
	if m.MoodAfter == nil {
		m.MoodAfter = c.MoodAfter
	}
	if m.Note == "" {
		m.Note = c.Note
	}
	// Two sessions that add up to the target are a done day, not two partials.
	m.Outcome = Classify(m.Outcome, m.Achieved, m.Target)
	return m
}

// MoodRange bounds a mood rating.
const (
	MoodMin = 0
	MoodMax = 10
)
