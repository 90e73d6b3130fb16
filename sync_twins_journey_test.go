package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Two devices that each made a "Walk" apart (SYNC §7.3): the later one is
// shown as "Walk (2)" on both, and `tend sync` and the app's Today say
// which came from which device. A merge the app or `tend status` made is
// said once on Today; one `tend sync` printed is not said again.
func TestSyncSameNameGoalsSayWhichIsWhich(t *testing.T) {
	folder := t.TempDir()
	laptop, desktop := newEnv(t), newEnv(t)
	laptop.Now, desktop.Now = "2026-12-01T08:00:00Z", "2026-12-02T08:00:00Z"
	mustTend(t, laptop, "add", "Walk", "--plan", "daily-walk")
	mustTend(t, laptop, "sync", "init", folder, "--label", "laptop")
	mustTend(t, desktop, "add", "Walk", "--plan", "daily-walk")
	const which = "Walk (2) was made on desktop and Walk on laptop; rename one to tell them apart."
	if out := mustTend(t, desktop, "sync", "init", folder, "--label", "desktop"); !strings.Contains(out, which) {
		t.Errorf("desktop's init does not say which Walk is which:\n%s", out)
	}
	if out := mustTend(t, desktop, "sync", "status"); !strings.Contains(out, which) {
		t.Errorf("sync status does not say which Walk is which:\n%s", out)
	}
	laptop.Now = desktop.Now
	if out := mustTend(t, laptop, "status"); out == "" { // a quiet merge: the prompt stays one line
		t.Errorf("status printed nothing")
	}
	for _, e := range []Env{laptop, desktop} {
		if today := mustTend(t, e, "today"); !strings.Contains(today, "Walk (2)") {
			t.Errorf("today does not show Walk (2):\n%s", today)
		}
	}

	// The laptop's app says once what its quiet merge brought.
	term := startTerm(t, 80, 24, laptop)
	term.WaitFor(t, "Updated from desktop. "+which, screenTimeout)
	term.Quit(t)
	term = startTerm(t, 80, 24, laptop)
	term.WaitFor(t, "Walk (2)", screenTimeout)
	if s := squash(term.Screen()); strings.Contains(s, "Updated from") || strings.Contains(s, "rename one") {
		t.Errorf("the second start says it again:\n%s", frame(term.Screen()))
	}
	term.Quit(t)

	// What `tend sync` printed, Today does not repeat.
	mustTend(t, desktop, "done", "Walk (2)")
	if out := mustTend(t, laptop, "sync"); !strings.Contains(out, "1 check-in from desktop.") || !strings.Contains(out, which) {
		t.Errorf("laptop's sync:\n%s", out)
	}
	term = startTerm(t, 80, 24, laptop)
	term.WaitFor(t, "Walk (2)", screenTimeout)
	if s := squash(term.Screen()); strings.Contains(s, "Updated from") {
		t.Errorf("Today repeats what tend sync said:\n%s", frame(term.Screen()))
	}
	term.Quit(t)

	// Renamed apart, nothing more is said.
	mustTend(t, laptop, "edit", "Walk (2)", "--name", "Evening walk")
	mustTend(t, desktop, "sync")
	if out := mustTend(t, desktop, "sync"); strings.Contains(out, "rename one") {
		t.Errorf("after the rename:\n%s", out)
	}
	if today := mustTend(t, desktop, "today"); !strings.Contains(today, "Evening walk") || strings.Contains(today, "Walk (2)") {
		t.Errorf("desktop's today after the rename:\n%s", today)
	}
}

// A check-in made in the app goes to the sync folder as soon as it is
// saved, as one from the command line does (SYNC §5), not when the app
// closes hours later: the other device takes it at its next sync.
func TestSyncAppCheckInGoesOut(t *testing.T) {
	folder := t.TempDir()
	laptop, desktop := newEnv(t), newEnv(t)
	laptop.Now, desktop.Now = "2026-12-02T08:00:00Z", "2026-12-02T08:00:00Z"
	mustTend(t, laptop, "add", "Walk", "--plan", "daily-walk")
	mustTend(t, laptop, "sync", "init", folder, "--label", "laptop")
	mustTend(t, desktop, "sync", "init", folder, "--label", "desktop")
	term := startTerm(t, 80, 24, laptop)
	term.WaitFor(t, "○ Walk", screenTimeout)
	term.Step(t, "d", "Take a second to notice you did it")
	sent := func(string) bool {
		files, _ := filepath.Glob(filepath.Join(folder, "tend", "*.jsonl"))
		for _, f := range files {
			if data, _ := os.ReadFile(f); strings.Contains(string(data), `"kind":"checkin.add"`) {
				return true
			}
		}
		return false
	}
	term.WaitUntil(t, "the check-in in the sync folder", sent, screenTimeout)
	if out := mustTend(t, desktop, "sync"); !strings.Contains(out, "1 check-in from laptop.") {
		t.Errorf("desktop's sync after the app's check-in:\n%s", out)
	}
	term.Quit(t)
}
