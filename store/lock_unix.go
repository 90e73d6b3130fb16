//go:build unix

package store

import (
	"errors"
	"os"
	"syscall"
	"time"
)

// lockRetry is how often a shared lock is tried again while a writer holds
// the file: bbolt's own interval.
const lockRetry = 50 * time.Millisecond

// shareLock takes a shared lock on f, as a bbolt reader does, waiting up to
// timeout for a writer to finish: ErrBusy after that. The pages checkPages
// reads change while another tend saves, and a read in the middle of a save
// could look like damage. Closing f releases the lock.
func shareLock(f *os.File, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_SH|syscall.LOCK_NB)
		switch {
		case err == nil:
			return nil
		case !errors.Is(err, syscall.EWOULDBLOCK):
			return nil // a filesystem without locks: bbolt will say so, or cope
		case time.Now().After(deadline):
			return ErrBusy
		}
		time.Sleep(lockRetry)
	}
}
