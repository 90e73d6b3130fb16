package main

// `tend rest` and `tend status` as a person uses them on a day with some
// goals already done (issue 11): rest without a name rests only the goals
// not yet checked in that day and not paused, archived or in safety hold,
// never overwriting a session; the status line counts a goal resting today
// as done for today.

import (
	"strings"
	"testing"
)

// restDay is a fresh HOME with five goals on testDay: Walk walked with a
// mood and a note, Yoga and Mind not yet checked in, Run paused, Old
// archived.
func restDay(t *testing.T) Env {
	t.Helper()
	env := newEnv(t)
	for _, g := range [][]string{
		{"Walk", "--plan", "daily-walk", "--days", "7"},
		{"Yoga", "--plan", "yoga", "--days", "7"},
		{"Mind", "--plan", "mindful"},
		{"Run", "--plan", "walk-to-run"},
		{"Old", "--plan", "daily-walk"},
	} {
		mustTend(t, env, append([]string{"add"}, g...)...)
	}
	mustTend(t, env, "edit", "run", "--pause")
	mustTend(t, env, "edit", "old", "--archive")
	mustTend(t, env, "done", "walk", "--mood-before", "3", "--mood-after", "7", "--note", "by the river")
	return env
}

func TestCLIRestTable(t *testing.T) {
	tests := []struct {
		name     string
		setup    func(t *testing.T, env Env)
		args     []string
		want     []string // in the output
		notWant  []string
		outcomes map[string]string // tend today --json outcome by goal, "" for none
	}{
		{"every goal not yet checked in", nil, []string{"rest"},
			[]string{"Yoga: Rest day.", "Mind: Rest day.", "Walk: left as it is: already checked in today (done)",
				"Run: left as it is: paused"},
			[]string{"Old"},
			map[string]string{"Walk": "done", "Yoga": "rest", "Mind": "rest", "Run": ""}},
		{"unwell, with a note", nil, []string{"rest", "--unwell", "--note", "a cold"},
			[]string{"Yoga: Rest and recover", "Walk: left as it is"}, nil,
			map[string]string{"Walk": "done", "Yoga": "unwell", "Mind": "unwell"}},
		{"again, with nothing left", func(t *testing.T, env Env) { mustTend(t, env, "rest") }, []string{"rest"},
			[]string{"Nothing left to mark for today", "Yoga: left as it is: already checked in today (rest)"}, nil,
			map[string]string{"Walk": "done", "Yoga": "rest"}},
		{"a past day", func(t *testing.T, env Env) { mustTend(t, env, "done", "yoga", "--date", "2026-03-01") },
			[]string{"rest", "--date", "2026-03-01"},
			[]string{"Walk: Logged for 2026-03-01", "Yoga: left as it is: already checked in on 2026-03-01 (done)"},
			[]string{"Old"},
			map[string]string{"Walk": "done", "Yoga": ""}},
		{"after a warning sign the held goals are left out",
			func(t *testing.T, env Env) { mustTend(t, env, "done", "yoga", "--pain", "warning") }, []string{"rest"},
			[]string{"Mind: Rest day.", "Walk: left as it is: on hold after a warning sign"}, nil,
			map[string]string{"Walk": "done", "Mind": "rest"}},
		{"a rest named on a walked day keeps the walk", nil, []string{"rest", "walk"},
			[]string{"Saved."}, nil,
			map[string]string{"Walk": "done", "Yoga": ""}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			env := restDay(t)
			if tc.setup != nil {
				tc.setup(t, env)
			}
			out := mustTend(t, env, tc.args...)
			wantLines(t, "tend "+quoteArgs(tc.args), out, tc.want...)
			for _, w := range tc.notWant {
				if strings.Contains(out, w) {
					t.Errorf("tend %s names %q:\n%s", quoteArgs(tc.args), w, out)
				}
			}
			for name, want := range tc.outcomes {
				if got := deref(todayGoal(t, env, name).Outcome); got != want && !(want == "" && got == nil) {
					t.Errorf("%s after tend %s: outcome %v, want %q", name, quoteArgs(tc.args), got, want)
				}
			}
			// The walk logged first is never overwritten: its minutes,
			// mood and note stay.
			if c := walkToday(t, env); c.Outcome != "done" || c.Achieved != 10 || c.Note != "by the river" ||
				c.MoodBefore == nil || *c.MoodBefore != 3 || c.MoodAfter == nil || *c.MoodAfter != 7 {
				t.Errorf("the walk after tend %s: %+v", quoteArgs(tc.args), c)
			}
		})
	}
}

func TestCLIStatusTable(t *testing.T) {
	tests := []struct {
		name  string
		steps [][]string
		want  string
	}{
		{"nothing done yet", nil, "tend 0/2 · walk 10m"},
		{"one walked", [][]string{{"done", "walk"}}, "tend 1/2 · yoga 5m"},
		{"one walked, one resting: no nag", [][]string{{"done", "walk"}, {"rest", "yoga"}}, "tend 2/2 ✓"},
		{"both resting", [][]string{{"rest"}}, "tend 2/2 ✓"},
		{"unwell and away count as checked in", [][]string{{"rest", "--unwell", "walk"}, {"rest", "--away", "yoga"}}, "tend 2/2 ✓"},
		{"a warning sign holds every exercise goal: nothing is offered", [][]string{{"done", "walk", "--pain", "warning"}},
			"tend on hold"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			env := newEnv(t)
			mustTend(t, env, "add", "Walk", "--plan", "daily-walk", "--days", "7")
			mustTend(t, env, "add", "Yoga", "--plan", "yoga", "--days", "7")
			for _, s := range tc.steps {
				mustTend(t, env, s...)
			}
			if got := strings.TrimSpace(mustTend(t, env, "status")); got != tc.want {
				t.Errorf("tend status: %q, want %q", got, tc.want)
			}
		})
	}
}

// walkToday is Walk's check-in on testDay, from the export.
func walkToday(t *testing.T, env Env) exportCheckInJSON {
	t.Helper()
	var doc struct {
		Goals []struct {
			ID   int    `json:"id"`
			Name string `json:"name"`
		} `json:"goals"`
		CheckIns []exportCheckInJSON `json:"checkins"`
	}
	tendJSON(t, env, &doc, "export")
	walk := 0 // the export numbers goals by created day, then uid (IMPORT §7.1)
	for _, g := range doc.Goals {
		if g.Name == "Walk" {
			walk = g.ID
		}
	}
	for _, c := range doc.CheckIns {
		if c.Goal == walk && c.Day == testDay {
			return c
		}
	}
	return exportCheckInJSON{}
}
