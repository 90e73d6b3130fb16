package cli

import (
	"fmt"
	"sort"
	"strings"

	"tend/coach"
	"tend/tui"
)

// A report is the last weeks of a person's goals as `tend report` shows
// them to someone else (issue 18): worked out once from the window the
// store read, then written as text, Markdown or HTML by report_*.go. Every
// string from the database is made printable here, once, so no renderer
// can forget to; the HTML and Markdown writers escape on top.
type report struct {
	From, Today coach.Day // the first week's Monday, and the day it was made
	Weeks       []reportWeek
	Goals       []reportGoal
	Flags       []reportFlag
	Notes       []reportNote // only with --notes
	Mood        coach.MoodWeek
	Counts      bool // some goal's sessions count as active minutes
	width       int  // the text's width when it goes to a narrower terminal; 0 a page's
}

// reportWeek is one ISO week of every goal shown, added up.
type reportWeek struct {
	Monday         coach.Day
	Current        bool // the week today is in: counted so far, never judged
	Exists         bool // some goal had begun by then
	Sessions, Ask  int
	ActiveMin      float64
	Paused, Held   bool // every goal that asked anything was paused or held at some point
	PausedAll      bool // nothing was asked because every goal was paused or held all week
	Mood           coach.MoodWeek
	fewerThanAsked bool
}

// reportGoal is one goal over the weeks.
type reportGoal struct {
	Name, Plan, Schedule string
	plan                 coach.Plan
	Sessions             int
	Weeks                []coach.WeekTally
	Levels               []int // the level at each week's end, 0 before the goal began
	Start, End           int   // the level at the window's start and now
	Changes              []reportChange
	Stretches            []string // "paused 26 Jan – 1 Feb", "on hold 11–15 Feb"
}

// reportChange is one change of level with its reason, as the coach gave it.
type reportChange struct {
	Day      coach.Day
	From, To string
	Reason   string
}

// reportNote is one day's note, shown only when the person asks.
type reportNote struct {
	Day        coach.Day
	Goal, Note string
}

// reportWindow is what the store handed out for one goal.
type reportWindow struct {
	goal     coach.Goal
	checkIns []coach.CheckIn
	changes  []coach.Decision
}

// buildReport works the report out from each goal's window.
func buildReport(wins []reportWindow, from, today coach.Day, notes bool) report {
	r := report{From: from, Today: today}
	var all []coach.CheckIn
	for _, w := range wins {
		g, err := reportGoalOf(w, from, today)
		if err != nil {
			continue // a plan this binary does not know: nothing to say of it
		}
		r.Goals = append(r.Goals, g)
		r.Counts = r.Counts || (g.plan.Unit == coach.Minutes && g.plan.Domain != coach.DomainMind)
		all = append(all, w.checkIns...)
		r.Flags = append(r.Flags, flagsOf(w, from, today)...)
		if notes {
			for _, c := range w.checkIns {
				if note := coach.Printable(strings.TrimSpace(c.Note)); note != "" {
					r.Notes = append(r.Notes, reportNote{Day: c.Day, Goal: g.Name, Note: note})
				}
			}
		}
	}
	sort.SliceStable(r.Notes, func(i, j int) bool { return r.Notes[i].Day.Before(r.Notes[j].Day) })
	r.Flags = mergeFlags(r.Flags)
	var moods []coach.MoodWeek
	r.Mood, moods = coach.MoodLifts(all, from, today)
	for i := range moods {
		r.Weeks = append(r.Weeks, weekOf(r.Goals, i, moods[i], today))
	}
	return r.fromFirstWeek()
}

// fromFirstWeek leaves out the weeks before any goal began: a year asked
// of eight weeks' history is those eight weeks, and says so.
func (r report) fromFirstWeek() report {
	skip := 0
	for skip < len(r.Weeks)-1 && !r.Weeks[skip].Exists {
		skip++
	}
	if skip == 0 {
		return r
	}
	r.Weeks = r.Weeks[skip:]
	r.From = r.Weeks[0].Monday
	for i := range r.Goals {
		r.Goals[i].Weeks, r.Goals[i].Levels = r.Goals[i].Weeks[skip:], r.Goals[i].Levels[skip:]
	}
	return r
}

// weekOf adds up week i of every goal.
func weekOf(goals []reportGoal, i int, mood coach.MoodWeek, today coach.Day) reportWeek {
	w := reportWeek{Monday: mood.Monday, Mood: mood, Current: !today.After(mood.Monday.AddDays(6)), PausedAll: true}
	for _, g := range goals {
		t := g.Weeks[i]
		if !t.Exists {
			continue
		}
		w.Exists = true
		w.Sessions += t.Sessions
		w.Ask += t.Ask
		w.ActiveMin += t.ActiveMin
		w.Paused = w.Paused || t.Paused > 0
		w.Held = w.Held || t.Held > 0
		if t.Ask > 0 || t.Paused+t.Held == 0 {
			w.PausedAll = false
		}
	}
	w.PausedAll = w.PausedAll && w.Exists && w.Sessions == 0
	w.fewerThanAsked = w.Exists && !w.Current && w.Sessions < w.Ask
	return w
}

func reportGoalOf(w reportWindow, from, today coach.Day) (reportGoal, error) {
	p, err := w.goal.Plan()
	if err != nil {
		return reportGoal{}, err
	}
	g := reportGoal{
		Name: coach.Printable(w.goal.Name), Plan: coach.Printable(p.Name), plan: p,
		Schedule: tui.ScheduleWords(w.goal.Schedule()),
		Weeks:    coach.WeekTallies(w.goal, w.checkIns, from, today),
		End:      w.goal.Level, Start: w.goal.Level,
	}
	if w.goal.Custom != nil {
		g.Plan = "own ladder"
	}
	for _, c := range w.checkIns {
		if c.Outcome.ShowedUp() && !c.Day.After(today) {
			g.Sessions++
		}
	}
	if len(w.changes) > 0 {
		g.Start = w.changes[0].From
	}
	level, next := g.Start, 0
	for _, t := range g.Weeks {
		for next < len(w.changes) && !w.changes[next].Day.After(t.Monday.AddDays(6)) {
			level = w.changes[next].To
			next++
		}
		if t.Exists {
			g.Levels = append(g.Levels, level)
		} else {
			g.Levels = append(g.Levels, 0)
		}
	}
	for _, d := range levelChanges(w.changes) {
		g.Changes = append(g.Changes, reportChange{Day: d.Day, From: g.label(d.From), To: g.label(d.To),
			Reason: coach.Printable(d.Message)})
	}
	g.Stretches = stretchesOf(w.goal, from, today)
	return g, nil
}

// label is a level as the plan names it: "12 min", "NHS week 3", "1×8".
func (g reportGoal) label(level int) string { return coach.Printable(g.plan.Level(level).Label) }

// Went says how far the goal came in words anyone reads: "went from 10 to
// 20 minutes", "stayed at 20 minutes", "went from 1×5 to 1×10".
func (g reportGoal) Went() string {
	from, to := g.label(g.Start), g.label(g.End)
	a, aok := strings.CutSuffix(from, " min")
	b, bok := strings.CutSuffix(to, " min")
	switch {
	case from == to && aok:
		return fmt.Sprintf("stayed at %s minutes", a)
	case from == to:
		return "stayed at " + from
	case aok && bok:
		return fmt.Sprintf("went from %s to %s minutes", a, b)
	}
	return fmt.Sprintf("went from %s to %s", from, to)
}

// stretchesOf names the stretches within the window when the goal was
// paused or in safety hold: "paused 26 Jan – 1 Feb", "on hold since 11 Feb".
func stretchesOf(g coach.Goal, from, today coach.Day) []string {
	var out []string
	for i, s := range g.Statuses {
		if s.Status != coach.Paused && s.Status != coach.SafetyHold {
			continue
		}
		end := today
		open := true
		if i+1 < len(g.Statuses) {
			end, open = g.Statuses[i+1].From.AddDays(-1), false
		}
		start := s.From
		if end.Before(from) || end.Before(start) {
			continue
		}
		if start.Before(from) {
			start = from
		}
		what := "paused"
		if s.Status == coach.SafetyHold {
			what = "on hold"
		}
		switch {
		case open && s.Status == coach.SafetyHold:
			out = append(out, "on hold until a check, since "+shortDay(start))
		case open:
			out = append(out, what+" since "+shortDay(start))
		default:
			out = append(out, what+" "+spanWords(start, end))
		}
	}
	return out
}
