//go:build !unix

package cli

// stepLock is a no-op where there is no flock: steps are rare enough.
func stepLock(dir, dev string) (func(), error) { return func() {}, nil }
