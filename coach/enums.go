package coach

// Outcome is what happened on a day, as a person reported it. Missed is
// never stored: it is derived from the schedule.
type Outcome int

// Outcomes, in the order the check-in offers them.
const (
	Done Outcome = iota + 1
	Partial
	Minimum
	Rest
	Unwell
	Away
)

var outcomeNames = map[Outcome]string{
	Done: "done", Partial: "partial", Minimum: "minimum", Rest: "rest", Unwell: "unwell", Away: "away",
}

// Outcomes lists every stored outcome in check-in order.
var Outcomes = []Outcome{Done, Partial, Minimum, Rest, Unwell, Away}

func (o Outcome) String() string { return nameOf(outcomeNames, o) }

// ShowedUp reports whether the outcome is a session: done, partial or minimum.
func (o Outcome) ShowedUp() bool { return o == Done || o == Partial || o == Minimum }

// Skips reports whether the day is a pause for every measure: rest, unwell, away.
func (o Outcome) Skips() bool { return o == Rest || o == Unwell || o == Away }

// ParseOutcome reads an outcome's name.
func ParseOutcome(s string) (Outcome, error) { return parseName(outcomeNames, s, "outcome") }

// Effort is how hard a session felt, on the talk test's three steps.
type Effort int

// Efforts: easy could chat or sing, ok is sentences not songs, hard is a few
// words at a time.
const (
	EffortOK Effort = iota
	EffortEasy
	EffortHard
)

var effortNames = map[Effort]string{EffortEasy: "easy", EffortOK: "ok", EffortHard: "hard"}

// Efforts lists the efforts in the order the check-in offers them.
var Efforts = []Effort{EffortEasy, EffortOK, EffortHard}

func (e Effort) String() string { return nameOf(effortNames, e) }

// ParseEffort reads an effort's name.
func ParseEffort(s string) (Effort, error) { return parseName(effortNames, s, "effort") }

// Pain is what a person felt in their body; Warning is the red flag.
type Pain int

// Pains, mildest first.
const (
	PainNone Pain = iota
	PainSore
	PainPain
	PainWarning
)

var painNames = map[Pain]string{PainNone: "none", PainSore: "sore", PainPain: "pain", PainWarning: "warning"}

// Pains lists the pain answers in the order the check-in offers them.
var Pains = []Pain{PainNone, PainSore, PainPain, PainWarning}

func (p Pain) String() string { return nameOf(painNames, p) }

// ParsePain reads a pain answer's name.
func ParsePain(s string) (Pain, error) { return parseName(painNames, s, "pain") }

// Status says whether a goal takes check-ins.
type Status int

// Statuses. Only Active goals are offered targets; SafetyHold waits until the
// person has been checked and resumes it.
const (
	Active Status = iota
	Paused
	SafetyHold
	Archived
)

var statusNames = map[Status]string{Active: "active", Paused: "paused", SafetyHold: "safety-hold", Archived: "archived"}

func (s Status) String() string { return nameOf(statusNames, s) }

// ParseStatus reads a status's name.
func ParseStatus(s string) (Status, error) { return parseName(statusNames, s, "status") }

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

func nameOf[T comparable](names map[T]string, v T) string {
	if s, ok := names[v]; ok {
		return s
	}
	// Not fmt's %v: every enum here has a String method that calls back in.
	return "unknown"
}

func parseName[T comparable](names map[T]string, s, what string) (T, error) {
	for v, n := range names {
		if n == s {
			return v, nil
		}
	}
	var zero T
	return zero, says(ErrBadValue, "%q is not a known %s", s, what)
}
