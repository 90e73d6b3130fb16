package cli

import (
	"bytes"
	"math"
	"strings"
	"testing"
	"time"

	"tend/coach"
)

// The report's pieces on small made-up windows; the whole report is
// pinned by the root journey's goldens on a history made through the binary.

var reportMon = coach.DayOf(2026, time.March, 2)

func reportGoalFor(t *testing.T, name, plan string, created coach.Day) coach.Goal {
	t.Helper()
	p, err := coach.PlanByID(plan)
	if err != nil {
		t.Fatal(err)
	}
	g, err := coach.NewGoal(name, p, nil, coach.Schedule{PerWeek: 3}, 0, created)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestMarkdownEscapeKeepsTextText(t *testing.T) {
	for in, want := range map[string]string{
		"[a](http://x)":     `\[a\](http://x)`,
		"<img src=x>":       `\<img src=x\>`,
		"**bold** | _it_":   `\*\*bold\*\* \| \_it\_`,
		"# not a heading &": `\# not a heading \&`,
		"plain words, 1×5":  "plain words, 1×5",
	} {
		if got := mdEscape(in); got != want {
			t.Errorf("mdEscape(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSparkline(t *testing.T) {
	if got := spark([]float64{0, 75, 150, math.NaN(), 300}, 0, 300); got != "▁▃▅·█" {
		t.Errorf("spark = %q, want ▁▃▅·█ (a week with nothing is a dot, never a bar of nought)", got)
	}
	if got := spark([]float64{2, 2}, 2, 2); got != "▁▁" {
		t.Errorf("a flat spark = %q", got)
	}
}

// Pain that came back pauses the plan (P2), a hold with no warning logged
// (the readiness answers) is said as a hold, and the check that lifts it
// as a resume; each on its day, in day order.
func TestFlagsSayWhatHappenedAndWhen(t *testing.T) {
	g := reportGoalFor(t, "Walk", coach.DailyWalkID, reportMon.AddDays(-14))
	g.Statuses = []coach.StatusChange{{From: g.Created, Status: coach.Active},
		{From: reportMon.AddDays(-10), Status: coach.SafetyHold}, {From: reportMon.AddDays(-3), Status: coach.Active}}
	w := reportWindow{goal: g,
		checkIns: []coach.CheckIn{{Day: reportMon.AddDays(-12), Outcome: coach.Done, Pain: coach.PainSore},
			{Day: reportMon, Outcome: coach.Done, Pain: coach.PainPain}},
		changes: []coach.Decision{{Day: reportMon, Action: coach.ActPause, ReasonCode: coach.CodeP2}}}
	flags := mergeFlags(flagsOf(w, reportMon.AddDays(-14), reportMon))
	want := []string{
		"Walk: muscle soreness logged (normal a day or two after).",
		"Walk: put on hold until a check.",
		"Walk: resumed after a check.",
		"Walk: pain logged during or after a session; pain had come up a few times, so the plan was paused until it is checked.",
	}
	if len(flags) != len(want) {
		t.Fatalf("got %d flags, want %d: %+v", len(flags), len(want), flags)
	}
	for i, f := range flags {
		if f.Words() != want[i] {
			t.Errorf("flag %d = %q, want %q", i, f.Words(), want[i])
		}
	}
	if flags[1].Day != reportMon.AddDays(-10) || flags[2].Day != reportMon.AddDays(-3) {
		t.Errorf("the hold and the resume are dated %s and %s", flags[1].Day, flags[2].Day)
	}
}

// A goal archived before the weeks began and still archived is not in the
// report; one archived during them is, for the days it was kept.
func TestArchivedGoalsShownOnlyForTheirWeeks(t *testing.T) {
	g := reportGoalFor(t, "Old", coach.DailyWalkID, reportMon.AddDays(-100))
	g.Statuses = []coach.StatusChange{{From: reportMon.AddDays(-60), Status: coach.Archived}}
	if shownIn(g, reportMon.AddDays(-49), reportMon) {
		t.Errorf("a goal archived all along is shown")
	}
	g.Statuses[0].From = reportMon.AddDays(-20)
	if !shownIn(g, reportMon.AddDays(-49), reportMon) {
		t.Errorf("a goal archived during the weeks is left out")
	}
}

// With no goal whose minutes count (strength counts reps), the report has
// no active-minutes column or chart, and says how far the goal came.
func TestReportWithoutActiveMinutes(t *testing.T) {
	g := reportGoalFor(t, "Strength", coach.StrengthID, reportMon.AddDays(-7))
	w := reportWindow{goal: g, checkIns: []coach.CheckIn{{Day: reportMon.AddDays(-6), Outcome: coach.Done, Achieved: 20, Target: 20, Level: 1}}}
	r := buildReport([]reportWindow{w}, reportMon.AddDays(-7), reportMon, false)
	var page bytes.Buffer
	if err := writeReportHTML(&page, r); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"Active minutes", "active minutes", "of 150"} {
		if strings.Contains(page.String(), s) {
			t.Errorf("a report of strength alone mentions %q", s)
		}
	}
	if got := r.Goals[0].Went(); got != "stayed at 1×5" {
		t.Errorf("Went() = %q, want stayed at 1×5", got)
	}
	if got := r.Goals[0].weekCell(0); got != "1 of 3 · 1×5" {
		t.Errorf("weekCell = %q", got)
	}
}
