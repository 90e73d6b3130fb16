package coach

// Archive is everything a database holds, read at once: the settings, every
// goal with all its check-ins and all its decisions. `tend export` writes it
// as the portable copy of a person's data.
type Archive struct {
	DayStartHour int
	Goals        []Goal                // in ID order
	CheckIns     map[uint64][]CheckIn  // by goal ID, in day order
	Decisions    map[uint64][]Decision // by goal ID, in day order
}
