package main

// Checking in as a person does it, through the built binary: one key on
// Today, undo, stepping back to yesterday and logging it, changing that
// day's mood and note on the Day screen and finding it again in the
// review's calendar; and the shell's side of the same: `tend edit-day`,
// the guard against a second `done` that more than doubles the target, and
// the notes in `tend review`.

import (
	"encoding/json"
	"strings"
	"testing"
)

// exportCheckIn is one check-in of `tend export`.
type exportCheckIn struct {
	Day        string  `json:"day"`
	Outcome    string  `json:"outcome"`
	Achieved   float64 `json:"achieved"`
	Effort     string  `json:"effort"`
	Pain       string  `json:"pain"`
	MoodBefore *int    `json:"mood_before"`
	MoodAfter  *int    `json:"mood_after"`
	Note       string  `json:"note"`
}

// checkInsByDay reads the export's check-ins, keyed by day, and how many
// decisions it holds.
func checkInsByDay(t *testing.T, env Env) (map[string]exportCheckIn, int) {
	t.Helper()
	out := mustTend(t, env, "export")
	var doc struct {
		CheckIns  []exportCheckIn   `json:"checkins"`
		Decisions []json.RawMessage `json:"decisions"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("tend export is not JSON: %v", err)
	}
	byDay := map[string]exportCheckIn{}
	for _, c := range doc.CheckIns {
		byDay[c.Day] = c
	}
	return byDay, len(doc.Decisions)
}

func moodIs(m *int, want int) bool { return m != nil && *m == want }

func TestCheckInJourneyOneKeyYesterdayAndTheDayScreen(t *testing.T) {
	t.Parallel()
	env := newEnv(t)
	mustTend(t, env, "add", "Walk", "--plan", "daily-walk")
	term := startTerm(t, 80, 24, env)
	term.WaitFor(t, "Walk 10 minutes", screenTimeout)

	term.Press(t, "d") // one key: done at the target, with the defaults
	term.WaitFor(t, "Take a second to notice you did it", screenTimeout)
	term.Press(t, "u")
	term.WaitFor(t, "Cleared today's check-in for Walk", screenTimeout)

	term.Press(t, "left") // yesterday: named, and marked as not today
	term.WaitFor(t, "yesterday", screenTimeout)
	term.Press(t, "d")
	term.WaitFor(t, "Take a second to notice you did it", screenTimeout) // yesterday is now the newest day: it decides

	term.Press(t, "e") // the Day screen, filled in with what was logged
	term.WaitFor(t, "How much?", screenTimeout)
	for range 4 {
		term.Press(t, "down")
	}
	term.WaitFor(t, "Mood before", screenTimeout)
	term.Press(t, "6")
	term.WaitFor(t, "[6]", screenTimeout)
	term.Press(t, "down")
	term.Press(t, "1")
	term.WaitFor(t, "[1]", screenTimeout)
	term.Press(t, "0")
	term.WaitFor(t, "[10]", screenTimeout)
	term.Press(t, "down")
	term.WaitFor(t, "enter saves", screenTimeout)
	term.Send(t, "felt good")
	term.WaitFor(t, "felt good", screenTimeout)
	term.Press(t, "enter")
	term.WaitFor(t, "Changed Walk's check-in for 2026-03-01", screenTimeout)

	term.Press(t, "v")
	term.WaitFor(t, "Review · Walk", screenTimeout)
	term.PressUntil(t, "down", "Notes        1 Mar: felt good", 6) // recent notes, at the review's end
	term.Press(t, "c")
	term.WaitFor(t, "Monday 2 March 2026: nothing logged", screenTimeout)
	term.Press(t, "up")
	term.WaitFor(t, "Sunday 1 March 2026: done, 10 min · felt good", screenTimeout)
	term.Press(t, "enter")
	screen := term.WaitFor(t, "Note, optional", screenTimeout)
	for _, want := range []string{"Walk · Sunday 1 March 2026", "[6]", "[10]", "felt good"} {
		if !contains(screen, want) {
			t.Errorf("the Day screen from the calendar lacks %q:\n%s", want, frame(screen))
		}
	}
	term.Press(t, "q")
	if code := term.Wait(t); code != 0 {
		t.Fatalf("tend exited %d", code)
	}

	days, _ := checkInsByDay(t, env)
	if _, ok := days["2026-03-02"]; ok {
		t.Errorf("today still has a check-in after u: %+v", days["2026-03-02"])
	}
	y := days["2026-03-01"]
	if y.Outcome != "done" || y.Achieved != 10 || y.Effort != "ok" || y.Pain != "none" ||
		!moodIs(y.MoodBefore, 6) || !moodIs(y.MoodAfter, 10) || y.Note != "felt good" {
		t.Errorf("yesterday reads %+v; want done 10, ok, no pain, mood 6 → 10, the note", y)
	}
}

// The shell's edit-day and the doubling guard: every refusal leaves the
// database folder byte for byte as it was.
func TestCLIEditDayAndTheDoublingGuard(t *testing.T) {
	t.Parallel()
	env := newEnv(t)
	mustTend(t, env, "add", "Walk", "--plan", "daily-walk")
	mustTend(t, env, "done", "Walk", "--date", "2026-02-27")
	mustTend(t, env, "done", "Walk")

	refusals := []struct {
		code int
		want []string
		args []string
	}{
		{2, []string{"510 min", "more than double", "--yes"}, []string{"done", "walk", "500"}},
		{2, []string{"25 min", "more than double"}, []string{"done", "walk", "15"}},
		{2, []string{"510 min on 2026-02-27", "--date 2026-02-27 --yes"}, []string{"done", "walk", "500", "--date", "2026-02-27"}},
		{1, []string{"nothing logged on 2026-02-26", "tend done walk --date 2026-02-26"}, []string{"edit-day", "walk", "--date", "2026-02-26", "--note", "x"}},
		{1, []string{"Nobody"}, []string{"edit-day", "Nobody", "--note", "x"}},
		{2, []string{"Say what to change"}, []string{"edit-day", "walk"}},
		{2, []string{"future"}, []string{"edit-day", "walk", "--date", "2026-03-05", "--note", "x"}},
		{2, []string{"--mood-after", "0 to 10"}, []string{"edit-day", "walk", "--mood-after", "11"}},
		{2, []string{"--amount"}, []string{"edit-day", "walk", "--amount", "lots"}},
		{2, []string{"--effort"}, []string{"edit-day", "walk", "--effort", "tough"}},
		{2, []string{"--pain"}, []string{"edit-day", "walk", "--pain", "awful"}},
		{2, []string{"500"}, []string{"edit-day", "walk", "--note", strings.Repeat("n", 501)}},
	}
	for _, r := range refusals {
		refusedUnchanged(t, env, r.code, r.want, r.args...)
	}

	out := mustTend(t, env, "done", "walk", "5")
	if !strings.Contains(out, "Added 5 to today's 10: 15 min in all.") {
		t.Errorf("a second done does not say it added: %q", out)
	}
	mustTend(t, env, "done", "walk", "30", "--yes")
	_, decisions := checkInsByDay(t, env)

	// Flags after the name and before it; only the fields given change.
	mustTend(t, env, "edit-day", "walk", "--note", "windy", "--mood-after", "8")
	mustTend(t, env, "edit-day", "--date", "2026-02-27", "walk", "--amount", "4", "--effort", "hard",
		"--pain", "sore", "--mood-before", "3", "--mood-after", "10", "--note", "short")
	days, after := checkInsByDay(t, env)
	if today := days["2026-03-02"]; today.Achieved != 45 || today.Note != "windy" || !moodIs(today.MoodAfter, 8) ||
		today.MoodBefore != nil || today.Effort != "ok" {
		t.Errorf("today reads %+v; want 45 min kept, the note and mood after changed", today)
	}
	if old := days["2026-02-27"]; old.Outcome != "partial" || old.Achieved != 4 || old.Effort != "hard" ||
		old.Pain != "sore" || !moodIs(old.MoodBefore, 3) || !moodIs(old.MoodAfter, 10) || old.Note != "short" {
		t.Errorf("27 February reads %+v; want every field changed, partial below the target", old)
	}
	if after != decisions {
		t.Errorf("%d decisions after the edits, %d before: an edit replaces a day's decision, never adds one", after, decisions)
	}
	mustTend(t, env, "edit-day", "walk", "--mood-after", "none", "--note", "")
	if days, _ := checkInsByDay(t, env); days["2026-03-02"].MoodAfter != nil || days["2026-03-02"].Note != "" {
		t.Errorf("none and '' did not clear: %+v", days["2026-03-02"])
	}

	mustTend(t, env, "rest", "walk", "--date", "2026-02-28", "--note", "tired legs")
	if out := mustTend(t, env, "review", "walk"); !strings.Contains(out, "Notes") || !strings.Contains(out, "28 Feb: tired legs") {
		t.Errorf("tend review walk does not show the notes:\n%s", out)
	}
	var doc struct {
		Notes []struct{ Day, Note string } `json:"notes"`
	}
	if err := json.Unmarshal([]byte(mustTend(t, env, "review", "walk", "--json")), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Notes) != 2 || doc.Notes[0].Day != "2026-02-28" || doc.Notes[0].Note != "tired legs" ||
		doc.Notes[1].Note != "short" {
		t.Errorf("notes %+v; want the rest's note then 27 February's, newest first", doc.Notes)
	}
}
