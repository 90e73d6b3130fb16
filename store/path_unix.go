//go:build unix

package store

import (
	"errors"
	"os"
	"syscall"
)

// noFollow makes an open fail on a symbolic link instead of following it,
// and never wait on a FIFO; dirOnly makes it fail on anything but a folder.
const (
	noFollow = syscall.O_NOFOLLOW | syscall.O_NONBLOCK
	dirOnly  = syscall.O_DIRECTORY
)

// isLoop reports whether an open failed because the path is a link.
func isLoop(err error) bool { return errors.Is(err, syscall.ELOOP) }

// fileID is what tells one file from another on this machine.
func fileID(info os.FileInfo) (dev, ino uint64, ok bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, 0, false
	}
	return uint64(st.Dev), st.Ino, true //nolint:unconvert // Dev is int32 on some systems
}
