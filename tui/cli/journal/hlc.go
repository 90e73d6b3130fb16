package journal

import (
	"fmt"
	"time"
)

// HLC is a hybrid logical clock reading: wall milliseconds and a counter,
// so that order survives clocks that disagree (SYNC §4.2).
type HLC struct {
	Wall    int64 // Unix milliseconds, UTC
	Counter int
}

const (
	hlcLayout  = "2006-01-02T15:04:05.000Z"
	maxCounter = 999999
)

// String writes the clock so that strings sort in clock order.
func (h HLC) String() string {
	return fmt.Sprintf("%s/%06d", time.UnixMilli(h.Wall).UTC().Format(hlcLayout), h.Counter)
}

// Year is the UTC year of the clock's wall time: the file it goes in.
func (h HLC) Year() int { return time.UnixMilli(h.Wall).UTC().Year() }

// ParseHLC reads a clock written by String.
func ParseHLC(s string) (HLC, error) {
	if len(s) != len(hlcLayout)+7 || s[len(hlcLayout)] != '/' {
		return HLC{}, fmt.Errorf("%q is not a clock reading", s)
	}
	t, err := time.Parse(hlcLayout, s[:len(hlcLayout)])
	if err != nil {
		return HLC{}, fmt.Errorf("%q is not a clock reading", s)
	}
	var c int
	if _, err := fmt.Sscanf(s[len(hlcLayout)+1:], "%06d", &c); err != nil || c < 0 {
		return HLC{}, fmt.Errorf("%q is not a clock reading", s)
	}
	h := HLC{Wall: t.UnixMilli(), Counter: c}
	if h.String() != s {
		return HLC{}, fmt.Errorf("%q is not a clock reading", s)
	}
	return h, nil
}

// Less orders two readings.
func (h HLC) Less(o HLC) bool {
	return h.Wall < o.Wall || h.Wall == o.Wall && h.Counter < o.Counter
}

// Next is the clock of a new local event at now, after last: a device's
// clock never goes back, and an event always sorts after what it has seen.
func Next(last HLC, now time.Time) HLC {
	ms := now.UnixMilli()
	switch {
	case ms > last.Wall:
		return HLC{Wall: ms}
	case last.Counter >= maxCounter:
		return HLC{Wall: last.Wall + 1}
	}
	return HLC{Wall: last.Wall, Counter: last.Counter + 1}
}

// Ahead reports whether a clock is more than a day ahead of now: such an
// event waits until the reader's clock gets there, so that one machine
// with a wrong date cannot drag every clock forward for good.
func Ahead(h HLC, now time.Time) bool { return h.Wall > now.Add(24*time.Hour).UnixMilli() }
