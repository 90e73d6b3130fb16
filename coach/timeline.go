package coach

// Stretch is one timed part of a guided session: a warm-up, a run, a walk,
// a cool-down.
type Stretch struct {
	Kind  BlockKind
	Label string // "warm-up", "run", "walk", "cool-down", "sit"
	Secs  int
	Round int // 1-based round within a repeated group; 0 outside one
	Of    int // rounds in that group
}

// Timeline lays a session out as timed stretches, in order, for the guided
// session. It reports false for a session that is counted, not timed
// (strength reps, a custom ladder), which has no timer.
func Timeline(s Session) ([]Stretch, bool) {
	var out []Stretch
	if s.WarmupS > 0 {
		out = append(out, Stretch{Kind: Walk, Label: "warm-up", Secs: s.WarmupS})
	}
	for _, r := range s.Rounds {
		for i := 1; i <= r.Times; i++ {
			for _, b := range r.Blocks {
				if b.Secs <= 0 {
					return nil, false
				}
				st := Stretch{Kind: b.Kind, Label: b.Kind.String(), Secs: b.Secs}
				if r.Times > 1 {
					st.Round, st.Of = i, r.Times
				}
				out = append(out, st)
			}
		}
	}
	if s.CooldownS > 0 {
		out = append(out, Stretch{Kind: Walk, Label: "cool-down", Secs: s.CooldownS})
	}
	if len(out) == 0 {
		return nil, false
	}
	return out, true
}

// Achieved is what a guided session counts for when stopped after done
// seconds: the minutes of the activity it is judged by (run-minutes where
// the session has runs), warm-up and cool-down never counting.
func Achieved(stretches []Stretch, done int) float64 {
	runs := false
	for _, s := range stretches {
		runs = runs || s.Kind == Run
	}
	secs, at := 0, 0
	for _, s := range stretches {
		took := min(s.Secs, max(0, done-at))
		at += s.Secs
		counts := s.Label != "warm-up" && s.Label != "cool-down" && (!runs || s.Kind == Run)
		if counts {
			secs += took
		}
	}
	return float64(secs) / 60
}
