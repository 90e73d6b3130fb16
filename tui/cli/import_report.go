package cli

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"tend/coach"
	"tend/tui/cli/importfmt"
)

// importReport is what `tend import` says, as text or as the JSON of
// IMPORT §3.7.
type importReport struct {
	Format         string                `json:"format"`
	Version        string                `json:"version"`
	DryRun         bool                  `json:"dry_run"`
	Goals          []*goalReport         `json:"goals"`
	HabitsSkipped  []importfmt.HabitSkip `json:"-"`
	Skipped        []habitSkipJSON       `json:"habits_skipped"`
	EntriesSkipped map[string]int        `json:"entries_skipped"`
	NotesDropped   int                   `json:"notes_dropped"`
	NamesChanged   int                   `json:"names_changed"`
	NotesChanged   int                   `json:"notes_changed"`
	UnknownFields  int                   `json:"unknown_fields"`
	Transactions   int                   `json:"transactions"`
	DayStartHour   *int                  `json:"day_start_hour,omitempty"`
	Said           []string              `json:"said"`
}

type habitSkipJSON struct {
	Name    string `json:"name"`
	Reason  string `json:"reason"`
	Entries int    `json:"entries"`
}

// goalReport is one goal of the report.
type goalReport struct {
	Name         string         `json:"name"`
	From         string         `json:"from"`
	Match        string         `json:"match"`
	DaysPerWeek  int            `json:"days_per_week"`
	Unit         string         `json:"unit"`
	Target       float64        `json:"target"`
	Status       string         `json:"status"`
	Level        int            `json:"level"`
	Added        map[string]int `json:"added"`
	AlreadyThere int            `json:"already_there"`
	Differing    []dayDiff      `json:"differing"`
	// Rebuilt counts decisions of a restored goal that the engine made
	// otherwise than the file says (IMPORT §7.2).
	Rebuilt int `json:"rebuilt_differently,omitempty"`

	habit *importfmt.Habit
}

type dayDiff struct {
	Day    string   `json:"day"`
	Fields []string `json:"fields"`
}

// describe fills in the goal's shape from the goal as it starts.
func (r *goalReport) describe(g coach.Goal) {
	for _, o := range coach.Outcomes {
		r.Added[o.String()] += 0
	}
	r.DaysPerWeek = g.Schedule().Sessions()
	p, err := g.Plan()
	if err == nil {
		r.Unit = p.Unit.String()
	}
	if r.habit.Restore || r.Match == "matched" {
		r.Target = 0
		if err == nil {
			r.Target = coach.Offered(g, p).Target
		}
	} else {
		r.Target = r.habit.Target
	}
	r.Status = g.Status().String()
}

// compare is told each decision the engine makes for a restored goal.
func (r *goalReport) compare(d coach.Decision) {
	if r.habit.FileDecisions == nil {
		return
	}
	if f, ok := r.habit.FileDecisionOn(d.Day); !ok || f.Differs(d) {
		r.Rebuilt++
	}
}

func (m *matcher) report(res coach.ImportResult, dry bool) importReport {
	rep := importReport{Format: m.src.Format, Version: m.src.Version, DryRun: dry, Goals: m.goals,
		EntriesSkipped: m.src.EntriesSkipped, NotesDropped: m.src.NotesDropped, NamesChanged: m.src.NamesChanged,
		NotesChanged: m.src.NotesChanged, UnknownFields: m.src.UnknownFields, Transactions: res.Transactions,
		DayStartHour: m.hour, Said: append([]string{}, m.src.Said...), Skipped: []habitSkipJSON{}}
	for _, s := range m.src.HabitsSkipped {
		rep.Skipped = append(rep.Skipped, habitSkipJSON(s))
	}
	for i, g := range res.Goals {
		if i >= len(m.goals) {
			break
		}
		m.goals[i].Level, m.goals[i].Status = g.Level, g.Status().String()
		if p, err := g.Plan(); err == nil {
			m.goals[i].Target = coach.Offered(g, p).Target // where the goal stands after its history
		}
		if h := m.goals[i].habit; h.Restore && m.goals[i].Match == "new" && h.FileLevel != g.Level {
			m.goals[i].Rebuilt++
		}
	}
	if m.kept != "" {
		rep.Said = append(rep.Said, m.kept)
	}
	return rep
}

var formatNames = map[string]string{
	"loop-csv": "a Loop Habit Tracker export", "harsh": "harsh's habits and log", "dijo": "dijo's habits",
	"tend-json": "a tend export", "tend-csv": "a tend CSV export",
}

var skipWords = map[string]string{
	"not-a-session":   "days Loop filled in itself (YES_AUTO), which are not sessions",
	"no":              "\"no\" days, which tend does not store: a missed day is worked out, never written",
	"no-data":         "Loop days with no value",
	"numeric-yes":     "yes marks in a number habit, which carry no amount",
	"out-of-range":    "amounts above 100000",
	"superseded":      "log lines replaced by a later line for the same day, as harsh reads them",
	"malformed":       "log lines harsh itself cannot read",
	"too-many-fields": "log lines with too many \" : \" separators, which harsh drops",
	"not-in-habits":   "log lines for habits not in `habits`",
	"after-end":       "days after a habit's end date",
	"not-active":      "sessions on days the goal was paused or archived",
	"habit-skipped":   "entries of the habits not imported",
}

var habitWords = map[string]string{
	"at-most":      "an at-most habit is not a graded goal",
	"track-only":   "tracked only, with no target",
	"auto":         "an auto habit; add --include-auto to import it",
	"not-exported": "not selected when Loop exported",
	"duplicate":    "listed twice in `habits`; the first line counts",
	"out-of-range": "its target is not between 0 and 100000",
}

// lines is the text report: what was read, each goal, what was left out.
func (r importReport) lines() []string {
	total := 0
	for _, g := range r.Goals {
		for _, n := range g.Added {
			total += n
		}
	}
	what := formatNames[r.Format]
	if r.Version != "" && r.Format == "loop-csv" {
		what += " (Loop " + r.Version + ")"
	}
	verb := "Imported"
	if r.DryRun {
		verb = "Would import"
	}
	out := []string{fmt.Sprintf("%s %s from %s.", verb, countOf(total, "check-in"), what)}
	if there := r.alreadyThere(); total == 0 && there > 0 {
		out[0] = fmt.Sprintf("Everything in %s is already here: all %s were there.", what, countOf(there, "check-in"))
	}
	for _, g := range r.Goals {
		out = append(out, "  "+g.line(r.DryRun))
	}
	for _, s := range r.Skipped {
		entries := countOf(s.Entries, "entry")
		if s.Entries != 1 {
			entries = fmt.Sprintf("%d entries", s.Entries)
		}
		out = append(out, fmt.Sprintf("  Not imported: %s (%s; %s).", s.Name, habitWords[s.Reason], entries))
	}
	codes := make([]string, 0, len(r.EntriesSkipped))
	for c, n := range r.EntriesSkipped {
		if n > 0 {
			codes = append(codes, c)
		}
	}
	sort.Strings(codes)
	for _, c := range codes {
		out = append(out, fmt.Sprintf("  Left out (%d): %s.", r.EntriesSkipped[c], skipWords[c]))
	}
	if r.NotesDropped > 0 {
		out = append(out, fmt.Sprintf("  %s could not be kept: tend keeps a note only on a day with a check-in.", countOf(r.NotesDropped, "note")))
	}
	if r.NamesChanged+r.NotesChanged > 0 {
		out = append(out, fmt.Sprintf("  %s and %s were tidied (hidden characters taken out, or cut to fit).",
			countOf(r.NamesChanged, "name"), countOf(r.NotesChanged, "note")))
	}
	if r.UnknownFields > 0 {
		out = append(out, fmt.Sprintf("  %s this tend does not know were read and left out.", countOf(r.UnknownFields, "field")))
	}
	for _, s := range r.Said {
		out = append(out, "  "+s)
	}
	if r.Transactions > 1 {
		out = append(out, fmt.Sprintf("  Written in %d steps of whole goals, because it is large; if one was interrupted, run the same import again to finish.", r.Transactions))
	}
	if r.DryRun {
		out = append(out, "Nothing was written.")
	}
	return out
}

// line is one goal: new or matched, its shape, and its days.
func (g *goalReport) line(dry bool) string {
	var b strings.Builder
	b.WriteString(g.Name)
	if g.From != g.Name && g.From != "" {
		fmt.Fprintf(&b, " (%q in the source)", g.From)
	}
	if g.Match == "new" {
		fmt.Fprintf(&b, ": new, %s a week, %s", countOf(g.DaysPerWeek, "day"), amountWords(g.Target, g.Unit))
		if g.Status == coach.Archived.String() {
			b.WriteString(", archived")
		}
	} else {
		b.WriteString(": already here")
	}
	var parts []string
	for _, o := range coach.Outcomes {
		if n := g.Added[o.String()]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, o))
		}
	}
	added := "nothing new"
	if len(parts) > 0 {
		added = strings.Join(parts, ", ") + " added"
	}
	fmt.Fprintf(&b, "; %s", added)
	if g.AlreadyThere > 0 {
		fmt.Fprintf(&b, ", %d already there", g.AlreadyThere)
	}
	if n := len(g.Differing); n > 0 {
		days := make([]string, 0, n)
		for _, d := range g.Differing {
			days = append(days, d.Day+" ("+strings.Join(d.Fields, ", ")+")")
		}
		fmt.Fprintf(&b, "; %d differ and were kept as they are here: %s", n, strings.Join(days, "; "))
	}
	if g.Rebuilt > 0 {
		b.WriteString("; the coach rebuilt its levels from the check-ins, and they differ from the file's")
	}
	b.WriteString(".")
	_ = dry
	return b.String()
}

func (r importReport) alreadyThere() int {
	n := 0
	for _, g := range r.Goals {
		n += g.AlreadyThere
	}
	return n
}

// amountWords is a target as the screens say it (20 min, 1 time).
func amountWords(t float64, unit string) string {
	u, err := coach.ParseUnit(unit)
	if err != nil {
		return strconv.FormatFloat(t, 'f', -1, 64) + " " + unit
	}
	return coach.Amount(t, u)
}
