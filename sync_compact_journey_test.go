package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Monthly compaction (SYNC §10): at `tend sync`, at most once a month, a
// device rewrites its files without the renames a later one replaced —
// its own or a peer's — with the header's gen one up. Every device's
// merge stays as it was, and a new device that reads the folder from the
// start gets the same history.
func TestSyncCompactsReplacedRenamesMonthly(t *testing.T) {
	folder := t.TempDir()
	laptop, desktop := newEnv(t), newEnv(t)
	at := func(e Env, now string) Env { e.Now = now; return e }
	day := "2026-12-02T08:00:00Z"
	mustTend(t, at(laptop, day), "add", "Walk", "--plan", "daily-walk")
	mustTend(t, at(laptop, day), "sync", "init", folder, "--label", "laptop")
	mustTend(t, at(desktop, day), "sync", "init", folder, "--label", "desktop")
	mustTend(t, at(laptop, "2026-12-02T09:00:00Z"), "done", "Walk", "--note", "hills")
	mustTend(t, at(laptop, "2026-12-02T10:00:00Z"), "edit", "Walk", "--name", "Stroll")
	mustTend(t, at(laptop, "2026-12-02T11:00:00Z"), "edit", "Stroll", "--name", "Ramble")
	mustTend(t, at(desktop, "2026-12-02T12:00:00Z"), "sync")
	mustTend(t, at(desktop, "2026-12-02T12:00:00Z"), "edit", "Ramble", "--name", "Hike")
	mustTend(t, at(desktop, "2026-12-02T12:00:00Z"), "edit", "Hike", "--days", "3")

	// The laptop's first `tend sync` this month compacts: both its renames
	// are replaced (Stroll by Ramble, Ramble by the desktop's Hike).
	mustTend(t, at(laptop, "2026-12-02T13:00:00Z"), "sync")
	own := journalOf(t, folder, "laptop")
	if strings.Contains(own, `"field":"name"`) || !strings.Contains(own, `"gen":2`) {
		t.Errorf("the laptop's file after compaction:\n%s", own)
	}
	for _, keep := range []string{`"kind":"goal.create"`, `"kind":"checkin.add"`, "hills"} {
		if !strings.Contains(own, keep) {
			t.Errorf("compaction dropped %s:\n%s", keep, own)
		}
	}
	now := "2026-12-02T14:00:00Z"
	before := canonicalExport(t, mustTend(t, at(desktop, now), "export"))
	if out := mustTend(t, at(desktop, now), "sync"); !strings.Contains(out, "Nothing new") || strings.Contains(out, "Sent") {
		t.Errorf("desktop's sync after the laptop compacted:\n%s", out)
	}
	for _, e := range []Env{laptop, desktop} {
		if got := canonicalExport(t, mustTend(t, at(e, now), "export")); got != before {
			t.Errorf("compaction changed the merge:\n%s\n%s", before, got)
		}
	}
	third := newEnv(t)
	mustTend(t, at(third, now), "sync", "init", folder, "--label", "phone")
	if got := canonicalExport(t, mustTend(t, at(third, now), "export")); got != before {
		t.Errorf("a new device reads another history:\n%s\n%s", before, got)
	}
	if !strings.Contains(before, `"name":"Hike"`) {
		t.Errorf("the merge:\n%s", before)
	}

	// Within the month, no second compaction; the next month, yes.
	mustTend(t, at(laptop, "2026-12-03T09:00:00Z"), "edit", "Hike", "--name", "Trek")
	mustTend(t, at(laptop, "2026-12-03T09:01:00Z"), "edit", "Trek", "--name", "Walk")
	mustTend(t, at(laptop, "2026-12-03T10:00:00Z"), "sync")
	if own = journalOf(t, folder, "laptop"); !strings.Contains(own, `"value":"Trek"`) || !strings.Contains(own, `"gen":2`) {
		t.Errorf("compacted twice in a month:\n%s", own)
	}
	mustTend(t, at(laptop, "2027-01-04T10:00:00Z"), "sync")
	if own = journalOf(t, folder, "laptop"); strings.Contains(own, `"value":"Trek"`) || !strings.Contains(own, `"value":"Walk"`) || !strings.Contains(own, `"gen":3`) {
		t.Errorf("next month's compaction:\n%s", own)
	}
	if today := mustTend(t, at(desktop, "2027-01-04T11:00:00Z"), "today"); strings.Contains(today, "Trek") {
		t.Errorf("desktop:\n%s", today)
	}
	mustTend(t, at(desktop, "2027-01-04T11:00:00Z"), "sync")
	if a, b := canonicalExport(t, mustTend(t, at(laptop, "2027-01-04T11:00:00Z"), "export")), canonicalExport(t, mustTend(t, at(desktop, "2027-01-04T11:00:00Z"), "export")); a != b || !strings.Contains(a, `"name":"Walk"`) {
		t.Errorf("after next month's compaction:\n%s\n%s", a, b)
	}
}

// journalOf is the 2026 journal file of the device called label, as text.
func journalOf(t *testing.T, folder, label string) string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(folder, "tend", "*.2026.jsonl"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(data), `"label":"`+label+`"`) {
			return string(data)
		}
	}
	t.Fatalf("no journal of %s in %v", label, files)
	return ""
}
