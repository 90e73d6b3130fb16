package coach

// The hints of the check-in's questions (COACH §6.2, clarified): how an
// effort feels depends on the kind of plan, so each family has its own
// words, and soreness and pain are told apart.

var effortHints = map[string][3]string{ // easy, ok, hard
	"talk": {"could chat or sing, plenty left", "sentences, not songs, a fair push",
		"a few words at a time, had to stop or grind it out"},
	"reps":    {"4 or more reps left", "1–3 reps left", "none left, or form slipped"},
	"stretch": {"gentle, could hold it longer", "clear but comfortable", "straining, shaking or holding your breath"},
	"mind":    {"mostly settled", "drifted, kept coming back", "a struggle to stay"},
}

// EffortHint says what effort e means on plan p: the talk test for walks
// and runs (and custom ladders in min, km or mi), reps in reserve for
// strength (and custom reps), the stretch for yoga, how hard it was to stay
// with it for mindful minutes; "" for a custom ladder counted in times.
func EffortHint(p Plan, e Effort) string {
	family := "talk"
	switch {
	case p.Domain == DomainStrength || p.Unit == Reps:
		family = "reps"
	case p.Domain == DomainYoga:
		family = "stretch"
	case p.Domain == DomainMind:
		family = "mind"
	case p.Unit == Times:
		return ""
	}
	h := effortHints[family]
	switch e {
	case EffortEasy:
		return h[0]
	case EffortHard:
		return h[2]
	case EffortOK:
		return h[1]
	}
	return ""
}

// PainHint tells soreness and pain apart; "" for none and for the warning
// signs, which have their own words.
func PainHint(pn Pain) string {
	switch pn {
	case PainSore:
		return "a dull ache across the muscles you worked, easing within a day or two"
	case PainPain:
		return "sharp, or in a joint, in one spot, worse as you go"
	case PainNone, PainWarning:
	}
	return ""
}
