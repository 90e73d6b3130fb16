package journal

// Compact is a device's own events without its goal.set events that a
// later goal.set (its own or a peer's, among all) for the same goal and
// field has replaced (SYNC §10): a register keeps only its latest value,
// so dropping the others changes no merge. Nothing else is dropped, not
// even an undone check-in: decisions are replayed from the whole check-in
// sequence. dropped says whether there was anything to drop.
func Compact(own, all []Event) (kept []Event, dropped bool) {
	type reg struct{ goal, field string }
	latest := map[reg]*Event{}
	for i := range all {
		e := &all[i]
		if e.Kind != GoalSet || e.Goal == "" {
			continue
		}
		k := reg{e.Goal, e.Field}
		if l := latest[k]; l == nil || before(l, e) {
			latest[k] = e
		}
	}
	for _, e := range own {
		if l := latest[reg{e.Goal, e.Field}]; e.Kind == GoalSet && l != nil && before(&e, l) {
			dropped = true
			continue
		}
		kept = append(kept, e)
	}
	return kept, dropped
}
