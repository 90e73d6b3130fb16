package store

import (
	"math/rand/v2"
	"reflect"
	"testing"

	"tend/coach"
)

// An import replays a history through the engine exactly as checking in on
// each day would: a history made day by day with CheckIn, imported into a
// new file as one goal, gives the same decisions and the same goal.
func TestImportReplaysAsIfCheckedInEachDay(t *testing.T) {
	plans := []string{coach.WalkToRunID, coach.DailyWalkID, coach.StrengthID, coach.YogaID, coach.MindfulID}
	for seed := uint64(1); seed <= 6; seed++ {
		r := rand.New(rand.NewPCG(seed, 11))
		p, _ := coach.PlanByID(plans[seed%uint64(len(plans))])
		start := coach.DayOf(2025, 1, 6)
		g, err := coach.NewGoal("Replay", p, nil, coach.Schedule{PerWeek: p.PerWeek}, 0, start)
		if err != nil {
			t.Fatal(err)
		}
		src := newStore(t)
		g = mustAdd(t, src, g)
		checkInAtRandom(t, src, g, start, r)
		a, err := src.Archive()
		if err != nil {
			t.Fatal(err)
		}
		want := a.Goals[0]
		start0 := g
		start0.ID, start0.Statuses = 0, want.Statuses
		var ins []ImportCheckIn
		for _, c := range a.CheckIns[want.ID] {
			ins = append(ins, ImportCheckIn{CheckIn: c})
		}
		dst := newStore(t)
		var decs []coach.Decision
		res, err := dst.Import(false, func(ImportLocal) (ImportBatch, error) {
			return ImportBatch{Goals: []ImportGoal{{Goal: start0, CheckIns: ins,
				Decided: func(d coach.Decision) { decs = append(decs, d) }}}}, nil
		}, nil)
		if err != nil {
			t.Fatalf("seed %d: Import: %v", seed, err)
		}
		b, err := dst.Archive()
		if err != nil {
			t.Fatal(err)
		}
		got := b.Goals[0]
		got.ID, got.UID, want.ID, want.UID = 0, "", 0, ""
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("seed %d: imported goal\n%+v\nwant\n%+v", seed, got, want)
		}
		if !reflect.DeepEqual(b.Decisions[b.Goals[0].ID], a.Decisions[a.Goals[0].ID]) ||
			len(decs) != len(a.Decisions[a.Goals[0].ID]) {
			t.Fatalf("seed %d: the imported decisions differ from those made day by day", seed)
		}
		if res.Transactions != 1 || len(res.Goals) != 1 {
			t.Errorf("seed %d: result %+v", seed, res)
		}
	}
}

// checkInAtRandom checks g in on 60 days after start, 1 to 16 days apart,
// with random outcomes, efforts and pain, making the goal active again
// whenever a check-in left it otherwise (so every check-in is taken).
func checkInAtRandom(t *testing.T, src *Store, g coach.Goal, start coach.Day, r *rand.Rand) {
	t.Helper()
	day := start
	for i := 0; i < 60; i++ {
		day = day.AddDays([]int{1, 1, 2, 3, 9, 16}[r.IntN(6)])
		e := coach.Entry{Day: day, Outcome: coach.Outcomes[r.IntN(len(coach.Outcomes))],
			Effort: coach.Efforts[r.IntN(3)], Pain: []coach.Pain{coach.PainNone, coach.PainNone, coach.PainSore, coach.PainPain}[r.IntN(4)]}
		if e.Outcome == coach.Partial {
			e.Amount = float64(1 + r.IntN(5))
		}
		if cur := mustGoals(t, src)[0]; cur.Status() != coach.Active {
			if _, err := src.EditGoal(g.ID, func(stored coach.Goal) (coach.Goal, error) {
				return stored.SetStatus(coach.Active, day), nil
			}); err != nil {
				t.Fatal(err)
			}
		}
		mustCheckIn(t, src, g.ID, e, day)
	}
}

func threeGoals(t *testing.T) ImportBatch {
	var b ImportBatch
	for _, name := range []string{"Walk", "Swim", "Yoga"} {
		ig := ImportGoal{Goal: walkGoal(t, name)}
		for d := 0; d < 5; d++ {
			ig.CheckIns = append(ig.CheckIns, ImportCheckIn{CheckIn: coach.CheckIn{Day: created.AddDays(d), Outcome: coach.Rest,
				Effort: coach.EffortOK}, FillStep: true})
		}
		b.Goals = append(b.Goals, ig)
	}
	return b
}

// A dry run decides what a real import would and creates no file; a big
// import goes in several transactions of whole goals.
func TestImportDryRunAndSplit(t *testing.T) {
	s := newStore(t)
	res, err := s.Import(true, func(ImportLocal) (ImportBatch, error) { return threeGoals(t), nil }, nil)
	if err != nil || len(res.Goals) != 3 || res.Transactions != 1 {
		t.Fatalf("dry run: %+v, %v", res, err)
	}
	if ok, _ := s.Exists(); ok {
		t.Fatal("a dry run created the database")
	}
	saved := ImportTxBytes
	t.Cleanup(func() { ImportTxBytes = saved })
	ImportTxBytes = 1
	if res, _ := s.Import(true, func(ImportLocal) (ImportBatch, error) { return threeGoals(t), nil }, nil); res.Transactions != 3 {
		t.Errorf("a dry run counts %d transactions, a real import takes 3", res.Transactions)
	}
	res, err = s.Import(false, func(ImportLocal) (ImportBatch, error) { return threeGoals(t), nil }, nil)
	if err != nil || res.Transactions != 3 {
		t.Fatalf("split import: %+v, %v; want 3 transactions", res, err)
	}
	gs := mustGoals(t, s)
	if len(gs) != 3 || len(mustCheckIns(t, s, gs[2].ID)) != 5 {
		t.Fatalf("after a split import: %d goals", len(gs))
	}
	before := fileHash(t, s.Path())
	if _, err := s.Import(true, func(ImportLocal) (ImportBatch, error) { return threeGoals(t), nil }, nil); err == nil {
		t.Error("a dry run of goals whose names are taken was not refused")
	}
	if fileHash(t, s.Path()) != before {
		t.Error("a dry run changed the file")
	}
}

// An import that adds nothing leaves the file byte for byte as it was.
func TestImportOfNothingNewWritesNothing(t *testing.T) {
	s := newStore(t)
	g := mustAdd(t, s, walkGoal(t, "Walk"))
	before := fileHash(t, s.Path())
	res, err := s.Import(false, func(l ImportLocal) (ImportBatch, error) {
		return ImportBatch{Goals: []ImportGoal{{Goal: l.Goals[0]}}}, nil
	}, nil)
	if err != nil || res.Transactions != 0 || len(res.Goals) != 1 || res.Goals[0].ID != g.ID {
		t.Fatalf("Import of nothing new: %+v, %v", res, err)
	}
	if fileHash(t, s.Path()) != before {
		t.Error("an import that added nothing changed the file")
	}
}

// A file's session on a day its goal was paused is kept as history and
// decides nothing (SYNC §7.5); the statuses come into force as their days
// pass, so the sessions around the pause decide as they did.
func TestImportKeepsASessionInAPauseAsHistory(t *testing.T) {
	s := newStore(t)
	g := walkGoal(t, "Walk")
	g.Statuses = []coach.StatusChange{{From: created, Status: coach.Active},
		{From: created.AddDays(5), Status: coach.Paused}, {From: created.AddDays(10), Status: coach.Active}}
	var ins []ImportCheckIn
	for _, d := range []int{3, 7, 12} {
		ins = append(ins, ImportCheckIn{CheckIn: coach.CheckIn{Day: created.AddDays(d), Outcome: coach.Done,
			Effort: coach.EffortOK}, FillStep: true})
	}
	var decided []coach.Day
	if _, err := s.Import(false, func(ImportLocal) (ImportBatch, error) {
		return ImportBatch{Goals: []ImportGoal{{Goal: g, CheckIns: ins, Decided: func(d coach.Decision) { decided = append(decided, d.Day) }}}}, nil
	}, nil); err != nil {
		t.Fatal(err)
	}
	got := mustGoals(t, s)[0]
	if len(mustCheckIns(t, s, got.ID)) != 3 || len(decided) != 2 || decided[1] != created.AddDays(12) {
		t.Errorf("decided on %v; want the sessions before and after the pause", decided)
	}
	if !reflect.DeepEqual(got.Statuses, g.Statuses) {
		t.Errorf("statuses %v, want the file's %v", got.Statuses, g.Statuses)
	}
}
