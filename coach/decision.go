package coach

// Action is what a decision did to a goal (COACH §6.1).
type Action int

// Actions.
const (
	ActNone Action = iota // rest, unwell, away
	ActHold
	ActAdvance
	ActGraduate
	ActStepBack
	ActBridge
	ActEaseGap
	ActRestart
	ActEasePain
	ActPause
	ActSafetyHold
)

var actionNames = map[Action]string{
	ActNone: "none", ActHold: "hold", ActAdvance: "advance", ActGraduate: "graduate", ActStepBack: "step-back",
	ActBridge: "bridge", ActEaseGap: "ease-gap", ActRestart: "restart", ActEasePain: "ease-pain",
	ActPause: "pause", ActSafetyHold: "safety-hold",
}

func (a Action) String() string { return nameOf(actionNames, a) }

// ParseAction reads an action's name.
func ParseAction(s string) (Action, error) { return parseName(actionNames, s, "action") }

// Decision is what the coach made of a day's check-in: the action, the level
// before and after, and the reason in one sentence a person can read.
type Decision struct {
	Day        Day
	Action     Action
	From, To   int
	ReasonCode string
	Message    string
	NextTarget float64
	// Before is where the goal stood before this decision, so that undoing
	// the day's check-in puts it back exactly.
	Before Step
}

// Step is a goal's place on its plan.
type Step struct {
	Level, Variant     int
	Bridge             bool
	LevelFrom          Day
	Status             Status
	Eased              bool
	BridgeTarget       float64
	Reason, ReasonCode string
	SteppedBack        []int
}
