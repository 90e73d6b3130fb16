package cli

import (
	"fmt"
	"sort"
	"strings"

	"tend/coach"
	"tend/tui/cli/journal"
)

// describe works out what came in from each peer, and which goals a peer
// deleted, from the events the merge added.
func (r *syncResult) describe(before, after *journal.State, was coach.Archive, fresh []journal.Event) {
	names := map[string]string{}
	for _, g := range was.Goals {
		names[g.UID] = g.Name
	}
	for uid := range after.Deleted {
		if _, had := before.Deleted[uid]; !had && names[uid] != "" {
			r.deleted = append(r.deleted, fmt.Sprintf("%s was deleted on %s, so its history here is removed with it", names[uid], r.label(after.DeletedBy[uid])))
		}
	}
	sort.Strings(r.deleted)
	for _, e := range fresh {
		if before.Applied[e.ID] && strings.HasPrefix(e.ID, "s-") {
			r.sameAs(e.Dev) // a copy of this history: the same events, applied once (SYNC §8)
		}
	}
	counted := map[string]bool{}
	for _, e := range comeIn(before, after, fresh) {
		if counted[e.ID] {
			continue
		}
		counted[e.ID] = true
		what := eventWords(e)
		if what == "" {
			continue
		}
		if r.incoming[e.Dev] == nil {
			r.incoming[e.Dev] = map[string]int{}
			r.order = append(r.order, e.Dev)
		}
		r.incoming[e.Dev][what]++
	}
}

// comeIn are the events a merge brought in, as a person counts them: the
// new ones but those still waiting for their goal (said apart), and the
// ones that waited and go in now. A remove its device followed with an
// add of the same day is one changed check-in, not an undo.
func comeIn(before, after *journal.State, fresh []journal.Event) []journal.Event {
	type day struct{ dev, goal, day string }
	added := map[day]uint64{}
	for _, e := range fresh {
		if e.Kind == journal.CheckInAdd {
			k := day{e.Dev, e.Goal, e.Day}
			added[k] = max(added[k], e.Seq)
		}
	}
	var out []journal.Event
	for _, e := range fresh {
		_, live := after.Goals[e.Goal]
		waits := e.Goal != "" && e.Kind != journal.GoalDelete && !live
		if before.Applied[e.ID] || waits || e.Kind == journal.CheckInRemove && added[day{e.Dev, e.Goal, e.Day}] > e.Seq {
			continue
		}
		out = append(out, e)
	}
	for _, e := range before.Waiting {
		if _, live := after.Goals[e.Goal]; live {
			out = append(out, e)
		}
	}
	return out
}

// eventWords names an event's kind as `tend sync` counts it ("" for one
// not worth a word).
func eventWords(e journal.Event) string {
	switch e.Kind {
	case journal.CheckInAdd:
		return "check-in"
	case journal.CheckInRemove:
		return "undo"
	case journal.GoalCreate:
		return "new goal"
	case journal.GoalSet:
		if e.Field == "name" {
			return "goal renamed"
		}
		return "goal edited"
	case journal.GoalSchedule:
		return "change of days"
	case journal.GoalStatus:
		return "pause or resume"
	case journal.GoalDelete:
		return "goal deleted"
	case journal.SettingsSet:
		return "setting changed"
	}
	return ""
}

func (r *syncResult) label(dev string) string {
	if l := r.labels[dev]; l != "" {
		return l
	}
	if dev == "" {
		return "another device" // a warning kept from a snapshot names none
	}
	return dev
}

func (r *syncResult) sameAs(dev string) {
	if r.same == nil {
		r.same = map[string]int{}
	}
	if r.same[dev] == 0 {
		r.sameOrd = append(r.sameOrd, dev)
	}
	r.same[dev]++
}

var wordOrder = []string{"check-in", "undo", "new goal", "goal renamed", "goal edited", "change of days", "pause or resume", "goal deleted", "setting changed"}

func wordRank(k string) int {
	for i, w := range wordOrder {
		if w == k {
			return i
		}
	}
	return len(wordOrder)
}

// countWords is "3 check-ins", "1 goal renamed", "2 goals renamed".
func countWords(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	switch what {
	case "goal renamed", "goal edited", "goal deleted", "setting changed":
		head, tail, _ := strings.Cut(what, " ")
		return fmt.Sprintf("%d %ss %s", n, head, tail)
	case "undo":
		return fmt.Sprintf("%d undos", n)
	case "change of days":
		return fmt.Sprintf("%d changes of days", n)
	case "pause or resume":
		return fmt.Sprintf("%d pauses or resumes", n)
	}
	return fmt.Sprintf("%d %ss", n, what)
}

func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func upperFirstASCII(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// words lists what was ignored, by kind.
func (i ignored) words() string {
	var parts []string
	add := func(n int, one, many string) {
		if n > 0 {
			parts = append(parts, count(n, one, many))
		}
	}
	add(i.conflict, "conflict copy from the sync tool", "conflict copies from the sync tool")
	add(i.icloud, "file waiting for iCloud to download", "files waiting for iCloud to download")
	add(i.symlink, "link or folder", "links or folders")
	add(i.notJournal, "file that is not a tend journal", "files that are not tend journals")
	add(i.other, "other file", "other files")
	add(i.damaged, "damaged line", "damaged lines")
	add(i.torn, "line still being synced", "lines still being synced")
	return strings.Join(parts, ", ")
}
