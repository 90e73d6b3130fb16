package cli

import (
	"fmt"
	"sort"

	"tend/tui/cli/journal"
)

// held is what a merge keeps back (SYNC §6.2–6.3), per device that wrote
// it: events for a goal whose create has not synced here, events a newer
// tend wrote, and events dated more than a day ahead. None is lost: they
// stay in their device's file, which every merge reads again, and go in
// once their goal, an updated tend or this clock gets there.
type held struct {
	waiting, newer, ahead map[string]int
}

func heldBack(st *journal.State, f *folder, ahead map[string]int) held {
	h := held{waiting: map[string]int{}, newer: map[string]int{}, ahead: ahead}
	for _, e := range st.Waiting {
		h.waiting[e.Dev]++
	}
	for _, p := range f.peers {
		if len(p.newer) > 0 {
			h.newer[p.dev] += len(p.newer)
		}
	}
	return h
}

// words are one sentence per device and reason, saying what happens next.
func (h held) words(label func(dev string) string) []string {
	var out []string
	say := func(by map[string]int, one, many string) {
		devs := make([]string, 0, len(by))
		for d := range by {
			devs = append(devs, d)
		}
		sort.Strings(devs)
		for _, d := range devs {
			if n := by[d]; n == 1 {
				out = append(out, fmt.Sprintf("1 change from %s "+one, label(d)))
			} else if n > 1 {
				out = append(out, fmt.Sprintf("%d changes from %s "+many, n, label(d)))
			}
		}
	}
	say(h.waiting, "waits for its goal, which has not synced here yet; it goes in once the goal does.",
		"wait for their goal, which has not synced here yet; they go in once the goal does.")
	say(h.newer, "was written by a newer tend; it is kept, and goes in once tend is updated here.",
		"were written by a newer tend; they are kept, and go in once tend is updated here.")
	say(h.ahead, "is dated more than a day ahead; it waits until then (check that machine's clock).",
		"are dated more than a day ahead; they wait until then (check that machine's clock).")
	return out
}
