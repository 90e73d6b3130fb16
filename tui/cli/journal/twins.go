package journal

import (
	"strings"

	"tend/coach"
)

// Twin is a goal shown with a derived suffix because an earlier goal has
// its name (SYNC §7.3), and that earlier goal: which device made each, so
// `tend sync` and Today can say which is which.
type Twin struct {
	Shown, Name string // "Walk (2)" and the name both share, "Walk"
	Dev         string // the device whose goal.create made the suffixed goal
	First       string // the earlier goal as shown ("Walk")
	FirstDev    string
}

// Twins lists the goals of a (the replay of st) that show a suffix, in
// the order of their creates.
func Twins(st *State, a coach.Archive) []Twin {
	key := func(s string) string { return strings.ToLower(coach.NameKey(s)) }
	first := map[string]coach.Goal{}
	var out []Twin
	for _, g := range a.Goals {
		gs := st.Goals[g.UID]
		if gs == nil {
			continue
		}
		name := textOf(gs.Field("name"), "name")
		f, seen := first[key(name)]
		if !seen {
			first[key(name)] = g
			continue
		}
		if g.Name == name {
			continue
		}
		out = append(out, Twin{Shown: g.Name, Name: name, Dev: gs.Create.Dev, First: f.Name, FirstDev: st.Goals[f.UID].Create.Dev})
	}
	return out
}
