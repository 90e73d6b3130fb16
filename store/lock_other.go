//go:build !unix

package store

import (
	"os"
	"time"
)

// shareLock does nothing where there is no flock: bbolt locks the file its
// own way there.
func shareLock(*os.File, time.Duration) error { return nil }
