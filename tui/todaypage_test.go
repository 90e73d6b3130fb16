package tui

import (
	"bytes"
	"reflect"
	"testing"

	"tend/coach"
)

// `tend today` builds its page a goal at a time from a window it lends
// and reuses; the page prints what WriteToday prints from the whole
// snapshot, and keeps nothing of a window once its goal is added.
func TestTodayPageAGoalAtATimePrintsTheSnapshotsPage(t *testing.T) {
	snap := seeded(t)
	// A second goal moving in minutes, so the week's minutes add across goals.
	snap.CheckIns[3] = []coach.CheckIn{{Day: fixedDay, Outcome: coach.Done, Achieved: 2, Target: 2, Level: 1, Variant: 1}}
	for _, day := range []coach.Day{fixedDay, fixedDay.AddDays(2), fixedDay.AddDays(7), fixedDay.AddDays(30)} {
		items, err := snap.Todays(day)
		if err != nil {
			t.Fatal(err)
		}
		page, rows := NewTodayPage(snap.Goals, day), NewTodayRows(snap.Goals, day)
		for _, g := range snap.Goals {
			lent := append([]coach.CheckIn(nil), snap.CheckIns[g.ID]...)
			if err := page.Add(g, lent); err != nil {
				t.Fatal(err)
			}
			if err := rows.Add(g, lent); err != nil {
				t.Fatal(err)
			}
			for i := range lent { // the next goal's window overwrites the array
				lent[i] = coach.CheckIn{Day: day, Outcome: coach.Unwell}
			}
		}
		if !reflect.DeepEqual(page.Items(), items) || !reflect.DeepEqual(rows.Items(), items) {
			t.Errorf("%s: the page's rows differ from Todays'", day)
		}
		for _, width := range []int{40, 80, NoWrap} {
			var want, got bytes.Buffer
			if err := WriteToday(&want, snap, day, items, width, DefaultStyles()); err != nil {
				t.Fatal(err)
			}
			if err := page.Write(&got, width, DefaultStyles()); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Errorf("%s at width %d: the page prints\n%s\nwant\n%s", day, width, got.String(), want.String())
			}
		}
	}
}
