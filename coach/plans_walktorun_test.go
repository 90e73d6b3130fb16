package coach_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"tend/coach"
)

// Walk to run against NHS Couch to 5K, week by week (COACH §1.1).

func TestWalkToRunPlanMatchesNHSCouchTo5K(t *testing.T) {
	p := mustPlan(t, coach.WalkToRunID)
	checkLadderNumbers(t, p)
	if len(p.Levels) != 13 {
		t.Fatalf("%d levels, want 13 (P1–P4, then W1–W9)", len(p.Levels))
	}
	if p.AdvanceAfter != 3 || p.PerWeek != 3 || p.MinRestDays != 1 || p.StartLevel != 1 {
		t.Errorf("K=%d per week=%d rest=%d start=%d, want K=3, 3/wk, rest 1, start 1",
			p.AdvanceAfter, p.PerWeek, p.MinRestDays, p.StartLevel)
	}
	if p.Unit != coach.Minutes || p.Domain != coach.DomainRun || !p.HighImpact || !p.EffortStepsBack {
		t.Errorf("unit %v domain %v high impact %v stepsBack %v", p.Unit, p.Domain, p.HighImpact, p.EffortStepsBack)
	}

	// Targets by level and variant: walking minutes for P1–P4, run-minutes after.
	want := [][]float64{
		{10}, {15}, {20}, {20}, // P1–P4
		{8}, {9}, {9}, {16}, // W1–W4
		{15, 16, 20},     // W5 R1–R3
		{18, 20, 25},     // W6 R1–R3
		{25}, {28}, {30}, // W7–W9
	}
	for i, l := range p.Levels {
		var got []float64
		for _, s := range l.Variants {
			got = append(got, s.Target)
		}
		if !reflect.DeepEqual(got, want[i]) {
			t.Errorf("level %d (%s) targets %v, want %v", i+1, l.Label, got, want[i])
		}
	}

	// P1–P3 are plain walks of 10, 15 and 20 minutes.
	for i, m := range []int{10, 15, 20} {
		if got, w := blocks(p.Levels[i].Variants[0]), []string{fmt.Sprintf("walk %d", m*60)}; !reflect.DeepEqual(got, w) {
			t.Errorf("P%d blocks %v, want %v", i+1, got, w)
		}
	}
	// P4: 5-min warm-up, then a 20-minute walk with 6 × 30 s easy jogs.
	p4 := p.Levels[3].Variants[0]
	if p4.WarmupS != 300 {
		t.Errorf("P4 warm-up %d s, want 300", p4.WarmupS)
	}
	if bs := blocks(p4); secondsOf("walk", bs)+secondsOf("jog", bs) != 1200 || secondsOf("jog", bs) != 180 ||
		strings.Count(strings.Join(bs, ","), "jog 30") != 6 || secondsOf("run", bs) != 0 {
		t.Errorf("P4 blocks %v, want 20 min of walking with six 30 s jogs and no running", bs)
	}

	// The NHS weeks, block by block, as §1.1 writes them (seconds).
	weeks := []struct {
		level, variant int
		name           string
		blocks         []string
	}{
		{5, 1, "W1", repeat(8, "run 60", "walk 90")},
		{6, 1, "W2", repeat(6, "run 90", "walk 120")},
		{7, 1, "W3", repeat(2, "run 90", "walk 90", "run 180", "walk 180")},
		{8, 1, "W4", []string{"run 180", "walk 90", "run 300", "walk 150", "run 180", "walk 90", "run 300"}},
		{9, 1, "W5R1", []string{"run 300", "walk 180", "run 300", "walk 180", "run 300"}},
		{9, 2, "W5R2", []string{"run 480", "walk 300", "run 480"}},
		{9, 3, "W5R3", []string{"run 1200"}},
		{10, 1, "W6R1", []string{"run 300", "walk 180", "run 480", "walk 180", "run 300"}},
		{10, 2, "W6R2", []string{"run 600", "walk 180", "run 600"}},
		{10, 3, "W6R3", []string{"run 1500"}},
		{11, 1, "W7", []string{"run 1500"}},
		{12, 1, "W8", []string{"run 1680"}},
		{13, 1, "W9", []string{"run 1800"}},
	}
	for _, w := range weeks {
		s := p.Session(w.level, w.variant)
		if got := blocks(s); !reflect.DeepEqual(got, w.blocks) {
			t.Errorf("%s blocks %v, want %v", w.name, got, w.blocks)
		}
		if s.WarmupS != 300 {
			t.Errorf("%s warm-up %d s, want the 5-minute brisk walk (300 s)", w.name, s.WarmupS)
		}
		// The target is the run-minutes, never the warm-up or cool-down.
		if runMin := float64(secondsOf("run", w.blocks)) / 60; s.Target != runMin {
			t.Errorf("%s target %v, want %v run-minutes", w.name, s.Target, runMin)
		}
	}
	if got := p.Session(5, 1).Rounds; len(got) != 1 || got[0].Times != 8 {
		t.Errorf("W1 is written as %+v, want one round done 8 times", got)
	}

	// The bridge before W4: 4 × [3 run, 2 walk] = 12 run-minutes.
	if len(p.Bridges) != 1 {
		t.Errorf("%d bridges, want only the one before W4", len(p.Bridges))
	}
	b, ok := p.Bridges[8]
	if !ok {
		t.Fatal("no bridge before level 8 (W4)")
	}
	if got, w := blocks(b), repeat(4, "run 180", "walk 120"); !reflect.DeepEqual(got, w) || b.Target != 12 || b.WarmupS != 300 {
		t.Errorf("bridge %v target %v warm-up %d, want %v, 12, 300", got, b.Target, b.WarmupS, w)
	}

	// Alternatives for W5R3 (12 run, 2 walk, 8 run = 20) and W6R3 (15, 2, 10 = 25).
	alts := map[[2]int]struct {
		blocks []string
		target float64
	}{
		{9, 3}:  {[]string{"run 720", "walk 120", "run 480"}, 20},
		{10, 3}: {[]string{"run 900", "walk 120", "run 600"}, 25},
	}
	if len(p.Alternatives) != len(alts) {
		t.Errorf("%d alternatives, want %d", len(p.Alternatives), len(alts))
	}
	for key, w := range alts {
		a, ok := p.Alternatives[key]
		if !ok {
			t.Errorf("no alternative for level %d variant %d", key[0], key[1])
			continue
		}
		if got := blocks(a); !reflect.DeepEqual(got, w.blocks) || a.Target != w.target || a.WarmupS != 300 {
			t.Errorf("alternative %v: %v target %v warm-up %d, want %v target %v", key, got, a.Target, a.WarmupS, w.blocks, w.target)
		}
	}

	// Minimum: a 5-minute brisk walk.
	if p.Minimum.Target != 5 || secondsOf("walk", blocks(p.Minimum)) != 300 {
		t.Errorf("minimum %v target %v, want a 5-minute walk", blocks(p.Minimum), p.Minimum.Target)
	}
}
