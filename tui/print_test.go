package tui

import (
	"bytes"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"tend/coach"
)

// `tend goals` lines its columns up, and a custom ladder's plan is "own
// ladder", not its name again.
func TestWriteGoalsInColumns(t *testing.T) {
	snap := seeded(t)
	c := &coach.Custom{Unit: coach.Reps, Start: 5, Step: 2, Max: 15, Every: 2}
	p, err := coach.CustomPlan("Press ups", *c)
	if err != nil {
		t.Fatal(err)
	}
	g, err := coach.NewGoal("Press ups", p, c, coach.Schedule{PerWeek: 7}, 0, fixedDay)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := WriteGoals(&b, append(snap.Goals, g), DefaultStyles()); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != 4 {
		t.Fatalf("%d lines, want 4:\n%s", len(lines), b.String())
	}
	for _, col := range []string{"level ", "active"} {
		at := -1
		for _, l := range lines {
			i := lipgloss.Width(l[:strings.Index(l, col)])
			if at >= 0 && i != at {
				t.Errorf("column %q starts at %d and at %d:\n%s", col, at, i, b.String())
			}
			at = i
		}
	}
	if last := lines[3]; strings.Count(last, "Press ups") != 1 || !strings.Contains(last, "own ladder") {
		t.Errorf("a custom ladder reads %q; want its name once and \"own ladder\" as its plan", last)
	}
}

// `tend today`: no trailing spaces, the week's active minutes, and lines
// wrapped under their start at a terminal's width, not wrapped at NoWrap.
func TestWriteToday(t *testing.T) {
	snap := seeded(t)
	items, err := snap.Todays(fixedDay)
	if err != nil {
		t.Fatal(err)
	}
	for _, width := range []int{40, 80, NoWrap} {
		var b bytes.Buffer
		if err := WriteToday(&b, snap, fixedDay, items, width, DefaultStyles()); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if !strings.HasPrefix(out, "Monday 2 March 2026\n") || strings.Contains(out, "week 10") {
			t.Errorf("width %d: the day reads %q; want it without a calendar week number", width, strings.SplitN(out, "\n", 2)[0])
		}
		if !strings.Contains(out, "This week  ▄▁▁▁▁▁▁  15 of 150") {
			t.Errorf("width %d: no week line with Daily walk's 15 minutes:\n%s", width, out)
		}
		for _, l := range strings.Split(out, "\n") {
			if strings.HasSuffix(ansi.Strip(l), " ") {
				t.Errorf("width %d: trailing space in %q", width, l)
			}
			if width > 0 && lipgloss.Width(l) > width {
				t.Errorf("width %d: line of %d cells: %q", width, lipgloss.Width(l), l)
			}
		}
		reason := "5-minute brisk walk first. Same target today"
		switch oneLine := strings.Contains(out, "       "+reason+" (NHS week 3). 2/3 sessions done at this level; the plan moves on after 3."); {
		case width == NoWrap && !oneLine:
			t.Errorf("not a terminal: the reason should be one line:\n%s", out)
		case width == 40 && oneLine:
			t.Errorf("width 40: the reason should wrap:\n%s", out)
		}
	}
}

// With every goal archived, `tend today` does not say "No goals yet".
func TestWriteTodayAllArchived(t *testing.T) {
	snap := seeded(t)
	for i := range snap.Goals {
		snap.Goals[i] = snap.Goals[i].SetStatus(coach.Archived, fixedDay.AddDays(-1))
	}
	items, _ := snap.Todays(fixedDay)
	var b bytes.Buffer
	if err := WriteToday(&b, snap, fixedDay, items, 80, DefaultStyles()); err != nil {
		t.Fatal(err)
	}
	if out := b.String(); strings.Contains(out, "No goals yet") || !strings.Contains(out, "Every goal is archived") {
		t.Errorf("all archived reads:\n%s", out)
	}
}

// The week's line counts as COACH §6.4 "Totals" does: walk and run
// minutes, Walk to run's running weeks twice, mindful minutes not at all.
func TestWeekLineCountsActiveMinutes(t *testing.T) {
	snap := seeded(t)
	snap.CheckIns[1] = append(snap.CheckIns[1], coach.CheckIn{Day: fixedDay, Outcome: coach.Done, Achieved: 9, Target: 9, Level: 7, Variant: 1})
	snap.CheckIns[3] = []coach.CheckIn{{Day: fixedDay, Outcome: coach.Done, Achieved: 2, Target: 2, Level: 1, Variant: 1}}
	got := ansi.Strip(weekOf(snap, fixedDay).line(80, DefaultStyles()))
	// 15 walking minutes and 9 running minutes counted twice.
	if want := "This week  ▇▁▁▁▁▁▁  33 of 150 active minutes"; got != want {
		t.Errorf("week line %q, want %q", got, want)
	}
	if short := ansi.Strip(weekOf(snap, fixedDay).line(38, DefaultStyles())); lipgloss.Width(short) > 38 {
		t.Errorf("at 38 cells the week line is %q", short)
	}
	onlyMind := coach.Snapshot{Goals: snap.Goals[2:], CheckIns: snap.CheckIns}
	if l := weekOf(onlyMind, fixedDay).line(80, DefaultStyles()); l != "" {
		t.Errorf("mindful minutes alone draw a week line %q", l)
	}
}

// A checked-in row says what was done today in COACH C1's words, and,
// muted, what comes next: after a level-up the new target is the next
// one, never what was done.
func TestCheckedInRowSaysWhatWasDone(t *testing.T) {
	p, _ := coach.PlanByID(coach.DailyWalkID)
	g, _ := coach.NewGoal("Daily walk", p, nil, coach.Schedule{PerWeek: 5}, 0, fixedDay.AddDays(-30))
	g.Level = 5 // moved up today, from 15 to 18 min
	cases := []struct {
		name     string
		in       coach.CheckIn
		did, nxt string
	}{
		{"done, then a level-up", coach.CheckIn{Outcome: coach.Done, Level: 4, Variant: 1, Target: 15, Achieved: 15},
			"Done: walk 15 minutes.", "Next: brisk walk 18 minutes."},
		{"partial", coach.CheckIn{Outcome: coach.Partial, Level: 5, Variant: 1, Target: 18, Achieved: 6},
			"Logged 6 min of 18 min.", "Next: brisk walk 18 minutes."},
		{"minimum", coach.CheckIn{Outcome: coach.Minimum, Level: 5, Variant: 1, Target: 18, Achieved: 5},
			"Showed up: 5 minutes out the door.", "Next: brisk walk 18 minutes."},
	}
	for _, c := range cases {
		c.in.Day = fixedDay
		item, err := coach.TodayFor(g, []coach.CheckIn{c.in}, fixedDay)
		if err != nil {
			t.Fatal(err)
		}
		did, next := itemWords(item, onScreen)
		if did != c.did || next != c.nxt {
			t.Errorf("%s: row reads %q / %q, want %q / %q", c.name, did, next, c.did, c.nxt)
		}
	}
}

// TestStylesWithoutColourKeepTheText: with no colour (the tests' profile,
// as for output to a pipe) every style hands its text back as it is, so
// the plain commands print what they say and no lipgloss work is spent on
// styles that draw nothing.
func TestStylesWithoutColourKeepTheText(t *testing.T) {
	st := DefaultStyles()
	for _, s := range []lipgloss.Style{st.Title, st.Muted, st.Success, st.Warning, st.Error, st.Selected, st.Rest, st.Choice, st.Faint} {
		if got := s.Render("3 of 5 this week"); got != "3 of 5 this week" {
			t.Errorf("a style without colour drew %q", got)
		}
	}
}
