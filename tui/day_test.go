package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"

	"tend/coach"
)

func ctrl(t tea.KeyType) tea.KeyMsg { return tea.KeyMsg{Type: t} }

// withNote gives the seeded Daily walk's check-in today moods and a note,
// and Walk to run's session three days ago a note too.
func withNote(t *testing.T) coach.Snapshot {
	snap := seeded(t)
	four, seven := 4, 7
	c := &snap.CheckIns[2][0]
	c.MoodBefore, c.MoodAfter, c.Note, c.Effort = &four, &seven, "along the canal, windy", coach.EffortEasy
	snap.CheckIns[1][2].Note = "legs heavy"
	return snap
}

// d checks the selected goal in at its target with the defaults, in one
// key, and shows the decision.
func TestDKeyChecksInWithTheDefaults(t *testing.T) {
	snap := seeded(t)
	st := &recordingStore{snap: snap}
	m := loaded(t, st, snap, 80, 24)
	if !strings.Contains(m.View(), "d done") {
		t.Errorf("help bar does not show d:\n%s", m.View())
	}
	m = pressAll(t, m, keyPress('d'))
	if len(st.entries) != 1 {
		t.Fatalf("d saved %d check-ins, want 1", len(st.entries))
	}
	e := st.entries[0]
	if e.Outcome != coach.Done || e.Amount != 0 || e.Effort != coach.EffortOK || e.Pain != coach.PainNone ||
		e.MoodBefore != nil || e.MoodAfter != nil || e.Note != "" || e.Day != fixedDay || e.At.IsZero() {
		t.Errorf("entry %+v; want today's done at the target with the defaults, and the time", e)
	}
	if m.screen != screenToday || !strings.Contains(m.status, "Done: ") {
		t.Errorf("after d: screen %v, status %q; want Today with the decision", m.screen, m.status)
	}
}

// A goal with a session that day takes the form, which says it adds: d is
// not offered there, so one key never doubles a day by accident.
func TestDKeyIsNotOfferedOnADoneGoal(t *testing.T) {
	snap := seeded(t)
	st := &recordingStore{snap: snap}
	m := pressAll(t, loaded(t, st, snap, 80, 24), keyPress('j'), keyPress('d'))
	if len(st.entries) != 0 || m.today.keys.Done.Enabled() {
		t.Errorf("d on a done goal saved %+v (enabled %v)", st.entries, m.today.keys.Done.Enabled())
	}
}

// ← steps back a day, and the header names it and says it is not today;
// → comes back, and never goes past today.
func TestArrowsStepThroughDaysNeverTheFuture(t *testing.T) {
	snap := seeded(t)
	m := loaded(t, &recordingStore{snap: snap}, snap, 80, 24)
	if m.today.keys.Later.Enabled() {
		t.Error("→ is offered on today: it would step into the future")
	}
	m = pressAll(t, m, keyOf(tea.KeyLeft))
	header := strings.Split(m.View(), "\n")[0]
	if m.today.day != fixedDay.AddDays(-1) || !strings.Contains(header, "Sunday 1 March") || !strings.Contains(header, "yesterday") {
		t.Fatalf("after ←: day %s, header %q", m.today.day, header)
	}
	m = pressAll(t, m, keyOf(tea.KeyLeft), keyOf(tea.KeyLeft))
	if header := strings.Split(m.View(), "\n")[0]; !strings.Contains(header, "3 days ago") {
		t.Errorf("three days back, header %q", header)
	}
	m = pressAll(t, m, keyOf(tea.KeyRight), keyOf(tea.KeyRight), keyOf(tea.KeyRight), keyOf(tea.KeyRight))
	if m.today.day != fixedDay || strings.Contains(m.View(), "ago") || m.today.keys.Later.Enabled() {
		t.Errorf("after → back: day %s, later enabled %v", m.today.day, m.today.keys.Later.Enabled())
	}
	m = pressAll(t, m, keyOf(tea.KeyLeft), keyOf(tea.KeyLeft), keyOf(tea.KeyEsc))
	if m.today.day != fixedDay || m.screen != screenToday {
		t.Errorf("esc on an earlier day: day %s, screen %v; want today", m.today.day, m.screen)
	}
}

// On an earlier day, d, rest and u act on that day, not today.
func TestKeysOnAnEarlierDayActOnThatDay(t *testing.T) {
	snap := seeded(t)
	st := &recordingStore{snap: snap}
	yesterday := fixedDay.AddDays(-1)
	m := pressAll(t, loaded(t, st, snap, 80, 24), keyOf(tea.KeyLeft), keyPress('j'), keyPress('d'))
	if len(st.entries) != 1 || st.entries[0].Day != yesterday {
		t.Fatalf("d yesterday saved %+v; want one check-in for %s", st.entries, yesterday)
	}
	if m.today.day != yesterday {
		t.Errorf("after saving Today shows %s; want it to stay on yesterday", m.today.day)
	}
	m = pressAll(t, m, keyPress('u'))
	if len(st.undone) != 1 || st.undone[0] != yesterday || !strings.Contains(m.status, "yesterday") {
		t.Errorf("u yesterday undid %v, said %q", st.undone, m.status)
	}
	m = pressAll(t, m, keyPress('k'), keyPress('r'), keyOf(tea.KeyEnter), keyOf(tea.KeyEnter))
	if len(st.entries) != 2 || st.entries[1].Day != yesterday || st.entries[1].Outcome != coach.Rest {
		t.Errorf("r yesterday saved %+v", st.entries)
	}
}

// ctrl+s saves at once with what is chosen so far, from a choice row or a
// text field.
func TestCtrlSSavesAtOnce(t *testing.T) {
	snap := seeded(t)
	st := &recordingStore{snap: snap}
	m := pressAll(t, loaded(t, st, snap, 80, 24), keyOf(tea.KeyEnter), keyOf(tea.KeyRight), keyOf(tea.KeyEnter),
		keyPress('4'), ctrl(tea.KeyCtrlS))
	if len(st.entries) != 1 || st.entries[0].Outcome != coach.Partial || st.entries[0].Amount != 4 {
		t.Fatalf("ctrl+s in the amount saved %+v; want a partial of 4", st.entries)
	}
	m = pressAll(t, m, keyPress('j'), keyPress('j'), keyOf(tea.KeyEnter), ctrl(tea.KeyCtrlS))
	if len(st.entries) != 2 || st.entries[1].Outcome != coach.Done || st.entries[1].Effort != coach.EffortOK {
		t.Errorf("ctrl+s on the first question saved %+v", st.entries)
	}
	_ = m
}

// Mood takes a typed digit; "1" then "0" is 10, and ⌫ skips it again.
func TestMoodTakesTypedDigits(t *testing.T) {
	snap := seeded(t)
	m := pressAll(t, loaded(t, &recordingStore{snap: snap}, snap, 80, 24), keyOf(tea.KeyEnter),
		keyOf(tea.KeyDown), keyOf(tea.KeyDown), keyOf(tea.KeyDown))
	if m.checkIn.q != askMoodBefore {
		t.Fatalf("on question %v, want mood before", m.checkIn.q)
	}
	steps := []struct {
		key  tea.KeyMsg
		want int
	}{{keyPress('7'), 7}, {keyPress('1'), 1}, {keyPress('0'), 10}, {keyPress('3'), 3}, {keyOf(tea.KeyBackspace), -1},
		{keyPress('0'), 0}, {keyPress('5'), 5}, {keyOf(tea.KeyRight), 6}, {keyPress('0'), 0}}
	for i, s := range steps {
		m = pressAll(t, m, s.key)
		if m.checkIn.moodBefore != s.want {
			t.Errorf("step %d (%s): mood %d, want %d", i, s.key, m.checkIn.moodBefore, s.want)
		}
	}
}

// A second session that would make more than double the day's target asks
// first; esc saves nothing, enter saves it and says it added.
func TestMoreThanDoubleAsksFirst(t *testing.T) {
	snap := seeded(t)
	st := &recordingStore{snap: snap}
	m := pressAll(t, loaded(t, st, snap, 80, 24), keyPress('j'), keyOf(tea.KeyEnter), keyOf(tea.KeyRight),
		keyOf(tea.KeyEnter), keyPress('2'), keyPress('0'), ctrl(tea.KeyCtrlS))
	if len(st.entries) != 0 || !strings.Contains(m.View(), "That makes 35 min for today") {
		t.Fatalf("20 more on a 15 done: saved %+v, view:\n%s", st.entries, m.View())
	}
	m = pressAll(t, m, keyOf(tea.KeyEsc))
	if len(st.entries) != 0 || m.screen != screenCheckIn {
		t.Fatalf("esc on the question saved %+v, screen %v", st.entries, m.screen)
	}
	m = pressAll(t, m, ctrl(tea.KeyCtrlS), keyOf(tea.KeyEnter))
	if len(st.entries) != 1 || st.entries[0].Amount != 20 {
		t.Fatalf("confirmed: saved %+v", st.entries)
	}
	if !strings.Contains(m.status, "Added 20 to today's 15: 35 min in all.") {
		t.Errorf("status %q; want it to say plainly it added", m.status)
	}
}

// e opens the Day screen filled in with the day's check-in; every field
// changes, and saving edits the day rather than adding to it.
func TestEditKeyOpensTheDayAndSavesAChange(t *testing.T) {
	snap := withNote(t)
	st := &recordingStore{snap: snap}
	m := pressAll(t, loaded(t, st, snap, 80, 24), keyPress('j'), keyPress('e'))
	if m.screen != screenDay || !m.dayView.logged {
		t.Fatalf("e: screen %v, logged %v", m.screen, m.dayView.logged)
	}
	v := m.View()
	for _, want := range []string{"[easy]", "15", "along the canal, windy", "[4]", "[7]"} {
		if !strings.Contains(v, want) {
			t.Errorf("Day screen lacks %q:\n%s", want, v)
		}
	}
	m = pressAll(t, m, keyOf(tea.KeyDown), // amount
		keyOf(tea.KeyBackspace), keyOf(tea.KeyBackspace), keyPress('2'), keyPress('0'), keyOf(tea.KeyTab),
		keyOf(tea.KeyRight), keyOf(tea.KeyEnter), // effort ok → hard
		keyOf(tea.KeyRight), keyOf(tea.KeyEnter), // pain soreness
		keyPress('6'), keyOf(tea.KeyEnter), // mood before
		keyPress('1'), keyPress('0'), keyOf(tea.KeyEnter), // mood after 10
		ctrl(tea.KeyCtrlU), keyPress('o'), keyPress('k'), keyOf(tea.KeyEnter)) // note, enter saves
	if len(st.entries) != 0 || len(st.edited) != 1 {
		t.Fatalf("saved %d entries and %d edits; want one edit", len(st.entries), len(st.edited))
	}
	c := st.edited[0]
	if c.Achieved != 20 || c.Effort != coach.EffortOK || c.Pain != coach.PainSore || *c.MoodBefore != 6 ||
		*c.MoodAfter != 10 || c.Note != "ok" || c.Day != fixedDay || c.WrittenAt.IsZero() {
		t.Errorf("edited %+v (moods %d %d)", c, *c.MoodBefore, *c.MoodAfter)
	}
	if m.screen != screenToday {
		t.Errorf("after saving the screen is %v, want Today, where it was opened", m.screen)
	}
}

// The review's calendar: c puts a cursor on today, the arrows move it, and
// enter opens that day; esc goes back to the review.
func TestReviewCalendarOpensADay(t *testing.T) {
	snap := withNote(t)
	st := &recordingStore{snap: snap}
	m := pressAll(t, loaded(t, st, snap, 80, 24), keyPress('v'), keyPress('c'))
	if !m.review.picking || m.review.pick != fixedDay {
		t.Fatalf("c: picking %v on %s", m.review.picking, m.review.pick)
	}
	m = pressAll(t, m, keyOf(tea.KeyDown), keyOf(tea.KeyRight))
	if m.review.pick != fixedDay {
		t.Errorf("the cursor went past today to %s", m.review.pick)
	}
	m = pressAll(t, m, keyOf(tea.KeyUp), keyOf(tea.KeyUp), keyOf(tea.KeyUp))
	if !strings.Contains(m.View(), "Friday 27 February 2026: done, 9 min · legs heavy") {
		t.Errorf("the picked day is not described:\n%s", m.View())
	}
	m = pressAll(t, m, keyOf(tea.KeyLeft), keyOf(tea.KeyRight), keyOf(tea.KeyEnter))
	if m.screen != screenDay || m.dayView.day != fixedDay.AddDays(-3) || !strings.Contains(m.View(), "legs heavy") {
		t.Fatalf("enter: screen %v day %s:\n%s", m.screen, m.dayView.day, m.View())
	}
	m = pressAll(t, m, keyOf(tea.KeyEsc))
	if m.screen != screenReview {
		t.Errorf("esc from the Day screen went to %v, want the review", m.screen)
	}
}

// A day with nothing logged opens as a check-in for that day.
func TestDayScreenOnAnEmptyDayChecksItIn(t *testing.T) {
	snap := seeded(t)
	st := &recordingStore{snap: snap}
	m := pressAll(t, loaded(t, st, snap, 80, 24), keyPress('v'), keyPress('c'), keyOf(tea.KeyUp), keyOf(tea.KeyEnter))
	if m.screen != screenDay || m.dayView.logged || !strings.Contains(m.View(), "Nothing logged") {
		t.Fatalf("screen %v logged %v:\n%s", m.screen, m.dayView.logged, m.View())
	}
	pressAll(t, m, ctrl(tea.KeyCtrlS))
	if len(st.entries) != 1 || st.entries[0].Day != fixedDay.AddDays(-1) {
		t.Errorf("saved %+v; want a check-in for yesterday", st.entries)
	}
}

func TestGoldenTodayPastDay(t *testing.T) {
	for _, s := range sizes {
		t.Run(fmt.Sprintf("%dx%d", s.w, s.h), func(t *testing.T) {
			snap := withNote(t)
			m := pressAll(t, loaded(t, &recordingStore{snap: snap}, snap, s.w, s.h), keyOf(tea.KeyLeft), keyOf(tea.KeyLeft), keyOf(tea.KeyLeft))
			v := m.View()
			checkFits(t, v, s.w, s.h)
			golden.RequireEqual(t, v)
		})
	}
}

func TestGoldenDay(t *testing.T) {
	for _, s := range sizes {
		t.Run(fmt.Sprintf("%dx%d", s.w, s.h), func(t *testing.T) {
			snap := withNote(t)
			m := pressAll(t, loaded(t, &recordingStore{snap: snap}, snap, s.w, s.h),
				keyOf(tea.KeyLeft), keyOf(tea.KeyLeft), keyOf(tea.KeyLeft), keyPress('e'))
			v := m.View()
			checkFits(t, v, s.w, s.h)
			golden.RequireEqual(t, v)
		})
	}
}

// The Day screen says what the coach decided that day, under the form.
func TestDayScreenShowsTheDaysDecision(t *testing.T) {
	snap := withNote(t)
	items, err := snap.Todays(fixedDay)
	if err != nil {
		t.Fatal(err)
	}
	s := newDayScreen(items[1].Goal, fixedDay, fixedDay, screenToday).withLoaded(dayLoadedMsg{
		goalID: items[1].Goal.ID, day: fixedDay, item: items[1],
		decision: &coach.Decision{Day: fixedDay, Message: "Level up: 18 min.\nFour at 15."},
	})
	v := s.View(80, 20, DefaultStyles())
	if !strings.Contains(v, "That day: Level up: 18 min. Four at 15.") || !strings.Contains(v, "along the canal") {
		t.Errorf("the Day screen lacks the decision or the note:\n%s", v)
	}
	// A result for another day is not this screen's.
	other := newDayScreen(items[1].Goal, fixedDay.AddDays(-1), fixedDay, screenToday).withLoaded(dayLoadedMsg{
		goalID: items[1].Goal.ID, day: fixedDay, item: items[1]})
	if other.loaded {
		t.Error("the Day screen took another day's record")
	}
}
