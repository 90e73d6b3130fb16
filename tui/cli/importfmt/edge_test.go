package importfmt

import (
	"archive/zip"
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"tend/coach"
)

// copyTree copies a sample folder, passing each file through edit.
func copyTree(t *testing.T, from string, edit func(name string, b []byte) []byte) string {
	t.Helper()
	to := t.TempDir()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), edit(rel, b), 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return to
}

func habitsOf(src *Source) []Habit {
	out := append([]Habit(nil), src.Habits...)
	return out
}

// A Loop export saved again by a spreadsheet (a BOM, CR LF line ends, also
// inside quoted notes) reads exactly as the original (IMPORT §4.6).
func TestLoopWithBOMAndCRLFReadsTheSame(t *testing.T) {
	want := mustRead(t, "loop-v2.3.1", opts())
	dir := copyTree(t, filepath.Join(fixtures(t), "loop-v2.3.1"), func(_ string, b []byte) []byte {
		return append([]byte{0xEF, 0xBB, 0xBF}, bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n"))...)
	})
	got, err := Read(dir, opts(), "")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(habitsOf(got), habitsOf(want)) {
		t.Errorf("BOM and CR LF changed what was read")
	}
}

const loopHead = "Position,Name,Type,Question,Description,FrequencyNumerator,FrequencyDenominator,Color,Unit,Target Type,Target Value,Archived?\n"

func loopFS(habits string, checkmarks map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{"Habits.csv": {Data: []byte(loopHead + habits)}}
	for dir, rows := range checkmarks {
		fsys[dir+"/Checkmarks.csv"] = &fstest.MapFile{Data: []byte("Date,Value,Notes\n" + rows)}
	}
	return fsys
}

// Quoted notes keep their commas and quotes; line breaks become spaces;
// an emoji name's folder is found by its number; two habits of one name
// are both read (the second is renamed when written, IMPORT §3.3).
func TestLoopNotesNamesAndDuplicates(t *testing.T) {
	fsys := loopFS("001,Walk,YES_NO,,,1,1,#000000,,,,false\n"+
		"002,🧘,YES_NO,\"Q, with \"\"quotes\"\"\",\"multi\nline\",1,1,#000000,,,,false\n"+
		"003,Walk,YES_NO,,,1,1,#000000,,,,false\n",
		map[string]string{
			"001 Walk": "2026-03-01,YES_MANUAL,\"one, two \"\"three\"\"\r\nfour\"\n",
			"002":      "2026-03-01,YES_MANUAL,\n",
			"003 Walk": "2026-02-28,SKIP,\"tab\there\"\n",
		})
	src, err := Loop(fsys, opts(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(src.Habits) != 3 || src.Habits[1].Goal.Name != "🧘" || src.Habits[0].Goal.Name != "Walk" || src.Habits[2].Goal.Name != "Walk" {
		t.Fatalf("habits %+v", src.Habits)
	}
	if n := src.Habits[0].CheckIns[0].Note; n != `one, two "three" four` {
		t.Errorf("note %q", n)
	}
	if n := src.Habits[2].CheckIns[0].Note; n != "tab here" {
		t.Errorf("note %q", n)
	}
}

// A line with a wrong number of fields stops the import, naming file and line.
func TestLoopBadLineNamesItsLine(t *testing.T) {
	for rows, want := range map[string]string{
		"2026-03-01,YES_MANUAL,\n2026-02-28,YES_MANUAL\n": "001 Walk/Checkmarks.csv line 3",
		"2026-03-01,MAYBE,\n":                             "\"MAYBE\" is not a value",
		"2026-02-30,YES_MANUAL,\n":                        "not a day",
		"2026-03-01,YES_MANUAL,\n2026-03-01,SKIP,\n":      "twice",
		"2026-03-01,YES_MANUAL,\"open\n":                  "line 2",
	} {
		_, err := Loop(loopFS("001,Walk,YES_NO,,,1,1,#000000,,,,false\n", map[string]string{"001 Walk": rows}), opts(), nil)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v; want %q", rows, err, want)
		}
	}
	_, err := Loop(loopFS("001,Walk,YES_NO,,,1,1,#000000,,,,false\n", map[string]string{"007 Run": ""}), opts(), nil)
	if err == nil || !strings.Contains(err.Error(), "no row in Habits.csv") {
		t.Errorf("a folder of no habit: %v", err)
	}
}

func zipOf(t *testing.T, prefix string, files map[string][]byte) string {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, b := range files {
		w, err := zw.Create(prefix + name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(b); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	// No .zip on purpose: the format is told by content.
	p := filepath.Join(t.TempDir(), "export")
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func sampleFiles(t testing.TB, name string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	root := filepath.Join(fixtures(t), name)
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(root, p)
			out[filepath.ToSlash(rel)], _ = os.ReadFile(p)
		}
		return err
	})
	return out
}

// The zip reads as its folder, at the root or inside one top-level folder.
func TestLoopZipReadsAsItsFolder(t *testing.T) {
	want := mustRead(t, "loop-v2.3.1", opts())
	for _, prefix := range []string{"", "Loop Habits CSV 2026-03-02/"} {
		got, err := Read(zipOf(t, prefix, sampleFiles(t, "loop-v2.3.1")), opts(), "")
		if err != nil {
			t.Fatalf("prefix %q: %v", prefix, err)
		}
		if !reflect.DeepEqual(habitsOf(got), habitsOf(want)) {
			t.Errorf("prefix %q: the zip read differently from the folder", prefix)
		}
	}
	bad := sampleFiles(t, "loop-v2.3.1")
	bad["../evil"] = []byte("x")
	if _, err := Read(zipOf(t, "", bad), opts(), ""); err == nil || !strings.Contains(err.Error(), "../evil") {
		t.Errorf("an entry named ../evil: %v", err)
	}
}

// A zip that unpacks to more than the limit is stopped, counted as read.
func TestAZipBombIsCapped(t *testing.T) {
	saved := zipLimit
	t.Cleanup(func() { zipLimit = saved })
	zipLimit = 1 << 20
	files := sampleFiles(t, "loop-v2.3.1")
	files["001 Morning walk/Checkmarks.csv"] = append([]byte("Date,Value,Notes\n"), bytes.Repeat([]byte("2026-03-01,YES_MANUAL,\n"), 2<<20/23)...)
	_, err := Read(zipOf(t, "", files), opts(), "")
	if !errors.Is(err, ErrTooBig) || !strings.Contains(err.Error(), "not a Loop export") {
		t.Errorf("a zip that unpacks to 2 MiB with a 1 MiB limit: %v", err)
	}
}

// --from names the family to expect; another kind is refused.
func TestFromRefusesAnotherFormat(t *testing.T) {
	_, err := Read(filepath.Join(fixtures(t), "harsh"), opts(), "loop")
	if err == nil || !strings.Contains(err.Error(), "not a loop one") {
		t.Errorf("harsh read --from loop: %v", err)
	}
	if _, err := Read(filepath.Join(fixtures(t), "tend-v1.csv"), opts(), "tend"); err != nil {
		t.Errorf("a tend CSV --from tend: %v", err)
	}
}

// The formula guard of the CSV export round-trips.
func TestFormulaGuard(t *testing.T) {
	for _, s := range []string{"=SUM(A1)", "+1", "-x", "@me", "\tx", "plain", "'quoted", ""} {
		if got := UnFormula(Formula(s)); got != s {
			t.Errorf("%q → %q → %q", s, Formula(s), got)
		}
	}
}

// Inputs tend recognises and does not take, and lines no export has.
func TestRecognisedNotImported(t *testing.T) {
	dir := t.TempDir()
	for name, c := range map[string]struct{ body, want string }{
		"track.gpx":  {`<?xml version="1.0"?><gpx version="1.1"><trk></trk></gpx>`, "GPX tracks are not imported yet"},
		"utf16.json": {"\xff\xfe{\x00}\x00", "UTF-16"},
		"long.csv":   {strings.Join(CSVHeader, ",") + "\nWalk,2026-03-01,done,1,1,times,ok,none,,,\"" + strings.Repeat("x", MaxLine) + "\",\n", "longer than 1 MiB"},
	} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(c.body), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := Read(p, opts(), ""); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v; want %q", name, err, c.want)
		}
	}
}

// A harsh log line longer than MaxLine is malformed (IMPORT §3.8): skipped
// and counted like any line harsh would skip, while the lines around it
// still count; a habits line that long stops the import with its line.
func TestHarshLinesLongerThanMaxLine(t *testing.T) {
	habits := []byte("Walk: 1\n")
	long := "2026-02-28 : Walk : y : " + strings.Repeat("x", MaxLine) + "\n"
	log := []byte("2026-02-27 : Walk : y\n" + long + "2026-03-01 : Walk : y\n")
	src, err := Harsh(habits, log, opts())
	if err != nil {
		t.Fatal(err)
	}
	if src.EntriesSkipped["malformed"] != 1 {
		t.Errorf("skipped %v, want one malformed", src.EntriesSkipped)
	}
	if len(src.Habits) != 1 || len(src.Habits[0].CheckIns) != 2 {
		t.Fatalf("%d habits, want Walk with the two short lines", len(src.Habits))
	}
	for _, e := range src.Habits[0].CheckIns {
		if e.Day == coach.DayOf(2026, time.February, 28) {
			t.Errorf("the long line's day was imported: %+v", e)
		}
	}
	_, err = Harsh([]byte("Walk: 1\nRun"+strings.Repeat("x", MaxLine)+": 1\n"), log, opts())
	if err == nil || !strings.Contains(err.Error(), "longer than 1 MiB") || !strings.Contains(err.Error(), "2") {
		t.Errorf("a habits line over 1 MiB: %v", err)
	}
}
