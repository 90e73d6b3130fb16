package main

import (
	"testing"
)

// One key from Today: d checks in at the target, u undoes, ← goes to
// yesterday, e opens the Day screen filled in, and the review's calendar
// opens a past day too.

func TestCheckInJourneyOneKeyYesterdayAndTheDayScreen(t *testing.T) {
	t.Parallel()
	env := newEnv(t)
	mustTend(t, env, "add", "Walk", "--plan", "daily-walk")
	term := startTerm(t, 80, 24, env)
	term.WaitFor(t, "Walk 10 minutes", screenTimeout)

	term.Step(t, "d", "Take a second to notice you did it") // one key: done at the target, with the defaults
	term.Step(t, "u", "Cleared today's check-in for Walk")

	term.Step(t, "left", "yesterday")                       // yesterday: named, and marked as not today
	term.Step(t, "d", "Take a second to notice you did it") // yesterday is now the newest day: it decides

	term.Step(t, "e", "How much?") // the Day screen, filled in with what was logged
	for range 4 {
		term.Press(t, "down")
	}
	term.WaitFor(t, "Mood before", screenTimeout)
	term.Step(t, "6", "[6]")
	term.Press(t, "down")
	term.Step(t, "1", "[1]")
	term.Step(t, "0", "[10]")
	term.Step(t, "down", "enter saves")
	term.Send(t, "felt good")
	term.WaitFor(t, "felt good", screenTimeout)
	term.Step(t, "enter", "Changed Walk's check-in for 2026-03-01")

	term.Step(t, "v", "Review · Walk")
	term.PressUntil(t, "down", "Notes        1 Mar: felt good", 6) // recent notes, at the review's end
	term.Step(t, "c", "Monday 2 March 2026: nothing logged")
	term.Step(t, "up", "Sunday 1 March 2026: done, 10 min · felt good")
	screen := term.Step(t, "enter", "Note, optional")
	for _, want := range []string{"Walk · Sunday 1 March 2026", "[6]", "[10]", "felt good"} {
		if !contains(screen, want) {
			t.Errorf("the Day screen from the calendar lacks %q:\n%s", want, frame(screen))
		}
	}
	term.Quit(t)

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
