package importfmt

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"tend/coach"
)

// Every reader must either refuse its input with an Error or give goals the
// store can take: a plan that builds, days up to today, each day once, in
// the engine's order, and numbers in range. The samples are the seeds, so
// `go test` runs them; `go test -fuzz FuzzX` explores from there.

func seed(f *testing.F, names ...string) {
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join(fixtures(f), n))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

func checkSource(t *testing.T, src *Source, err error) {
	t.Helper()
	if err != nil {
		if err.Error() == "" {
			t.Fatal("an error with no words")
		}
		return
	}
	for _, h := range src.Habits {
		p, perr := h.Goal.Plan()
		if perr != nil {
			t.Fatalf("%q: a plan that does not build: %v", h.Goal.Name, perr)
		}
		if _, cerr := coach.CleanName(h.Goal.Name); cerr != nil {
			t.Fatalf("name %q would be refused: %v", h.Goal.Name, cerr)
		}
		if len(h.Goal.Schedules) == 0 || len(h.Goal.Statuses) == 0 {
			t.Fatalf("%q has no schedule or status", h.Goal.Name)
		}
		seen := map[coach.Day]bool{}
		for _, c := range h.CheckIns {
			switch {
			case c.Day.After(fixtureToday):
				t.Fatalf("%q: a check-in on %s, after today", h.Goal.Name, c.Day)
			case seen[c.Day]:
				t.Fatalf("%q: %s twice", h.Goal.Name, c.Day)
			case c.Outcome < coach.Done || c.Outcome > coach.Away:
				t.Fatalf("%q: outcome %v", h.Goal.Name, c.Outcome)
			case !(c.Achieved >= 0 && c.Achieved <= coach.MaxCustomAmount) || !(c.Target >= 0 && c.Target <= coach.MaxCustomAmount):
				t.Fatalf("%q %s: amounts %v of %v", h.Goal.Name, c.Day, c.Achieved, c.Target)
			case !c.FillStep && (c.Level < 1 || c.Level > len(p.Levels) || c.Variant < 1):
				t.Fatalf("%q %s: level %d variant %d", h.Goal.Name, c.Day, c.Level, c.Variant)
			}
			if _, nerr := coach.CleanNote(c.Note); nerr != nil {
				t.Fatalf("note %q would be refused: %v", c.Note, nerr)
			}
			seen[c.Day] = true
		}
	}
}

func FuzzTendJSON(f *testing.F) {
	seed(f, "tend-v1.json", "bad/tend-truncated.json")
	f.Add([]byte(`{"format":"tend-export","version":1,"goals":[{"id":1,"name":"W","plan":"custom","custom":{"unit":"reps","start":1,"step":1,"max":3,"every":3},"days_per_week":3,"status":"active","level":1,"created":"2026-01-01"}],"checkins":[{"goal":1,"day":"2026-01-02","outcome":"done"}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		src, err := TendJSON("f.json", bytes.NewReader(b), int64(len(b)), opts())
		checkSource(t, src, err)
	})
}

func FuzzTendCSV(f *testing.F) {
	seed(f, "tend-v1.csv")
	f.Fuzz(func(t *testing.T, b []byte) {
		src, err := TendCSV("f.csv", b, opts())
		checkSource(t, src, err)
	})
}

func FuzzDijo(f *testing.F) {
	seed(f, "dijo/habit_record.json", "dijo/habit_record[auto].json", "bad/dijo-truncated.json")
	f.Fuzz(func(t *testing.T, b []byte) {
		src, err := Dijo("habit_record.json", b, Options{Today: fixtureToday, IncludeAuto: true})
		checkSource(t, src, err)
	})
}

func FuzzHarsh(f *testing.F) {
	h, _ := os.ReadFile(filepath.Join(fixtures(f), "harsh", "habits"))
	l, _ := os.ReadFile(filepath.Join(fixtures(f), "harsh", "log"))
	f.Add(h, l)
	f.Add([]byte("A: 2/3w: 2026-01-01\n"), []byte("2026-01-01 : A : y :  : 1e9\n2026-01-01 : A : s\n"))
	f.Fuzz(func(t *testing.T, habits, log []byte) {
		src, err := Harsh(habits, log, opts())
		checkSource(t, src, err)
	})
}

// FuzzLoop fuzzes Habits.csv and one habit's Checkmarks.csv.
func FuzzLoop(f *testing.F) {
	for _, v := range []string{"loop-v2.3.1", "loop-v2.3.0"} {
		files := sampleFiles(f, v)
		for name, b := range files {
			if filepath.Base(name) == "Checkmarks.csv" && filepath.Dir(name) != "." {
				f.Add(files["Habits.csv"], b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, habits, checkmarks []byte) {
		fsys := fstest.MapFS{"Habits.csv": {Data: habits}, "001 A/Checkmarks.csv": {Data: checkmarks}}
		src, err := Loop(fsys, opts(), &Budget{Total: 1 << 20, Left: 1 << 20, Name: "fuzz"})
		checkSource(t, src, err)
	})
}
