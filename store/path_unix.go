//go:build unix

package store

import (
	"errors"
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
