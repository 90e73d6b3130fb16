package coach

import "math"

// The progression constants of COACH §6.3, each named once. [D]
const (
	// Complete is the share of a target that counts as completing it.
	Complete = 0.90
	// partialShare is the share below which a session counts as a struggle.
	partialShare = 0.50
	// back1GapDays and back2GapDays are the gaps after which a goal
	// restarts one or two levels down.
	back1GapDays = 14
	back2GapDays = 28
	// painWindowDays is how long a pain report holds progress back.
	painWindowDays = 7
	// spike is how much longer than the longest recent run the next one may
	// be, and spikeAbsMin the minutes it may add whatever the ratio.
	spike       = 1.35
	spikeAbsMin = 3.0
	// spikeWindowDays is the window the longest recent run is taken from,
	// and spikeFloorMin the run that must exist in it before the guard acts.
	spikeWindowDays = 30
	spikeFloorMin   = 8.0
)

// repeatGapDays is the gap after which a level restarts from its first
// session: a week plus one ordinary interval between sessions, so a single
// miss never restarts anything (8 days daily, 9 at 5 a week, 10 at 3, 11 at 2).
func repeatGapDays(perWeek int) int {
	if perWeek < 1 {
		perWeek = 1
	}
	return 7 + int(math.Ceil(7/float64(perWeek)))
}

// holdLimit is how many attempts at one step come before an in-between step
// is offered: twice the sessions needed to move on.
func holdLimit(k int) int { return 2 * k }
