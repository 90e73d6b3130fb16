package store

import (
	"os"
	"testing"
)

// The day-start hour is kept in the database, survives a reopen, creates a
// new file when there is none, and an hour out of range writes nothing.
func TestSetDayStartHour(t *testing.T) {
	s := newStore(t)
	if err := s.SetDayStartHour(5); err != nil {
		t.Fatal(err)
	}
	set, err := New(s.Path()).Settings()
	if err != nil || set.DayStartHour != 5 {
		t.Fatalf("after setting 5: %+v, %v", set, err)
	}
	before, _ := os.ReadFile(s.Path())
	for _, bad := range []int{-1, 24} {
		if err := s.SetDayStartHour(bad); err == nil {
			t.Errorf("hour %d was taken", bad)
		}
	}
	if after, _ := os.ReadFile(s.Path()); string(after) != string(before) {
		t.Error("a refused hour changed the file")
	}
	if set, _ := s.Settings(); set.DayStartHour != 5 {
		t.Errorf("a refused hour changed the setting to %d", set.DayStartHour)
	}
}
