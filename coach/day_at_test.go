package coach_test

import (
	"fmt"
	"testing"
	"time"
	_ "time/tzdata" // the same zone rules on every machine, even without /usr/share/zoneinfo

	"tend/coach"
)

// DayAt: an instant to the day it belongs to, across DST and odd zones.

func TestDayAtFollowsTheLocalDayStartAcrossDST(t *testing.T) {
	utc := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, time.UTC) }
	tests := []struct {
		name  string
		zone  string
		at    time.Time // the instant, written in UTC so that ambiguous local times are exact
		local string    // the same instant on the local clock, to check the test itself
		hour  int
		want  string
	}{
		// A check-in just after midnight belongs to the evening before.
		{"00:30 with start 4 is the day before", "Europe/London", utc(2026, 3, 10, 0, 30), "2026-03-10 00:30 GMT", 4, "2026-03-09"},
		{"00:30 with start 0 is the same day", "Europe/London", utc(2026, 3, 10, 0, 30), "2026-03-10 00:30 GMT", 0, "2026-03-10"},
		{"03:59 is still the day before", "Europe/London", utc(2026, 3, 10, 3, 59), "2026-03-10 03:59 GMT", 4, "2026-03-09"},
		{"04:00 starts the day", "Europe/London", utc(2026, 3, 10, 4, 0), "2026-03-10 04:00 GMT", 4, "2026-03-10"},

		// New York, spring forward 2026-03-08: 02:00 EST → 03:00 EDT.
		{"NY spring 00:30", "America/New_York", utc(2026, 3, 8, 5, 30), "2026-03-08 00:30 EST", 4, "2026-03-07"},
		{"NY spring 01:59", "America/New_York", utc(2026, 3, 8, 6, 59), "2026-03-08 01:59 EST", 0, "2026-03-08"},
		{"NY spring 03:00 right after the jump", "America/New_York", utc(2026, 3, 8, 7, 0), "2026-03-08 03:00 EDT", 4, "2026-03-07"},
		{"NY spring 03:59", "America/New_York", utc(2026, 3, 8, 7, 59), "2026-03-08 03:59 EDT", 4, "2026-03-07"},
		{"NY spring 04:00", "America/New_York", utc(2026, 3, 8, 8, 0), "2026-03-08 04:00 EDT", 4, "2026-03-08"},
		// New York, fall back 2026-11-01: 02:00 EDT → 01:00 EST, so 01:30 happens twice.
		{"NY fall first 01:30", "America/New_York", utc(2026, 11, 1, 5, 30), "2026-11-01 01:30 EDT", 4, "2026-10-31"},
		{"NY fall second 01:30", "America/New_York", utc(2026, 11, 1, 6, 30), "2026-11-01 01:30 EST", 4, "2026-10-31"},
		{"NY fall first 01:30 midnight start", "America/New_York", utc(2026, 11, 1, 5, 30), "2026-11-01 01:30 EDT", 0, "2026-11-01"},
		{"NY fall second 01:30 midnight start", "America/New_York", utc(2026, 11, 1, 6, 30), "2026-11-01 01:30 EST", 0, "2026-11-01"},
		{"NY fall 03:59", "America/New_York", utc(2026, 11, 1, 8, 59), "2026-11-01 03:59 EST", 4, "2026-10-31"},
		{"NY fall 04:00", "America/New_York", utc(2026, 11, 1, 9, 0), "2026-11-01 04:00 EST", 4, "2026-11-01"},

		// London, spring forward 2026-03-29: 01:00 GMT → 02:00 BST.
		{"London spring 00:59", "Europe/London", utc(2026, 3, 29, 0, 59), "2026-03-29 00:59 GMT", 0, "2026-03-29"},
		{"London spring 03:59", "Europe/London", utc(2026, 3, 29, 2, 59), "2026-03-29 03:59 BST", 4, "2026-03-28"},
		{"London spring 04:00", "Europe/London", utc(2026, 3, 29, 3, 0), "2026-03-29 04:00 BST", 4, "2026-03-29"},
		// London, fall back 2026-10-25: 02:00 BST → 01:00 GMT.
		{"London fall first 01:30", "Europe/London", utc(2026, 10, 25, 0, 30), "2026-10-25 01:30 BST", 4, "2026-10-24"},
		{"London fall second 01:30", "Europe/London", utc(2026, 10, 25, 1, 30), "2026-10-25 01:30 GMT", 4, "2026-10-24"},
		{"London fall 03:59", "Europe/London", utc(2026, 10, 25, 3, 59), "2026-10-25 03:59 GMT", 4, "2026-10-24"},
		{"London fall 04:00", "Europe/London", utc(2026, 10, 25, 4, 0), "2026-10-25 04:00 GMT", 4, "2026-10-25"},

		// São Paulo, 2018-11-04 had no midnight: 00:00 -03 → 01:00 -02.
		{"São Paulo last minute of the 3rd", "America/Sao_Paulo", utc(2018, 11, 4, 2, 59), "2018-11-03 23:59 -03", 0, "2018-11-03"},
		{"São Paulo 01:00, the first minute of the 4th", "America/Sao_Paulo", utc(2018, 11, 4, 3, 0), "2018-11-04 01:00 -02", 0, "2018-11-04"},
		{"São Paulo 03:59 on the day with no midnight", "America/Sao_Paulo", utc(2018, 11, 4, 5, 59), "2018-11-04 03:59 -02", 4, "2018-11-03"},
		{"São Paulo 04:00 on the day with no midnight", "America/Sao_Paulo", utc(2018, 11, 4, 6, 0), "2018-11-04 04:00 -02", 4, "2018-11-04"},
		// São Paulo, 2019-02-17 00:00 -02 → 2019-02-16 23:00 -03: the 16th gets 25 hours.
		{"São Paulo first 23:30", "America/Sao_Paulo", utc(2019, 2, 17, 1, 30), "2019-02-16 23:30 -02", 0, "2019-02-16"},
		{"São Paulo second 23:30", "America/Sao_Paulo", utc(2019, 2, 17, 2, 30), "2019-02-16 23:30 -03", 0, "2019-02-16"},
		{"São Paulo midnight after the long day", "America/Sao_Paulo", utc(2019, 2, 17, 3, 0), "2019-02-17 00:00 -03", 0, "2019-02-17"},
		{"São Paulo fall 03:59", "America/Sao_Paulo", utc(2019, 2, 17, 6, 59), "2019-02-17 03:59 -03", 4, "2019-02-16"},
		{"São Paulo fall 04:00", "America/Sao_Paulo", utc(2019, 2, 17, 7, 0), "2019-02-17 04:00 -03", 4, "2019-02-17"},

		// Lord Howe moves its clocks by 30 minutes: 2026-04-05 02:00 +11 → 01:30 +1030.
		{"Lord Howe first 01:45", "Australia/Lord_Howe", utc(2026, 4, 4, 14, 45), "2026-04-05 01:45 +11", 4, "2026-04-04"},
		{"Lord Howe second 01:45", "Australia/Lord_Howe", utc(2026, 4, 4, 15, 15), "2026-04-05 01:45 +1030", 4, "2026-04-04"},
		{"Lord Howe second 01:45 midnight start", "Australia/Lord_Howe", utc(2026, 4, 4, 15, 15), "2026-04-05 01:45 +1030", 0, "2026-04-05"},
		{"Lord Howe autumn 03:59", "Australia/Lord_Howe", utc(2026, 4, 4, 17, 29), "2026-04-05 03:59 +1030", 4, "2026-04-04"},
		{"Lord Howe autumn 04:00", "Australia/Lord_Howe", utc(2026, 4, 4, 17, 30), "2026-04-05 04:00 +1030", 4, "2026-04-05"},
		// 2026-10-04 02:00 +1030 → 02:30 +11.
		{"Lord Howe spring 00:30", "Australia/Lord_Howe", utc(2026, 10, 3, 14, 0), "2026-10-04 00:30 +1030", 4, "2026-10-03"},
		{"Lord Howe spring 02:30 right after the jump", "Australia/Lord_Howe", utc(2026, 10, 3, 15, 30), "2026-10-04 02:30 +11", 0, "2026-10-04"},
		{"Lord Howe spring 03:59", "Australia/Lord_Howe", utc(2026, 10, 3, 16, 59), "2026-10-04 03:59 +11", 4, "2026-10-03"},
		{"Lord Howe spring 04:00", "Australia/Lord_Howe", utc(2026, 10, 3, 17, 0), "2026-10-04 04:00 +11", 4, "2026-10-04"},

		// Chatham falls back from 03:45 to 02:45 (2026-04-05), across a 03:00 day start:
		// read straight off the clock, 02:50 would be the day before again.
		{"Chatham 03:30 before the change", "Pacific/Chatham", utc(2026, 4, 4, 13, 45), "2026-04-05 03:30 +1345", 3, "2026-04-05"},
		{"Chatham 02:50 after the change does not go back", "Pacific/Chatham", utc(2026, 4, 4, 14, 5), "2026-04-05 02:50 +1245", 3, "2026-04-05"},
		{"Chatham 02:50 the day before", "Pacific/Chatham", utc(2026, 4, 3, 13, 5), "2026-04-04 02:50 +1345", 3, "2026-04-03"},

		// Apia skipped 2011-12-30: 23:59 -10 on the 29th → 00:00 +14 on the 31st.
		{"Apia evening of the 29th", "Pacific/Apia", utc(2011, 12, 30, 9, 30), "2011-12-29 23:30 -10", 0, "2011-12-29"},
		{"Apia first minute of the 31st", "Pacific/Apia", utc(2011, 12, 30, 10, 0), "2011-12-31 00:00 +14", 0, "2011-12-31"},
		{"Apia 00:30 on the 31st with start 4 is the 30th", "Pacific/Apia", utc(2011, 12, 30, 10, 30), "2011-12-31 00:30 +14", 4, "2011-12-30"},
		{"Apia 04:00 on the 31st", "Pacific/Apia", utc(2011, 12, 30, 14, 0), "2011-12-31 04:00 +14", 4, "2011-12-31"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			at := tt.at.In(loadZone(t, tt.zone))
			if got := at.Format("2006-01-02 15:04 MST"); got != tt.local {
				t.Fatalf("test instant is %s on the local clock, want %s", got, tt.local)
			}
			if got := coach.DayAt(at, tt.hour); got.String() != tt.want {
				t.Errorf("DayAt(%s, %d) = %s, want %s", tt.local, tt.hour, got, tt.want)
			}
		})
	}
}

// apiaSkip is the one date a calendar skipped in the zones swept below.
var apiaSkip = day(2011, time.December, 30)

// TestDayAtNeverGoesBackNorSkipsADay steps an instant forward one hour at a
// time through twenty years in zones with unusual clocks, and checks that the
// day moves on by zero or one each step. With a midnight start, Apia skips
// 2011-12-30 because its calendar did; with a 04:00 start that date exists
// (the first four hours of the 31st belong to it).
func TestDayAtNeverGoesBackNorSkipsADay(t *testing.T) {
	zones := []string{
		"America/New_York", "Europe/London", "America/Sao_Paulo", "Australia/Lord_Howe",
		"Pacific/Apia", "Asia/Kolkata", "Pacific/Chatham",
	}
	from := time.Date(2005, time.January, 1, 0, 0, 0, 0, time.UTC)
	to := time.Date(2025, time.January, 1, 0, 0, 0, 0, time.UTC)
	for _, hour := range []int{0, 4} {
		for _, zone := range zones {
			t.Run(fmt.Sprintf("%s/start-%02d", zone, hour), func(t *testing.T) {
				t.Parallel()
				loc := loadZone(t, zone)
				var skipped []coach.Day
				prev := coach.DayAt(from.In(loc), hour)
				first := prev
				for at := from.Add(time.Hour); at.Before(to); at = at.Add(time.Hour) {
					d := coach.DayAt(at.In(loc), hour)
					switch step := d.DaysSince(prev); step {
					case 0, 1:
					case 2:
						skipped = append(skipped, prev.AddDays(1))
					default:
						t.Fatalf("at %s the day moved from %s to %s", at.In(loc), prev, d)
					}
					prev = d
				}
				var want []coach.Day
				if zone == "Pacific/Apia" && hour == 0 {
					want = []coach.Day{apiaSkip}
				}
				if len(skipped) != len(want) || (len(want) == 1 && skipped[0] != want[0]) {
					t.Errorf("skipped days %v, want %v", skipped, want)
				}
				// 2005-01-01 to 2025-01-01 is 7305 days; Apia crossed the date
				// line in 2011 and so saw one more.
				days := 7305
				if zone == "Pacific/Apia" {
					days++
				}
				if n := prev.DaysSince(first); n < days-1 || n > days {
					t.Errorf("swept %d days (%s to %s), want %d", n, first, prev, days)
				}
			})
		}
	}
}
