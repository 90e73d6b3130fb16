package coach_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"tend/coach"
)

// shameWords are the words COACH.md §5 never allows on screen, matched as
// whole words in any case.
var shameWords = regexp.MustCompile(`(?i)\b(failed|failure|broke|broken|lost|lazy|should\s+have|behind)\b`)

func TestShameWordMatcherFindsWholeWordsOnly(t *testing.T) {
	tests := map[string]bool{
		"You failed this week":         true,
		"FAILURE":                      true,
		"Your streak is broken.":       true,
		"the streak broke":             true,
		"You lost your streak":         true,
		"Don't be lazy":                true,
		"You should have run":          true,
		"You Should  Have run":         true,
		"You are behind":               true,
		"Rest day. Recovery counts.":   false,
		"a stockbroker walks":          false, // contains "broke" inside a word
		"Brokenshire Street":           false,
		"behindhand":                   false,
		"should we have another":       false,
		"Welcome back after 16 days.":  false,
		"Your progress is kept.":       false,
		"This is a breakthrough":       false,
		"glute bridge (2 s hold)":      false,
		"failsafe":                     false,
		"4 × [run 3 min, walk 2 min]":  false,
		"Lost? Look at the map again.": true,
	}
	for s, want := range tests {
		if got := shameWords.MatchString(s); got != want {
			t.Errorf("match(%q) = %v, want %v", s, got, want)
		}
	}
}

// visibleTexts gathers every sentence coach can put in front of a person,
// each labelled with where it came from.
func visibleTexts(t *testing.T) map[string]string {
	t.Helper()
	texts := map[string]string{
		"MsgZ1": coach.MsgZ1, "MsgZ2": coach.MsgZ2, "MsgZ3": coach.MsgZ3,
		"MsgS1": coach.MsgS1, "MsgO1": coach.MsgO1, "MsgCelebrate": coach.MsgCelebrate,
	}
	add := func(where, s string) {
		if s != "" {
			texts[where] = s
		}
	}
	for _, p := range coach.Plans() {
		add(p.ID+" name", p.Name)
		add(p.ID+" summary", p.Summary)
		add(p.ID+" minimum", coach.SessionWords(p, p.Minimum))
		for _, l := range p.Levels {
			add(fmt.Sprintf("%s L%d label", p.ID, l.Number), l.Label)
			add(fmt.Sprintf("%s L%d prefix", p.ID, l.Number), l.Prefix)
			for v, s := range l.Variants {
				add(fmt.Sprintf("%s L%d.%d", p.ID, l.Number, v+1), coach.SessionWords(p, s))
				add(fmt.Sprintf("%s L%d.%d warm-up", p.ID, l.Number, v+1), coach.WarmupWords(p, s))
			}
		}
		for n, s := range p.Bridges {
			add(fmt.Sprintf("%s bridge before L%d", p.ID, n), coach.SessionWords(p, s))
		}
		for k, s := range p.Alternatives {
			add(fmt.Sprintf("%s alternative L%d.%d", p.ID, k[0], k[1]), coach.SessionWords(p, s))
		}
	}
	custom, err := coach.CustomPlan("Push-ups", coach.Custom{Unit: coach.Reps, Start: 5, Step: 2, Max: 9, Every: 3})
	if err != nil {
		t.Fatal(err)
	}
	add("custom minimum", coach.SessionWords(custom, custom.Minimum))

	// Today's reasons in several states, and the message of every outcome.
	g := mustGoal(t, coach.DailyWalkID, fivePerWeek, lastMon)
	states := map[string]struct {
		g      coach.Goal
		recent []coach.CheckIn
		day    coach.Day
	}{
		"fresh":       {g, nil, lastMon},
		"holding":     {g, history(g, done, mon, tue), wed},
		"done":        {g, history(g, done, wed), wed},
		"kept week":   {g, history(g, done, mon, tue, wed, thu, fri), sat},
		"after a gap": {g, history(g, done, lastMon), thu},
		"rest":        {g, history(g, rest, wed), wed},
		"unwell":      {g, history(g, unwell, wed), wed},
		"away":        {g, history(g, away, wed), wed},
		"paused":      {withStatus(g, tue, coach.Paused), nil, wed},
		"safety hold": {withStatus(g, tue, coach.SafetyHold), nil, wed},
		"archived":    {withStatus(g, tue, coach.Archived), nil, wed},
	}
	for name, st := range states {
		today, err := coach.TodayFor(st.g, st.recent, st.day)
		if err != nil {
			t.Fatalf("TodayFor %s: %v", name, err)
		}
		add("Today reason, "+name, today.Reason)
		add("Today text, "+name, today.Text)
	}
	for _, o := range coach.Outcomes {
		e := coach.Entry{Day: wed, Outcome: o, Amount: 0}
		if o == coach.Partial {
			e.Amount = 4
		}
		for _, effort := range coach.Efforts {
			e.Effort = effort
			r, err := coach.Record(g, history(g, done, mon), e, wed)
			if err != nil {
				t.Fatalf("Record %s: %v", o, err)
			}
			add(fmt.Sprintf("Recorded %s/%s message", o, effort), r.Message)
			add(fmt.Sprintf("Recorded %s/%s decision", o, effort), r.Decision.Message)
		}
	}
	return texts
}

func TestNoVisibleTextUsesAShameWord(t *testing.T) {
	texts := visibleTexts(t)
	// Enough was gathered to mean something: 5 plans' levels alone are 42 sessions.
	if len(texts) < 100 {
		t.Fatalf("gathered only %d texts", len(texts))
	}
	for where, s := range texts {
		if w := shameWords.FindString(s); w != "" {
			t.Errorf("%s says %q: %q", where, w, s)
		}
	}
}

// TestNoStringInCoachUsesAShameWord reads every string literal in the
// package's source, so that a message added later is checked too.
func TestNoStringInCoachUsesAShameWord(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(node ast.Node) bool {
			lit, ok := node.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil {
				t.Errorf("%s: %v", fset.Position(lit.Pos()), err)
				return true
			}
			n++
			if w := shameWords.FindString(s); w != "" {
				t.Errorf("%s: %q says %q", fset.Position(lit.Pos()), s, w)
			}
			return true
		})
	}
	if n < 50 {
		t.Errorf("read only %d string literals; is the test in the coach directory?", n)
	}
}
