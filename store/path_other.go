//go:build !unix

package store

// Elsewhere than Unix, the Lstat in lookAt is the only guard.
const (
	noFollow = 0
	dirOnly  = 0
)

func isLoop(error) bool { return false }
