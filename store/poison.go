package store

import (
	"os"
	"sync"
)

// A panic inside bolt.Open leaves the file memory-mapped with no handle to
// unmap it, and a mapping keeps the file's lock: every later open of that
// file by this process would wait and then say "busy". So the damage is
// remembered, per file, for the life of the process, and answered at once.
// Once the file is replaced (moved aside, restored), it is a different file
// and is opened afresh.
var (
	poisonMu sync.Mutex
	poisoned []poisonedFile
)

type poisonedFile struct {
	info os.FileInfo
	err  error
}

// poison remembers that the file at path made bbolt panic.
func poison(path string, err error) {
	info, statErr := os.Lstat(path)
	if statErr != nil {
		return
	}
	poisonMu.Lock()
	defer poisonMu.Unlock()
	poisoned = append(poisoned, poisonedFile{info: info, err: err})
}

// poisonOf returns the remembered damage of the file at path, if it is
// still the same file, unchanged.
func poisonOf(path string) error {
	poisonMu.Lock()
	defer poisonMu.Unlock()
	if len(poisoned) == 0 {
		return nil
	}
	info, err := os.Lstat(path)
	if err != nil {
		return nil
	}
	for _, p := range poisoned {
		if os.SameFile(p.info, info) && p.info.Size() == info.Size() && p.info.ModTime().Equal(info.ModTime()) {
			return p.err
		}
	}
	return nil
}
