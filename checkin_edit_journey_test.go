package main

// The shell's side of fixing a day: `tend edit-day` changes a check-in in
// place (flags before or after the name, exit codes as DESIGN says), a
// second `tend done` that would more than double the target needs --yes,
// and notes show in `tend review` and its JSON. Every refusal leaves the
// database folder byte for byte as it was.

import (
	"encoding/json"
	"strings"
	"testing"
)

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

	checkReviewShowsNotes(t, env)
}

// checkReviewShowsNotes: a rest's note and an edited day's note are in
// `tend review` and its JSON, newest first.
func checkReviewShowsNotes(t *testing.T, env Env) {
	t.Helper()
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
