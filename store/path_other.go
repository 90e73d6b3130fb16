//go:build !unix

package store

import "os"

// Elsewhere than Unix, the Lstat in lookAt is the only guard.
const (
	noFollow = 0
	dirOnly  = 0
)

func isLoop(error) bool { return false }

func fileID(os.FileInfo) (dev, ino uint64, ok bool) { return 0, 0, false }
