package main

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"
)

// roundTripSeeds is how many random histories the round trip makes. [D]
const roundTripSeeds = 4

// randomExport writes a tend export as another program might: DESIGN's
// fields only, some check-ins without level or amounts (the defaults of
// IMPORT §7.1 fill them in), some with a written_at that makes a back-fill.
func randomExport(t *testing.T, seed uint64) string {
	t.Helper()
	r := rand.New(rand.NewPCG(seed, 14))
	start := time.Date(2025, 3, 3, 0, 0, 0, 0, time.UTC)
	plans := []string{"daily-walk", "walk-to-run", "strength", "yoga", "mindful", "custom"}
	var goals, checkIns []map[string]any
	for g := 1; g <= 3; g++ {
		plan := plans[r.IntN(len(plans))]
		goal := map[string]any{"id": g, "name": fmt.Sprintf("Goal %d ✓, \"%d\"", g, seed), "plan": plan, "custom": nil,
			"days_per_week": 1 + r.IntN(7), "status": "active", "level": 1, "created": start.Format("2006-01-02")}
		if plan == "custom" {
			goal["custom"] = map[string]any{"unit": "reps", "start": 5, "step": 2, "max": 15, "every": 2}
		}
		goals = append(goals, goal)
		day := start
		for i := 0; i < 50; i++ {
			day = day.AddDate(0, 0, []int{1, 1, 1, 2, 3, 8}[r.IntN(6)])
			if day.After(time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)) {
				break
			}
			c := map[string]any{"goal": g, "day": day.Format("2006-01-02"),
				"outcome": []string{"done", "done", "done", "partial", "minimum", "rest", "unwell", "away"}[r.IntN(8)],
				"effort":  []string{"easy", "ok", "hard"}[r.IntN(3)], "pain": []string{"none", "none", "sore"}[r.IntN(3)]}
			if c["outcome"] == "partial" {
				c["achieved"] = 0.5
			}
			if r.IntN(4) == 0 {
				c["note"] = "by the river, \"slow\"\nthen home"
				c["mood_before"], c["mood_after"] = r.IntN(11), r.IntN(11)
			}
			if r.IntN(5) == 0 {
				// Written on a later day: a back-fill that decides nothing.
				c["written_at"] = day.AddDate(0, 0, 2+r.IntN(3)).Add(18 * time.Hour).Format(time.RFC3339)
			} else {
				c["written_at"] = day.Add(18 * time.Hour).Format(time.RFC3339)
			}
			checkIns = append(checkIns, c)
		}
	}
	doc := map[string]any{"format": "tend-export", "version": 1, "settings": map[string]any{"day_start_hour": 5},
		"goals": goals, "checkins": checkIns, "decisions": []any{}}
	b, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "export.json")
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

var exportDevice = regexp.MustCompile(`(?s)"device": \{.*?\},\n`)

// withoutDevice drops the top-level device, the one part of an export that
// names the database that wrote it (IMPORT §7.1).
func withoutDevice(s string) string { return exportDevice.ReplaceAllString(s, "") }

// A history imported into a new database and exported, then imported into
// another and exported again, gives the same export; the CSV export does
// the same through its own import.
func TestImportRoundTripsRandomHistories(t *testing.T) {
	for seed := uint64(1); seed <= roundTripSeeds; seed++ {
		src := randomExport(t, seed)
		a := newEnv(t)
		mustTend(t, a, "import", src)
		first := mustTend(t, a, "export")
		if !strings.Contains(first, `"uid"`) || !strings.Contains(first, `"day_start_hour": 5`) {
			t.Fatalf("seed %d: the first export lacks uids or the file's day start", seed)
		}
		saved := filepath.Join(t.TempDir(), "first.json")
		if err := os.WriteFile(saved, []byte(first), 0o600); err != nil {
			t.Fatal(err)
		}
		b := newEnv(t)
		r := runImport(t, b, saved)
		if second := mustTend(t, b, "export"); withoutDevice(second) != withoutDevice(first) {
			t.Fatalf("seed %d: export → import → export differs:\n%s", seed, firstDiff(withoutDevice(first), withoutDevice(second)))
		}
		for _, g := range r.Goals {
			if g.Match != "new" {
				t.Errorf("seed %d: %s matched in an empty database", seed, g.Name)
			}
		}

		csv := mustTend(t, a, "export", "--format", "csv")
		csvFile := filepath.Join(t.TempDir(), "first.csv")
		if err := os.WriteFile(csvFile, []byte(csv), 0o600); err != nil {
			t.Fatal(err)
		}
		c := newEnv(t)
		mustTend(t, c, "import", csvFile)
		// The CSV has no created day: its goals start on their oldest row
		// (IMPORT §7.4), which can order them otherwise; the rows are equal.
		if again := mustTend(t, c, "export", "--format", "csv"); sortedLines(again) != sortedLines(csv) {
			t.Fatalf("seed %d: CSV export → import → CSV export differs:\n%s", seed, firstDiff(sortedLines(csv), sortedLines(again)))
		}
		// And the JSON after the CSV, or the CSV again: nothing new.
		if r := runImport(t, a, csvFile); r.added() != 0 || len(r.Goals) != 3 {
			t.Errorf("seed %d: the CSV into its own database added %d", seed, r.added())
		}
	}
}

func sortedLines(s string) string {
	ls := strings.Split(s, "\r\n")
	sort.Strings(ls)
	return strings.Join(ls, "\n")
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d:\n- %s\n+ %s", i+1, al[i], bl[i])
		}
	}
	return fmt.Sprintf("%d lines against %d", len(al), len(bl))
}
