package main

import (
	"archive/zip"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// tend import through the built binary, with the samples of IMPORT.md
// (../shared/fixtures/import beside the repository) and files made here.

func importSamples(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "shared", "fixtures", "import"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); err != nil {
		t.Fatalf("the import samples are not beside the repository at %s: %v", dir, err)
	}
	return dir
}

// importJSON is the part of `tend import --json` these tests read.
type importJSON struct {
	Format, Version string
	DryRun          bool `json:"dry_run"`
	Goals           []struct {
		Name, From, Match, Unit, Status string
		DaysPerWeek                     int            `json:"days_per_week"`
		Target                          float64        `json:"target"`
		Added                           map[string]int `json:"added"`
		AlreadyThere                    int            `json:"already_there"`
		Differing                       []struct{ Day string }
	}
	HabitsSkipped []struct {
		Name, Reason string
		Entries      int
	} `json:"habits_skipped"`
	EntriesSkipped map[string]int `json:"entries_skipped"`
	NotesDropped   int            `json:"notes_dropped"`
	Transactions   int
}

func runImport(t *testing.T, env Env, args ...string) importJSON {
	t.Helper()
	var r importJSON
	out := mustTend(t, env, append([]string{"import", "--json"}, args...)...)
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("tend import --json %v printed %q: %v", args, out, err)
	}
	return r
}

func (r importJSON) added() (n int) {
	for _, g := range r.Goals {
		for _, k := range g.Added {
			n += k
		}
	}
	return n
}

// sampleWant is EXPECTED.md's summary of a sample: goal names with their
// days a week, unit and target, and the check-ins made.
type sampleWant struct {
	path, format string
	goals        []string // "Name days unit target"
	checkIns     int
	notesDropped int
}

func TestImportEachSampleThroughTheBinary(t *testing.T) {
	fx := importSamples(t)
	zipped := loopZip(t, filepath.Join(fx, "loop-v2.3.1"))
	for _, s := range []sampleWant{
		{"loop-v2.3.1", "loop-csv", []string{"Morning walk 3 times 1", "Run 4 min 20", "Yoga für alle 7 times 1"}, 14, 3},
		{zipped, "loop-csv", []string{"Morning walk 3 times 1", "Run 4 min 20", "Yoga für alle 7 times 1"}, 14, 3},
		{"loop-v2.3.0", "loop-csv", []string{"Walk 7 times 1", "Pages read 7 times 25", "Swim 2 times 1", "Glasses of water 7 times 1"}, 11, 0},
		{"harsh", "harsh", []string{"Walk 7 times 25", "Run 3 times 1", "Stretch 1 times 1", "Swim 2 times 20", "Hike 1 times 12",
			"Climb 4 times 1", "Journal 7 times 1"}, 8, 1},
		{"dijo/habit_record.json", "dijo", []string{"stretch 7 times 1", "pushups 7 times 20", "run km 7 times 5", "water litres 7 times 2"}, 9, 0},
		{"tend-v1.json", "tend-json", []string{"Walk 5 min 12", "Pushups 3 reps 7"}, 12, 0},
		{"tend-v1.csv", "tend-csv", []string{"Walk 7 min 12", "Pushups 7 reps 7"}, 12, 0},
	} {
		t.Run(filepath.Base(s.path), func(t *testing.T) {
			path := s.path
			if !filepath.IsAbs(path) {
				path = filepath.Join(fx, path)
			}
			env := newEnv(t)
			dry := runImport(t, env, "--dry-run", path)
			if _, err := os.Stat(env.DB); !os.IsNotExist(err) {
				t.Fatalf("a dry run made the database (%v)", err)
			}
			real := runImport(t, env, path)
			for _, r := range []importJSON{dry, real} {
				var goals []string
				for _, g := range r.Goals {
					goals = append(goals, strings.Join([]string{g.Name, strconv.Itoa(g.DaysPerWeek), g.Unit, ftoa(g.Target)}, " "))
				}
				if r.Format != s.format || strings.Join(goals, ", ") != strings.Join(s.goals, ", ") ||
					r.added() != s.checkIns || r.NotesDropped != s.notesDropped {
					t.Errorf("dry run %v: %s, goals %q, %d check-ins, %d notes dropped; want %s, %q, %d, %d",
						r.DryRun, r.Format, goals, r.added(), r.NotesDropped, s.format, s.goals, s.checkIns, s.notesDropped)
				}
			}
			before := fileHash(t, env.DB)
			again := runImport(t, env, path)
			for _, g := range again.Goals {
				if g.Match != "matched" || len(g.Differing) > 0 {
					t.Errorf("a second import: %s is %s with %d differing", g.Name, g.Match, len(g.Differing))
				}
			}
			if again.added() != 0 || alreadyThere(again) != s.checkIns {
				t.Errorf("a second import added %d and found %d already there; want 0 and %d", again.added(), alreadyThere(again), s.checkIns)
			}
			if fileHash(t, env.DB) != before {
				t.Errorf("a second import of the same file changed the database")
			}
		})
	}
}

func alreadyThere(r importJSON) (n int) {
	for _, g := range r.Goals {
		n += g.AlreadyThere
	}
	return n
}

// loopZip zips a Loop sample as Loop's Export as CSV does, under a name
// with no .zip: the format is told by content.
func loopZip(t *testing.T, dir string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "Loop Habits CSV 2026-03-02")
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	err = filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		w, err := zw.Create(filepath.ToSlash(rel))
		if err != nil {
			return err
		}
		b, err := os.ReadFile(p)
		if err == nil {
			_, err = w.Write(b)
		}
		return err
	})
	if err == nil {
		err = zw.Close()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// The bad samples are refused with exit 1 and a sentence saying where, and
// the database stays as it was, byte for byte.
func TestImportRefusesBadSamplesAndChangesNothing(t *testing.T) {
	fx := importSamples(t)
	env := newEnv(t)
	mustTend(t, env, "import", filepath.Join(fx, "harsh"))
	for name, want := range map[string][]string{
		"bad/tend-truncated.json": {"1925"},
		"bad/dijo-truncated.json": {"560"},
		"bad/harsh-latin1":        {"line 2", "UTF-8"},
		"bad/harsh-icloud":        {"iCloud"},
		"bad/loop-future":         {"line 3", "2026-03-04"},
		"bad/loop-backup.db":      {"Export as CSV"},
		"bad/notes.txt":           {"none of these"},
	} {
		refusal{args: []string{"import", filepath.Join(fx, name)}, code: 1, want: want}.check(t, env)
	}
	for _, args := range [][]string{{"import"}, {"import", "--from", "loop"}, {"import", "--from", "palm", "x"},
		{"import", filepath.Join(fx, "harsh"), "--as", "Walk"}} {
		refusal{args: args, code: 2}.check(t, env)
	}
	refusal{args: []string{"import", filepath.Join(fx, "harsh"), "--from", "dijo"}, code: 1, want: []string{"not a dijo"}}.check(t, env)
}

// Two of tend's exports of one history import as one: the CSV after the
// JSON finds every row already there (EXPECTED.md, tend-v1.csv).
func TestImportTheCSVAfterTheJSONFindsItAllThere(t *testing.T) {
	fx := importSamples(t)
	env := newEnv(t)
	runImport(t, env, filepath.Join(fx, "tend-v1.json"))
	r := runImport(t, env, filepath.Join(fx, "tend-v1.csv"))
	if r.added() != 0 || alreadyThere(r) != 12 || len(r.Goals) != 2 || r.Goals[0].Match != "matched" {
		t.Errorf("the CSV after the JSON: %+v", r)
	}
	if out := mustTend(t, env, "goals"); !strings.Contains(out, "Walk") || !strings.Contains(out, "level 3") {
		t.Errorf("tend goals after restoring: %s", out)
	}
}

func ftoa(x float64) string {
	b, _ := json.Marshal(x)
	return string(b)
}

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// Names: a name a goal already has gets the first free " (n)"; harsh's
// Walk and walk are two habits; a non-ASCII name is kept whole. A future
// "y" refuses the whole import; --as puts a one-habit source into a goal.
func TestImportNamesFutureDaysAndAs(t *testing.T) {
	env := newEnv(t)
	mustTend(t, env, "add", "Walk", "--plan", "daily-walk")
	dir := writeFiles(t, map[string]string{
		"habits": "Walk: 1\nwalk: 1\nYoga für alle 🧘: 3/7\n",
		"log": "2026-02-20 : Walk : y\r\n2026-02-21 : walk : y : \"quoted\", with commas : 2\r\n" +
			"2026-02-22 : Yoga für alle 🧘 : s : knee\r\n",
	})
	r := runImport(t, env, dir)
	var names []string
	for _, g := range r.Goals {
		names = append(names, g.Name+"←"+g.From)
	}
	if got := strings.Join(names, ", "); got != "Walk (2)←Walk, walk (3)←walk, Yoga für alle 🧘←Yoga für alle 🧘" {
		t.Errorf("names %s", got)
	}
	out := mustTend(t, env, "review", "walk (3)", "--json")
	if !strings.Contains(out, `"quoted\", with commas`) {
		t.Errorf("the note was not kept: %s", out)
	}

	future := writeFiles(t, map[string]string{"habits": "Walk: 1\n", "log": "2026-03-01 : Walk : y\n2026-03-03 : Walk : y\n"})
	refusal{args: []string{"import", future}, code: 1, want: []string{"line 2", "2026-03-03"}}.check(t, env)

	one := writeFiles(t, map[string]string{"habit_record.json": `[{"type": "Bit", "name": "stroll", "stats": {"2026-02-27": true}, "goal": true}]`})
	r = runImport(t, env, one, "--as", "Walk")
	if len(r.Goals) != 1 || r.Goals[0].Match != "matched" || r.Goals[0].Name != "Walk" || r.added() != 1 {
		t.Errorf("--as Walk: %+v", r.Goals)
	}
	if out := mustTend(t, env, "review", "Walk", "--json"); !strings.Contains(out, `"sessions": 1`) {
		t.Errorf("Walk after --as: %s", out)
	}
	// The goal now records where it came from, so the same file again is all there.
	if r := runImport(t, env, one); len(r.Goals) != 1 || r.Goals[0].Name != "Walk" || r.added() != 0 || alreadyThere(r) != 1 {
		t.Errorf("the --as file again, without --as: %+v", r.Goals)
	}
	refusal{args: []string{"import", dir, "--as", "Walk"}, code: 2, want: []string{"exactly one habit", "3"}}.check(t, env)

	// A number habit goes only into a goal of its unit; a new name makes a goal.
	count := writeFiles(t, map[string]string{"habit_record.json": `[{"type": "Count", "name": "laps", "stats": {"2026-02-27": 12}, "goal": 20}]`})
	refusal{args: []string{"import", count, "--as", "Walk"}, code: 1, want: []string{"min", "times"}}.check(t, env)
	if r := runImport(t, env, count, "--as", "Laps"); r.Goals[0].Name != "Laps" || r.Goals[0].Match != "new" || r.Goals[0].Added["partial"] != 1 {
		t.Errorf("--as a new name: %+v", r.Goals)
	}

	// --from harsh with no FILE reads $HARSHPATH (IMPORT §1).
	env.Extra = []string{"HARSHPATH=" + dir}
	if r := runImport(t, env, "--from", "harsh", "--dry-run"); r.Format != "harsh" || r.added() != 0 || alreadyThere(r) != 3 {
		t.Errorf("--from harsh: %+v", r)
	}
}
