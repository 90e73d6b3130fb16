package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"tend/coach"
)

// The graduation question on Today (COACH §6.3 "After graduation"): a
// finished Daily walk asks "Keep it, or start Walk to run?", and Today
// answers it with n (the next plan, after the readiness questions) and K
// (keep it). Both keys show only while the selected goal asks.

// graduated is a snapshot with one Daily walk that finished its plan on the
// day before fixedDay, at its top rung after four easy sessions.
func graduated(t *testing.T) coach.Snapshot {
	t.Helper()
	p, err := coach.PlanByID(coach.DailyWalkID)
	if err != nil {
		t.Fatal(err)
	}
	start := fixedDay.AddDays(-4)
	g, err := coach.NewGoal("Walk", p, nil, coach.Schedule{PerWeek: 7}, 600, start)
	if err != nil {
		t.Fatal(err)
	}
	g.ID = 1
	var cs []coach.CheckIn
	for d := start; d.Before(fixedDay); d = d.AddDays(1) {
		rec, err := coach.Record(g, cs, coach.Entry{Day: d, Outcome: coach.Done, Effort: coach.EffortEasy}, d)
		if err != nil {
			t.Fatal(err)
		}
		g, cs = rec.Goal, append(cs, rec.CheckIn)
	}
	if !g.AsksWhatsNext() {
		t.Fatalf("four easy sessions at 30 min did not graduate the walk: %+v", g)
	}
	return coach.Snapshot{DayStartHour: 4, Goals: []coach.Goal{g}, CheckIns: map[uint64][]coach.CheckIn{1: cs}}
}

func TestGraduationKeysShowOnlyWhereAsked(t *testing.T) {
	st := &recordingStore{snap: graduated(t)}
	m := loaded(t, st, st.snap, 80, 24)
	bar := m.helpBarView()
	if !strings.Contains(bar, "n next plan") || !strings.Contains(bar, "K keep it") {
		t.Fatalf("a finished Daily walk's help bar lacks its answers: %q", bar)
	}
	if !strings.Contains(m.View(), "Keep it, or start Walk to run?") {
		t.Fatalf("Today does not ask:\n%s", m.View())
	}
	// A goal that does not ask has neither key, and n does nothing.
	plain := &recordingStore{snap: seeded(t)}
	m = loaded(t, plain, plain.snap, 80, 24)
	if bar := m.helpBarView(); strings.Contains(bar, "keep it") || strings.Contains(bar, "Walk to run") {
		t.Fatalf("help bar offers an answer no goal asks for: %q", bar)
	}
	m = settle(t, m, func() tea.Msg { return keyPress('n') })
	if m.screen != screenToday || len(plain.added) != 0 {
		t.Fatalf("n on a goal that does not ask went to %v, added %v", screenNames[m.screen], plain.added)
	}
}

func TestGraduationKeepIt(t *testing.T) {
	st := &recordingStore{snap: graduated(t)}
	m := loaded(t, st, st.snap, 80, 24)
	m = settle(t, m, func() tea.Msg { return keyPress('K') })
	g := st.snap.Goals[0]
	if g.AsksWhatsNext() || g.Level != 10 || len(st.added) != 0 {
		t.Fatalf("keep it should end the question and change nothing else: %+v, added %v", g, st.added)
	}
	if !strings.Contains(m.status, "keeps going as it is") {
		t.Fatalf("keep it said %q", m.status)
	}
	if bar := m.helpBarView(); strings.Contains(bar, "keep it") {
		t.Fatalf("the question is answered, yet the bar still offers it: %q", bar)
	}
}

// n asks the readiness questions first; no to them, Enter through the
// anchor and the preview, starts Walk to run at P4 (its walk with jogs)
// beside the walk, which stops asking.
func TestGraduationNextPlanAfterReadiness(t *testing.T) {
	st := &recordingStore{snap: graduated(t)}
	m := loaded(t, st, st.snap, 80, 24)
	m = settle(t, m, func() tea.Msg { return keyPress('n') })
	if m.screen != screenNewGoal || m.newGoal.step != ngReady {
		t.Fatalf("n opened %v at step %d, want the readiness questions", screenNames[m.screen], m.newGoal.step)
	}
	for _, k := range []tea.KeyMsg{ngEnter, ngEnter, ngEnter} { // readiness no, anchor, preview
		m = settle(t, m, func() tea.Msg { return k })
	}
	if len(st.added) != 1 {
		t.Fatalf("Enter through the flow added %d goals:\n%s", len(st.added), m.View())
	}
	run := st.added[0]
	if run.PlanID != coach.WalkToRunID || run.Level != 4 || run.Name != "Walk to run" {
		t.Fatalf("the next plan started as %s level %d named %q, want Walk to run at P4", run.PlanID, run.Level, run.Name)
	}
	if st.snap.Goals[0].AsksWhatsNext() {
		t.Fatal("the walk still asks once Walk to run is started")
	}
	if m.screen != screenToday || !strings.Contains(m.status, "Started Walk to run beside Walk") {
		t.Fatalf("after the start: %v, %q", screenNames[m.screen], m.status)
	}
}

// After a readiness yes the safe answer is the default: Enter twice does
// not start Walk to run; the walk goes on asking, and Today says why.
func TestGraduationNextPlanReadinessYesIsSafe(t *testing.T) {
	st := &recordingStore{snap: graduated(t)}
	m := loaded(t, st, st.snap, 80, 24)
	for _, k := range []tea.KeyMsg{keyPress('n'), ngRight, ngEnter, ngEnter} {
		m = settle(t, m, func() tea.Msg { return k })
	}
	if len(st.added) != 0 || !st.snap.Goals[0].AsksWhatsNext() {
		t.Fatalf("a readiness yes and Enter started %v", st.added)
	}
	if m.screen != screenToday || !strings.Contains(m.status, "Walk to run waits until a doctor says it's fine") {
		t.Fatalf("after the yes: %v, %q", screenNames[m.screen], m.status)
	}
	// The explicit choice starts it.
	for _, k := range []tea.KeyMsg{keyPress('n'), ngRight, ngEnter, ngDown, ngEnter, ngEnter, ngEnter} {
		m = settle(t, m, func() tea.Msg { return k })
	}
	if len(st.added) != 1 || st.added[0].PlanID != coach.WalkToRunID {
		t.Fatalf("a doctor has cleared me, then Enter, added %v:\n%s", st.added, m.View())
	}
}

// Today asking the question, and the readiness step of the next plan, at
// every window size: the answers' keys lead the help bar.
func TestGoldenGraduation(t *testing.T) {
	goldenAt(t, sizes, func(t *testing.T, w, h int) Model {
		return loaded(t, nil, graduated(t), w, h)
	})
}

func TestGoldenGraduationReadiness(t *testing.T) {
	goldenAt(t, sizes, func(t *testing.T, w, h int) Model {
		st := &recordingStore{snap: graduated(t)}
		m := loaded(t, st, st.snap, w, h)
		m = settle(t, m, func() tea.Msg { return keyPress('n') })
		if !strings.Contains(m.View(), "Walk to run") {
			t.Errorf("the readiness step does not say which plan it is for:\n%s", m.View())
		}
		return m
	})
}

// M2's previous level on Today: p checks in the previous level's target
// where M2 offers it (two missed sessions, off the first rung), and only
// there is it in the help bar.
// twoMissed is a daily Daily walk at 15 min whose last two days were
// missed: Today offers M2 with the previous level's 12 min.
func twoMissed(t *testing.T) coach.Snapshot {
	t.Helper()
	p, err := coach.PlanByID(coach.DailyWalkID)
	if err != nil {
		t.Fatal(err)
	}
	g, err := coach.NewGoal("Walk", p, nil, coach.Schedule{PerWeek: 7}, 20, fixedDay.AddDays(-3))
	if err != nil {
		t.Fatal(err)
	}
	g.ID = 1
	first := coach.CheckIn{Day: fixedDay.AddDays(-3), Outcome: coach.Done, Achieved: 15, Target: 15, Level: g.Level, Variant: 1}
	return coach.Snapshot{DayStartHour: 4, Goals: []coach.Goal{g}, CheckIns: map[uint64][]coach.CheckIn{1: {first}}}
}

func TestTodayPreviousLevelKey(t *testing.T) {
	st := &recordingStore{snap: twoMissed(t)}
	m := loaded(t, st, st.snap, 80, 24)
	if bar := m.helpBarView(); !strings.Contains(bar, "p previous level") {
		t.Fatalf("two misses at 15 min: the bar lacks p: %q\n%s", bar, m.View())
	}
	m = settle(t, m, func() tea.Msg { return keyPress('p') })
	if len(st.entries) != 1 || !st.entries[0].Previous {
		t.Fatalf("p sent %+v", st.entries)
	}
	if c := st.snap.CheckIns[1][1]; c.Outcome != coach.Minimum || c.Target != 12 {
		t.Fatalf("p recorded %v against %v, want a minimum against 12", c.Outcome, c.Target)
	}
	if !strings.Contains(m.status, "Showed up: 12 min.") {
		t.Errorf("p said %q", m.status)
	}
	// Where M2 is not on offer, there is no p.
	plain := &recordingStore{snap: seeded(t)}
	if bar := loaded(t, plain, plain.snap, 80, 24).helpBarView(); strings.Contains(bar, "previous") {
		t.Errorf("the bar offers the previous level with no M2: %q", bar)
	}
}

// The review answers the question too (COACH §6.3: "answered in Today and
// the review"), and stops offering it once answered.
func TestReviewAnswersTheGraduationQuestion(t *testing.T) {
	st := &recordingStore{snap: graduated(t)}
	m := loaded(t, st, st.snap, 80, 24)
	m = settle(t, m, func() tea.Msg { return keyPress('v') })
	if m.screen != screenReview || !strings.Contains(m.helpBarView(), "K keep it") {
		t.Fatalf("the review of a finished walk does not offer the answers: %q", m.helpBarView())
	}
	m = settle(t, m, func() tea.Msg { return keyPress('K') })
	if st.snap.Goals[0].AsksWhatsNext() {
		t.Fatal("K in the review did not keep it")
	}
	if m.screen != screenReview || strings.Contains(m.helpBarView(), "keep it") {
		t.Errorf("after K the review is %v and offers %q", screenNames[m.screen], m.helpBarView())
	}
}

// Once answered, the review's A2 line no longer ends with the question.
func TestReviewMessageDropsTheAnsweredQuestion(t *testing.T) {
	snap := graduated(t)
	g := snap.Goals[0]
	d := coach.Decision{ReasonCode: coach.CodeA2, Message: "You finished Daily walk. 4 sessions. That took showing up — well done. Keep it, or start Walk to run?"}
	if got := g.ReviewMessage(d); got != d.Message {
		t.Errorf("still asking, the review says %q", got)
	}
	if got := g.KeepIt().ReviewMessage(d); strings.Contains(got, "Keep it, or") || !strings.HasSuffix(got, "well done.") {
		t.Errorf("answered, the review says %q", got)
	}
}

// At every size the M2 offer is read whole: where the step's reason and the
// M line do not both fit, the M line stands alone.
func TestGoldenTodayTwoMissed(t *testing.T) {
	goldenAt(t, sizes, func(t *testing.T, w, h int) Model {
		m := loaded(t, nil, twoMissed(t), w, h)
		if v := strings.Join(strings.Fields(m.View()), " "); !strings.Contains(v, "or the previous level's walk 12 minutes? Starting small still counts.") {
			t.Errorf("at %d×%d the M2 offer is cut:\n%s", w, h, m.View())
		}
		return m
	})
}
