package cli

import (
	"fmt"
	"slices"

	"tend/tui/cli/journal"
)

// twinWords says which same-name goal came from which device (SYNC §7.3):
// the suffix is derived, so the person needs to know which is which
// before renaming one.
func twinWords(twins []journal.Twin, label func(dev string) string) []string {
	var out []string
	for _, t := range twins {
		if t.Dev == t.FirstDev {
			out = append(out, fmt.Sprintf("%s and %s were both made on %s; rename one to tell them apart.",
				t.Shown, t.First, label(t.Dev)))
			continue
		}
		out = append(out, fmt.Sprintf("%s was made on %s and %s on %s; rename one to tell them apart.",
			t.Shown, label(t.Dev), t.First, label(t.FirstDev)))
	}
	return out
}

// tell keeps what a merge brought for Today to say once. A merge that
// `tend sync` printed leaves nothing to repeat; a quiet one (the app's,
// `tend status`'s) names the devices changes came from, and any new
// pair of same-name goals. A step that only sent brings nothing.
func (m *syncMeta) tell(r syncResult, merge bool) {
	switch {
	case merge && !m.quiet:
		m.Tell = nil
	case merge:
		for _, d := range r.order {
			m.Updated = r.label(d)
		}
		for _, s := range r.twins {
			if !slices.Contains(m.Twins, s) && !slices.Contains(m.Tell, s) {
				m.Tell = append(m.Tell, s)
			}
		}
	}
	// A pair renamed apart since is no longer worth saying.
	m.Tell = slices.DeleteFunc(m.Tell, func(s string) bool { return !slices.Contains(r.twins, s) })
	m.Twins = r.twins
}
