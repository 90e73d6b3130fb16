package coach

// What an import hands the store, and what it gets back. The store runs the
// plan inside its write transaction and replays each goal's new check-ins
// through Decide; these are plain values so that the command line, which
// does not import the store, can build them.

// ImportLocal is what an import plan sees of the database, inside the
// transaction that writes it: the settings, every goal, and a goal's stored
// check-ins on request (only matched goals need theirs).
type ImportLocal struct {
	DayStartHour int
	Goals        []Goal
	DeviceID     string // "" on a dry run into no database
	CheckIns     func(goalID uint64) ([]CheckIn, error)
}

// ImportBatch is what an import writes: goals in the order they are to be
// created or filled, and the day-start hour to take (nil: keep the local).
type ImportBatch struct {
	Goals        []ImportGoal
	DayStartHour *int
}

// ImportGoal is one goal of an import. Goal.ID 0 makes a new goal from Goal
// (its Statuses are its whole history, applied as the replay passes their
// days); otherwise it names a local goal, whose own fields stay as they are.
// CheckIns are days the goal does not have yet, in the order the engine is
// to see them; each decides when it is after the goal's newest day and is a
// back-fill otherwise, as `tend done --date` would be.
type ImportGoal struct {
	Goal     Goal
	CheckIns []ImportCheckIn
	// Decided, when set, sees every decision the replay makes.
	Decided func(Decision)
	// Provenance, for a local goal, is recorded as its ImportedFrom when it
	// has none, so that a later import of the same file finds it again.
	Provenance *Provenance
}

// ImportCheckIn is a check-in to add. FillStep takes its level, variant and
// bridge (and its target when it has none) from the session the goal
// offers that day, for files that did not record them.
type ImportCheckIn struct {
	CheckIn
	FillStep bool
}

// ImportResult says what an import did: every goal as it ended up (in the
// batch's order) and the number of transactions it took.
type ImportResult struct {
	Goals        []Goal
	Transactions int
}

// Replay judges a check-in that already carries its target and step, as
// Record judges one a person makes: an import replays a history whose
// check-ins are kept as they were written (IMPORT §7.2), so they must not
// be rebuilt from an Entry. hist holds the goal's check-ins before in.Day
// within the recent window, in day order; g is the goal as it stood.
func Replay(g Goal, p Plan, hist []CheckIn, in CheckIn) (Goal, Decision) {
	return decide(g, p, hist, in)
}

// OfferedStepOf is the step and target the goal offers now, which a
// check-in that did not record its own is given (IMPORT §7.1).
func OfferedStepOf(g Goal, p Plan) (level, variant int, bridge bool, target float64) {
	level, variant = offeredStep(g)
	return level, variant, g.Bridge && !g.Eased, Offered(g, p).Target
}
