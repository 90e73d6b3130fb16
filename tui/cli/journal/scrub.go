package journal

import "sort"

// Scrub is a device's own events without those of deleted goals, but for
// the goal.delete lines, which stay as tombstones (SYNC §7.3, §10): once
// every device has scrubbed, the folder keeps no note or mood of a goal
// the person deleted. dropped says whether there was anything to drop.
func Scrub(evs []Event, deleted map[string][]Warning) (kept []Event, dropped bool) {
	for _, e := range evs {
		if _, gone := deleted[e.Goal]; gone && e.Goal != "" && e.Kind != GoalDelete {
			dropped = true
			continue
		}
		kept = append(kept, e)
	}
	return kept, dropped
}

// UnlistedWarnings are dev's live warning contributions to deleted goals
// that no goal.delete lists. Scrubbing would lose them, and with them the
// hold they set on the other goals, so the device first writes a
// goal.delete of its own that lists them (SYNC §7.3).
func UnlistedWarnings(all []Event, dev string, deleted map[string][]Warning) map[string][]Warning {
	listed, removed := map[string]bool{}, map[string]bool{}
	for _, e := range all {
		switch e.Kind {
		case GoalDelete:
			for _, w := range e.Warnings {
				listed[w.ID] = true
			}
		case CheckInRemove:
			for _, id := range e.Removes {
				removed[id] = true
			}
		}
	}
	out := map[string][]Warning{}
	for _, e := range all {
		if _, gone := deleted[e.Goal]; !gone || e.Dev != dev || e.Kind != CheckInAdd || e.Pain != "warning" ||
			listed[e.ID] || removed[e.ID] {
			continue
		}
		listed[e.ID] = true
		out[e.Goal] = append(out[e.Goal], Warning{ID: e.ID, Day: e.Day})
	}
	for uid := range out {
		sort.Slice(out[uid], func(i, j int) bool { return out[uid][i].ID < out[uid][j].ID })
	}
	return out
}
