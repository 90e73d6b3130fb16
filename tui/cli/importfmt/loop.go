package importfmt

import (
	"encoding/csv"
	"errors"
	"io"
	"io/fs"
	"path"
	"strconv"
	"strings"

	"tend/coach"
)

// Loop Habit Tracker's three Habits.csv headers (IMPORT §4.2).
const (
	loopHeader231 = "Position,Name,Type,Question,Description,FrequencyNumerator,FrequencyDenominator,Color,Unit,Target Type,Target Value,Archived?"
	loopHeader20  = "Position,Name,Question,Description,NumRepetitions,Interval,Color"
	loopHeader1x  = "Position,Name,Description,NumRepetitions,Interval,Color"
)

// loopVersion tells Loop's version from the first line of Habits.csv.
func loopVersion(first string) string {
	switch strings.TrimSuffix(strings.TrimPrefix(first, "\uFEFF"), "\r") {
	case loopHeader231:
		return "2.3.1"
	case loopHeader20:
		return "2.0"
	case loopHeader1x:
		return "1.x"
	}
	return ""
}

// Loop's entry values, in every version (IMPORT §4.4).
const (
	loopUnknown = -1
	loopNo      = 0
	loopAuto    = 1
	loopManual  = 2
	loopSkip    = 3
)

var loopSymbols = map[string]int64{
	"UNKNOWN": loopUnknown, "NO": loopNo, "YES_AUTO": loopAuto, "YES_MANUAL": loopManual, "SKIP": loopSkip,
}

// loopHabit is a row of Habits.csv.
type loopHabit struct {
	pos      int
	name     string
	numeric  bool // 2.3.1 NUMERICAL; before, told by the values
	atMost   bool
	unit     string
	target   float64
	n, d     int
	archived bool
	v231     bool // from a 2.3.1 export, which has types, units and targets
	line     int
}

// loopEntry is a row of a habit's Checkmarks.csv.
type loopEntry struct {
	day   coach.Day
	value int64
	note  string
	line  int
}

// Loop reads a Loop CSV export: Habits.csv and the per-habit folders'
// Checkmarks.csv in fsys, which is a folder or a zip. budget bounds the
// bytes read from it (the zip-bomb guard of IMPORT §3.8).
func Loop(fsys fs.FS, opt Options, budget *Budget) (*Source, error) {
	raw, err := budget.read(fsys, "Habits.csv")
	if err != nil {
		return nil, err
	}
	b, err := text("Habits.csv", raw)
	if err != nil {
		return nil, err
	}
	first, _, _ := strings.Cut(string(b), "\n")
	version := loopVersion(first)
	if version == "" {
		return nil, errorf("Habits.csv", 1, "the header is not one Loop Habit Tracker writes; export again with Loop's Export as CSV")
	}
	habits, err := loopHabits(b, version)
	if err != nil {
		return nil, err
	}
	folders, err := loopFolders(fsys, len(habits))
	if err != nil {
		return nil, err
	}
	src := newSource("loop-csv", version)
	for _, h := range habits {
		dir, ok := folders[h.pos]
		if !ok {
			src.HabitsSkipped = append(src.HabitsSkipped, HabitSkip{Name: h.name, Reason: "not-exported"})
			continue
		}
		file := path.Join(dir, "Checkmarks.csv")
		raw, err := budget.read(fsys, file)
		if err != nil {
			return nil, err
		}
		entries, err := loopEntries(file, raw, version)
		if err != nil {
			return nil, err
		}
		if err := src.loopHabit(h, file, entries, opt); err != nil {
			return nil, err
		}
	}
	if n := countReason(src.HabitsSkipped, "not-exported"); n > 0 {
		src.Said = append(src.Said, "Loop exports the entries only of the habits selected when exporting; "+
			countWord(n, "habit")+" had none in this export.")
	}
	return src, nil
}

func loopHabits(b []byte, version string) ([]loopHabit, error) {
	r := csv.NewReader(strings.NewReader(string(b)))
	head, err := r.Read()
	if err != nil {
		return nil, csvError("Habits.csv", err)
	}
	r.FieldsPerRecord = len(head)
	var out []loopHabit
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, csvError("Habits.csv", err)
		}
		line, _ := r.FieldPos(0)
		if err := tooLong("Habits.csv", line, rec); err != nil {
			return nil, err
		}
		h := loopHabit{pos: len(out) + 1, name: rec[1], line: line, v231: version == "2.3.1"}
		var nerr, derr error
		switch version {
		case "2.3.1":
			h.numeric = rec[2] == "NUMERICAL"
			if !h.numeric && rec[2] != "YES_NO" {
				return nil, errorf("Habits.csv", line, "the type %q is neither YES_NO nor NUMERICAL", rec[2])
			}
			h.n, nerr = strconv.Atoi(rec[5])
			h.d, derr = strconv.Atoi(rec[6])
			h.unit, h.atMost = rec[8], rec[9] == "AT_MOST"
			if h.numeric {
				if h.target, err = strconv.ParseFloat(rec[10], 64); err != nil {
					return nil, errorf("Habits.csv", line, "the target value %q is not a number", rec[10])
				}
			}
			h.archived = rec[11] == "true"
		case "2.0":
			h.n, nerr = strconv.Atoi(rec[4])
			h.d, derr = strconv.Atoi(rec[5])
		default:
			h.n, nerr = strconv.Atoi(rec[3])
			h.d, derr = strconv.Atoi(rec[4])
		}
		if nerr != nil || derr != nil || h.n < 0 || h.d < 1 {
			return nil, errorf("Habits.csv", line, "the frequency is not two whole numbers")
		}
		out = append(out, h)
	}
}

// loopFolders maps each habit's position to its folder, by the folder's
// leading number only (IMPORT §4.3).
func loopFolders(fsys fs.FS, rows int) (map[int]string, error) {
	ents, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, errorf("", 0, "could not list the export: %v", err)
	}
	out := map[int]string{}
	for _, e := range ents {
		if !e.IsDir() {
			continue
		}
		num, _, _ := strings.Cut(e.Name(), " ")
		n, err := strconv.Atoi(num)
		if err != nil || num == "" || strings.Trim(num, "0123456789") != "" {
			continue // not one of Loop's folders
		}
		if n < 1 || n > rows {
			return nil, errorf(e.Name(), 0, "this folder's number %s has no row in Habits.csv; export again with Loop's Export as CSV", num)
		}
		if other, ok := out[n]; ok {
			return nil, errorf(e.Name(), 0, "this folder has the same number as %q; export again with Loop's Export as CSV", other)
		}
		if _, err := fs.Stat(fsys, path.Join(e.Name(), "Checkmarks.csv")); err != nil {
			return nil, errorf(e.Name(), 0, "this folder has no Checkmarks.csv; export again with Loop's Export as CSV")
		}
		out[n] = e.Name()
	}
	return out, nil
}

func loopEntries(file string, raw []byte, version string) ([]loopEntry, error) {
	b, err := text(file, raw)
	if err != nil {
		return nil, err
	}
	r := csv.NewReader(strings.NewReader(string(b)))
	r.FieldsPerRecord = 2
	if version == "2.3.1" {
		r.FieldsPerRecord = 3
		head, err := r.Read()
		if errors.Is(err, io.EOF) {
			return nil, nil
		}
		if err != nil || strings.Join(head, ",") != "Date,Value,Notes" {
			return nil, errorf(file, 1, "the header is not Date,Value,Notes; export again with Loop's Export as CSV")
		}
	}
	var out []loopEntry
	seen := map[coach.Day]bool{}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, csvError(file, err)
		}
		line, _ := r.FieldPos(0)
		if err := tooLong(file, line, rec); err != nil {
			return nil, err
		}
		e := loopEntry{line: line}
		if e.day, err = coach.ParseDay(rec[0]); err != nil {
			return nil, errorf(file, line, "%q is not a day written YYYY-MM-DD", rec[0])
		}
		if seen[e.day] {
			return nil, errorf(file, line, "%s is there twice", e.day)
		}
		seen[e.day] = true
		v, ok := loopSymbols[rec[1]]
		if !ok {
			if v, err = strconv.ParseInt(rec[1], 10, 64); err != nil || v < loopUnknown {
				return nil, errorf(file, line, "%q is not a value Loop writes", rec[1])
			}
		}
		e.value = v
		if len(rec) == 3 {
			e.note = rec[2]
		}
		out = append(out, e)
	}
}

func csvError(file string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		msg := pe.Err.Error()
		if errors.Is(pe.Err, csv.ErrFieldCount) {
			msg = "it has a different number of fields from the header"
		}
		return errorf(file, pe.Line, "%s; the file may be cut short or edited", msg)
	}
	return errorf(file, 0, "%v", err)
}

func countReason(skips []HabitSkip, reason string) int {
	n := 0
	for _, s := range skips {
		if s.Reason == reason {
			n++
		}
	}
	return n
}

func countWord(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}
