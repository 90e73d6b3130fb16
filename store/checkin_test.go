package store

import (
	"errors"
	"reflect"
	"testing"

	"pgregory.net/rapid"

	"tend/coach"
)

// threeDone checks in three done sessions on the days before today, so that
// a fourth today moves a new Daily walk up from level 2 (10 min) to 3 (K = 4;
// a goal never started is never welcomed back, so the first counts too).
func threeDone(t *testing.T, s *Store, id uint64) {
	t.Helper()
	for i := 3; i >= 1; i-- {
		mustCheckIn(t, s, id, entry(today.AddDays(-i), coach.Done), today)
	}
}

func TestCheckInSavesTheCheckInDecisionAndGoalTogether(t *testing.T) {
	s := newStore(t)
	g := mustAdd(t, s, walkGoal(t, "Walk"))
	threeDone(t, s, g.ID)
	rec := mustCheckIn(t, s, g.ID, entry(today, coach.Done), today)
	if !rec.Decided || rec.Decision.Action != coach.ActAdvance || rec.Goal.Level != 3 {
		t.Fatalf("the fifth session decided %v %s to level %d; want an advance to 3", rec.Decided, rec.Decision.Action, rec.Goal.Level)
	}
	if got := mustGoal(t, s, g.ID); !reflect.DeepEqual(got, rec.Goal) {
		t.Errorf("stored goal\n%+v\nwant the recorded one\n%+v", got, rec.Goal)
	}
	cs, ds := mustCheckIns(t, s, g.ID), mustDecisions(t, s, g.ID)
	if last := ds[len(ds)-1]; len(ds) != 4 || !reflect.DeepEqual(last, rec.Decision) {
		t.Errorf("stored decisions %+v; want four ending with %+v", ds, rec.Decision)
	}
	if last := cs[len(cs)-1]; len(cs) != 4 || last.Day != today || last.Achieved != 10 || last.Target != 10 {
		t.Errorf("stored check-ins %+v; want four ending with today's 10 of 10", cs)
	}
}

// Two sessions on one day are one check-in whose amounts add (coach's
// merge), judged from the goal as it stood before the day: the second does
// not build on the first one's decision.
func TestASecondCheckInTheSameDayAddsUp(t *testing.T) {
	s := newStore(t)
	g := mustAdd(t, s, walkGoal(t, "Walk"))
	threeDone(t, s, g.ID)
	before := mustGoal(t, s, g.ID)

	first := mustCheckIn(t, s, g.ID, entry(today, coach.Done), today)
	if first.Goal.Level != 3 {
		t.Fatalf("the fifth session left the goal at level %d, want 3", first.Goal.Level)
	}
	second := coach.Entry{Day: today, Outcome: coach.Partial, Amount: 2, MoodAfter: intp(7), At: writeAt}
	rec := mustCheckIn(t, s, g.ID, second, today)
	if rec.CheckIn.Achieved != 12 || rec.CheckIn.Outcome != coach.Done || *rec.CheckIn.MoodAfter != 7 {
		t.Errorf("merged check-in %+v; want 12 minutes, done, mood 7", rec.CheckIn)
	}
	// Judged from level 3, the day would be a hold at 12 minutes.
	if rec.Goal.Level != 3 || rec.Decision.Action != coach.ActAdvance || rec.Decision.From != 2 ||
		!reflect.DeepEqual(rec.Decision.Before, before.Step()) {
		t.Errorf("decision %+v, level %d; want the advance from 2, judged from the goal before today", rec.Decision, rec.Goal.Level)
	}
	cs, err := s.CheckIns(g.ID, today, today)
	if err != nil || len(cs) != 1 || cs[0].Achieved != 12 {
		t.Errorf("today's check-ins %+v, %v; want one of 12 minutes", cs, err)
	}
	if ds, _ := s.Decisions(g.ID, today, today); len(ds) != 1 || !reflect.DeepEqual(ds[0], rec.Decision) {
		t.Errorf("today's decisions %+v; want the second one only", ds)
	}
}

func TestABackFillMakesNoDecision(t *testing.T) {
	s := newStore(t)
	g := mustAdd(t, s, walkGoal(t, "Walk"))
	mustCheckIn(t, s, g.ID, entry(today, coach.Done), today)
	before := mustGoal(t, s, g.ID)
	rec := mustCheckIn(t, s, g.ID, entry(today.AddDays(-2), coach.Done), today)
	if rec.Decided {
		t.Errorf("a back-fill decided %+v", rec.Decision)
	}
	if ds, _ := s.Decisions(g.ID, today.AddDays(-2), today.AddDays(-2)); len(ds) != 0 {
		t.Errorf("a back-fill stored a decision: %+v", ds)
	}
	if got := mustGoal(t, s, g.ID); !reflect.DeepEqual(got, before) {
		t.Errorf("a back-fill changed the goal:\n%+v\nwas\n%+v", got, before)
	}
	if cs := mustCheckIns(t, s, g.ID); len(cs) != 2 || cs[0].Day != today.AddDays(-2) {
		t.Errorf("check-ins %+v; want the back-fill first", cs)
	}
}

// A back-fill of a day older than the recent window still merges with a
// check-in already on that day.
func TestABackFillOlderThanTheWindowStillAddsUp(t *testing.T) {
	s := newStore(t)
	g := walkGoal(t, "Walk")
	g.Created = today.AddDays(-3 * coach.RecentDays)
	g = mustAdd(t, s, g)
	mustCheckIn(t, s, g.ID, entry(today.AddDays(-coach.RecentDays-20), coach.Done), today)
	old := today.AddDays(-2 * coach.RecentDays)
	for _, amount := range []float64{4, 3} {
		rec := mustCheckIn(t, s, g.ID, coach.Entry{Day: old, Outcome: coach.Partial, Amount: amount, At: writeAt}, today)
		if rec.Decided {
			t.Errorf("a back-fill behind a newer check-in decided %+v", rec.Decision)
		}
	}
	if cs, _ := s.CheckIns(g.ID, old, old); len(cs) != 1 || cs[0].Achieved != 7 {
		t.Errorf("the old day holds %+v; want one check-in of 7", cs)
	}
}

func TestUndoPutsTheGoalBack(t *testing.T) {
	s := newStore(t)
	g := mustAdd(t, s, walkGoal(t, "Walk"))
	threeDone(t, s, g.ID)
	before := mustGoal(t, s, g.ID)
	rec := mustCheckIn(t, s, g.ID, entry(today, coach.Done), today)

	undone, err := s.Undo(g.ID, today)
	if err != nil {
		t.Fatal(err)
	}
	if undone.Day != today || undone.Achieved != rec.CheckIn.Achieved {
		t.Errorf("Undo returned %+v, want today's check-in", undone)
	}
	if got := mustGoal(t, s, g.ID); !reflect.DeepEqual(got, before) {
		t.Errorf("goal after undo\n%+v\nwant as before\n%+v", got, before)
	}
	if cs, _ := s.CheckIns(g.ID, today, today); len(cs) != 0 {
		t.Errorf("the check-in is still there: %+v", cs)
	}
	if ds, _ := s.Decisions(g.ID, today, today); len(ds) != 0 {
		t.Errorf("the decision is still there: %+v", ds)
	}
	if _, err := s.Undo(g.ID, today); !errors.Is(err, ErrNotFound) {
		t.Errorf("a second undo = %v, want ErrNotFound", err)
	}
}

func TestUndoPutsBackAStatusTheDecisionChanged(t *testing.T) {
	s := newStore(t)
	g := mustAdd(t, s, walkGoal(t, "Walk"))
	before := mustGoal(t, s, g.ID)
	e := entry(today, coach.Done)
	e.Pain = coach.PainWarning
	if rec := mustCheckIn(t, s, g.ID, e, today); rec.Goal.Status() != coach.SafetyHold {
		t.Fatalf("a warning sign left the goal %s", rec.Goal.Status())
	}
	if _, err := s.Undo(g.ID, today); err != nil {
		t.Fatal(err)
	}
	if got := mustGoal(t, s, g.ID); got.Status() != coach.Active || !reflect.DeepEqual(got, before) {
		t.Errorf("goal after undo %+v, want it active as before", got)
	}
}

// Undoing an earlier day takes away its check-in and decision but leaves
// the goal where later decisions put it.
func TestUndoOfAnEarlierDayKeepsTheLaterLevel(t *testing.T) {
	s := newStore(t)
	g := mustAdd(t, s, walkGoal(t, "Walk"))
	threeDone(t, s, g.ID)
	rec := mustCheckIn(t, s, g.ID, entry(today, coach.Done), today)
	if _, err := s.Undo(g.ID, today.AddDays(-2)); err != nil {
		t.Fatal(err)
	}
	if got := mustGoal(t, s, g.ID); !reflect.DeepEqual(got, rec.Goal) {
		t.Errorf("goal after undoing an earlier day\n%+v\nwant\n%+v", got, rec.Goal)
	}
	if cs, ds := mustCheckIns(t, s, g.ID), mustDecisions(t, s, g.ID); len(cs) != 3 || len(ds) != 3 {
		t.Errorf("%d check-ins and %d decisions left, want 3 and 3", len(cs), len(ds))
	}
}

func TestRefusedCheckInsSaveNothing(t *testing.T) {
	s := newStore(t)
	g := mustAdd(t, s, walkGoal(t, "Walk"))
	paused := mustAdd(t, s, walkGoal(t, "Paused").SetStatus(coach.Paused, created))
	mustCheckIn(t, s, g.ID, entry(today, coach.Done), today)
	hash := fileHash(t, s.Path())
	tests := []struct {
		name string
		id   uint64
		e    coach.Entry
		want error
	}{
		{"a future day", g.ID, entry(today.AddDays(1), coach.Done), coach.ErrFutureDate},
		{"a paused goal", paused.ID, entry(today, coach.Done), coach.ErrNotActive},
		{"a partial with no amount", g.ID, entry(today, coach.Partial), coach.ErrBadValue},
		{"no day", g.ID, entry(coach.Day{}, coach.Done), coach.ErrBadDate},
		{"an unknown goal", 99, entry(today, coach.Done), ErrNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := s.CheckIn(tt.id, tt.e, today); !errors.Is(err, tt.want) {
				t.Errorf("CheckIn = %v, want %v", err, tt.want)
			}
		})
	}
	if _, err := s.Undo(g.ID, today.AddDays(-1)); !errors.Is(err, ErrNotFound) {
		t.Errorf("undo of a day with no check-in = %v, want ErrNotFound", err)
	}
	if fileHash(t, s.Path()) != hash {
		t.Errorf("a refused check-in changed the file")
	}
}

// Whatever the history, one or two check-ins on a new newest day, then an
// undo of that day, leave the goal, its check-ins and its decisions exactly
// as they were.
func TestPropertyUndoOfTheNewestDayPutsEverythingBack(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		s := New(t.TempDir() + "/tend/tend.db")
		g, err := s.AddGoal(walkGoal(t, "Walk"))
		if err != nil {
			rt.Fatal(err)
		}
		day := created
		for range rapid.IntRange(0, 6).Draw(rt, "history") {
			day = day.AddDays(rapid.IntRange(1, 4).Draw(rt, "gap"))
			if _, err := s.CheckIn(g.ID, drawEntry(rt, day), day); err != nil && !errors.Is(err, coach.ErrNotActive) {
				rt.Fatal(err)
			}
		}
		was := readState(rt, s, g.ID)
		day = day.AddDays(rapid.IntRange(1, 30).Draw(rt, "last gap"))
		for range rapid.IntRange(1, 2).Draw(rt, "check-ins that day") {
			if _, err := s.CheckIn(g.ID, drawEntry(rt, day), day); errors.Is(err, coach.ErrNotActive) {
				rt.Skip("the goal was paused by the history")
			} else if err != nil {
				rt.Fatal(err)
			}
		}
		if _, err := s.Undo(g.ID, day); err != nil {
			rt.Fatal(err)
		}
		if now := readState(rt, s, g.ID); !reflect.DeepEqual(now, was) {
			rt.Fatalf("after undo\n%+v\nwant\n%+v", now, was)
		}
		checkFileAtEnd(t, s.Path())
	})
}

// state is everything the store keeps about one goal.
type state struct {
	Goal      coach.Goal
	CheckIns  []coach.CheckIn
	Decisions []coach.Decision
}

func readState(rt *rapid.T, s *Store, id uint64) state {
	snap, err := s.Snapshot(coach.Day{})
	if err != nil || len(snap.Goals) != 1 {
		rt.Fatalf("Snapshot: %v, %d goals", err, len(snap.Goals))
	}
	ds, err := s.Decisions(id, coach.Day{}, coach.Day{})
	if err != nil {
		rt.Fatal(err)
	}
	return state{Goal: snap.Goals[0], CheckIns: snap.CheckIns[id], Decisions: ds}
}

func drawEntry(rt *rapid.T, day coach.Day) coach.Entry {
	e := entry(day, rapid.SampledFrom(coach.Outcomes).Draw(rt, "outcome"))
	e.Amount = float64(rapid.IntRange(0, 15).Draw(rt, "amount"))
	if e.Outcome == coach.Partial && e.Amount == 0 {
		e.Amount = 3
	}
	e.Effort = rapid.SampledFrom(coach.Efforts).Draw(rt, "effort")
	// No warning sign: a safety hold stops the history short.
	e.Pain = rapid.SampledFrom(coach.Pains[:3]).Draw(rt, "pain")
	return e
}
