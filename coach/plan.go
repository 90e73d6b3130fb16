package coach

// Unit is what a plan counts.
type Unit int

// Units.
const (
	Minutes Unit = iota
	Reps
	Km
	Miles
	Times
)

var unitNames = map[Unit]string{Minutes: "min", Reps: "reps", Km: "km", Miles: "mi", Times: "times"}

func (u Unit) String() string { return nameOf(unitNames, u) }

// ParseUnit reads a unit's short name.
func ParseUnit(s string) (Unit, error) { return parseName(unitNames, s, "unit") }

// Whole reports whether amounts in this unit are whole numbers.
func (u Unit) Whole() bool { return u != Km && u != Miles }

// Domain is the kind of activity a plan trains; it picks the words on screen.
type Domain int

// Domains.
const (
	DomainWalk Domain = iota
	DomainRun
	DomainStrength
	DomainYoga
	DomainMind
	DomainCustom
)

// BlockKind is what a person does in one block of a session.
type BlockKind int

// Block kinds.
const (
	Walk BlockKind = iota
	Run
	Jog
	Move
	Hold
	Sit
)

var blockNames = map[BlockKind]string{Walk: "walk", Run: "run", Jog: "jog", Move: "move", Hold: "hold", Sit: "sit"}

func (k BlockKind) String() string { return nameOf(blockNames, k) }

// Block is one timed or counted part of a session. A block with Repeat > 1
// inside a Session's Blocks is written once and done Repeat times in a row.
type Block struct {
	Kind BlockKind
	Secs int    // length, for timed blocks
	Reps int    // repetitions per set, for counted blocks
	Sets int    // sets, for counted blocks
	Name string // what to do, for counted blocks ("sit-to-stand")
}

// Round is a group of blocks done Times times in a row ("8 × [run 60 s, walk 90 s]").
type Round struct {
	Times  int
	Blocks []Block
}

// Session is one day's work: a warm-up, rounds of blocks and a cool-down,
// judged by Target in the plan's unit.
type Session struct {
	WarmupS   int
	Rounds    []Round
	CooldownS int
	// Target is the number the session is judged by: minutes of the activity
	// for walk, yoga and mind; run-minutes for Walk to run's running weeks;
	// total reps for strength. Warm-ups and cool-downs never count.
	Target float64
	// Text, when set, replaces the words generated from the blocks.
	Text string
}

// Level is one rung of a plan's ladder. Most levels have one session; a few
// (Couch to 5K weeks 5 and 6) have several, done in order.
type Level struct {
	Number   int // 1-based position on the ladder
	Label    string
	Prefix   string // shown before the session's words, e.g. "Week 3"
	Variants []Session
}

// Plan is a graded ladder of sessions and the rules for moving along it.
type Plan struct {
	ID      string
	Name    string
	Summary string // one line for the plan list
	Domain  Domain
	Unit    Unit
	// PerWeek is the default number of sessions a week; 7 means daily.
	PerWeek     int
	MinRestDays int // days of rest wanted between sessions
	// AdvanceAfter is K: completed sessions at a level before moving up.
	AdvanceAfter      int
	AdvanceWindowDays int // 0: no window
	EffortStepsBack   bool
	HighImpact        bool
	Levels            []Level
	// Bridges maps a level number to the in-between session offered before it.
	Bridges map[int]Session
	// Alternatives maps a level number and variant (1-based) to an easier
	// session that can replace that variant.
	Alternatives map[[2]int]Session
	Minimum      Session
	// StartLevel is where a goal starts when no capacity is given.
	StartLevel int
}

// Level returns level n (1-based), clamped to the ladder.
func (p Plan) Level(n int) Level {
	if n < 1 {
		n = 1
	}
	if n > len(p.Levels) {
		n = len(p.Levels)
	}
	return p.Levels[n-1]
}

// Session returns variant v (1-based) of level n, clamped to what exists.
func (p Plan) Session(n, v int) Session {
	l := p.Level(n)
	if v < 1 {
		v = 1
	}
	if v > len(l.Variants) {
		v = len(l.Variants)
	}
	return l.Variants[v-1]
}

// startLevelFor returns the highest level whose target is at most 75% of
// what a person says they could comfortably do today (COACH §6.5 step 3),
// never below the first rung. Capacity 0 means "not given".
func (p Plan) startLevelFor(capacityMin int) int {
	if capacityMin <= 0 || p.Unit != Minutes {
		return p.StartLevel
	}
	limit := startCapacityShare * float64(capacityMin)
	top := len(p.Levels)
	if p.ID == WalkToRunID {
		top = walkToRunWalkingRungs // "minutes you could walk": only P1–P4
	}
	best := 1
	for _, l := range p.Levels[:top] {
		if l.Variants[0].Target <= limit {
			best = l.Number
		}
	}
	return best
}

// startCapacityShare is the share of stated capacity the first target may
// ask for: starting below capacity makes the first sessions successes. [D]
const startCapacityShare = 0.75
