package coach_test

import (
	"testing"

	"tend/coach"
)

// What the person said becomes what the check-in counts as in one place,
// Record (COACH §6.2, clarified): below the target partial, at or above it
// done, whichever way it was said.
func TestRecordClassifiesWhatWasSaid(t *testing.T) {
	g := walkGoal(t) // target 10 min
	tests := []struct {
		name   string
		said   coach.Outcome
		amount float64
		want   coach.Outcome
	}{
		{"done without an amount is the target", coach.Done, 0, coach.Done},
		{"done with less is partial", coach.Done, 8, coach.Partial},
		{"done with 90% is still partial", coach.Done, 9, coach.Partial},
		{"done with the target", coach.Done, 10, coach.Done},
		{"done with more", coach.Done, 14, coach.Done},
		{"how far? with less", coach.Partial, 4, coach.Partial},
		{"how far? with all of it", coach.Partial, 10, coach.Done},
		{"a minimum stays a minimum", coach.Minimum, 12, coach.Minimum},
		{"a rest stays a rest", coach.Rest, 0, coach.Rest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec, err := coach.Record(g, nil, coach.Entry{Day: wed, Outcome: tt.said, Amount: tt.amount}, wed)
			if err != nil {
				t.Fatal(err)
			}
			if rec.CheckIn.Outcome != tt.want {
				t.Errorf("saved as %s, want %s", rec.CheckIn.Outcome, tt.want)
			}
		})
	}
}
