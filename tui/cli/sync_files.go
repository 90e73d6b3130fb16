package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"

	"tend/tui/cli/journal"
)

// The sync folder on disk (SYNC §3, §5, §6.1): each device writes only its
// own files, and reads everyone else's as they are, complete lines only.

// jfile is one device's journal file as read now.
type jfile struct {
	name   string
	dev    string
	year   int
	header journal.Header
	size   int64
	mtime  int64
	lines  []jline  // its complete event lines, in file order
	newer  []string // ids of the lines a newer tend wrote
}

// jline is an event line and the offset just past it.
type jline struct {
	ev  journal.Event
	end int64
}

// ignored counts what a merge left alone, by kind, for `tend sync` to say.
type ignored struct {
	conflict, icloud, symlink, other, notJournal, damaged, torn int
	// ahead counts, per device, the events more than a day ahead of this
	// clock, which wait for it (SYNC §4.2); said with what is held back.
	ahead map[string]int
}

// folder is the sync folder as read now.
type folder struct {
	dir   string
	own   []jfile
	peers []jfile
	ign   ignored
	// ownConflict is a sync tool's conflict copy of one of self's files:
	// a second writer with this device's id (SYNC §2).
	ownConflict string
}

// readFolder reads every journal in dir; self's are its own.
func readFolder(dir, self string) (*folder, error) { return readFolderOf(dir, self, nil) }

// readFolderOf reads every journal in dir, decoding only the lines keep
// takes (nil: all) and each file's last, which holds its highest seq.
func readFolderOf(dir, self string, keep func(line []byte) bool) (*folder, error) {
	f := &folder{dir: dir}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("could not read the sync folder %s: %w", dir, err)
	}
	for _, e := range entries {
		name := e.Name()
		switch {
		case strings.Contains(name, ".sync-conflict-") || strings.Contains(name, "conflicted copy"):
			f.ign.conflict++
			if strings.HasPrefix(name, self+".") {
				f.ownConflict = name
			}
			continue
		case strings.HasPrefix(name, ".") && strings.HasSuffix(name, ".icloud"):
			f.ign.icloud++
			continue
		}
		dev, year, ok := journal.ParseFileName(name)
		if !ok {
			if !strings.HasPrefix(name, ".tend-") { // our own temporary and lock files
				f.ign.other++
			}
			continue
		}
		info, err := os.Lstat(filepath.Join(dir, name))
		if err != nil || !info.Mode().IsRegular() {
			f.ign.symlink++
			continue
		}
		jf, ok := readJournal(filepath.Join(dir, name), dev, year, &f.ign, keep)
		if !ok {
			f.ign.notJournal++
			continue
		}
		jf.name, jf.size, jf.mtime = name, info.Size(), info.ModTime().UnixNano()
		if dev == self {
			f.own = append(f.own, jf)
		} else {
			f.peers = append(f.peers, jf)
		}
	}
	return f, nil
}

// readJournal reads a file's header and complete lines, streaming: a
// journal can be megabytes. A damaged line is counted and skipped; a tail
// without its LF is left for the next read.
func readJournal(path, dev string, year int, ign *ignored, keep func([]byte) bool) (jfile, bool) {
	fd, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NOFOLLOW, 0)
	if err != nil {
		return jfile{}, false
	}
	defer fd.Close()
	r := bufio.NewReaderSize(fd, journal.MaxLine)
	jf := jfile{dev: dev, year: year}
	var off, heldEnd int64
	var held []byte // a line keep passed over: decoded after all if it is the last, for its seq
	for i := 0; ; i++ {
		line, err := r.ReadSlice('\n')
		off += int64(len(line))
		if err == bufio.ErrBufferFull { // longer than a line may be
			for err == bufio.ErrBufferFull {
				line, err = r.ReadSlice('\n')
				off += int64(len(line))
			}
			if i == 0 {
				return jfile{}, false
			}
			if err == nil {
				ign.damaged++
				continue
			}
		}
		if err != nil {
			if len(line) > 0 && i > 0 {
				ign.torn++
			}
			break
		}
		line = line[:len(line)-1]
		switch {
		case i == 0:
			h, err := journal.DecodeHeader(line)
			if err != nil || h.Dev != dev || h.Year != year {
				return jfile{}, false
			}
			jf.header = h
		case keep != nil && !keep(line):
			held, heldEnd = append(held[:0], line...), off
		default:
			held = held[:0]
			jf.add(line, off, ign)
		}
	}
	if len(held) > 0 {
		jf.add(held, heldEnd, ign)
	}
	return jf, jf.header.Gen > 0
}

// add decodes one event line of the file, ending at end.
func (jf *jfile) add(line []byte, end int64, ign *ignored) {
	e, newer, err := journal.DecodeEvent(line, jf.dev, jf.year)
	switch {
	case err != nil:
		ign.damaged++
	case newer:
		jf.newer = append(jf.newer, e.ID)
	default:
		jf.lines = append(jf.lines, jline{ev: e, end: end})
	}
}

// appendEvents writes a device's new events to the files of their clocks'
// years, each file fsynced (and the folder, when a file was made). A file
// whose last line was torn by a crash gets an LF first, so the fragment
// becomes one damaged line readers skip.
func appendEvents(dir string, h journal.Header, evs []journal.Event) error {
	byYear := map[int][]byte{}
	var years []int
	for _, e := range evs {
		c, err := journal.ParseHLC(e.HLC)
		if err != nil {
			return err
		}
		line, err := journal.EncodeEvent(e)
		if err != nil {
			return err
		}
		if _, ok := byYear[c.Year()]; !ok {
			years = append(years, c.Year())
		}
		byYear[c.Year()] = append(byYear[c.Year()], line...)
	}
	sort.Ints(years)
	for _, y := range years {
		h.Year = y
		if err := appendFile(dir, h, byYear[y]); err != nil {
			return err
		}
	}
	return nil
}

func appendFile(dir string, h journal.Header, lines []byte) error {
	path := filepath.Join(dir, journal.FileName(h.Dev, h.Year))
	f, err := os.OpenFile(path, os.O_RDWR|os.O_APPEND|os.O_CREATE|syscall.O_NOFOLLOW, 0o600)
	if err != nil {
		return err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return err
	}
	var head []byte
	switch {
	case info.Size() == 0:
		head = journal.EncodeHeader(h)
	default:
		last := make([]byte, 1)
		if _, err := f.ReadAt(last, info.Size()-1); err != nil {
			return err
		}
		if last[0] != '\n' {
			head = []byte{'\n'}
		}
	}
	if _, err := f.Write(append(head, lines...)); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if info.Size() == 0 {
		return syncDir(dir)
	}
	return nil
}

// rewriteFile replaces one of this device's files (a compaction): the new
// content goes to a temporary file that no reader takes for a journal,
// is fsynced, and is renamed over the old one, so a crash leaves one or
// the other whole. The header's new gen makes peers read it again.
func rewriteFile(dir, name string, h journal.Header, evs []journal.Event) error {
	data := journal.EncodeHeader(h)
	for _, e := range evs {
		line, err := journal.EncodeEvent(e)
		if err != nil {
			return err
		}
		data = append(data, line...)
	}
	tmp := filepath.Join(dir, ".tend-"+name+".tmp")
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC|syscall.O_NOFOLLOW, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, filepath.Join(dir, name)); err != nil {
		return err
	}
	return syncDir(dir)
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) {
		return err
	}
	return nil
}

// makeFolder makes DIR/tend, private: the journals hold moods and notes.
func makeFolder(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	if info, err := os.Stat(abs); err != nil || !info.IsDir() {
		return "", fmt.Errorf("there is no folder %s. Make it first (or name the folder your sync tool keeps in step)", abs)
	}
	sub := filepath.Join(abs, "tend")
	if err := os.Mkdir(sub, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
		return "", fmt.Errorf("could not make %s: %w", sub, err)
	}
	return sub, nil
}

// lastSeen is the newest clock among a device's events, as a time.
func lastSeen(files []jfile) (time.Time, int) {
	var newest journal.HLC
	n := 0
	for _, f := range files {
		for _, l := range f.lines {
			n++
			if c, err := journal.ParseHLC(l.ev.HLC); err == nil && newest.Less(c) {
				newest = c
			}
		}
	}
	return time.UnixMilli(newest.Wall).UTC(), n
}
