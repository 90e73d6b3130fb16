package coach_test

import (
	"errors"
	"reflect"
	"testing"

	"tend/coach"
)

// A person's own ladder (COACH §6.5 custom ladders).

func TestCustomPlanRefusesLaddersThatMakeNoSense(t *testing.T) {
	bad := []struct {
		name string
		c    coach.Custom
	}{
		{"step 0", coach.Custom{Unit: coach.Minutes, Start: 10, Step: 0, Max: 30, Every: 3}},
		{"negative step", coach.Custom{Unit: coach.Minutes, Start: 10, Step: -5, Max: 30, Every: 3}},
		{"start 0", coach.Custom{Unit: coach.Minutes, Start: 0, Step: 5, Max: 30, Every: 3}},
		{"start above max", coach.Custom{Unit: coach.Minutes, Start: 40, Step: 5, Max: 30, Every: 3}},
		{"half a rep to start", coach.Custom{Unit: coach.Reps, Start: 2.5, Step: 1, Max: 10, Every: 3}},
		{"half a rep a step", coach.Custom{Unit: coach.Reps, Start: 2, Step: 0.5, Max: 10, Every: 3}},
		{"half a rep at the top", coach.Custom{Unit: coach.Reps, Start: 2, Step: 1, Max: 10.5, Every: 3}},
		{"half a minute", coach.Custom{Unit: coach.Minutes, Start: 2.5, Step: 1, Max: 10, Every: 3}},
		{"61 rungs", coach.Custom{Unit: coach.Reps, Start: 1, Step: 1, Max: 61, Every: 3}},
		{"too big", coach.Custom{Unit: coach.Reps, Start: 1, Step: 10000, Max: 100001, Every: 3}},
		{"no sessions per level", coach.Custom{Unit: coach.Reps, Start: 1, Step: 1, Max: 5, Every: 0}},
	}
	for _, tt := range bad {
		if p, err := coach.CustomPlan("Mine", tt.c); !errors.Is(err, coach.ErrBadValue) {
			t.Errorf("%s: CustomPlan = %d levels, %v; want ErrBadValue", tt.name, len(p.Levels), err)
		}
	}
}

func TestCustomPlanLadderEndsExactlyAtItsMaximum(t *testing.T) {
	tests := []struct {
		name string
		c    coach.Custom
		want []float64
	}{
		{"10 by 5 to 22", coach.Custom{Unit: coach.Minutes, Start: 10, Step: 5, Max: 22, Every: 3}, []float64{10, 15, 20, 22}},
		{"10 by 5 to 20", coach.Custom{Unit: coach.Minutes, Start: 10, Step: 5, Max: 20, Every: 3}, []float64{10, 15, 20}},
		{"one rung", coach.Custom{Unit: coach.Reps, Start: 5, Step: 1, Max: 5, Every: 1}, []float64{5}},
		{"km in tenths", coach.Custom{Unit: coach.Km, Start: 0.1, Step: 0.1, Max: 0.3, Every: 2}, []float64{0.1, 0.2, 0.3}},
		{"km in halves", coach.Custom{Unit: coach.Km, Start: 1.5, Step: 0.5, Max: 3, Every: 2}, []float64{1.5, 2, 2.5, 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := coach.CustomPlan("Mine", tt.c)
			if err != nil {
				t.Fatal(err)
			}
			got := targets(p)
			if len(got) != len(tt.want) {
				t.Fatalf("targets %v, want %v", got, tt.want)
			}
			for i := range got {
				if d := got[i] - tt.want[i]; d > 1e-9 || d < -1e-9 {
					t.Errorf("targets %v, want %v", got, tt.want)
				}
			}
			checkLadderNumbers(t, p)
			if p.ID != coach.CustomPlanID || p.AdvanceAfter != tt.c.Every || p.Unit != tt.c.Unit || p.Name != "Mine" {
				t.Errorf("plan %q id %q K=%d unit %v", p.Name, p.ID, p.AdvanceAfter, p.Unit)
			}
		})
	}
	// Sixty rungs is the most a ladder may have.
	p, err := coach.CustomPlan("Mine", coach.Custom{Unit: coach.Reps, Start: 1, Step: 1, Max: 60, Every: 1})
	if err != nil || len(p.Levels) != 60 {
		t.Errorf("1 to 60 by 1: %d levels, %v; want 60 levels", len(p.Levels), err)
	}
}

func TestCustomLadderLabelsShowTheAmount(t *testing.T) {
	p, err := coach.CustomPlan("Mine", coach.Custom{Unit: coach.Km, Start: 1.5, Step: 0.5, Max: 2, Every: 2})
	if err != nil {
		t.Fatal(err)
	}
	var labels []string
	for _, l := range p.Levels {
		labels = append(labels, l.Label)
	}
	if want := []string{"1.5 km", "2 km"}; !reflect.DeepEqual(labels, want) {
		t.Errorf("labels %v, want %v", labels, want)
	}
	if got := coach.SessionWords(p, p.Levels[0].Variants[0]); got != "1.5 km" {
		t.Errorf("SessionWords = %q, want \"1.5 km\"", got)
	}
}

func TestCustomPlanMinimumIsHalfTheFirstRungInWholeUnits(t *testing.T) {
	tests := []struct {
		c    coach.Custom
		want float64
	}{
		{coach.Custom{Unit: coach.Reps, Start: 10, Step: 2, Max: 20, Every: 3}, 5},
		{coach.Custom{Unit: coach.Reps, Start: 5, Step: 2, Max: 20, Every: 3}, 3}, // 2.5 push-ups is not a thing
		{coach.Custom{Unit: coach.Reps, Start: 1, Step: 1, Max: 20, Every: 3}, 1},
		{coach.Custom{Unit: coach.Minutes, Start: 15, Step: 5, Max: 60, Every: 3}, 8},
		{coach.Custom{Unit: coach.Times, Start: 3, Step: 1, Max: 8, Every: 3}, 2},
		{coach.Custom{Unit: coach.Km, Start: 2.5, Step: 0.5, Max: 5, Every: 3}, 1.25},
	}
	for _, tt := range tests {
		p, err := coach.CustomPlan("Mine", tt.c)
		if err != nil {
			t.Fatal(err)
		}
		if p.Minimum.Target != tt.want {
			t.Errorf("%v from %v: minimum %v, want %v", tt.c.Unit, tt.c.Start, p.Minimum.Target, tt.want)
		}
	}
}
