//go:build unix

package cli

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"time"
)

// lockWait bounds how long a sync step waits for another tend's step on
// this device (the app's background one, a `tend done` in another
// terminal); a step takes milliseconds.
const lockWait = 10 * time.Second

// stepLock holds this device's sync lock in its folder until the returned
// function is called: two steps at once could both find one change not
// yet sent and send it twice, and a rewrite of a file (a scrub, a
// compaction) could drop an append made meanwhile. The lock file's name
// starts ".tend-", which no reader takes for a journal.
func stepLock(dir, dev string) (func(), error) {
	f, err := os.OpenFile(filepath.Join(dir, ".tend-"+dev+".lock"), os.O_RDWR|os.O_CREATE|syscall.O_NOFOLLOW, 0o600)
	if err != nil {
		return nil, err
	}
	deadline := time.Now().Add(lockWait)
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		switch {
		case err == nil, !errors.Is(err, syscall.EWOULDBLOCK): // a filesystem without locks: go on as before
			return func() { f.Close() }, nil
		case time.Now().After(deadline):
			f.Close()
			return nil, errors.New("another tend on this device is still syncing; try again in a moment")
		}
		time.Sleep(20 * time.Millisecond)
	}
}
