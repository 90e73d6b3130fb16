package coach

// Phase is where a stretch falls in a session. Only the main part counts
// towards what a session achieved: warm-ups and cool-downs never do.
type Phase int

// Phases, in the order a session goes through them.
const (
	PhaseWarmup Phase = iota + 1
	PhaseMain
	PhaseCooldown
)

var phaseNames = map[Phase]string{PhaseWarmup: "warm-up", PhaseMain: "main", PhaseCooldown: "cool-down"}

func (p Phase) String() string { return nameOf(phaseNames, p) }

// Stretch is one timed part of a guided session: a warm-up, a run, a walk,
// a cool-down.
type Stretch struct {
	Kind  BlockKind
	Phase Phase
	Secs  int
	Round int // 1-based round within a repeated group; 0 outside one
	Of    int // rounds in that group
}

// Label names the stretch for the screen: "warm-up", "run", "walk",
// "cool-down", "sit".
func (s Stretch) Label() string {
	if s.Phase == PhaseMain {
		return s.Kind.String()
	}
	return s.Phase.String()
}

// Timeline lays a session out as timed stretches, in order, for the guided
// session. It reports false for a session that is counted, not timed
// (strength reps, a custom ladder), which has no timer.
func Timeline(s Session) ([]Stretch, bool) {
	var out []Stretch
	if s.WarmupS > 0 {
		out = append(out, Stretch{Kind: Walk, Phase: PhaseWarmup, Secs: s.WarmupS})
	}
	for _, r := range s.Rounds {
		for i := 1; i <= r.Times; i++ {
			for _, b := range r.Blocks {
				if b.Secs <= 0 {
					return nil, false
				}
				st := Stretch{Kind: b.Kind, Phase: PhaseMain, Secs: b.Secs}
				if r.Times > 1 {
					st.Round, st.Of = i, r.Times
				}
				out = append(out, st)
			}
		}
	}
	if s.CooldownS > 0 {
		out = append(out, Stretch{Kind: Walk, Phase: PhaseCooldown, Secs: s.CooldownS})
	}
	if len(out) == 0 {
		return nil, false
	}
	return out, true
}

// achieved is what a guided session counts for when stopped after done
// seconds of it, all stretches run through in order: AchievedEach with the
// seconds spent in each.
func achieved(stretches []Stretch, done int) float64 {
	each := make([]int, len(stretches))
	for i, s := range stretches {
		each[i] = min(s.Secs, max(0, done))
		done -= s.Secs
	}
	return AchievedEach(stretches, each)
}
