package coach

// Snapshot is what the daily views need, read at once: every goal and each
// goal's check-ins in the recent window.
type Snapshot struct {
	DayStartHour int
	Goals        []Goal
	CheckIns     map[uint64][]CheckIn // by goal ID, in day order
}

// Todays works out every goal that is not archived as the coach offers it on
// day, in the snapshot's goal order.
func (s Snapshot) Todays(day Day) ([]Today, error) {
	out := make([]Today, 0, len(s.Goals))
	for _, g := range s.Goals {
		if g.Status() == Archived {
			continue
		}
		t, err := TodayFor(g, s.CheckIns[g.ID], day)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}

// Archive is everything a database holds, read at once: the settings, every
// goal with all its check-ins and all its decisions. `tend export` writes it
// as the portable copy of a person's data.
type Archive struct {
	DayStartHour int
	Goals        []Goal                // in ID order
	CheckIns     map[uint64][]CheckIn  // by goal ID, in day order
	Decisions    map[uint64][]Decision // by goal ID, in day order
}
