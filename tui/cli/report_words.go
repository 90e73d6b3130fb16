package cli

import (
	"fmt"
	"strings"

	"tend/coach"
)

// What a report says, the same in every format: its title, the sentence
// that says what it is, the summary in words a non-specialist reads, and
// the cells of its week-by-week table. COACH §5 holds for all of it: a
// summary for someone else never says "missed" or "failed"; it counts
// "weeks with fewer sessions than planned".

// reportLead says what the page is, and what it is not.
const reportLead = "A summary its owner chose to share from tend, a habit app: what they logged, not a medical record."

func (r report) title() string {
	return fmt.Sprintf("Activity and mood: %s, %s", countOf(len(r.Weeks), "week"), periodWords(r.From, r.Today))
}

func (r report) made() string { return "Made on " + longDay(r.Today) + "." }

// summary is the report in a few sentences: "29 sessions in 8 weeks. Walk
// went from 10 to 20 minutes."
func (r report) summary() []string {
	if len(r.Goals) == 0 {
		return []string{"No goals in these weeks."}
	}
	total := 0
	var each []string
	for _, g := range r.Goals {
		total += g.Sessions
		each = append(each, fmt.Sprintf("%s %d", g.Name, g.Sessions))
	}
	first := fmt.Sprintf("%s in %s", countOf(total, "session"), countOf(len(r.Weeks), "week"))
	if len(r.Goals) > 1 {
		first += " (" + strings.Join(each, ", ") + ")"
	}
	var went []string
	for _, g := range r.Goals {
		went = append(went, g.Name+" "+g.Went())
	}
	out := []string{first + ". " + strings.Join(went, "; ") + "."}
	if s := r.weeksSentence(); s != "" {
		out = append(out, s)
	}
	if r.Counts {
		out = append(out, r.activeSentence())
	}
	return append(out, r.moodSentence())
}

// weeksSentence sorts the weeks that are over: "4 weeks with every planned
// session; 2 weeks with fewer sessions than planned; 1 week paused."
func (r report) weeksSentence() string {
	var met, fewer, paused int
	for _, w := range r.Weeks {
		switch {
		case !w.Exists || w.Current:
		case w.PausedAll:
			paused++
		case w.fewerThanAsked:
			fewer++
		default:
			met++
		}
	}
	var parts []string
	if met > 0 {
		parts = append(parts, countOf(met, "week")+" with every planned session")
	}
	if fewer > 0 {
		parts = append(parts, countOf(fewer, "week")+" with fewer sessions than planned")
	}
	if paused > 0 {
		parts = append(parts, countOf(paused, "week")+" paused or on hold")
	}
	if len(parts) == 0 {
		return ""
	}
	return tuiUpper(strings.Join(parts, "; ")) + "."
}

// activeSentence: "Active minutes (the guidelines suggest 150 a week): the
// most in a week was 105; 150 or more in 2 weeks."
func (r report) activeSentence() string {
	most, reached := 0.0, 0
	for _, w := range r.Weeks {
		most = max(most, w.ActiveMin)
		if w.ActiveMin >= coach.ActiveMinutesPerWeek {
			reached++
		}
	}
	s := fmt.Sprintf("Active minutes (the guidelines suggest %d a week; a minute of running counts as two): "+
		"the most in a week was %.0f", coach.ActiveMinutesPerWeek, most)
	if reached > 0 {
		s += fmt.Sprintf("; %d or more in %s", coach.ActiveMinutesPerWeek, countOf(reached, "week"))
	}
	return s + "."
}

func (r report) moodSentence() string {
	if r.Mood.Days == 0 {
		return "No mood before and after a session was logged in these weeks."
	}
	return fmt.Sprintf("Mood from 0 to 10, asked before and after a session: on average %.1f before and %.1f after, "+
		"a lift of %s, over %s.", r.Mood.Before, r.Mood.After, liftWords(r.Mood.Lift), countOf(r.Mood.Days, "session"))
}

func liftWords(l float64) string {
	if s := fmt.Sprintf("%+.1f", l); s != "-0.0" && s != "+0.0" {
		return s
	}
	return "0.0"
}

// tuiUpper capitalises a sentence's first letter.
func tuiUpper(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// weekCells is one row of the week-by-week table: the week, its active
// minutes, the moods and a word on the week. Empty cells are "–".
func (r report) weekCells(i int) []string {
	w := r.Weeks[i]
	row := []string{weekWords(w.Monday)}
	if r.Counts {
		row = append(row, cellOr(w.Exists, fmt.Sprintf("%.0f", w.ActiveMin)))
	}
	mood, lift := "–", "–"
	if w.Mood.Days > 0 {
		mood, lift = fmt.Sprintf("%.1f → %.1f", w.Mood.Before, w.Mood.After), liftWords(w.Mood.Lift)
	}
	return append(row, mood, lift, w.note())
}

// weekHeader names weekCells' columns; active is the name of the active
// minutes' column, short in the text report's page of 80 columns.
func (r report) weekHeader(active string) []string {
	row := []string{"Week"}
	if r.Counts {
		row = append(row, active)
	}
	return append(row, "Mood before → after", "Lift", "Note")
}

// goalCells is the week's row of each goal's sessions and level.
func (r report) goalCells(i int) []string {
	row := []string{weekWords(r.Weeks[i].Monday)}
	for _, g := range r.Goals {
		row = append(row, g.weekCell(i))
	}
	return row
}

// goalHeader names goalCells' columns.
func (r report) goalHeader() []string {
	row := []string{"Week"}
	for _, g := range r.Goals {
		row = append(row, g.Name)
	}
	return row
}

// allHeader and allCells are both tables in one, for a page wide enough:
// the week, its active minutes, each goal, then the moods and the word.
func (r report) allHeader() []string {
	return r.joined(r.weekHeader(fmt.Sprintf("Active minutes (of %d)", coach.ActiveMinutesPerWeek)), r.goalHeader())
}

func (r report) allCells(i int) []string { return r.joined(r.weekCells(i), r.goalCells(i)) }

func (r report) joined(week, goals []string) []string {
	split := 1
	if r.Counts {
		split = 2
	}
	out := append([]string(nil), week[:split]...)
	out = append(out, goals[1:]...)
	return append(out, week[split:]...)
}

func cellOr(ok bool, s string) string {
	if ok {
		return s
	}
	return "–"
}

// weekCell is a goal's week: "5 of 5 · 12 min", "paused", "on hold".
func (g reportGoal) weekCell(i int) string {
	t := g.Weeks[i]
	switch {
	case !t.Exists:
		return "–"
	case t.Ask == 0 && t.Sessions == 0 && t.Held > 0:
		return "on hold"
	case t.Ask == 0 && t.Sessions == 0 && t.Paused > 0:
		return "paused"
	}
	s := fmt.Sprintf("%d of %d", t.Sessions, t.Ask)
	if t.Sessions > t.Ask {
		s = countOf(t.Sessions, "session")
	}
	return s + " · " + g.label(g.Levels[i])
}

// note is a word on the week: so far, paused, on hold, a quiet week.
func (w reportWeek) note() string {
	switch {
	case !w.Exists:
		return "before the goals began"
	case w.Current:
		return "so far"
	case w.PausedAll && w.Held:
		return "on hold"
	case w.PausedAll:
		return "paused"
	case w.Held:
		return "some days on hold"
	case w.Paused:
		return "some days paused"
	case w.Sessions == 0 && w.Ask > 0:
		return "a quiet week"
	}
	return ""
}

// words is a change of level with its reason: "12 min → 15 min. Level
// up: …", or "At 15 min. Welcome back …" for a restart on the same rung.
func (c reportChange) words() string {
	if c.From == c.To {
		return fmt.Sprintf("At %s. %s", c.To, c.Reason)
	}
	return fmt.Sprintf("%s → %s. %s", c.From, c.To, c.Reason)
}

// tableKey says how to read a goal's column.
func (r report) tableKey() string {
	return "For each goal: sessions done of those planned (a rest, unwell or away day, or a day paused, " +
		"plans one less), and the level reached by the end of the week."
}
