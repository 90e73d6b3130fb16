package importfmt

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"tend/coach"
)

// The samples of IMPORT.md live in ../shared/fixtures/import beside the
// repository (CI puts shared/ beside the clone).
func fixtures(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for ; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		if dir == filepath.Dir(dir) {
			t.Fatal("no go.mod above the test")
		}
	}
	fx := filepath.Join(dir, "..", "shared", "fixtures", "import")
	if _, err := os.Stat(fx); err != nil {
		t.Fatalf("the import samples are not at %s: %v", fx, err)
	}
	return fx
}

var fixtureToday = coach.DayOf(2026, time.March, 2)

func opts() Options { return Options{Today: fixtureToday} }

func mustRead(t *testing.T, name string, opt Options) *Source {
	t.Helper()
	src, err := Read(filepath.Join(fixtures(t), name), opt, "")
	if err != nil {
		t.Fatalf("Read(%s): %v", name, err)
	}
	return src
}

// day is a check-in as EXPECTED.md lists them: "done 02-20", "partial 02-23 (12.5)".
type day struct {
	outcome  string
	day      string
	achieved float64
	note     string
}

type habitWant struct {
	name, unit   string
	target       float64
	days         int
	created      string
	archivedFrom string
	checkIns     []day
}

func checkHabits(t *testing.T, src *Source, want []habitWant) {
	t.Helper()
	if len(src.Habits) != len(want) {
		t.Fatalf("%d goals, want %d", len(src.Habits), len(want))
	}
	for i, w := range want {
		h := src.Habits[i]
		g := h.Goal
		if g.Name != w.name || h.Unit.String() != w.unit || h.Target != w.target ||
			g.Schedules[0].PerWeek != w.days || g.Created.String() != w.created {
			t.Errorf("goal %d: %s %s/%v %d days created %s; want %+v", i, g.Name, h.Unit, h.Target,
				g.Schedules[0].PerWeek, g.Created, w)
		}
		if c := g.Custom; c == nil || c.Start != w.target || c.Max != w.target || c.Step != 1 || c.Every != 3 || g.Level != 1 {
			t.Errorf("%s: not a one-rung ladder at %v: %+v level %d", w.name, w.target, c, g.Level)
		}
		arch := ""
		if n := len(g.Statuses); g.Status() == coach.Archived {
			arch = g.Statuses[n-1].From.String()
		}
		if arch != w.archivedFrom {
			t.Errorf("%s: archived from %q, want %q", w.name, arch, w.archivedFrom)
		}
		var got []day
		for _, c := range h.CheckIns {
			got = append(got, day{c.Outcome.String(), c.Day.String(), c.Achieved, c.Note})
			if c.Target != w.target || c.Level != 1 || c.Variant != 1 || c.Effort != coach.EffortOK || c.Pain != coach.PainNone {
				t.Errorf("%s %s: judged against %v at level %d, effort %s, pain %s", w.name, c.Day, c.Target, c.Level, c.Effort, c.Pain)
			}
		}
		if !reflect.DeepEqual(got, w.checkIns) {
			t.Errorf("%s check-ins:\n got %v\nwant %v", w.name, got, w.checkIns)
		}
	}
}

// EXPECTED.md, loop-v2.3.1/.
func TestLoop231Sample(t *testing.T) {
	src := mustRead(t, "loop-v2.3.1", opts())
	if src.Format != "loop-csv" || src.Version != "2.3.1" {
		t.Errorf("format %s %s", src.Format, src.Version)
	}
	checkHabits(t, src, []habitWant{
		{"Morning walk", "times", 1, 3, "2026-02-20", "", []day{{"done", "2026-02-20", 1, ""}, {"rest", "2026-02-23", 0, "Knee sore"},
			{"done", "2026-02-26", 1, ""}, {"done", "2026-02-28", 1, `Felt good; "easy" pace, short loop`}, {"done", "2026-03-01", 1, ""}}},
		{"Run", "min", 20, 4, "2026-02-17", "", []day{{"done", "2026-02-17", 20, "First run in ages"},
			{"partial", "2026-02-23", 12.5, "Intervals: 5 × (2 run, 1 walk)"}, {"rest", "2026-02-25", 0, "Work trip"},
			{"partial", "2026-02-27", 18.5, ""}, {"done", "2026-03-01", 21.5, ""}}},
		{"Yoga für alle", "times", 1, 7, "2026-01-11", "2026-01-15", []day{{"done", "2026-01-11", 1, ""}, {"rest", "2026-01-12", 0, ""},
			{"done", "2026-01-13", 1, "Sun salutation ×3"}, {"done", "2026-01-14", 1, ""}}},
	})
	wantSkips(t, src, map[string]int{"not-a-session": 4, "no": 2, "no-data": 1, "numeric-yes": 1, "habit-skipped": 3},
		[]HabitSkip{{"Cups of coffee", "at-most", 3}}, 3)
	if p := src.Habits[2].Goal.ImportedFrom; p == nil || *p != (coach.Provenance{Source: "loop", Name: "Yoga für alle", Position: 4}) {
		t.Errorf("Yoga's provenance %+v", p)
	}
}

func wantSkips(t *testing.T, src *Source, entries map[string]int, habits []HabitSkip, dropped int) {
	t.Helper()
	if !reflect.DeepEqual(src.EntriesSkipped, entries) {
		t.Errorf("entries skipped %v, want %v", src.EntriesSkipped, entries)
	}
	if len(habits) == 0 {
		habits = nil
	}
	if !reflect.DeepEqual(src.HabitsSkipped, habits) {
		t.Errorf("habits skipped %v, want %v", src.HabitsSkipped, habits)
	}
	if src.NotesDropped != dropped {
		t.Errorf("notes dropped %d, want %d", src.NotesDropped, dropped)
	}
}

// EXPECTED.md, loop-v2.3.0/.
func TestLoop230Sample(t *testing.T) {
	src := mustRead(t, "loop-v2.3.0", opts())
	if src.Version != "2.0" {
		t.Errorf("version %q", src.Version)
	}
	checkHabits(t, src, []habitWant{
		{"Walk", "times", 1, 7, "2023-05-06", "", []day{{"done", "2023-05-06", 1, ""}, {"done", "2023-05-07", 1, ""},
			{"rest", "2023-05-08", 0, ""}, {"done", "2023-05-10", 1, ""}}},
		{"Pages read", "times", 25, 7, "2023-05-07", "", []day{{"done", "2023-05-07", 25, ""}, {"rest", "2023-05-08", 0, ""},
			{"partial", "2023-05-09", 12, ""}, {"done", "2023-05-10", 30, ""}}},
		{"Swim", "times", 1, 2, "2023-05-06", "", []day{{"done", "2023-05-06", 1, ""}, {"done", "2023-05-09", 1, ""}}},
		{"Glasses of water", "times", 1, 7, "2023-05-10", "", []day{{"rest", "2023-05-10", 0, ""}}},
	})
	wantSkips(t, src, map[string]int{"no": 4, "numeric-yes": 1, "not-a-session": 5}, nil, 0)
	said := strings.Join(src.Said, "\n")
	for _, w := range []string{"median", "Glasses of water"} {
		if !strings.Contains(said, w) {
			t.Errorf("the report does not say %q: %s", w, said)
		}
	}
}

// EXPECTED.md, harsh/.
func TestHarshSample(t *testing.T) {
	src := mustRead(t, "harsh", opts())
	checkHabits(t, src, []habitWant{
		{"Walk", "times", 25, 7, "2026-02-23", "", []day{{"done", "2026-02-23", 25, "brisk, round the park"},
			{"rest", "2026-02-24", 0, "knee sore"}, {"done", "2026-02-26", 30, "legs fine again"}}},
		{"Run", "times", 1, 3, "2026-02-23", "", []day{{"done", "2026-02-23", 1, "first run"}}},
		{"Stretch", "times", 1, 1, "2026-02-24", "", []day{{"done", "2026-02-24", 1, ""}}},
		{"Swim", "times", 20, 2, "2026-02-26", "", []day{{"done", "2026-02-26", 20, "20 lengths"}}},
		{"Hike", "times", 12, 1, "2026-02-27", "", []day{{"done", "2026-02-27", 12.5, "Kinder Scout"}}},
		{"Climb", "times", 1, 4, "2026-03-02", "", nil},
		{"Journal", "times", 1, 7, "2025-12-30", "2026-01-01", []day{{"done", "2025-12-30", 1, "three pages"}}},
	})
	wantSkips(t, src, map[string]int{"after-end": 1, "habit-skipped": 1, "superseded": 1, "no": 1, "not-in-habits": 1,
		"too-many-fields": 1}, []HabitSkip{{"Read", "track-only", 1}}, 1)
}

// EXPECTED.md, dijo/: the file alone, the folder, and --include-auto.
func TestDijoSample(t *testing.T) {
	want := []habitWant{
		{"stretch", "times", 1, 7, "2026-02-23", "", []day{{"done", "2026-02-23", 1, ""}, {"done", "2026-02-25", 1, ""}}},
		{"pushups", "times", 20, 7, "2026-02-23", "", []day{{"done", "2026-02-23", 20, ""}, {"partial", "2026-02-24", 12, ""},
			{"partial", "2026-02-25", 18, ""}}},
		{"run km", "times", 5, 7, "2026-02-23", "", []day{{"done", "2026-02-23", 5.2, ""}, {"partial", "2026-02-25", 3.5, ""}}},
		{"water litres", "times", 2, 7, "2026-02-23", "", []day{{"done", "2026-02-23", 2, ""}, {"partial", "2026-02-24", 1.25, ""}}},
	}
	src := mustRead(t, "dijo/habit_record.json", opts())
	checkHabits(t, src, want)
	wantSkips(t, src, map[string]int{"no": 2, "habit-skipped": 1}, []HabitSkip{{"coffee", "track-only", 1}}, 0)

	src = mustRead(t, "dijo", opts())
	checkHabits(t, src, want)
	wantSkips(t, src, map[string]int{"no": 2, "habit-skipped": 3},
		[]HabitSkip{{"coffee", "track-only", 1}, {"commits", "auto", 2}}, 0)

	src = mustRead(t, "dijo", Options{Today: fixtureToday, IncludeAuto: true})
	checkHabits(t, src, append(want, habitWant{"commits", "times", 3, 7, "2026-02-23", "",
		[]day{{"done", "2026-02-23", 4, ""}, {"partial", "2026-02-24", 1, ""}}}))
}

// EXPECTED.md, tend-v1.json: plans kept, check-ins as written.
func TestTendJSONSample(t *testing.T) {
	src := mustRead(t, "tend-v1.json", opts())
	if src.Format != "tend-json" || src.Version != "1" || *src.DayStartHour != 4 || len(src.Habits) != 2 {
		t.Fatalf("read %s %s, %d goals", src.Format, src.Version, len(src.Habits))
	}
	walk, push := src.Habits[0], src.Habits[1]
	if walk.Goal.PlanID != "daily-walk" || push.Goal.Custom == nil || push.Goal.Custom.Max != 15 || !walk.Restore {
		t.Errorf("plans: %s, %+v", walk.Goal.PlanID, push.Goal.Custom)
	}
	if walk.Goal.Level != 2 || push.Goal.Level != 1 || walk.FileLevel != 3 || push.FileLevel != 2 {
		t.Errorf("the rebuild starts at %d and %d (file: %d, %d)", walk.Goal.Level, push.Goal.Level, walk.FileLevel, push.FileLevel)
	}
	if p := walk.Goal.ImportedFrom; walk.Goal.UID != "" || p == nil || *p != (coach.Provenance{Source: "tend", Name: "Walk", Position: 1}) {
		t.Errorf("Walk: uid %q, provenance %+v", walk.Goal.UID, p)
	}
	if len(walk.CheckIns) != 7 || len(push.CheckIns) != 5 || len(walk.FileDecisions) != 7 || len(push.FileDecisions) != 5 {
		t.Fatalf("%d+%d check-ins, %d+%d decisions", len(walk.CheckIns), len(push.CheckIns), len(walk.FileDecisions), len(push.FileDecisions))
	}
	c := walk.CheckIns[5]
	if c.Outcome != coach.Partial || c.Achieved != 8 || c.Target != 12 || c.Level != 3 || c.Note != `Cut short: rain, "soaked", home early` {
		t.Errorf("Walk 02-09: %+v", c)
	}
	if m := walk.CheckIns[0]; m.MoodBefore == nil || *m.MoodBefore != 4 || *m.MoodAfter != 6 {
		t.Errorf("moods of Walk 02-02 not kept: %+v", m)
	}
	if h := push.CheckIns[3]; h.Effort != coach.EffortHard || h.Pain != coach.PainSore {
		t.Errorf("Pushups 02-09: %+v", h)
	}
}

// EXPECTED.md, tend-v1.csv: one rung at the newest row's target.
func TestTendCSVSample(t *testing.T) {
	src := mustRead(t, "tend-v1.csv", opts())
	if src.Format != "tend-csv" || len(src.Habits) != 2 {
		t.Fatalf("%s, %d goals", src.Format, len(src.Habits))
	}
	walk, push := src.Habits[0], src.Habits[1]
	if walk.Unit != coach.Minutes || walk.Target != 12 || push.Unit != coach.Reps || push.Target != 7 ||
		walk.Goal.UID != "3b8f2a61c04e4d97a5e1f6c2d9087b14" || walk.Goal.Schedules[0].PerWeek != 7 ||
		walk.Goal.Created != coach.DayOf(2026, time.February, 2) {
		t.Errorf("Walk %+v / Pushups %s %v", walk.Goal, push.Unit, push.Target)
	}
	if len(walk.CheckIns) != 7 || len(push.CheckIns) != 5 || walk.CheckIns[5].Outcome != coach.Partial || walk.CheckIns[5].Target != 12 {
		t.Errorf("rows: %+v", walk.CheckIns)
	}
}

// EXPECTED.md, bad/: each refused, saying where and what.
func TestBadSamplesAreRefused(t *testing.T) {
	for name, want := range map[string][]string{
		"bad/tend-truncated.json": {"byte 1925", "ends in the middle"},
		"bad/dijo-truncated.json": {"byte 560", "dijo may have been stopped"},
		"bad/harsh-latin1":        {"log line 2", "0xE9", "position 35", "UTF-8"},
		"bad/harsh-icloud":        {"iCloud", ".log.icloud"},
		"bad/loop-future":         {"001 Walk/Checkmarks.csv line 3", "2026-03-04", "after today"},
		"bad/loop-backup.db":      {"Loop Habit Tracker backup", "Export as CSV"},
		"bad/notes.txt":           {"tend can import", "none of these"},
	} {
		_, err := Read(filepath.Join(fixtures(t), name), opts(), "")
		for _, w := range want {
			if err == nil || !strings.Contains(err.Error(), w) {
				t.Errorf("%s: %v; want it to say %q", name, err, w)
			}
		}
	}
}
