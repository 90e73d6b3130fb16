package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// One history on two machines (SYNC §8, issue 16): a tend.db that never
// synced, copied to a second machine, and one export imported on two. Each
// machine turns sync on into one folder and syncs; both then show the
// history as it was, once: the split session is 15 minutes, not 30, the
// warning's hold stays lifted, and Today, the review and the canonical
// export are what the database showed before sync.
func TestSyncOneHistoryOnTwoMachines(t *testing.T) {
	for _, how := range []string{"copied", "imported"} {
		t.Run(how, func(t *testing.T) {
			laptop, desktop := twoOfOneHistory(t, how)
			folder := t.TempDir()
			at := func(e Env, now string) Env { e.Now = now; return e }
			later := "2026-11-09T08:00:00Z"
			was := map[string]string{}
			for _, args := range [][]string{{"today"}, {"review"}, {"review", "Walk"}, {"export"}} {
				was[strings.Join(args, " ")] = mustTend(t, at(laptop, later), args...)
			}

			out := mustTend(t, at(laptop, "2026-11-08T08:00:00Z"), "sync", "init", folder, "--label", "laptop")
			if !strings.Contains(out, "Sent 12 changes") || strings.Contains(out, "level") {
				t.Errorf("laptop's init:\n%s", out)
			}
			out = mustTend(t, at(desktop, "2026-11-08T08:05:00Z"), "sync", "init", folder, "--label", "desktop")
			if !strings.Contains(out, "12 changes from laptop are the same as this device's history, so they count once.") ||
				strings.Contains(out, "is a copy") != (how == "copied") {
				t.Errorf("desktop's init:\n%s", out)
			}
			if out = mustTend(t, at(laptop, later), "sync"); !strings.Contains(out, "from desktop are the same") {
				t.Errorf("laptop's sync:\n%s", out)
			}
			mustTend(t, at(desktop, later), "sync")

			for _, args := range [][]string{{"today"}, {"review"}, {"review", "Walk"}} {
				a, b := mustTend(t, at(laptop, later), args...), mustTend(t, at(desktop, later), args...)
				if a != b || a != was[strings.Join(args, " ")] {
					t.Errorf("tend %s:\nbefore sync:\n%s\nlaptop:\n%s\ndesktop:\n%s", strings.Join(args, " "), was[strings.Join(args, " ")], a, b)
				}
			}
			before := canonicalExport(t, was["export"])
			a, b := canonicalExport(t, mustTend(t, at(laptop, later), "export")), canonicalExport(t, mustTend(t, at(desktop, later), "export"))
			if a != b {
				t.Errorf("exports differ:\nlaptop:\n%s\ndesktop:\n%s", a, b)
			}
			// A copy is the live database, whose replay sync keeps. An
			// import's rebuild words a resumed goal's reason its own way
			// (the import issue's, not sync's), so there the check-ins and
			// steps are compared.
			if how == "copied" && a != before || exportPart(t, a, "checkins") != exportPart(t, before, "checkins") ||
				exportPart(t, a, "goals", "level", "status_history") != exportPart(t, before, "goals", "level", "status_history") {
				t.Errorf("export after sync:\n%s\nbefore:\n%s", a, before)
			}
			if !strings.Contains(before, `"achieved":15`) || strings.Contains(before, `"achieved":30`) {
				t.Errorf("the split session:\n%s", before)
			}
			if status := mustTend(t, at(desktop, later), "sync", "status"); !strings.Contains(status, "laptop") ||
				strings.Count(status, "12 changes") != 2 {
				t.Errorf("sync status:\n%s", status)
			}
			writeAfterTheSnapshots(t, at(laptop, later), at(desktop, later))
		})
	}
}

// writeAfterTheSnapshots undoes, on the desktop, a walk both snapshots
// hold, and checks in Lift on the laptop: after a sync on each, the walk
// is gone on both (the undo names the snapshot's id) and the new session
// is there once.
func writeAfterTheSnapshots(t *testing.T, laptop, desktop Env) {
	t.Helper()
	desktop.Now = "2026-11-09T08:30:00Z"
	mustTend(t, desktop, "undo", "Walk", "--date", "2026-11-07")
	laptop.Now = "2026-11-09T09:00:00Z"
	mustTend(t, laptop, "done", "Lift")
	desktop.Now = laptop.Now
	if out := mustTend(t, desktop, "sync"); !strings.Contains(out, "1 check-in from laptop") {
		t.Errorf("desktop's sync:\n%s", out)
	}
	if out := mustTend(t, laptop, "sync"); !strings.Contains(out, "1 undo from desktop") {
		t.Errorf("laptop's sync:\n%s", out)
	}
	a, b := canonicalExport(t, mustTend(t, laptop, "export")), canonicalExport(t, mustTend(t, desktop, "export"))
	if a != b {
		t.Errorf("exports differ after writes:\nlaptop:\n%s\ndesktop:\n%s", a, b)
	}
	ids, names := strings.Split(exportPart(t, a, "goals", "id"), "\n"), strings.Split(exportPart(t, a, "goals", "name"), "\n")
	days := exportPart(t, a, "checkins", "goal", "day")
	for i, id := range ids {
		days = strings.ReplaceAll(days, id+"\n2026", names[i]+" 2026")
	}
	if strings.Contains(days, "Walk 2026-11-07") || strings.Count(days, "Lift 2026-11-09") != 1 {
		t.Errorf("check-ins after the undo and the new session:\n%s", days)
	}
}

// twoOfOneHistory is a week of Walk and Lift on one machine — a split
// session, a back-fill, a chest-pain warning and the resume after a
// check — and a second database with the same history: the file copied,
// or (imported) two fresh databases that each imported its export.
func twoOfOneHistory(t *testing.T, how string) (Env, Env) {
	t.Helper()
	laptop, desktop := newEnv(t), newEnv(t)
	run := func(now string, args ...string) { e := laptop; e.Now = now; mustTend(t, e, args...) }
	run("2026-11-01T08:00:00Z", "add", "Walk", "--plan", "daily-walk")
	run("2026-11-01T08:00:00Z", "add", "Lift", "--plan", "strength", "--days", "3", "--readiness", "none")
	run("2026-11-01T18:00:00Z", "done", "Walk")
	run("2026-11-02T18:00:00Z", "done", "Walk")
	run("2026-11-02T19:00:00Z", "done", "Lift")
	run("2026-11-03T07:00:00Z", "done", "Walk")
	run("2026-11-03T18:00:00Z", "done", "Walk", "5") // the day's second walk: 15 minutes
	run("2026-11-05T18:00:00Z", "done", "Walk")
	run("2026-11-05T19:00:00Z", "done", "Walk", "--date", "2026-11-04", "--note", "late")
	run("2026-11-06T09:00:00Z", "done", "Lift", "--pain", "warning")
	run("2026-11-07T09:00:00Z", "edit", "Lift", "--resume", "--checked")
	run("2026-11-07T09:01:00Z", "edit", "Walk", "--resume", "--checked") // the warning held both
	run("2026-11-07T18:00:00Z", "done", "Walk", "--effort", "hard")
	if how == "copied" {
		data, err := os.ReadFile(laptop.dbFile())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(desktop.dbFile(), data, 0o600); err != nil {
			t.Fatal(err)
		}
		return laptop, desktop
	}
	laptop.Now = "2026-11-07T20:00:00Z"
	file := filepath.Join(t.TempDir(), "tend-export.json")
	if err := os.WriteFile(file, []byte(mustTend(t, laptop, "export")), 0o600); err != nil {
		t.Fatal(err)
	}
	a, b := newEnv(t), newEnv(t)
	for _, e := range []Env{a, b} {
		e.Now = "2026-11-07T21:00:00Z"
		mustTend(t, e, "import", file)
	}
	return a, b
}

// exportPart is one array of a canonical export, each row cut to fields
// when any are named.
func exportPart(t *testing.T, export, key string, fields ...string) string {
	t.Helper()
	var m map[string]json.RawMessage
	var rows []map[string]any
	if err := json.Unmarshal([]byte(export), &m); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(m[key], &rows); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, row := range rows {
		if len(fields) == 0 {
			out = append(out, fmt.Sprint(row))
			continue
		}
		for _, f := range fields {
			out = append(out, fmt.Sprint(row[f]))
		}
	}
	return strings.Join(out, "\n")
}
