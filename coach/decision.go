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

// Code names the rule behind a reason by its sentence in COACH §6.6: A1 is a
// level up, B2 an in-between step, G1 a welcome back one level down. Records
// keep the code, so that a screen can tell reasons apart without reading
// their words.
type Code string

// The codes of COACH §6.6. CodeNone is a reason no rule gave (a goal just
// resumed, or one that has no decision yet).
const (
	CodeNone Code = ""
	CodeA1   Code = "A1" // level up
	CodeA2   Code = "A2" // the plan finished
	CodeH1   Code = "H1" // same target: more sessions to go
	CodeH2   Code = "H2" // repeat: the last felt hard
	CodeH3   Code = "H3" // holding while a niggle settles
	CodeH4   Code = "H4" // keeping it up after graduation
	CodeB1   Code = "B1" // a step back after two tough ones
	CodeB2   Code = "B2" // an in-between step
	CodeB3   Code = "B3" // the spike guard's bridge session
	CodeG0   Code = "G0" // welcome back: the level from its first session
	CodeG1   Code = "G1" // welcome back: one level down
	CodeG2   Code = "G2" // welcome back: two levels down
	CodeM1   Code = "M1" // one session slipped by
	CodeM2   Code = "M2" // a couple of sessions: the minimum is offered
	CodeM3   Code = "M3" // no pressure
	CodeZ1   Code = "Z1" // rest day
	CodeZ2   Code = "Z2" // unwell
	CodeZ3   Code = "Z3" // away
	CodeZ4   Code = "Z4" // two runs back to back
	CodeP0   Code = "P0" // soreness is normal
	CodeP1   Code = "P1" // pain: a lighter next session
	CodeP2   Code = "P2" // pain again: paused
	CodeS1   Code = "S1" // a warning sign: stop and get checked
	CodeS2   Code = "S2" // not checked yet: the hold stays
)

var codeNames = map[Code]string{}

func init() {
	for _, c := range []Code{CodeNone, CodeA1, CodeA2, CodeH1, CodeH2, CodeH3, CodeH4, CodeB1, CodeB2, CodeB3,
		CodeG0, CodeG1, CodeG2, CodeM1, CodeM2, CodeM3, CodeZ1, CodeZ2, CodeZ3, CodeZ4, CodeP0, CodeP1, CodeP2,
		CodeS1, CodeS2} {
		codeNames[c] = string(c)
	}
}

func (c Code) String() string { return string(c) }

// ParseCode reads a reason code as a record holds it; "" is CodeNone.
func ParseCode(s string) (Code, error) { return parseName(codeNames, s, "reason code") }

// Decision is what the coach made of a day's check-in: the action, the level
// before and after, and the reason in one sentence a person can read.
type Decision struct {
	Day        Day
	Action     Action
	From, To   int
	ReasonCode Code
	Message    string
	// Said is Message as its sentences' templates and fields, which is
	// what the store keeps: the words are said again when shown.
	Said       []Said
	NextTarget float64
	// Before is where the goal stood before this decision, so that undoing
	// the day's check-in puts it back exactly.
	Before Step
}

// Step is a goal's place on its plan: everything a decision can change, so
// that undoing one puts the goal back as it stood.
type Step struct {
	Level, Variant int
	Bridge         bool
	LevelFrom      Day
	Status         Status
	Eased          bool
	BridgeTarget   float64
	Reason         string
	ReasonCode     Code
	Said           []Said // Reason as templates and fields, when a decision gave it
	SteppedBack    []int
	Alternative    bool
	Graduated      bool
}
