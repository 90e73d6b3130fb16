package coach

// AchievedEach is what a guided session counts for when done[i] seconds of
// stretch i were done: a skipped stretch counts only the seconds spent in it
// before the skip, so skipping is never counted as doing. Warm-ups and
// cool-downs never count; where the session has runs, only the runs do.
func AchievedEach(stretches []Stretch, done []int) float64 {
	runs := false
	for _, s := range stretches {
		runs = runs || s.Kind == Run
	}
	secs := 0
	for i, s := range stretches {
		if i >= len(done) {
			break
		}
		counts := s.Phase == PhaseMain && (!runs || s.Kind == Run)
		if counts {
			secs += min(s.Secs, max(0, done[i]))
		}
	}
	return float64(secs) / 60
}
