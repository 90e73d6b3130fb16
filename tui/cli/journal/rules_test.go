package journal

import (
	"fmt"
	"testing"

	"tend/coach"
)

const (
	lap = "a1a1a1a1a1a1a1a1"
	dsk = "b2b2b2b2b2b2b2b2"
)

// book writes events with increasing clocks, as devices would.
type book struct {
	evs []Event
	n   int
}

func (b *book) add(dev string, e Event) string {
	b.n++
	e.Dev, e.Seq, e.ID = dev, uint64(b.n), fmt.Sprintf("%s-%d", dev, b.n)
	e.HLC = HLC{Wall: int64(1_796_000_000_000 + b.n*1000)}.String()
	b.evs = append(b.evs, e)
	return e.ID
}

func create(uid, name, plan string) Event {
	return Event{Kind: GoalCreate, Goal: uid, Name: name, Plan: plan, Created: "2026-12-01", DaysPerWeek: 7, Level: 1, Variant: 1}
}

func session(uid, day, outcome string, amount float64, pain string) Event {
	return Event{Kind: CheckInAdd, Goal: uid, Day: day, Outcome: outcome, Achieved: amount, Target: 10, Effort: "ok", Pain: pain, Level: 1, Variant: 1}
}

func replayOf(t *testing.T, b *book) coach.Archive {
	t.Helper()
	a, err := Replay(Merge(b.evs))
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestSplitSessionsSumAndSessionOutranksRest(t *testing.T) {
	var b book
	b.add(lap, create("w", "Walk", coach.DailyWalkID))
	b.add(lap, session("w", "2026-12-02", "partial", 4, "none"))
	b.add(dsk, session("w", "2026-12-02", "partial", 7, "none"))
	b.add(lap, session("w", "2026-12-03", "rest", 0, "none"))
	b.add(dsk, session("w", "2026-12-03", "done", 10, "sore"))
	a := replayOf(t, &b)
	cs := a.CheckIns[1]
	if len(cs) != 2 || cs[0].Achieved != 11 || cs[0].Outcome != coach.Done {
		t.Fatalf("split sessions: %+v", cs)
	}
	if cs[1].Outcome != coach.Done || cs[1].Pain != coach.PainSore {
		t.Fatalf("rest and done: %+v", cs[1])
	}
}

func TestUndoRemovesOnlyWhatItSaw(t *testing.T) {
	var b book
	b.add(lap, create("w", "Walk", coach.DailyWalkID))
	seen := b.add(lap, session("w", "2026-12-02", "done", 10, "none"))
	b.add(dsk, session("w", "2026-12-02", "partial", 3, "none")) // the laptop has not seen this
	b.add(lap, Event{Kind: CheckInRemove, Goal: "w", Day: "2026-12-02", Removes: []string{seen}})
	cs := replayOf(t, &b).CheckIns[1]
	if len(cs) != 1 || cs[0].Achieved != 3 || cs[0].Outcome != coach.Partial {
		t.Fatalf("%+v", cs)
	}
}

func TestWarningHoldsEveryExerciseGoalUntilLiftedByWhoSawIt(t *testing.T) {
	var b book
	b.add(lap, create("w", "Walk", coach.DailyWalkID))
	b.add(lap, create("s", "Lift", coach.StrengthID))
	b.add(lap, create("m", "Calm", coach.MindfulID))
	warn := b.add(dsk, session("w", "2026-12-02", "done", 10, "warning"))
	// A resume from a device that had not seen the warning leaves the hold.
	b.add(lap, Event{Kind: GoalStatus, Goal: "s", From: "2026-12-03", Status: "active"})
	a := replayOf(t, &b)
	status := func(a coach.Archive, uid string) coach.Status {
		for _, g := range a.Goals {
			if g.UID == uid {
				return g.Status()
			}
		}
		t.Fatalf("no goal %s", uid)
		return 0
	}
	if status(a, "w") != coach.SafetyHold || status(a, "s") != coach.SafetyHold || status(a, "m") != coach.Active {
		t.Fatalf("statuses %v %v %v", status(a, "w"), status(a, "s"), status(a, "m"))
	}
	// Deleting the warning's goal keeps the hold on the others.
	b.add(dsk, Event{Kind: GoalDelete, Goal: "w", Warnings: []Warning{{ID: warn, Day: "2026-12-02"}}})
	if a = replayOf(t, &b); status(a, "s") != coach.SafetyHold || len(a.Goals) != 2 {
		t.Fatalf("after the delete: %v, %d goals", status(a, "s"), len(a.Goals))
	}
	// A resume that names the warning lifts it.
	b.add(dsk, Event{Kind: GoalStatus, Goal: "s", From: "2026-12-04", Status: "active", Lifts: []string{warn}})
	if a = replayOf(t, &b); status(a, "s") != coach.Active {
		t.Fatalf("after the resume: %v", status(a, "s"))
	}
}

func TestDeleteWinsAndRegistersKeepBothChanges(t *testing.T) {
	var b book
	b.add(lap, create("w", "Walk", coach.DailyWalkID))
	b.add(lap, create("r", "Run", coach.DailyWalkID))
	name := "Evening walk"
	b.add(lap, Event{Kind: GoalSet, Goal: "w", Field: "name", Value: &name})
	b.add(dsk, Event{Kind: GoalSchedule, Goal: "w", From: "2026-12-05", DaysPerWeek: 3})
	b.add(dsk, Event{Kind: GoalDelete, Goal: "r"})
	b.add(lap, session("r", "2026-12-06", "done", 10, "none")) // made before the delete came
	a := replayOf(t, &b)
	if len(a.Goals) != 1 || a.Goals[0].Name != name || a.Goals[0].Schedule().PerWeek != 3 {
		t.Fatalf("%+v", a.Goals)
	}
}

func TestEventBeforeItsCreateWaits(t *testing.T) {
	var b book
	b.add(dsk, session("w", "2026-12-02", "done", 10, "none"))
	st := Merge(b.evs)
	if len(st.Goals) != 0 || len(st.Waiting) != 1 {
		t.Fatalf("%d goals, %d waiting", len(st.Goals), len(st.Waiting))
	}
	b.add(lap, create("w", "Walk", coach.DailyWalkID)) // its clock is later, yet it arrives
	b.evs[0], b.evs[1] = b.evs[1], b.evs[0]
	// The check-in sorted before the create: it waits until a later read.
	if st = Merge(b.evs); len(st.Waiting) != 1 {
		t.Fatalf("waiting %d", len(st.Waiting))
	}
}

// A delete from a device that had not seen a warning leaves it unlisted:
// the warning's device lists it in a delete of its own before scrubbing,
// and the hold on the other goals stands once the warning line is gone.
func TestScrubKeepsTheHoldOfAnUnlistedWarning(t *testing.T) {
	var b book
	b.add(lap, create("w", "Walk", coach.DailyWalkID))
	b.add(lap, create("s", "Lift", coach.StrengthID))
	b.add(dsk, session("w", "2026-12-02", "done", 10, "warning"))
	b.add(lap, Event{Kind: GoalDelete, Goal: "w"}) // the laptop had not seen it
	st := Merge(b.evs)
	un := UnlistedWarnings(b.evs, dsk, st.Deleted)
	if len(un["w"]) != 1 {
		t.Fatalf("unlisted %+v", un)
	}
	b.add(dsk, Event{Kind: GoalDelete, Goal: "w", Warnings: un["w"]})
	kept, dropped := Scrub(b.evs, Merge(b.evs).Deleted)
	if !dropped {
		t.Fatal("nothing scrubbed")
	}
	for _, e := range kept {
		if e.Goal == "w" && e.Kind != GoalDelete {
			t.Fatalf("left %+v", e)
		}
	}
	a, err := Replay(Merge(kept))
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Goals) != 1 || a.Goals[0].Status() != coach.SafetyHold {
		t.Fatalf("after the scrub: %+v", a.Goals)
	}
}

// Two devices that each made "Walk" offline show "Walk" and "Walk (2)"
// alike, the later create taking the suffix, until one is renamed.
func TestSameNameGoalsAreNumbered(t *testing.T) {
	var b book
	b.add(dsk, create("x", "Walk", coach.DailyWalkID))
	b.add(lap, create("y", "walk", coach.DailyWalkID))
	a := replayOf(t, &b)
	if a.Goals[0].Name != "Walk" || a.Goals[1].Name != "walk (2)" {
		t.Fatalf("%q %q", a.Goals[0].Name, a.Goals[1].Name)
	}
	name := "Hike"
	b.add(dsk, Event{Kind: GoalSet, Goal: "x", Field: "name", Value: &name})
	if a = replayOf(t, &b); a.Goals[0].Name != "Hike" || a.Goals[1].Name != "walk" {
		t.Fatalf("after a rename: %q %q", a.Goals[0].Name, a.Goals[1].Name)
	}
}

// The suffixed goal and the one it shares a name with are named with the
// devices that made them, and the pair goes once one is renamed.
func TestTwinsNameTheirDevices(t *testing.T) {
	var b book
	b.add(dsk, create("x", "Walk", coach.DailyWalkID))
	b.add(lap, create("y", "walk", coach.DailyWalkID))
	b.add(lap, create("z", "Calm", coach.MindfulID))
	st := Merge(b.evs)
	a, err := Replay(st)
	if err != nil {
		t.Fatal(err)
	}
	got := Twins(st, a)
	want := Twin{Shown: "walk (2)", Name: "walk", Dev: lap, First: "Walk", FirstDev: dsk}
	if len(got) != 1 || got[0] != want {
		t.Fatalf("twins: %+v", got)
	}
	name := "Hike"
	b.add(lap, Event{Kind: GoalSet, Goal: "y", Field: "name", Value: &name})
	st = Merge(b.evs)
	if a, _ = Replay(st); len(Twins(st, a)) != 0 {
		t.Fatalf("after a rename: %+v", Twins(st, a))
	}
}

// Compaction drops only own goal.set events a later goal.set of the same
// goal and field replaced, a peer's included; the latest stays, and so
// does every other kind, an undone check-in too (SYNC §10).
func TestCompactDropsOnlyReplacedSets(t *testing.T) {
	var b book
	set := func(dev, field, v string) string {
		return b.add(dev, Event{Kind: GoalSet, Goal: "x", Field: field, Value: &v})
	}
	b.add(lap, create("x", "Walk", coach.DailyWalkID))
	stroll := set(lap, "name", "Stroll")
	anchor := set(lap, "anchor", "after tea")
	add := b.add(lap, session("x", "2026-12-01", "done", 10, "none"))
	b.add(lap, Event{Kind: CheckInRemove, Goal: "x", Day: "2026-12-01", Removes: []string{add}})
	ramble := set(lap, "name", "Ramble")
	set(dsk, "name", "Hike")
	var own []Event
	for _, e := range b.evs {
		if e.Dev == lap {
			own = append(own, e)
		}
	}
	kept, dropped := Compact(own, b.evs)
	gone := map[string]bool{}
	for _, e := range own {
		gone[e.ID] = true
	}
	for _, e := range kept {
		delete(gone, e.ID)
	}
	if !dropped || len(gone) != 2 || !gone[stroll] || !gone[ramble] || gone[anchor] {
		t.Fatalf("dropped %v", gone)
	}
	var peers []Event
	for _, e := range b.evs {
		if e.Dev != lap {
			peers = append(peers, e)
		}
	}
	a, c := replayOf(t, &b), Replay1(t, Merge(append(kept, peers...)))
	if jsonOf(a) != jsonOf(c) || a.Goals[0].Name != "Hike" || a.Goals[0].Anchor != "after tea" {
		t.Fatalf("the merge changed:\n%s\n%s", jsonOf(a), jsonOf(c))
	}
	if _, again := Compact(kept, append(kept, peers...)); again {
		t.Error("a second compaction found more to drop")
	}
}
