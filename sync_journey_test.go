package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Two machines, one folder (issue 16, SYNC §11 "Through the binary"): two
// databases check in, undo, rename, delete and log a chest-pain warning
// apart; after `tend sync` on each they show the same Today, review and
// export, and a second sync changes nothing.
func TestSyncTwoMachinesOneFolder(t *testing.T) {
	folder := t.TempDir()
	laptop, desktop := newEnv(t), newEnv(t)
	at := func(e Env, now string) Env { e.Now = now; return e }
	day1, day2 := "2026-12-01T08:00:00Z", "2026-12-02T09:00:00Z"

	if _, errOut, code := runTend(t, at(laptop, day1), "sync"); code != 1 || !strings.Contains(errOut, "tend sync init DIR") {
		t.Fatalf("sync before init: exit %d, %q", code, errOut)
	}
	if out := mustTend(t, at(laptop, day1), "sync", "status"); !strings.Contains(out, "Sync is off") {
		t.Fatalf("status before init: %q", out)
	}
	mustTend(t, at(laptop, day1), "add", "Walk", "--plan", "daily-walk")
	mustTend(t, at(laptop, day1), "add", "Lift", "--plan", "strength", "--days", "3", "--readiness", "none")
	mustTend(t, at(laptop, day1), "add", "Calm", "--plan", "mindful")
	out := mustTend(t, at(laptop, day1), "sync", "init", folder, "--label", "laptop")
	if !strings.Contains(out, "Sync is on: this device is laptop") || !strings.Contains(out, "Sent 3 changes") {
		t.Fatalf("laptop init: %q", out)
	}
	if out = mustTend(t, at(desktop, day1), "sync", "init", folder, "--label", "desktop"); !strings.Contains(out, "3 new goals from laptop") {
		t.Fatalf("desktop init: %q", out)
	}

	// Apart, on day 2.
	mustTend(t, at(laptop, day2), "done", "Walk", "--note", "hills")
	mustTend(t, at(desktop, day2), "done", "Walk", "5")
	mustTend(t, at(desktop, day2), "done", "Calm")
	mustTend(t, at(desktop, day2), "undo", "Calm")
	mustTend(t, at(laptop, day2), "edit", "Walk", "--name", "Evening walk")
	mustTend(t, at(desktop, day2), "done", "Lift", "--pain", "warning")
	mustTend(t, at(laptop, day2), "delete", "Calm", "--yes")

	// What sync tools leave beside the journals is left alone and counted.
	dir := filepath.Join(folder, "tend")
	for name, body := range map[string]string{
		"0123456789abcdef.2026.sync-conflict-20261202-090000-ABCDEF.jsonl": "x\n",
		".0123456789abcdef.2026.jsonl.icloud":                              "",
		"notes.txt":                                                        "hello\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}

	out = mustTend(t, at(desktop, day2), "sync")
	for _, want := range []string{"1 check-in, 1 goal renamed, 1 goal deleted from laptop.", "Calm was deleted on laptop",
		"1 conflict copy from the sync tool", "1 file waiting for iCloud to download", "1 other file"} {
		if !strings.Contains(out, want) {
			t.Errorf("desktop's sync does not say %q:\n%s", want, out)
		}
	}
	if out = mustTend(t, at(laptop, day2), "sync"); !strings.Contains(out, "from desktop.") || !strings.Contains(out, "check-in") {
		t.Errorf("laptop's sync:\n%s", out)
	}
	mustTend(t, at(desktop, day2), "sync")

	same := func(args ...string) string {
		a, b := mustTend(t, at(laptop, day2), args...), mustTend(t, at(desktop, day2), args...)
		if a != b {
			t.Errorf("tend %s differs:\nlaptop:\n%s\ndesktop:\n%s", strings.Join(args, " "), a, b)
		}
		return a
	}
	today := same("today")
	same("review")
	export := canonicalExport(t, mustTend(t, at(laptop, day2), "export"))
	if got := canonicalExport(t, mustTend(t, at(desktop, day2), "export")); got != export {
		t.Errorf("exports differ:\n%s\n%s", export, got)
	}
	if !strings.Contains(today, "Evening walk") || strings.Contains(today, "Calm") || !strings.Contains(today, "--resume --checked") {
		t.Errorf("today after the sync:\n%s", today)
	}
	// The two walks add up (10 + 5), and the warning holds both exercise goals.
	if !strings.Contains(export, `"achieved":15`) || strings.Count(export, `"status":"safety-hold"`) < 2 {
		t.Errorf("export after the sync:\n%s", export)
	}

	// A second sync on each brings nothing and changes nothing.
	for _, e := range []Env{laptop, desktop} {
		if out := mustTend(t, at(e, day2), "sync"); !strings.Contains(out, "Nothing new") || strings.Contains(out, "Sent") {
			t.Errorf("second sync: %q", out)
		}
	}
	if got := canonicalExport(t, mustTend(t, at(desktop, day2), "export")); got != export {
		t.Errorf("a second sync changed the export")
	}
	status := mustTend(t, at(laptop, day2), "sync", "status")
	for _, want := range []string{"laptop (this device)", "desktop", "last seen 2026-12-02 09:00 UTC", "Nothing is waiting to go out."} {
		if !strings.Contains(status, want) {
			t.Errorf("sync status does not say %q:\n%s", want, status)
		}
	}
}

// canonicalExport is `tend export` without its top-level device, compact.
func canonicalExport(t *testing.T, s string) string {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		t.Fatalf("export: %v", err)
	}
	delete(m, "device")
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
