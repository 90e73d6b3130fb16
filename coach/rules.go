package coach

import "math"

// The progression constants of COACH §6.3, each named once. [D]
const (
	// Complete is the share of a target that counts as completing it.
	Complete = 0.90
	// PartialShare is the share below which a session counts as a struggle.
	PartialShare = 0.50
	// Back1GapDays and Back2GapDays are the gaps after which a goal
	// restarts one or two levels down.
	Back1GapDays = 14
	Back2GapDays = 28
	// PainWindowDays is how long a pain report holds progress back.
	PainWindowDays = 7
	// Spike is how much longer than the longest recent run the next one may
	// be, and SpikeAbsMin the minutes it may add whatever the ratio.
	Spike       = 1.35
	SpikeAbsMin = 3.0
	// SpikeWindowDays is the window the longest recent run is taken from,
	// and SpikeFloorMin the run that must exist in it before the guard acts.
	SpikeWindowDays = 30
	SpikeFloorMin   = 8.0
)

// RepeatGapDays is the gap after which a level restarts from its first
// session: a week plus one ordinary interval between sessions, so a single
// miss never restarts anything (8 days daily, 9 at 5 a week, 10 at 3, 11 at 2).
func RepeatGapDays(perWeek int) int {
	if perWeek < 1 {
		perWeek = 1
	}
	return 7 + int(math.Ceil(7/float64(perWeek)))
}

// HoldLimit is how many attempts at one step come before an in-between step
// is offered: twice the sessions needed to move on.
func HoldLimit(k int) int { return 2 * k }
