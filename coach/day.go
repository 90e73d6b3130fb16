package coach

import (
	"fmt"
	"time"
)

// Day is a calendar date with no time zone: the day a check-in belongs to.
//
// Days are counted, not timed: arithmetic never goes through time.Duration,
// so a 23- or 25-hour day around a DST change cannot shift a date. The zero
// Day means "no day".
type Day struct {
	n int32 // days since 1970-01-01, plus one, so that the zero value is "no day"
}

// Earliest and latest days tend accepts: keys are unsigned day numbers, and
// four-digit years keep the text form fixed.
var (
	firstDay = DayOf(1970, time.January, 1)
	lastDay  = DayOf(9999, time.December, 31)
)

// DayOf returns the civil date y-m-d, normalising out-of-range values the way
// time.Date does (March 0 is the last day of February).
func DayOf(y int, m time.Month, d int) Day {
	// UTC has no DST, so the Unix day of a UTC midnight is exact.
	u := time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix()
	return Day{n: int32(floorDiv(u, 86400)) + 1}
}

// DayFromUnix returns the day that is n days after 1970-01-01.
func DayFromUnix(n int64) Day { return Day{n: int32(n) + 1} }

// Unix returns the number of days since 1970-01-01.
func (d Day) Unix() int64 { return int64(d.n) - 1 }

// IsZero reports whether d is the zero Day.
func (d Day) IsZero() bool { return d.n == 0 }

// Date returns the year, month and day of d.
func (d Day) Date() (int, time.Month, int) {
	return d.utc().Date()
}

// Weekday returns the day of the week of d. It is counted, not looked up
// through time.Time: the measures ask it of every day of twenty years.
func (d Day) Weekday() time.Weekday {
	// 1970-01-01 was a Thursday; the zero Day is the day before it.
	return time.Weekday(((d.Unix()+int64(time.Thursday))%7 + 7) % 7)
}

// AddDays returns the day n days after d (before it when n is negative).
func (d Day) AddDays(n int) Day { return Day{n: d.n + int32(n)} }

// DaysSince returns the number of days from e to d: positive when d is later.
func (d Day) DaysSince(e Day) int { return int(d.n - e.n) }

// Before reports whether d comes before e.
func (d Day) Before(e Day) bool { return d.n < e.n }

// After reports whether d comes after e.
func (d Day) After(e Day) bool { return d.n > e.n }

// Monday returns the Monday that starts d's ISO week.
func (d Day) Monday() Day {
	// time.Weekday counts from Sunday; ISO weeks start on Monday.
	back := (int(d.Weekday()) + 6) % 7
	return d.AddDays(-back)
}

// ISOWeek returns d's ISO 8601 year and week number.
func (d Day) ISOWeek() (year, week int) { return d.utc().ISOWeek() }

// String formats d as YYYY-MM-DD.
func (d Day) String() string {
	if d.IsZero() {
		return ""
	}
	y, m, dd := d.Date()
	return fmt.Sprintf("%04d-%02d-%02d", y, int(m), dd)
}

func (d Day) utc() time.Time {
	return time.Unix(d.Unix()*86400, 0).UTC()
}

// ParseDay parses a YYYY-MM-DD date. It refuses dates that do not exist
// (2026-02-30) rather than rolling them over, and years outside 1970–9999.
func ParseDay(s string) (Day, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Day{}, says(ErrBadDate, "%q is not a YYYY-MM-DD date", s)
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	dd, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 {
		return Day{}, says(ErrBadDate, "%q is not a YYYY-MM-DD date", s)
	}
	d := DayOf(y, time.Month(m), dd)
	if gy, gm, gd := d.Date(); gy != y || int(gm) != m || gd != dd {
		return Day{}, says(ErrBadDate, "%s is not a real date", s)
	}
	if d.Before(firstDay) || d.After(lastDay) {
		return Day{}, says(ErrBadDate, "%s is out of range", s)
	}
	return d, nil
}

func digits(s string) (int, bool) {
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0, false
		}
		n = n*10 + int(r-'0')
	}
	return n, true
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// DefaultDayStartHour is the local hour at which a new day begins: a
// check-in at 00:30 belongs to the evening before. [D]
const DefaultDayStartHour = 4

// DayAt returns the day that the instant t belongs to, in t's location, for
// a day that starts at startHour (0–23) local time.
//
// A day begins the first time the local clock reads startHour:00 on that
// date. Taking the latest day whose start has passed makes the result never
// go back, even where the clock does (São Paulo turned midnight back to 23:00
// in February), and never skip a date unless the calendar itself skipped it
// (Apia, 2011-12-30, with a midnight start).
func DayAt(t time.Time, startHour int) Day {
	best := wallDay(t, startHour)
	// Within one zone period the wall clock only moves forward, so the
	// latest wall day before t is at the end of an earlier period. Clocks
	// move by at most a day, so looking back two days is enough.
	limit := t.Add(-48 * time.Hour)
	for s := t; ; {
		start, _ := s.ZoneBounds()
		if start.IsZero() || !start.After(limit) {
			break
		}
		s = start.Add(-time.Nanosecond)
		if d := wallDay(s, startHour); d.After(best) {
			best = d
		}
	}
	return best
}

// wallDay is the day read straight off the local clock: the date, or the
// date before when the hour is earlier than the day's start.
func wallDay(t time.Time, startHour int) Day {
	y, m, d := t.Date()
	day := DayOf(y, m, d)
	if t.Hour() < startHour {
		day = day.AddDays(-1)
	}
	return day
}
