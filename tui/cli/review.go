package cli

import (
	"flag"
	"fmt"
	"strings"

	"tend/coach"
	"tend/tui"
)

func reviewCommand(fs *flag.FlagSet) func(Env, []string) error {
	asJSON := fs.Bool("json", false, "print JSON")
	return func(env Env, args []string) error {
		// The name is resolved and the histories read in one read of the
		// file (a review of one goal opens it once).
		var today coach.Day
		nGoals := 0
		pick := func(snap coach.Snapshot) ([]uint64, coach.Day, error) {
			today, nGoals = env.today(snap), len(snap.Goals)
			if len(args) != 1 {
				return nil, today, nil // every goal
			}
			g, err := findGoal(snap.Goals, args[0])
			return []uint64{g.ID}, today, err
		}
		// One goal at a time, from one read: what is worked out and
		// written for a goal is let go before the next is read.
		docs := []reviewDocJSON{}
		first := true
		err := env.Store.HeadHistories(pick, func(g coach.Goal, cs []coach.CheckIn, ds []coach.Decision) error {
			p, err := g.Plan()
			if err != nil {
				return err
			}
			h := tui.History{Goal: g, Plan: p, CheckIns: cs, Decisions: ds, Today: today}
			if *asJSON {
				docs = append(docs, reviewJSON(h))
				return nil
			}
			var lines []string
			if !first {
				lines = append(lines, "")
			}
			first = false
			title := "Review · " + h.Goal.Name
			if h.Goal.Status() == coach.Archived {
				title += " · archived" // as the screen's review says it
			}
			lines = append(lines, env.Styles.Title.Render(title))
			lines = append(lines, tui.ReviewLines(h, env.Width, env.Styles)...)
			lines = append(lines, historyLines(h, env.Width)...)
			return writeLines(env.Out, trimRight(lines)...)
		})
		switch {
		case err != nil:
			return err
		case nGoals == 0 && !*asJSON:
			return writeLines(env.Out, "No goals yet. Start one with `tend add Walk --plan daily-walk`.")
		case !*asJSON:
			return nil
		case len(args) == 1:
			return writeJSON(env.Out, docs[0])
		}
		return writeJSON(env.Out, docs)
	}
}

// historyLines lists every change of level with its reason, wrapped to
// the terminal under the reason's start.
// Days are written as the review's "Last change" writes them ("12 Mar",
// with the year when not this year), padded so the reasons line up.
func historyLines(h tui.History, width int) []string {
	changes := levelChanges(h.Decisions)
	dateW := 0
	for _, d := range changes {
		dateW = max(dateW, len(tui.DateWords(d.Day, h.Today)))
	}
	var out []string
	for _, d := range changes {
		head := fmt.Sprintf("  %-*s  ", dateW, tui.DateWords(d.Day, h.Today))
		lines := tui.Hanging(h.Goal.ReviewMessage(d), width, len(head))
		out = append(out, head+lines[0])
		out = append(out, lines[1:]...)
	}
	if len(out) > 0 {
		out = append([]string{"Level history"}, out...)
	}
	return out
}

// levelChanges are the decisions that moved a goal.
func levelChanges(ds []coach.Decision) []coach.Decision {
	var out []coach.Decision
	for _, d := range ds {
		if d.From != d.To || d.Action == coach.ActBridge || d.Action == coach.ActGraduate || d.Action == coach.ActRestart {
			out = append(out, d)
		}
	}
	return out
}

func trimRight(lines []string) []string {
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return lines
}

type levelChangeJSON struct {
	Day        string `json:"day"`
	From       int    `json:"from"`
	To         int    `json:"to"`
	ReasonCode string `json:"reason_code"`
	Message    string `json:"message"`
}

type reviewDocJSON struct {
	Name             string            `json:"name"`
	Strength         float64           `json:"strength"`
	Band             string            `json:"band"`
	WeeksKept        int               `json:"weeks_kept"`
	ShowUpStreak     int               `json:"show_up_streak"`
	BestShowUpStreak int               `json:"best_show_up_streak"`
	RunEnded         bool              `json:"run_ended"`
	Sessions         int               `json:"sessions"`
	Total            targetJSON        `json:"total"`
	WeekActiveMin    float64           `json:"week_active_minutes"`
	LevelHistory     []levelChangeJSON `json:"level_history"`
	MoodLift         *float64          `json:"mood_lift"`
	MoodLiftDays     int               `json:"mood_lift_days"`
	Notes            []noteJSON        `json:"notes"`
}

// noteJSON is one day's note: the goal's non-empty notes, newest first.
type noteJSON struct {
	Day  string `json:"day"`
	Note string `json:"note"`
}

func reviewJSON(h tui.History) reviewDocJSON {
	r := h.Review()
	doc := reviewDocJSON{
		Name: h.Goal.Name, Strength: round3(r.Strength), Band: r.Band, WeeksKept: r.WeeksKept,
		ShowUpStreak: r.ShowUpStreak, BestShowUpStreak: r.BestStreak, RunEnded: r.RunEnded, Sessions: r.Sessions,
		Total:         targetJSON{Amount: round3(r.Total), Unit: h.Plan.Unit.String()},
		WeekActiveMin: round3(r.WeekActiveMin), LevelHistory: []levelChangeJSON{}, MoodLiftDays: r.Mood.LiftDays,
	}
	doc.Total.Text = tui.AmountWords(r.Total, h.Plan.Unit)
	if r.Mood.Enough {
		lift := round3(r.Mood.Lift)
		doc.MoodLift = &lift
	}
	doc.Notes = []noteJSON{}
	for _, c := range tui.RecentNotes(h.CheckIns, tui.JSONNotes) {
		doc.Notes = append(doc.Notes, noteJSON{Day: c.Day.String(), Note: c.Note})
	}
	for _, d := range levelChanges(h.Decisions) {
		doc.LevelHistory = append(doc.LevelHistory, levelChangeJSON{Day: d.Day.String(), From: d.From, To: d.To,
			ReasonCode: string(d.ReasonCode), Message: d.Message})
	}
	return doc
}

func round3(v float64) float64 { return float64(int64(v*1000+0.5)) / 1000 }

// statusCommand prints one short line for a shell prompt or a status bar:
// today's sessions done of due, and the next one. With no database it
// prints nothing and succeeds, so a prompt never shows an error.
func statusCommand(*flag.FlagSet) func(Env, []string) error {
	return func(env Env, _ []string) error {
		// A peer's journal that changed is merged first (SYNC §1); a busy
		// database or an unreadable folder only skips it.
		_ = MergeIfChanged(env)
		page, err := env.todayPage(true)
		if err != nil || !page.Goals() {
			return err
		}
		items := page.Items()
		due, done, next, held := 0, 0, "", false
		for _, t := range items {
			held = held || t.Status == coach.SafetyHold
			// A day checked in counts as done for today, a rest, unwell or
			// away day too: the prompt never nags about a goal resting.
			checkedIn := t.CheckIn != nil && t.Status == coach.Active
			if !t.Due && !checkedIn {
				continue
			}
			due++
			if checkedIn {
				done++
			} else if next == "" {
				next = fmt.Sprintf("%s %s", strings.ToLower(t.Goal.Name), shortAmount(t))
			}
		}
		line := fmt.Sprintf("tend %d/%d", done, due)
		switch {
		case due == 0 && held:
			// After a warning sign nothing is offered until a check-up.
			line = "tend on hold"
		case due == 0:
			line = "tend rest day"
		case next == "":
			line += " ✓"
		default:
			line += " · " + next
		}
		return writeLines(env.Out, line)
	}
}

// shortAmount is a target in a few characters: "15m", "64 reps".
func shortAmount(t coach.Today) string {
	if t.Plan.Unit == coach.Minutes {
		return strings.TrimSuffix(fmt.Sprintf("%.1f", t.Session.Target), ".0") + "m"
	}
	return coach.Amount(t.Session.Target, t.Plan.Unit)
}
