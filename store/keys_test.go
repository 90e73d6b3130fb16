package store

import (
	"bytes"
	"errors"
	"math"
	"testing"
	"time"

	"pgregory.net/rapid"

	"tend/coach"
)

func TestIDKeysRoundTripAndSortLikeIDs(t *testing.T) {
	ids := []uint64{0, 1, 2, 255, 256, 65535, 1 << 32, math.MaxUint64 - 1, math.MaxUint64}
	for i, id := range ids {
		k := idKey(id)
		if len(k) != 8 {
			t.Fatalf("idKey(%d) is %d bytes, want 8", id, len(k))
		}
		got, err := parseIDKey(k)
		if err != nil || got != id {
			t.Errorf("parseIDKey(idKey(%d)) = %d, %v", id, got, err)
		}
		if i > 0 && bytes.Compare(idKey(ids[i-1]), k) >= 0 {
			t.Errorf("idKey(%d) does not sort after idKey(%d)", id, ids[i-1])
		}
	}
}

func TestDayKeysRoundTripAndSortLikeDays(t *testing.T) {
	days := []coach.Day{
		coach.DayOf(1970, time.January, 1),
		coach.DayOf(1970, time.January, 2),
		coach.DayOf(2000, time.February, 29),
		coach.DayOf(2026, time.March, 1),
		today,
		coach.DayOf(2026, time.December, 31),
		coach.DayOf(2027, time.January, 1),
		coach.DayOf(9999, time.December, 31),
	}
	for i, d := range days {
		k, err := dayKey(d)
		if err != nil {
			t.Fatalf("dayKey(%s): %v", d, err)
		}
		if len(k) != 4 {
			t.Fatalf("dayKey(%s) is %d bytes, want 4", d, len(k))
		}
		got, err := parseDayKey(k)
		if err != nil || got != d {
			t.Errorf("parseDayKey(dayKey(%s)) = %s, %v", d, got, err)
		}
		if i > 0 {
			prev, _ := dayKey(days[i-1])
			if bytes.Compare(prev, k) >= 0 {
				t.Errorf("dayKey(%s) does not sort after dayKey(%s)", d, days[i-1])
			}
		}
	}
	if k, _ := dayKey(coach.DayOf(1970, time.January, 1)); !bytes.Equal(k, []byte{0, 0, 0, 0}) {
		t.Errorf("1970-01-01 is day 0, got key %x", k)
	}
	if k, _ := dayKey(today); !bytes.Equal(k, dayKeyOf(uint32(today.Unix()))) || today.Unix() != 20514 {
		t.Errorf("2026-03-02 is day 20514, got key %x (Unix %d)", k, today.Unix())
	}
}

func TestDayKeyRefusesDaysItCannotStore(t *testing.T) {
	for _, d := range []coach.Day{{}, coach.DayOf(1969, time.December, 31)} {
		if _, err := dayKey(d); !errors.Is(err, coach.ErrBadDate) {
			t.Errorf("dayKey(%q) = %v, want coach.ErrBadDate", d, err)
		}
	}
}

func TestBadKeysAreDamageNotPanics(t *testing.T) {
	for _, k := range [][]byte{nil, {1}, {1, 2, 3, 4, 5}} {
		if _, err := parseDayKey(k); !errors.Is(err, ErrDamaged) {
			t.Errorf("parseDayKey(%x) = %v, want ErrDamaged", k, err)
		}
		if _, err := parseIDKey(k); !errors.Is(err, ErrDamaged) {
			t.Errorf("parseIDKey(%x) = %v, want ErrDamaged", k, err)
		}
		if _, err := parseVersion(k); !errors.Is(err, ErrDamaged) {
			t.Errorf("parseVersion(%x) = %v, want ErrDamaged", k, err)
		}
	}
}

func TestDayRangeBounds(t *testing.T) {
	key := func(d coach.Day) []byte { k, _ := dayKey(d); return k }
	tests := []struct {
		name     string
		from, to coach.Day
		lo, hi   []byte
		ok       bool
	}{
		{"both given", created, today, key(created), key(today), true},
		{"one day", today, today, key(today), key(today), true},
		{"open start", coach.Day{}, today, []byte{0, 0, 0, 0}, key(today), true},
		{"open end", today, coach.Day{}, key(today), []byte{0xff, 0xff, 0xff, 0xff}, true},
		{"from after to", today, created, nil, nil, false},
		{"before 1970 clamps", coach.DayOf(1960, time.January, 1), today, []byte{0, 0, 0, 0}, key(today), true},
		{"wholly before 1970", coach.Day{}, coach.DayOf(1960, time.January, 1), nil, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lo, hi, ok := dayRange(tt.from, tt.to)
			if ok != tt.ok || !bytes.Equal(lo, tt.lo) || !bytes.Equal(hi, tt.hi) {
				t.Errorf("dayRange(%s, %s) = %x, %x, %v; want %x, %x, %v", tt.from, tt.to, lo, hi, ok, tt.lo, tt.hi, tt.ok)
			}
		})
	}
}

// The property Cursor.Seek relies on: for any two values, their keys compare
// as the values do, and decode back to them.
func TestPropertyKeysSortLikeTheirValues(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		a := rapid.Uint64().Draw(rt, "a")
		b := rapid.Uint64().Draw(rt, "b")
		if got, want := bytes.Compare(idKey(a), idKey(b)), cmp(a, b); got != want {
			rt.Fatalf("ids %d, %d: keys compare %d, want %d", a, b, got, want)
		}
		if got, _ := parseIDKey(idKey(a)); got != a {
			rt.Fatalf("id %d decodes to %d", a, got)
		}
		last := coach.DayOf(9999, time.December, 31).Unix()
		da := coach.DayFromUnix(rapid.Int64Range(0, last).Draw(rt, "day a"))
		db := coach.DayFromUnix(rapid.Int64Range(0, last).Draw(rt, "day b"))
		ka, err1 := dayKey(da)
		kb, err2 := dayKey(db)
		if err1 != nil || err2 != nil {
			rt.Fatalf("dayKey: %v, %v", err1, err2)
		}
		if got, want := bytes.Compare(ka, kb), cmp(da.Unix(), db.Unix()); got != want {
			rt.Fatalf("days %s, %s: keys compare %d, want %d", da, db, got, want)
		}
		if got, _ := parseDayKey(ka); got != da {
			rt.Fatalf("day %s decodes to %s", da, got)
		}
	})
}

func cmp[T int64 | uint64](a, b T) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
