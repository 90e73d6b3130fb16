package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	bolt "go.etcd.io/bbolt"

	"tend/coach"
)

func TestReadsOfAMissingFileAreEmptyAndCreateNothing(t *testing.T) {
	s := newStore(t)
	if ok, err := s.Exists(); ok || err != nil {
		t.Fatalf("Exists() = %v, %v before anything was written", ok, err)
	}
	snap, err := s.Snapshot(today.AddDays(-coach.RecentDays))
	if err != nil || len(snap.Goals) != 0 || len(snap.CheckIns) != 0 || snap.DayStartHour != coach.DefaultDayStartHour {
		t.Errorf("Snapshot() = %+v, %v; want empty with the default day start", snap, err)
	}
	if gs, err := s.Goals(); len(gs) != 0 || err != nil {
		t.Errorf("Goals() = %v, %v", gs, err)
	}
	if cs, err := s.CheckIns(1, coach.Day{}, coach.Day{}); len(cs) != 0 || err != nil {
		t.Errorf("CheckIns() = %v, %v", cs, err)
	}
	if ds, err := s.Decisions(1, coach.Day{}, coach.Day{}); len(ds) != 0 || err != nil {
		t.Errorf("Decisions() = %v, %v", ds, err)
	}
	if set, err := s.Settings(); set != DefaultSettings() || err != nil {
		t.Errorf("Settings() = %v, %v", set, err)
	}
	var buf bytes.Buffer
	if n, err := s.Backup(&buf); n != 0 || !errors.Is(err, ErrNotFound) {
		t.Errorf("Backup() = %d, %v; want ErrNotFound", n, err)
	}
	if _, err := os.Stat(filepath.Dir(s.Path())); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a read created the directory %s (stat: %v)", filepath.Dir(s.Path()), err)
	}
}

func TestWritesNeedingAGoalDoNotCreateTheFile(t *testing.T) {
	s := newStore(t)
	g := walkGoal(t, "Walk")
	g.ID = 1
	checks := map[string]error{"DeleteGoal": s.DeleteGoal(1)}
	_, checks["EditGoal"] = s.EditGoal(1, func(g coach.Goal) (coach.Goal, error) { return g, nil })
	_, checks["CheckIn"] = s.CheckIn(1, entry(today, coach.Done), today)
	_, checks["Undo"] = s.Undo(1, today)
	for name, err := range checks {
		if !errors.Is(err, ErrNotFound) {
			t.Errorf("%s on a missing file = %v, want ErrNotFound", name, err)
		}
	}
	if _, err := os.Stat(filepath.Dir(s.Path())); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a write that failed created %s", filepath.Dir(s.Path()))
	}
}

func TestReopenKeepsEverything(t *testing.T) {
	s := newStore(t)
	walk := mustAdd(t, s, walkGoal(t, "Walk"))
	run := customGoal(t)
	run.ID = 0
	run = mustAdd(t, s, run)
	if walk.ID != 1 || run.ID != 2 {
		t.Fatalf("ids %d, %d; want 1, 2 from the sequence", walk.ID, run.ID)
	}
	var recs []coach.Recorded
	for i := 4; i >= 1; i-- {
		recs = append(recs, mustCheckIn(t, s, walk.ID, entry(today.AddDays(-i), coach.Done), today))
	}

	again := New(s.Path())
	goals := mustGoals(t, again)
	if len(goals) != 2 || !reflect.DeepEqual(goals[0], recs[len(recs)-1].Goal) || !reflect.DeepEqual(goals[1], run) {
		t.Errorf("goals after reopening:\n%+v\nwant\n%+v\n%+v", goals, recs[len(recs)-1].Goal, run)
	}
	cs, ds := mustCheckIns(t, again, walk.ID), mustDecisions(t, again, walk.ID)
	if len(cs) != 4 || len(ds) != 4 {
		t.Fatalf("%d check-ins and %d decisions, want 4 and 4", len(cs), len(ds))
	}
	for i, r := range recs {
		r.CheckIn.WrittenAt = r.CheckIn.WrittenAt.UTC()
		cs[i].WrittenAt = cs[i].WrittenAt.UTC()
		if !reflect.DeepEqual(cs[i], r.CheckIn) || !reflect.DeepEqual(ds[i], r.Decision) {
			t.Errorf("day %d:\n got %+v\n     %+v\nwant %+v\n     %+v", i, cs[i], ds[i], r.CheckIn, r.Decision)
		}
	}
	if set, err := again.Settings(); set.DayStartHour != 4 || err != nil {
		t.Errorf("Settings() = %+v, %v; want the default stamped at creation", set, err)
	}
}

func TestReadsNeverChangeTheFile(t *testing.T) {
	s := newStore(t)
	g := mustAdd(t, s, walkGoal(t, "Walk"))
	mustCheckIn(t, s, g.ID, entry(today, coach.Done), today)
	before := fileHash(t, s.Path())
	info, err := os.Stat(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	for name, err := range readAll(s, g.ID) {
		if err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	if after := fileHash(t, s.Path()); after != before {
		t.Errorf("reading changed the file's bytes")
	}
	if after, _ := os.Stat(s.Path()); !after.ModTime().Equal(info.ModTime()) {
		t.Errorf("reading changed the file's modification time, which the TUI watches")
	}
}

func TestSnapshotReadsAWindow(t *testing.T) {
	s := newStore(t)
	walk := mustAdd(t, s, walkGoal(t, "Walk"))
	quiet := mustAdd(t, s, walkGoal(t, "Quiet"))
	for _, d := range []coach.Day{created, today.AddDays(-3), today.AddDays(-2), today} {
		mustCheckIn(t, s, walk.ID, entry(d, coach.Done), today)
	}
	snap, err := s.Snapshot(today.AddDays(-3))
	if err != nil {
		t.Fatal(err)
	}
	if len(snap.Goals) != 2 || snap.Goals[0].ID != walk.ID || snap.Goals[1].ID != quiet.ID {
		t.Errorf("goals %+v, want Walk then Quiet", snap.Goals)
	}
	var days []coach.Day
	for _, c := range snap.CheckIns[walk.ID] {
		days = append(days, c.Day)
	}
	if want := []coach.Day{today.AddDays(-3), today.AddDays(-2), today}; !reflect.DeepEqual(days, want) {
		t.Errorf("window days %v, want %v (the check-in on %s is older)", days, want, created)
	}
	if cs, ok := snap.CheckIns[quiet.ID]; ok {
		t.Errorf("a goal with no check-ins has %v", cs)
	}
}

func TestCheckInsAndDecisionsReadAnInclusiveRange(t *testing.T) {
	s := newStore(t)
	g := mustAdd(t, s, walkGoal(t, "Walk"))
	for i := 5; i >= 0; i-- {
		mustCheckIn(t, s, g.ID, entry(today.AddDays(-i), coach.Done), today)
	}
	cs, err := s.CheckIns(g.ID, today.AddDays(-4), today.AddDays(-2))
	if err != nil || len(cs) != 3 || cs[0].Day != today.AddDays(-4) || cs[2].Day != today.AddDays(-2) {
		t.Errorf("CheckIns(-4..-2) = %v, %v; want the three days, bounds included", cs, err)
	}
	ds, err := s.Decisions(g.ID, today.AddDays(-1), coach.Day{})
	if err != nil || len(ds) != 2 || ds[0].Day != today.AddDays(-1) || ds[1].Day != today {
		t.Errorf("Decisions(-1..) = %v, %v; want yesterday and today", ds, err)
	}
	if cs, err := s.CheckIns(g.ID, today, created); len(cs) != 0 || err != nil {
		t.Errorf("a backwards range = %v, %v; want nothing", cs, err)
	}
	if _, err := s.CheckIns(99, coach.Day{}, coach.Day{}); !errors.Is(err, ErrNotFound) {
		t.Errorf("CheckIns of an unknown goal = %v, want ErrNotFound", err)
	}
}

// The report reads its weeks and no more: a window's check-ins and
// changes are those of its days, bounds included, goal by goal in the
// order asked.
func TestWindowReadsOnlyItsDays(t *testing.T) {
	s := newStore(t)
	walk := mustAdd(t, s, walkGoal(t, "Walk"))
	other := mustAdd(t, s, walkGoal(t, "Other"))
	for d := created; !d.After(today); d = d.AddDays(1) {
		mustCheckIn(t, s, walk.ID, entry(d, coach.Done), today)
	}
	from, to := today.AddDays(-6), today.AddDays(-1)
	var seen []uint64
	err := s.Window([]uint64{walk.ID, other.ID}, from, to, func(g coach.Goal, cs []coach.CheckIn, ds []coach.Decision) error {
		seen = append(seen, g.ID)
		for _, c := range cs {
			if c.Day.Before(from) || c.Day.After(to) {
				t.Errorf("%s: check-in of %s outside %s..%s", g.Name, c.Day, from, to)
			}
		}
		for _, d := range ds {
			if d.Day.Before(from) || d.Day.After(to) {
				t.Errorf("%s: change of %s outside %s..%s", g.Name, d.Day, from, to)
			}
		}
		if g.ID == walk.ID && (len(cs) != 6 || cs[0].Day != from || cs[5].Day != to) {
			t.Errorf("Walk's window has %d check-ins, want the 6 days from %s to %s", len(cs), from, to)
		}
		return nil
	})
	if err != nil || !reflect.DeepEqual(seen, []uint64{walk.ID, other.ID}) {
		t.Errorf("Window = %v, goals %v; want Walk then Other", err, seen)
	}
}

func TestNamesAreUniqueIgnoringCase(t *testing.T) {
	s := newStore(t)
	walk := mustAdd(t, s, walkGoal(t, "Walk"))
	run := mustAdd(t, s, walkGoal(t, "Run"))
	if _, err := s.AddGoal(walkGoal(t, "wALK")); !errors.Is(err, ErrNameTaken) {
		t.Errorf("AddGoal(wALK) = %v, want ErrNameTaken", err)
	}
	if _, err := s.AddGoal(walkGoal(t, "  Walk ")); !errors.Is(err, ErrNameTaken) {
		t.Errorf("AddGoal with spaces around = %v, want ErrNameTaken", err)
	}
	if _, err := s.EditGoal(run.ID, rename("WALK")); !errors.Is(err, ErrNameTaken) {
		t.Errorf("renaming Run onto Walk = %v, want ErrNameTaken", err)
	}
	if _, err := s.EditGoal(walk.ID, rename("walk")); err != nil {
		t.Errorf("changing the case of a goal's own name: %v", err)
	}
	if gs := mustGoals(t, s); len(gs) != 2 || gs[0].Name != "walk" || gs[1].Name != "Run" {
		t.Errorf("goals %v", gs)
	}
}

func TestAddGoalRefusesWhatCouldNotBeRead(t *testing.T) {
	s := newStore(t)
	bad := walkGoal(t, "Walk")
	bad.PlanID = "juggling"
	if _, err := s.AddGoal(bad); !errors.Is(err, coach.ErrUnknownPlan) {
		t.Errorf("AddGoal with an unknown plan = %v, want coach.ErrUnknownPlan", err)
	}
	if _, err := s.AddGoal(walkGoal(t, "Walk")); err != nil {
		t.Fatal(err)
	}
	noDay := walkGoal(t, "Undated")
	noDay.Created = coach.Day{}
	if _, err := s.AddGoal(noDay); !errors.Is(err, coach.ErrBadValue) {
		t.Errorf("AddGoal without a created day = %v, want coach.ErrBadValue", err)
	}
	if gs := mustGoals(t, s); len(gs) != 1 {
		t.Errorf("refused goals were saved: %v", gs)
	}
}

func TestEditAndDeleteGoal(t *testing.T) {
	s := newStore(t)
	walk := mustAdd(t, s, walkGoal(t, "Walk"))
	keep := mustAdd(t, s, walkGoal(t, "Keep"))
	mustCheckIn(t, s, walk.ID, entry(today, coach.Done), today)
	mustCheckIn(t, s, keep.ID, entry(today, coach.Done), today)

	walk, err := s.EditGoal(walk.ID, func(g coach.Goal) (coach.Goal, error) { return g.SetStatus(coach.Paused, today), nil })
	if err != nil {
		t.Fatal(err)
	}
	if got := mustGoal(t, s, walk.ID); got.Status() != coach.Paused {
		t.Errorf("status after update %s, want paused", got.Status())
	}
	if _, err := s.EditGoal(99, rename("Ghost")); !errors.Is(err, ErrNotFound) {
		t.Errorf("EditGoal of a missing goal = %v, want ErrNotFound", err)
	}

	if err := s.DeleteGoal(walk.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteGoal(walk.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleting twice = %v, want ErrNotFound", err)
	}
	if gs := mustGoals(t, s); len(gs) != 1 || gs[0].ID != keep.ID {
		t.Errorf("goals after delete %v, want Keep only", gs)
	}
	viewBolt(t, s.Path(), func(tx *bolt.Tx) error {
		if tx.Bucket(bucketCheckIns).Bucket(idKey(walk.ID)) != nil || tx.Bucket(bucketDecisions).Bucket(idKey(walk.ID)) != nil {
			t.Errorf("the deleted goal's history is still there")
		}
		if tx.Bucket(bucketCheckIns).Bucket(idKey(keep.ID)) == nil {
			t.Errorf("the other goal's history went too")
		}
		return nil
	})
	if g := mustAdd(t, s, walkGoal(t, "Walk")); g.ID != 3 {
		t.Errorf("a new goal after a delete has id %d, want 3: ids are never reused", g.ID)
	}
}

func TestBackupIsAWorkingCopy(t *testing.T) {
	s := newStore(t)
	g := mustAdd(t, s, walkGoal(t, "Walk"))
	mustCheckIn(t, s, g.ID, entry(today, coach.Done), today)
	var buf bytes.Buffer
	n, err := s.Backup(&buf)
	if err != nil || n != int64(buf.Len()) || n == 0 {
		t.Fatalf("Backup() = %d, %v with %d bytes written", n, err, buf.Len())
	}
	copyPath := filepath.Join(t.TempDir(), "copy.db")
	if err := os.WriteFile(copyPath, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { checkFileAtEnd(t, copyPath) })
	cp := New(copyPath)
	if gs := mustGoals(t, cp); len(gs) != 1 || !reflect.DeepEqual(gs[0], mustGoal(t, s, g.ID)) {
		t.Errorf("the copy holds %v", gs)
	}
	if cs := mustCheckIns(t, cp, g.ID); len(cs) != 1 {
		t.Errorf("the copy holds %d check-ins, want 1", len(cs))
	}
}
