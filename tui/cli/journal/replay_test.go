package journal

import (
	"testing"

	"tend/coach"
)

// A contribution that was live for a while decided what it decided then
// (SYNC §7.5, §10): pain on two days pauses the goal (P2) on the second;
// undoing the first day later, an older day, takes its check-in and its
// decision but leaves the pause and the second day's decision as they
// were made. A replay of the live contributions alone would judge the
// second day as the only pain, an ease (P1), and leave the goal active.
func TestReplayKeepsWhatARemovedContributionDecided(t *testing.T) {
	var b book
	b.add(lap, create("s", "Lift", coach.StrengthID))
	first := b.add(lap, session("s", "2026-12-02", "done", 10, "pain"))
	b.add(lap, session("s", "2026-12-03", "done", 10, "pain"))
	b.add(lap, Event{Kind: CheckInRemove, Goal: "s", Day: "2026-12-02", Removes: []string{first}})
	a := replayOf(t, &b)
	ds := a.Decisions[1]
	if len(a.CheckIns[1]) != 1 || len(ds) != 1 || ds[0].ReasonCode != coach.CodeP2 {
		t.Fatalf("check-ins %+v, decisions %+v; want the 3rd's alone, with P2", a.CheckIns[1], ds)
	}
	if st := a.Goals[0].Status(); st != coach.Paused {
		t.Errorf("status %v, want paused as P2 left it", st)
	}
}

// Undoing the newest day reverts its decision: the goal is as before it.
func TestReplayUndoOfTheNewestDayRevertsItsDecision(t *testing.T) {
	var b book
	b.add(lap, create("s", "Lift", coach.StrengthID))
	b.add(lap, session("s", "2026-12-02", "done", 10, "pain"))
	before := replayOf(t, &b).Goals[0]
	last := b.add(lap, session("s", "2026-12-03", "done", 10, "pain"))
	if g := replayOf(t, &b).Goals[0]; g.Status() != coach.Paused {
		t.Fatalf("after the second pain: %v, want paused", g.Status())
	}
	b.add(lap, Event{Kind: CheckInRemove, Goal: "s", Day: "2026-12-03", Removes: []string{last}})
	a := replayOf(t, &b)
	if g := a.Goals[0]; g.Status() != coach.Active || g.ReasonCode != before.ReasonCode || g.Eased != before.Eased {
		t.Fatalf("after the undo %+v\nwant as before %+v", g, before)
	}
	if len(a.Decisions[1]) != 1 {
		t.Errorf("decisions %+v, want the first day's alone", a.Decisions[1])
	}
}

// A back-fill joins the history and decides nothing, however its clock
// falls: written after a later day, it leaves that day's decision.
func TestReplayBackFillDecidesNothing(t *testing.T) {
	var b book
	b.add(lap, create("s", "Lift", coach.StrengthID))
	b.add(lap, session("s", "2026-12-05", "done", 10, "pain"))
	b.add(lap, session("s", "2026-12-03", "done", 10, "pain")) // back-filled
	a := replayOf(t, &b)
	ds := a.Decisions[1]
	if len(a.CheckIns[1]) != 2 || len(ds) != 1 || ds[0].ReasonCode != coach.CodeP1 || a.Goals[0].Status() != coach.Active {
		t.Fatalf("check-ins %d, decisions %+v, status %v; want the 5th's P1 alone, active", len(a.CheckIns[1]), ds, a.Goals[0].Status())
	}
}
