package cli

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"tend/coach"
	"tend/tui/cli/importfmt"
)

// matcher turns a source into what the store writes, against the database
// as it is inside the import's transaction: which goal each habit is
// (IMPORT §3.5), the names new goals take (§3.3), and which days are new,
// already there or differing. It keeps what the report needs.
type matcher struct {
	src   *importfmt.Source
	as    string
	now   time.Time
	goals []*goalReport
	hour  *int // the day-start hour taken from the file
	kept  string
}

func (m *matcher) plan(local coach.ImportLocal) (coach.ImportBatch, error) {
	m.goals, m.hour, m.kept = nil, nil, ""
	var batch coach.ImportBatch
	taken := map[string]bool{}
	for _, g := range local.Goals {
		taken[strings.ToLower(g.Name)] = true
	}
	used := map[uint64]bool{}
	for i := range m.src.Habits {
		h := &m.src.Habits[i]
		target, err := m.find(h, local.Goals, used)
		if err != nil {
			return coach.ImportBatch{}, err
		}
		rep := &goalReport{From: h.From, Added: map[string]int{}, Differing: []dayDiff{}, habit: h}
		ig := coach.ImportGoal{Goal: h.Goal}
		if target != nil {
			used[target.ID] = true
			ig.Goal = *target
			rep.Match, rep.Name = "matched", target.Name
			have, err := local.CheckIns(target.ID)
			if err != nil {
				return coach.ImportBatch{}, err
			}
			ig.CheckIns = m.newDays(h, *target, have, rep)
			if m.as != "" {
				ig.Provenance = h.Goal.ImportedFrom
			}
		} else {
			rep.Match = "new"
			ig.Goal.Name = m.FreeName(h, taken)
			rep.Name = ig.Goal.Name
			taken[strings.ToLower(ig.Goal.Name)] = true
			ig.CheckIns = m.stamp(h.CheckIns, local.DeviceID, rep)
			if h.Restore {
				ig.Decided = rep.compare
			}
		}
		rep.describe(ig.Goal)
		m.goals = append(m.goals, rep)
		batch.Goals = append(batch.Goals, ig)
	}
	if hr := m.src.DayStartHour; hr != nil && *hr != local.DayStartHour {
		if len(local.Goals) == 0 {
			batch.DayStartHour, m.hour = hr, hr
		} else {
			m.kept = fmt.Sprintf("The file's day starts at %02d:00; this database's start (%02d:00) is kept.", *hr, local.DayStartHour)
		}
	}
	return batch, nil
}

// find is the local goal a habit is (IMPORT §3.5, §7.2, §7.4), or nil.
func (m *matcher) find(h *importfmt.Habit, goals []coach.Goal, used map[uint64]bool) (*coach.Goal, error) {
	free := func(pred func(coach.Goal) bool) []*coach.Goal {
		var out []*coach.Goal
		for i := range goals {
			if !used[goals[i].ID] && pred(goals[i]) {
				out = append(out, &goals[i])
			}
		}
		return out
	}
	if m.as != "" {
		g, err := findGoal(goals, m.as)
		if err != nil {
			h.Goal.Name = m.as
			return nil, nil
		}
		p, _ := g.Plan()
		if yesNo := h.Unit == coach.Times && h.Target == 1; !yesNo && !h.Restore && p.Unit != h.Unit {
			return nil, fmt.Errorf("%s counts %s and the source counts %s; import it as a new goal with another --as NAME", g.Name, p.Unit, h.Unit)
		}
		return &g, nil
	}
	if uid := h.Goal.UID; uid != "" {
		if gs := free(func(g coach.Goal) bool { return g.UID == uid }); len(gs) > 0 {
			return gs[0], nil
		}
	}
	if pr := h.Goal.ImportedFrom; pr != nil {
		if gs := free(func(g coach.Goal) bool { return g.ImportedFrom != nil && *g.ImportedFrom == *pr }); len(gs) > 0 {
			return gs[0], nil
		}
	}
	switch {
	case h.Restore && h.Goal.UID == "":
		gs := free(func(g coach.Goal) bool {
			return strings.EqualFold(g.Name, h.Goal.Name) && g.Created == h.Goal.Created && g.PlanID == h.Goal.PlanID
		})
		if len(gs) > 0 {
			return gs[0], nil
		}
	case m.src.Format == "tend-csv":
		if gs := free(func(g coach.Goal) bool { return strings.EqualFold(g.Name, h.Goal.Name) }); len(gs) > 0 {
			return gs[0], nil
		}
	case !h.Restore && h.Goal.ImportedFrom != nil:
		pr := h.Goal.ImportedFrom
		gs := free(func(g coach.Goal) bool {
			return g.ImportedFrom != nil && g.ImportedFrom.Source == pr.Source && g.ImportedFrom.Name == pr.Name
		})
		if len(gs) == 1 {
			return gs[0], nil
		}
	}
	return nil, nil
}

// freeName is the habit's name, or with the first free " (n)" when a goal
// already has it, cut so the whole fits (IMPORT §3.3).
func (m *matcher) FreeName(h *importfmt.Habit, taken map[string]bool) string {
	base := h.Goal.Name
	if !taken[strings.ToLower(base)] {
		return base
	}
	for n := 2; ; n++ {
		suffix := fmt.Sprintf(" (%d)", n)
		b := base
		for utf8.RuneCountInString(b)+len(suffix) > coach.MaxNameLen {
			b = string([]rune(b)[:utf8.RuneCountInString(b)-1])
		}
		if name := strings.TrimSpace(b) + suffix; !taken[strings.ToLower(name)] {
			return name
		}
	}
}

// stamp gives check-ins from another app the time and device of this
// import, which is what wrote them into tend; a tend file's keep theirs.
func (m *matcher) stamp(cs []coach.ImportCheckIn, device string, rep *goalReport) []coach.ImportCheckIn {
	foreign := m.src.Format != "tend-json"
	for i := range cs {
		if foreign {
			cs[i].WrittenAt, cs[i].Device = m.now, device
		}
		rep.Added[cs[i].Outcome.String()]++
	}
	return cs
}

// newDays sorts a matched goal's source days into added, already there,
// differing (kept as they are) and not-active (IMPORT §3.5, §3.6).
func (m *matcher) newDays(h *importfmt.Habit, g coach.Goal, have []coach.CheckIn, rep *goalReport) []coach.ImportCheckIn {
	byDay := make(map[coach.Day]coach.CheckIn, len(have))
	for _, c := range have {
		byDay[c.Day] = c
	}
	var add []coach.ImportCheckIn
	// Another app's habit in a goal of another ladder (--as, or a goal the
	// person re-planned): each day is judged against the goal's target, so
	// a yes is done at it and its amount is not the source's.
	other := !h.Restore && m.src.Format != "tend-csv" && !sameLadder(g, h)
	yesNo := h.Unit == coach.Times && h.Target == 1
	for _, c := range h.CheckIns {
		if old, ok := byDay[c.Day]; ok {
			fields := m.differ(c, old)
			if other && yesNo {
				fields = without(fields, "achieved")
			}
			if len(fields) > 0 {
				rep.Differing = append(rep.Differing, dayDiff{Day: c.Day.String(), Fields: fields})
			} else {
				rep.AlreadyThere++
			}
			continue
		}
		if g.StatusOn(c.Day) != coach.Active && !c.Outcome.Skips() {
			m.src.EntriesSkipped["not-active"]++
			continue
		}
		if other {
			c.FillStep, c.Target = true, 0
			if yesNo && c.Outcome == coach.Done {
				c.Achieved = 0
			}
		}
		add = append(add, c)
	}
	return m.stamp(add, "", rep)
}

// differ lists the fields of a source day that differ from the stored one:
// for another app's day its outcome, amount and note; for a tend file every
// field it carries but when and where it was written.
func (m *matcher) differ(c coach.ImportCheckIn, old coach.CheckIn) []string {
	var out []string
	add := func(name string, differs bool) {
		if differs {
			out = append(out, name)
		}
	}
	add("outcome", c.Outcome != old.Outcome)
	add("achieved", c.Achieved != old.Achieved)
	if m.src.Format == "tend-json" || m.src.Format == "tend-csv" {
		if !c.FillStep || m.src.Format == "tend-csv" {
			add("target", c.Target != old.Target)
		}
		add("effort", c.Effort != old.Effort)
		add("pain", c.Pain != old.Pain)
		add("mood_before", !sameMood(c.MoodBefore, old.MoodBefore))
		add("mood_after", !sameMood(c.MoodAfter, old.MoodAfter))
		if !c.FillStep {
			add("level", c.Level != old.Level)
			add("variant", c.Variant != old.Variant)
			add("bridge", c.Bridge != old.Bridge)
		}
	}
	add("note", c.Note != old.Note)
	return out
}

func sameMood(a, b *int) bool {
	return (a == nil) == (b == nil) && (a == nil || *a == *b)
}

// sameLadder reports whether g is the one-rung ladder habit h makes.
func sameLadder(g coach.Goal, h *importfmt.Habit) bool {
	c := g.Custom
	return c != nil && c.Unit == h.Unit && c.Start == h.Target && c.Max == h.Target
}

func without(xs []string, x string) []string {
	var out []string
	for _, v := range xs {
		if v != x {
			out = append(out, v)
		}
	}
	return out
}
