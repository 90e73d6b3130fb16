package coach

// NeedsClearance reports whether a plan is refused after a readiness "yes"
// until the person says a doctor has cleared them: Walk to run and Strength
// (COACH §6.5). The other exercise plans are the gentler ones offered.
func (p Plan) NeedsClearance() bool { return p.ID == WalkToRunID || p.ID == StrengthID }
