package coach_test

import (
	"reflect"
	"slices"
	"testing"

	"pgregory.net/rapid"

	"tend/coach"
)

// Today's row, the weekly line and the week's minutes are the same whether
// the window comes in day order, as the store reads it and as their quick
// paths (halving to the week's Monday) expect, or in any other order,
// which they read whole.
func TestPropertyTodayReadsAnyOrderAlike(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		w := rvDraw(t)
		mixed := slices.Clone(w.hist)
		slices.Reverse(mixed)
		for _, day := range []coach.Day{w.today, w.today.Monday(), w.today.Monday().AddDays(7)} {
			inOrder, err1 := coach.TodayFor(w.g, w.hist, day)
			anyOrder, err2 := coach.TodayFor(w.g, mixed, day)
			if err1 != nil || err2 != nil || !reflect.DeepEqual(inOrder, anyOrder) {
				t.Fatalf("%s: TodayFor in day order\n%+v (%v)\nin reverse\n%+v (%v)", day, inOrder, err1, anyOrder, err2)
			}
			l1, ok1 := coach.WeeklyReview(w.g, w.p, w.hist, day)
			l2, ok2 := coach.WeeklyReview(w.g, w.p, mixed, day)
			if l1 != l2 || ok1 != ok2 {
				t.Fatalf("%s: weekly line %q, %v in day order; %q, %v in reverse", day, l1, ok1, l2, ok2)
			}
			m1 := coach.ActiveMinutes(w.g, w.hist, day.Monday(), day)
			m2 := coach.ActiveMinutes(w.g, mixed, day.Monday(), day)
			if m1 != m2 {
				t.Fatalf("%s: %v active minutes in day order, %v in reverse", day, m1, m2)
			}
		}
	})
}
