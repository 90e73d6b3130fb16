package importfmt

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
)

// The sentences for inputs tend recognises and does not import (IMPORT §2, §8).
const (
	sayLoopDB  = "This is a Loop Habit Tracker backup (.db). In Loop's settings, use Export as CSV and import that zip."
	sayGPX     = "GPX tracks are not imported yet."
	sayUnknown = "tend can import a tend export (JSON or CSV), a Loop Habit Tracker CSV export (the zip or its folder), " +
		"harsh's `habits` and `log`, or dijo's `habit_record.json`; %s is none of these."
)

// Families are what --from names: each holds the formats it accepts.
var Families = map[string][]string{
	"tend": {"tend-json", "tend-csv"}, "loop": {"loop-csv"}, "harsh": {"harsh"}, "dijo": {"dijo"},
}

// Read recognises the input at name by its content, never its extension
// (IMPORT §2), and reads it. from, when not "", is the family the person
// said to expect; input of another kind is refused.
func Read(name string, opt Options, from string) (*Source, error) {
	info, err := os.Stat(name)
	if err != nil {
		return nil, errorf("", 0, "%s cannot be read: %v", name, unwrapPath(err))
	}
	var src *Source
	if info.IsDir() {
		src, err = readDir(name, opt)
	} else {
		src, err = readFile(name, info, opt)
	}
	if err != nil {
		return nil, err
	}
	if from != "" {
		ok := false
		for _, f := range Families[from] {
			ok = ok || f == src.Format
		}
		if !ok {
			return nil, errorf("", 0, "%s is a %s export, not a %s one; leave out --from, or give the file %s made", name, src.Format, from, from)
		}
	}
	return src, nil
}

func exists(dir, name string) bool {
	_, err := os.Stat(filepath.Join(dir, name))
	return err == nil
}

func readDir(dir string, opt Options) (*Source, error) {
	switch {
	case exists(dir, "Habits.csv"):
		return Loop(os.DirFS(dir), opt, nil)
	case exists(dir, "habits") && exists(dir, "log"):
		return readHarsh(dir, opt)
	case exists(dir, ".habits.icloud") || exists(dir, ".log.icloud"):
		which := "log"
		if exists(dir, ".habits.icloud") {
			which = "habits"
		}
		return nil, errorf("", 0, "harsh's `%s` is still an iCloud placeholder (.%s.icloud); wait until it has downloaded, then import again", which, which)
	case exists(dir, "habit_record.json"):
		return readDijoDir(dir, opt)
	}
	return nil, errorf("", 0, sayUnknown, dir)
}

func readHarsh(dir string, opt Options) (*Source, error) {
	var b Budget
	h, err := b.read(os.DirFS(dir), "habits")
	if err != nil {
		return nil, err
	}
	l, err := b.read(os.DirFS(dir), "log")
	if err != nil {
		return nil, err
	}
	return Harsh(h, l, opt)
}

func readDijoDir(dir string, opt Options) (*Source, error) {
	src := newSource("dijo", "")
	for _, name := range []string{"habit_record.json", "habit_record[auto].json"} {
		if name != "habit_record.json" && !exists(dir, name) {
			continue
		}
		var b Budget
		raw, err := b.read(os.DirFS(dir), name)
		if err != nil {
			return nil, err
		}
		if err := src.dijoFile(name, raw, opt); err != nil {
			return nil, err
		}
	}
	return src, nil
}

// zipLimit is MaxZipBytes, lowered by tests so a bomb is quick to make.
var zipLimit int64 = MaxZipBytes

// harshLogLine is compiled when an import first looks for it, not as
// every command starts.
var harshLogLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\d{4}-\d{2}-\d{2} : `) })

func readFile(name string, info fs.FileInfo, opt Options) (*Source, error) {
	if info.Size() > MaxFileBytes {
		return nil, errorf("", 0, "%s is larger than %d GiB, more than any export tend reads", name, MaxFileBytes>>30)
	}
	head, err := sniff(name)
	if err != nil {
		return nil, err
	}
	base := filepath.Base(name)
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF}), " \t\r\n")
	first, _, _ := strings.Cut(string(bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF})), "\n")
	first = strings.TrimSuffix(first, "\r")
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return readZip(name, opt)
	case bytes.HasPrefix(head, []byte("SQLite format 3\x00")):
		return nil, errorf("", 0, sayLoopDB)
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return nil, errorf(base, 0, "this is UTF-16 text; save it as UTF-8 and import again")
	case bytes.HasPrefix(trimmed, []byte("{")):
		return readTendJSON(name, info.Size(), opt)
	case bytes.HasPrefix(trimmed, []byte("[")):
		raw, err := readAll(name)
		if err != nil {
			return nil, err
		}
		return Dijo(base, raw, opt)
	case first == strings.Join(CSVHeader, ","):
		raw, err := readAll(name)
		if err != nil {
			return nil, err
		}
		return TendCSV(base, raw, opt)
	case loopVersion(first) != "":
		return Loop(os.DirFS(filepath.Dir(name)), opt, nil)
	case bytes.HasPrefix(trimmed, []byte("<?xml")) || bytes.HasPrefix(trimmed, []byte("<gpx")):
		if bytes.Contains(head, []byte("<gpx")) {
			return nil, errorf("", 0, sayGPX)
		}
	}
	raw, err := readAll(name)
	if err != nil {
		return nil, err
	}
	if kind := harshKind(raw); kind != "" {
		dir := filepath.Dir(name)
		other := map[string]string{"log": "habits", "habits": "log"}[kind]
		if !exists(dir, other) {
			return nil, errorf("", 0, "%s looks like harsh's `%s`; its `%s` must be in the same folder", name, kind, other)
		}
		return readHarsh(dir, opt)
	}
	return nil, errorf("", 0, sayUnknown, name)
}

// harshKind tells harsh's log or habits file by its lines (IMPORT §2).
func harshKind(raw []byte) string {
	b, err := text("", raw)
	if err != nil {
		return ""
	}
	ls := lines(b)
	for _, l := range ls {
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			continue
		}
		if harshLogLine().MatchString(l) {
			return "log"
		}
		break
	}
	n := 0
	for _, l := range ls {
		switch {
		case strings.TrimSpace(l) == "", strings.HasPrefix(l, "#"), strings.HasPrefix(l, "!"):
		case strings.Contains(l, ": "):
			name, freq, _ := strings.Cut(l, ": ")
			freq, _, _ = strings.Cut(freq, ": ")
			if _, _, err := harshFrequency(strings.TrimSpace(freq)); err != nil || strings.TrimSpace(name) == "" {
				return ""
			}
			n++
		default:
			return ""
		}
	}
	if n > 0 {
		return "habits"
	}
	return ""
}

func sniff(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, errorf("", 0, "%s cannot be read: %v", name, unwrapPath(err))
	}
	defer f.Close()
	buf := make([]byte, 4096)
	n, _ := f.Read(buf)
	return buf[:n], nil
}

func readAll(name string) ([]byte, error) {
	var b Budget
	return b.read(os.DirFS(filepath.Dir(name)), filepath.Base(name))
}

func readTendJSON(name string, size int64, opt Options) (*Source, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, errorf("", 0, "%s cannot be read: %v", name, unwrapPath(err))
	}
	defer f.Close()
	src, err := TendJSON(filepath.Base(name), f, size, opt)
	var ie *Error
	if errors.As(err, &ie) && strings.HasPrefix(ie.Msg, "this is not a tend export") {
		return nil, errorf("", 0, sayUnknown, name)
	}
	return src, err
}

// readZip reads a Loop CSV zip without unpacking it to disk (IMPORT §3.8):
// at most MaxZipEntries entries, safe names, and no more than MaxZipBytes
// read, counted as it is read.
func readZip(name string, opt Options) (*Source, error) {
	zr, err := zip.OpenReader(name)
	if err != nil {
		return nil, errorf("", 0, "%s is not a zip tend can read (%v); export again with Loop's Export as CSV", name, err)
	}
	defer zr.Close()
	if len(zr.File) > MaxZipEntries {
		return nil, errorf("", 0, "%s has more than %d entries; that is not a Loop export", name, MaxZipEntries)
	}
	root := ""
	tops := map[string]bool{}
	for _, f := range zr.File {
		n := f.Name
		if strings.Contains(n, "\\") || strings.HasPrefix(n, "/") || path.IsAbs(n) ||
			strings.Contains("/"+n+"/", "/../") || filepath.VolumeName(n) != "" {
			return nil, errorf("", 0, "%s has an entry named %q, which no Loop export has; tend will not read it", name, n)
		}
		top, _, _ := strings.Cut(n, "/")
		tops[top] = true
		if n == "Habits.csv" {
			root = "."
		}
	}
	if root == "" && len(tops) == 1 {
		for top := range tops {
			if _, err := fs.Stat(zr, top+"/Habits.csv"); err == nil {
				root = top
			}
		}
	}
	if root == "" {
		return nil, errorf("", 0, sayUnknown, name)
	}
	fsys, err := fs.Sub(zr, root)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return Loop(fsys, opt, &Budget{Total: zipLimit, Left: zipLimit, Name: name})
}
