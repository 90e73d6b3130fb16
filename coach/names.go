package coach

// Every enum of the package is an int with a table of names: String writes
// the name a person and a record read, Parse reads it back.

func nameOf[T comparable](names map[T]string, v T) string {
	if s, ok := names[v]; ok {
		return s
	}
	// Not fmt's %v: every enum here has a String method that calls back in.
	return "unknown"
}

func parseName[T comparable](names map[T]string, s, what string) (T, error) {
	for v, n := range names {
		if n == s {
			return v, nil
		}
	}
	var zero T
	return zero, says(ErrBadValue, "%q is not a known %s", s, what)
}
