package coach

// PreviewWeek is one week of a plan's preview: what the week asks if every
// session before it went well.
type PreviewWeek struct {
	Week  int    // 1 is the goal's first week
	Label string // the step at the week's start, e.g. "12 min" or "week 3"
	Text  string // the session in words
}

// Preview runs the coach over weeks of sessions that all go well (done, ok
// effort, no pain, on every day that is due) and reports where each week
// starts. It is the same engine a real history meets, so bridges and the
// spike guard show up where they would.
func Preview(g Goal, weeks int) ([]PreviewWeek, error) {
	p, err := g.Plan()
	if err != nil {
		return nil, err
	}
	var hist []CheckIn
	day := g.Created
	out := make([]PreviewWeek, 0, weeks)
	for w := 1; w <= weeks; w++ {
		t, err := TodayFor(g, hist, day)
		if err != nil {
			return nil, err
		}
		out = append(out, PreviewWeek{Week: w, Label: stepLabel(t.Offer, p), Text: t.Text})
		for end := day.AddDays(7); day.Before(end); day = day.AddDays(1) {
			if !due(g, p, hist, day) {
				continue
			}
			rec, err := Record(g, hist, Entry{Day: day, Outcome: Done}, day)
			if err != nil {
				return nil, err
			}
			g, hist = rec.Goal, append(hist, rec.CheckIn)
		}
	}
	return out, nil
}
