package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
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

	syncInitBoth(t, folder, at(laptop, day1), at(desktop, day1))

	// Apart, on day 2.
	mustTend(t, at(laptop, day2), "done", "Walk", "--note", "hills")
	mustTend(t, at(desktop, day2), "done", "Walk", "5")
	mustTend(t, at(desktop, day2), "done", "Calm")
	mustTend(t, at(desktop, day2), "undo", "Calm")
	mustTend(t, at(laptop, day2), "edit", "Walk", "--name", "Evening walk")
	mustTend(t, at(desktop, day2), "done", "Lift", "--pain", "warning")
	if out := mustTend(t, at(laptop, day2), "delete", "Calm", "--yes"); !strings.Contains(out, "your sync tool's own history") {
		t.Errorf("delete with sync on: %q", out)
	}

	// What sync tools leave beside the journals is left alone and counted.
	dir := filepath.Join(folder, "tend")
	leaveSyncToolFiles(t, dir)

	out := mustTend(t, at(desktop, day2), "sync")
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

	// The deleted goal is scrubbed from every journal: no name, no line
	// but its delete.
	checkNotInJournals(t, dir, "Calm")

	// A second sync on each brings nothing and changes nothing.
	checkSecondSyncQuiet(t, at(laptop, day2), at(desktop, day2), export)

}

// checkSecondSyncQuiet syncs each device again: nothing comes or goes,
// the export stays as it was, and the status names both devices.
func checkSecondSyncQuiet(t *testing.T, laptop, desktop Env, export string) {
	t.Helper()
	for _, e := range []Env{laptop, desktop} {
		if out := mustTend(t, e, "sync"); !strings.Contains(out, "Nothing new") || strings.Contains(out, "Sent") {
			t.Errorf("second sync: %q", out)
		}
	}
	if got := canonicalExport(t, mustTend(t, desktop, "export")); got != export {
		t.Errorf("a second sync changed the export")
	}
	status := mustTend(t, laptop, "sync", "status")
	for _, want := range []string{"laptop (this device)", "desktop", "last seen 2026-12-02 09:00 UTC", "Nothing is waiting to go out."} {
		if !strings.Contains(status, want) {
			t.Errorf("sync status does not say %q:\n%s", want, status)
		}
	}
}

// syncInitBoth checks that sync is off before init, then adds three goals
// on the laptop and turns sync on in folder on both, the laptop first.
func syncInitBoth(t *testing.T, folder string, laptop, desktop Env) {
	t.Helper()
	if _, errOut, code := runTend(t, laptop, "sync"); code != 1 || !strings.Contains(errOut, "tend sync init DIR") {
		t.Fatalf("sync before init: exit %d, %q", code, errOut)
	}
	if out := mustTend(t, laptop, "sync", "status"); !strings.Contains(out, "Sync is off") {
		t.Fatalf("status before init: %q", out)
	}
	mustTend(t, laptop, "add", "Walk", "--plan", "daily-walk")
	mustTend(t, laptop, "add", "Lift", "--plan", "strength", "--days", "3", "--readiness", "none")
	mustTend(t, laptop, "add", "Calm", "--plan", "mindful")
	out := mustTend(t, laptop, "sync", "init", folder, "--label", "laptop")
	if !strings.Contains(out, "Sync is on: this device is laptop") || !strings.Contains(out, "Sent 3 changes") {
		t.Fatalf("laptop init: %q", out)
	}
	if out = mustTend(t, desktop, "sync", "init", folder, "--label", "desktop"); !strings.Contains(out, "3 new goals from laptop") {
		t.Fatalf("desktop init: %q", out)
	}
}

// leaveSyncToolFiles puts beside the journals what sync tools leave: a
// conflict copy, an iCloud placeholder and a file of some other kind.
func leaveSyncToolFiles(t *testing.T, dir string) {
	t.Helper()
	for name, body := range map[string]string{
		"0123456789abcdef.2026.sync-conflict-20261202-090000-ABCDEF.jsonl": "x\n",
		".0123456789abcdef.2026.jsonl.icloud":                              "",
		"notes.txt":                                                        "hello\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// checkNotInJournals fails when any journal in dir still holds name.
func checkNotInJournals(t *testing.T, dir, name string) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(data), name) {
			t.Errorf("%s still names the deleted goal %q:\n%s", filepath.Base(f), name, data)
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

// Sync on a device alone changes nothing it shows (SYNC §7.5, "local
// equivalence"): the database rebuilt from its own journal after every
// write holds what a database without sync holds after the same writes —
// split sessions, a back-fill, pain twice (a P2 pause), a resume, a rest.
func TestSyncAloneEqualsNoSync(t *testing.T) {
	synced, plain := newEnv(t), newEnv(t)
	run := func(now string, args ...string) {
		for _, e := range []Env{synced, plain} {
			e.Now = now
			mustTend(t, e, args...)
		}
	}
	run("2026-11-01T08:00:00Z", "add", "Walk", "--plan", "daily-walk")
	run("2026-11-01T08:00:00Z", "add", "Run", "--plan", "walk-to-run", "--readiness", "none")
	synced.Now = "2026-11-01T08:00:00Z"
	mustTend(t, synced, "sync", "init", t.TempDir())
	steps := [][]string{{"done", "Walk"}, {"done", "Run"}, {"done", "Walk", "--effort", "hard"}, {"done", "Run", "--pain", "pain"},
		{"done", "Walk", "4"}, {"done", "Walk", "8", "--yes"}, {"done", "Run", "--pain", "pain"}, {"rest"},
		{"edit", "Run", "--resume"}, {"done", "Walk", "--date", "2026-11-01"}, {"done", "Run"}, {"undo", "Run"}, {"done", "Walk"}}
	for i, s := range steps {
		run(fmt.Sprintf("2026-11-%02dT18:%02d:00Z", 2+i/2, i), s...)
	}
	norm := func(e Env) string {
		e.Now = "2026-11-09T20:00:00Z"
		var d map[string]any
		if err := json.Unmarshal([]byte(mustTend(t, e, "export")), &d); err != nil {
			t.Fatal(err)
		}
		delete(d, "device")
		names := map[any]any{}
		key := func(r any) string { m := r.(map[string]any); return fmt.Sprint(m["name"], m["goal"], m["day"]) }
		byKey := func(rows []any) { sort.Slice(rows, func(i, j int) bool { return key(rows[i]) < key(rows[j]) }) }
		for _, g := range d["goals"].([]any) {
			g := g.(map[string]any)
			names[g["id"]] = g["name"]
			delete(g, "uid")
		}
		for _, key := range []string{"checkins", "decisions"} {
			rows, _ := d[key].([]any)
			for _, r := range rows {
				r := r.(map[string]any)
				r["goal"] = names[r["goal"]]
				delete(r, "device")
			}
			byKey(rows)
		}
		for _, g := range d["goals"].([]any) {
			delete(g.(map[string]any), "id")
		}
		byKey(d["goals"].([]any)) // goals made the same day are in uid order
		b, _ := json.Marshal(d)
		return string(b)
	}
	if a, b := norm(synced), norm(plain); a != b {
		t.Errorf("with sync:\n%s\nwithout:\n%s", a, b)
	}
}

// A copied database is a second writer (SYNC §2): `tend sync` on the
// copy stops and names the fix; `tend sync init` gives it an id of its
// own, and the history both hold is merged once, never doubled.
func TestSyncCopiedDatabaseGetsItsOwnID(t *testing.T) {
	folder := t.TempDir()
	orig := newEnv(t)
	orig.Now = "2026-12-02T09:00:00Z"
	mustTend(t, orig, "add", "Walk", "--plan", "daily-walk")
	mustTend(t, orig, "sync", "init", folder, "--label", "laptop")
	mustTend(t, orig, "done", "Walk")
	data, err := os.ReadFile(orig.dbFile())
	if err != nil {
		t.Fatal(err)
	}
	cp := newEnv(t)
	cp.Now = orig.Now
	if err := os.WriteFile(cp.dbFile(), data, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := runTend(t, cp, "sync"); code != 1 || !strings.Contains(errOut, "tend sync init") {
		t.Fatalf("sync on a copy: exit %d, %q", code, errOut)
	}
	if out := mustTend(t, cp, "sync", "init", folder, "--label", "desktop"); strings.Contains(out, "Sent") {
		t.Errorf("the copy sent its history again:\n%s", out)
	}
	cp.Now = "2026-12-03T09:00:00Z"
	mustTend(t, cp, "done", "Walk", "5")
	mustTend(t, cp, "sync")
	orig.Now = cp.Now
	mustTend(t, orig, "sync")
	a, b := canonicalExport(t, mustTend(t, orig, "export")), canonicalExport(t, mustTend(t, cp, "export"))
	if a != b {
		t.Errorf("exports differ:\n%s\n%s", a, b)
	}
	if strings.Count(a, `"day":"2026-12-02"`) != 2 || !strings.Contains(a, `"achieved":10`) || !strings.Contains(a, `"achieved":5`) {
		t.Errorf("the history is not each day once:\n%s", a)
	}
}

// A write goes to the database first (SYNC §5): with the sync folder gone
// the check-in is still saved, tend says once that it could not go out,
// and it goes out with the next `tend sync` once the folder is back.
func TestSyncFolderGoneChangeWaits(t *testing.T) {
	folder := t.TempDir()
	e := newEnv(t)
	e.Now = "2026-12-02T09:00:00Z"
	mustTend(t, e, "add", "Walk", "--plan", "daily-walk")
	mustTend(t, e, "sync", "init", folder, "--label", "laptop")
	dir := filepath.Join(folder, "tend")
	if err := os.Rename(dir, dir+".away"); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runTend(t, e, "done", "Walk")
	if code != 0 || !strings.Contains(out, "Saved") || !strings.Contains(errOut, "could not go to the sync folder yet") {
		t.Fatalf("done without the folder: exit %d\n%s\n%s", code, out, errOut)
	}
	if _, _, code := runTend(t, e, "sync"); code != 1 {
		t.Errorf("sync without the folder: exit %d", code)
	}
	if !strings.Contains(mustTend(t, e, "today"), "Done") {
		t.Error("the check-in is not in the database")
	}
	if err := os.Rename(dir+".away", dir); err != nil {
		t.Fatal(err)
	}
	if out := mustTend(t, e, "sync"); !strings.Contains(out, "Sent 1 change") {
		t.Errorf("the waiting change did not go out:\n%s", out)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	data, _ := os.ReadFile(files[0])
	if strings.Count(string(data), `"kind":"checkin.add"`) != 1 {
		t.Errorf("the journal:\n%s", data)
	}
}

// Only a resume from a device that had seen a warning lifts its hold
// (SYNC §4.3): the laptop resumes after its own warning, not knowing of
// the desktop's, and the goal stays on hold on both, with `tend sync`
// saying where the other warning was logged.
func TestSyncResumeLiftsOnlyWhatItSaw(t *testing.T) {
	folder := t.TempDir()
	laptop, desktop := newEnv(t), newEnv(t)
	laptop.Now, desktop.Now = "2026-12-02T08:00:00Z", "2026-12-02T08:00:00Z"
	mustTend(t, laptop, "add", "Walk", "--plan", "daily-walk")
	mustTend(t, laptop, "add", "Lift", "--plan", "strength", "--days", "3", "--readiness", "none")
	mustTend(t, laptop, "sync", "init", folder, "--label", "laptop")
	mustTend(t, desktop, "sync", "init", folder, "--label", "desktop")
	laptop.Now, desktop.Now = "2026-12-02T09:00:00Z", "2026-12-02T10:00:00Z"
	mustTend(t, laptop, "done", "Walk", "--pain", "warning")
	mustTend(t, desktop, "done", "Lift", "--pain", "warning")
	laptop.Now = "2026-12-03T09:00:00Z"
	mustTend(t, laptop, "edit", "Walk", "--resume", "--checked")
	desktop.Now = laptop.Now
	mustTend(t, desktop, "sync")
	if out := mustTend(t, laptop, "sync"); !strings.Contains(out, "Walk stays on hold: a warning was logged on desktop.") {
		t.Errorf("laptop's sync:\n%s", out)
	}
	mustTend(t, desktop, "sync")
	for _, e := range []Env{laptop, desktop} {
		if out := mustTend(t, e, "status"); out != "tend on hold\n" {
			t.Errorf("status: %q", out)
		}
	}
}
