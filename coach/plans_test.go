package coach_test

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"tend/coach"
)

// The numbers below are copied from COACH.md §1.1 and §6.5, not computed
// from the plans, so that a slip in either shows up here.

// blocks writes a session's blocks out one by one, repeats unrolled:
// "run 60", "walk 90", or for strength "sit-to-stand 2×8".
func blocks(s coach.Session) []string {
	var out []string
	for _, r := range s.Rounds {
		for i := 0; i < r.Times; i++ {
			for _, b := range r.Blocks {
				if b.Name != "" {
					out = append(out, fmt.Sprintf("%s %d×%d", b.Name, b.Sets, b.Reps))
				} else {
					out = append(out, fmt.Sprintf("%s %d", b.Kind, b.Secs))
				}
			}
		}
	}
	return out
}

// repeat writes a block list n times over.
func repeat(n int, bs ...string) []string {
	var out []string
	for i := 0; i < n; i++ {
		out = append(out, bs...)
	}
	return out
}

// secondsOf adds up the seconds of one kind of block, counted from the
// block list the test wrote out.
func secondsOf(kind string, bs []string) int {
	total := 0
	for _, b := range bs {
		var k string
		var s int
		if n, _ := fmt.Sscanf(b, "%s %d", &k, &s); n == 2 && k == kind {
			total += s
		}
	}
	return total
}

func targets(p coach.Plan) []float64 {
	out := make([]float64, len(p.Levels))
	for i, l := range p.Levels {
		out[i] = l.Variants[0].Target
	}
	return out
}

func checkLadderNumbers(t *testing.T, p coach.Plan) {
	t.Helper()
	for i, l := range p.Levels {
		if l.Number != i+1 {
			t.Errorf("%s level %d has Number %d", p.ID, i+1, l.Number)
		}
		if len(l.Variants) == 0 {
			t.Errorf("%s level %d has no session", p.ID, i+1)
		}
		if l.Label == "" {
			t.Errorf("%s level %d has no label", p.ID, i+1)
		}
	}
}

func TestPlansAreOfferedInOrder(t *testing.T) {
	var ids []string
	for _, p := range coach.Plans() {
		ids = append(ids, p.ID)
	}
	want := []string{"daily-walk", "walk-to-run", "strength", "yoga", "mindful"}
	if !reflect.DeepEqual(ids, want) {
		t.Errorf("Plans() = %v, want %v", ids, want)
	}
	for _, id := range want {
		if p := mustPlan(t, id); p.ID != id {
			t.Errorf("PlanByID(%q).ID = %q", id, p.ID)
		}
	}
	if _, err := coach.PlanByID("couch-to-marathon"); !errors.Is(err, coach.ErrUnknownPlan) {
		t.Errorf("PlanByID(unknown) error = %v, want ErrUnknownPlan", err)
	}
}

func TestDailyWalkPlanMatchesTheSpec(t *testing.T) {
	p := mustPlan(t, coach.DailyWalkID)
	checkLadderNumbers(t, p)
	if got, want := targets(p), []float64{5, 10, 12, 15, 18, 20, 23, 25, 28, 30}; !reflect.DeepEqual(got, want) {
		t.Errorf("targets = %v, want %v", got, want)
	}
	if p.AdvanceAfter != 4 || p.PerWeek != 5 || p.MinRestDays != 0 || p.StartLevel != 2 {
		t.Errorf("K=%d per week=%d rest=%d start=%d, want K=4, 5/wk, rest 0, start 2",
			p.AdvanceAfter, p.PerWeek, p.MinRestDays, p.StartLevel)
	}
	if p.Unit != coach.Minutes || p.Domain != coach.DomainWalk || !p.EffortStepsBack || p.AdvanceWindowDays != 0 {
		t.Errorf("unit %v domain %v stepsBack %v window %d", p.Unit, p.Domain, p.EffortStepsBack, p.AdvanceWindowDays)
	}
	if p.Minimum.Target != 5 {
		t.Errorf("minimum = %v min, want 5", p.Minimum.Target)
	}
	// Each rung is a walk of its target's length.
	for _, l := range p.Levels {
		s := l.Variants[0]
		if got := secondsOf("walk", blocks(s)); got != int(s.Target)*60 {
			t.Errorf("level %d walks %d s, want %v min", l.Number, got, s.Target)
		}
	}
	// Steps of +2/+3 minutes, never more than 25% (COACH §6.5), after the low-energy first rung.
	ts := targets(p)
	for i := 2; i < len(ts); i++ {
		if step := ts[i] - ts[i-1]; step < 2 || step > 3 || step/ts[i-1] > 0.25 {
			t.Errorf("step %v→%v is not +2/+3 within 25%%", ts[i-1], ts[i])
		}
	}
}

func TestStrengthPlanCountsEveryRep(t *testing.T) {
	p := mustPlan(t, coach.StrengthID)
	checkLadderNumbers(t, p)
	if got, want := targets(p), []float64{20, 32, 40, 48, 64, 80, 96, 64, 80, 96}; !reflect.DeepEqual(got, want) {
		t.Errorf("targets = %v, want %v", got, want)
	}
	if p.AdvanceAfter != 2 || p.PerWeek != 2 || p.MinRestDays != 1 || p.Unit != coach.Reps || p.StartLevel != 1 {
		t.Errorf("K=%d per week=%d rest=%d unit=%v start=%d, want K=2, 2/wk, rest 1, reps, start 1",
			p.AdvanceAfter, p.PerWeek, p.MinRestDays, p.Unit, p.StartLevel)
	}
	sets := [][2]int{{1, 5}, {1, 8}, {1, 10}, {1, 12}, {2, 8}, {2, 10}, {2, 12}, {2, 8}, {2, 10}, {2, 12}}
	for i, sr := range sets {
		s := p.Levels[i].Variants[0]
		bs := blocks(s)
		if len(bs) != 4 {
			t.Errorf("L%d has %d moves, want 4", i+1, len(bs))
			continue
		}
		for _, b := range bs {
			if !strings.HasSuffix(b, fmt.Sprintf(" %d×%d", sr[0], sr[1])) {
				t.Errorf("L%d move %q, want %d×%d", i+1, b, sr[0], sr[1])
			}
		}
		if s.WarmupS != 180 {
			t.Errorf("L%d warm-up %d s, want 3 minutes of marching", i+1, s.WarmupS)
		}
	}
	if got := blocks(p.Levels[0].Variants[0]); !strings.HasPrefix(got[0], "sit-to-stand") || !strings.HasPrefix(got[3], "glute bridge") {
		t.Errorf("L1 moves %v, want sit-to-stand … glute bridge", got)
	}
	if got := strings.Join(blocks(p.Levels[7].Variants[0]), ", "); !strings.Contains(got, "counter-top push-up") || !strings.Contains(got, "no-hands sit-to-stand") {
		t.Errorf("L8 moves %q, want the harder variants", got)
	}
	if p.Minimum.Target != 5 {
		t.Errorf("minimum %v reps, want 5 sit-to-stands", p.Minimum.Target)
	}
}

func TestYogaPlanMatchesTheSpec(t *testing.T) {
	p := mustPlan(t, coach.YogaID)
	checkLadderNumbers(t, p)
	if got, want := targets(p), []float64{5, 7, 10, 12, 15, 18, 20}; !reflect.DeepEqual(got, want) {
		t.Errorf("targets = %v, want %v", got, want)
	}
	if p.AdvanceAfter != 4 || p.PerWeek != 4 || p.StartLevel != 1 || p.Domain != coach.DomainYoga || p.Unit != coach.Minutes {
		t.Errorf("K=%d per week=%d start=%d, want K=4, 4/wk, start 1", p.AdvanceAfter, p.PerWeek, p.StartLevel)
	}
	if p.Minimum.Target != 2 {
		t.Errorf("minimum %v min, want 2", p.Minimum.Target)
	}
}

func TestMindfulPlanIsDailyWithAWindowAndNoEffortStepBack(t *testing.T) {
	p := mustPlan(t, coach.MindfulID)
	checkLadderNumbers(t, p)
	if got, want := targets(p), []float64{2, 3, 5, 7, 10}; !reflect.DeepEqual(got, want) {
		t.Errorf("targets = %v, want %v", got, want)
	}
	if p.AdvanceAfter != 5 || p.PerWeek != 7 || p.AdvanceWindowDays != 7 || p.EffortStepsBack || p.StartLevel != 1 {
		t.Errorf("K=%d per week=%d window=%d stepsBack=%v start=%d, want K=5, daily, window 7, false, start 1",
			p.AdvanceAfter, p.PerWeek, p.AdvanceWindowDays, p.EffortStepsBack, p.StartLevel)
	}
	if !strings.Contains(coach.SessionWords(p, p.Minimum), "3 slow breaths") {
		t.Errorf("minimum %q, want 3 breaths", coach.SessionWords(p, p.Minimum))
	}
}

func TestStartLevelForTakesThreeQuartersOfCapacity(t *testing.T) {
	tests := []struct {
		plan     string
		capacity int
		want     int
	}{
		{coach.DailyWalkID, 0, 2},   // not given: the default 10-minute rung
		{coach.DailyWalkID, -3, 2},  // nonsense is "not given"
		{coach.DailyWalkID, 4, 1},   // 3 min is below the first rung: rung 1
		{coach.DailyWalkID, 13, 1},  // 9.75 → 5
		{coach.DailyWalkID, 14, 2},  // 10.5 → 10
		{coach.DailyWalkID, 16, 3},  // 12 → 12 (equal counts)
		{coach.DailyWalkID, 20, 4},  // 15 → 15
		{coach.DailyWalkID, 40, 10}, // 30 → 30
		{coach.DailyWalkID, 600, 10},
		{coach.WalkToRunID, 0, 1},
		{coach.WalkToRunID, 5, 1},  // below P1
		{coach.WalkToRunID, 19, 1}, // 14.25 → P1
		{coach.WalkToRunID, 20, 2}, // 15 → P2
		{coach.WalkToRunID, 26, 2}, // 19.5 → P2
		{coach.WalkToRunID, 27, 4}, // 20.25: P3 and P4 are both 20; the highest is P4
		{coach.WalkToRunID, 300, 4},
		{coach.YogaID, 0, 1},
		{coach.YogaID, 6, 1},
		{coach.YogaID, 10, 2},
		{coach.YogaID, 100, 7},
		{coach.MindfulID, 0, 1},
		{coach.MindfulID, 1, 1},
		{coach.MindfulID, 4, 2},
		{coach.MindfulID, 20, 5},
		{coach.StrengthID, 0, 1},
		{coach.StrengthID, 60, 1}, // counted in reps: minutes say nothing
	}
	for _, tt := range tests {
		p := mustPlan(t, tt.plan)
		if got := p.StartLevelFor(tt.capacity); got != tt.want {
			t.Errorf("%s.StartLevelFor(%d) = %d, want %d", tt.plan, tt.capacity, got, tt.want)
		}
		g, err := coach.NewGoal("Goal", p, nil, coach.Schedule{PerWeek: p.PerWeek}, tt.capacity, mon)
		if err != nil {
			t.Fatal(err)
		}
		if g.Level != tt.want || g.Variant != 1 || g.Bridge {
			t.Errorf("NewGoal(%s, capacity %d) at level %d variant %d bridge %v, want level %d variant 1",
				tt.plan, tt.capacity, g.Level, g.Variant, g.Bridge, tt.want)
		}
	}
}

func TestSessionWordsSayWhatToDo(t *testing.T) {
	walk := mustPlan(t, coach.DailyWalkID)
	run := mustPlan(t, coach.WalkToRunID)
	str := mustPlan(t, coach.StrengthID)
	yoga := mustPlan(t, coach.YogaID)
	mind := mustPlan(t, coach.MindfulID)
	tests := []struct {
		name string
		p    coach.Plan
		s    coach.Session
		want string
	}{
		{"daily walk 5", walk, walk.Session(1, 1), "Walk 5 minutes"},
		{"daily walk 15", walk, walk.Session(4, 1), "Walk 15 minutes"},
		{"daily walk 18 is brisk", walk, walk.Session(5, 1), "Brisk walk 18 minutes"},
		{"daily walk minimum", walk, walk.Minimum, "5 minutes out the door"},
		{"P1", run, run.Session(1, 1), "Brisk walk 10 minutes"},
		{"P4", run, run.Session(4, 1), "20-minute walk with six 30-second easy jogs"},
		{"W1", run, run.Session(5, 1), "8 × [run 60 s, walk 90 s]"},
		{"W2", run, run.Session(6, 1), "6 × [run 90 s, walk 2 min]"},
		{"W3", run, run.Session(7, 1), "2 × [run 90 s, walk 90 s, run 3 min, walk 3 min]"},
		{"W4", run, run.Session(8, 1), "Run 3 min, walk 90 s, run 5 min, walk 2½ min, run 3 min, walk 90 s, run 5 min"},
		{"W5R2", run, run.Session(9, 2), "Run 8 min, walk 5 min, run 8 min"},
		{"W5R3", run, run.Session(9, 3), "Run 20 minutes"},
		{"W9", run, run.Session(13, 1), "Run 30 minutes"},
		{"bridge before W4", run, run.Bridges[8], "4 × [run 3 min, walk 2 min]"},
		{"W5R3 alternative", run, run.Alternatives[[2]int{9, 3}], "Run 12 min, walk 2 min, run 8 min"},
		{"walk to run minimum", run, run.Minimum, "A 5-minute brisk walk"},
		{"strength L5", str, str.Session(5, 1), "2×8 of each: sit-to-stand, wall push-up, heel raise, glute bridge"},
		{"strength minimum", str, str.Minimum, "1×5 sit-to-stands"},
		{"yoga 10", yoga, yoga.Session(3, 1), "Yoga or stretching, 10 minutes"},
		{"mindful 2", mind, mind.Session(1, 1), "Sit quietly, 2 minutes"},
	}
	for _, tt := range tests {
		if got := coach.SessionWords(tt.p, tt.s); got != tt.want {
			t.Errorf("%s: SessionWords = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestWarmupWordsNameTheWarmUp(t *testing.T) {
	run := mustPlan(t, coach.WalkToRunID)
	str := mustPlan(t, coach.StrengthID)
	walk := mustPlan(t, coach.DailyWalkID)
	tests := []struct {
		p    coach.Plan
		s    coach.Session
		want string
	}{
		{run, run.Session(5, 1), "5-minute brisk walk first."},
		{run, run.Bridges[8], "5-minute brisk walk first."},
		{run, run.Session(1, 1), ""},
		{str, str.Session(1, 1), "3 minutes of marching on the spot first."},
		{walk, walk.Session(3, 1), ""},
	}
	for _, tt := range tests {
		if got := coach.WarmupWords(tt.p, tt.s); got != tt.want {
			t.Errorf("%s: WarmupWords = %q, want %q", tt.p.ID, got, tt.want)
		}
	}
}

func TestPlanLevelAndSessionStayOnTheLadder(t *testing.T) {
	p := mustPlan(t, coach.WalkToRunID)
	if got := p.Level(0).Number; got != 1 {
		t.Errorf("Level(0) = %d, want 1", got)
	}
	if got := p.Level(99).Number; got != 13 {
		t.Errorf("Level(99) = %d, want 13", got)
	}
	if got := p.Session(9, 7).Target; got != 20 {
		t.Errorf("Session(9, 7) target %v, want W5R3's 20", got)
	}
	if got := p.Session(9, 0).Target; got != 15 {
		t.Errorf("Session(9, 0) target %v, want W5R1's 15", got)
	}
}

func TestAmountShowsTheNumberAsGiven(t *testing.T) {
	tests := []struct {
		a    float64
		u    coach.Unit
		want string
	}{
		{15, coach.Minutes, "15 min"},
		{0.5, coach.Minutes, "0.5 min"},
		{64, coach.Reps, "64 reps"},
		{3, coach.Times, "3 times"},
		{1, coach.Times, "1 time"}, // one of a counted unit reads as people say it
		{1, coach.Reps, "1 rep"},
		{1, coach.Minutes, "1 min"},
		{2, coach.Km, "2 km"},
		{2.5, coach.Km, "2.5 km"},
		{2.25, coach.Km, "2.25 km"}, // not rounded to 2.2
		{2.75, coach.Miles, "2.75 mi"},
		{0.05, coach.Km, "0.05 km"},
		{1.2000000000000002, coach.Km, "1.2 km"}, // 1 + 0.1 + 0.1 in floating point
	}
	for _, tt := range tests {
		if got := coach.Amount(tt.a, tt.u); got != tt.want {
			t.Errorf("Amount(%v, %v) = %q, want %q", tt.a, tt.u, got, tt.want)
		}
	}
	// A ladder in quarter kilometres shows each rung as it is.
	p, err := coach.CustomPlan("Run", coach.Custom{Unit: coach.Km, Start: 2, Step: 0.25, Max: 2.75, Every: 3})
	if err != nil {
		t.Fatal(err)
	}
	var labels []string
	for _, l := range p.Levels {
		labels = append(labels, l.Label)
	}
	if want := []string{"2 km", "2.25 km", "2.5 km", "2.75 km"}; !reflect.DeepEqual(labels, want) {
		t.Errorf("labels %v, want %v", labels, want)
	}
}
