package store

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"tend/coach"
)

// The crash loop: this test binary runs itself again as a child that checks
// in, day after day, through the store, and prints a line for each check-in
// once CheckIn has returned. The parent kills the child with SIGKILL at a
// random moment, starts another, which carries on from what is in the file,
// and so on. At the end every acknowledged check-in must be in the file,
// bbolt's check must pass, and each goal's level must be what replaying its
// check-ins through coach.Record gives.

const (
	crashChildEnv = "TEND_CRASH_CHILD_DB" // the database the child checks in to
	crashKills    = 200
	crashGoals    = 3
)

// crashStart is the first day the child checks in: the goals below are
// made that day, and it goes on a check-in per goal per day from there.
var crashStart = created

func crashGoalsToAdd(t *testing.T) []coach.Goal {
	t.Helper()
	var goals []coach.Goal
	for _, g := range []struct {
		name, plan string
		sched      coach.Schedule
	}{
		{"Walk", coach.DailyWalkID, coach.Schedule{PerWeek: 5}},
		{"Run", coach.WalkToRunID, coach.Schedule{PerWeek: 3}},
		{"Calm", coach.MindfulID, coach.Schedule{PerWeek: 7}},
	} {
		p, err := coach.PlanByID(g.plan)
		if err != nil {
			t.Fatal(err)
		}
		goal, err := coach.NewGoal(g.name, p, nil, g.sched, 0, crashStart)
		if err != nil {
			t.Fatal(err)
		}
		goals = append(goals, goal)
	}
	return goals
}

// crashSlot is one place in the child's sequence: goal index i (0-based, in
// ID order) on day d. Slots go day by day, goal by goal.
type crashSlot struct {
	day  coach.Day
	goal int
}

func (s crashSlot) next() crashSlot {
	if s.goal+1 < crashGoals {
		return crashSlot{s.day, s.goal + 1}
	}
	return crashSlot{s.day.AddDays(1), 0}
}

func (s crashSlot) after(o crashSlot) bool {
	return s.day.After(o.day) || s.day == o.day && s.goal > o.goal
}

// crashEntry is what the child checks in at a slot, or false for a day it
// misses: a fixed mix of outcomes, efforts and soreness, so that the engine
// advances, holds, eases and bridges.
func crashEntry(s crashSlot) (coach.Entry, bool) {
	h := (s.day.Unix()*7 + int64(s.goal)*13) % 17
	e := coach.Entry{Day: s.day, Outcome: coach.Done, Effort: coach.EffortOK,
		At: time.Date(2026, time.January, 1, 18, 0, 0, 0, time.UTC).AddDate(0, 0, int(s.day.Unix()%365))}
	switch h {
	case 0, 1:
		return coach.Entry{}, false
	case 2:
		e.Outcome = coach.Rest
	case 3:
		e.Outcome = coach.Minimum
	case 4, 5:
		e.Effort = coach.EffortHard
	case 6, 7, 8:
		e.Effort = coach.EffortEasy
	case 9:
		e.Pain = coach.PainSore
	case 10:
		e.Note = "felt good; " + s.day.String()
	}
	return e, true
}

// TestCrashChild is the child of TestCrashLoop; on its own it skips.
func TestCrashChild(t *testing.T) {
	path := os.Getenv(crashChildEnv)
	if path == "" {
		t.Skip("the crash loop's child: TestCrashLoop runs it")
	}
	if err := crashChild(New(path), os.Stdout); err != nil {
		fmt.Fprintln(os.Stdout, "error", err)
		os.Exit(3)
	}
}

// crashChild carries on from the slot after the last check-in in the file,
// and acknowledges each check-in on w once CheckIn has returned.
func crashChild(s *Store, w io.Writer) error {
	a, err := s.Archive()
	if err != nil {
		return err
	}
	goals := a.Goals
	if len(goals) != crashGoals {
		return fmt.Errorf("%d goals in the file", len(goals))
	}
	last := crashSlot{crashStart.AddDays(-1), crashGoals - 1}
	for i, g := range goals {
		if cs := a.CheckIns[g.ID]; len(cs) > 0 {
			if at := (crashSlot{cs[len(cs)-1].Day, i}); at.after(last) {
				last = at
			}
		}
	}
	fmt.Fprintln(w, "ready")
	for slot, n := last.next(), 0; n < 50; slot = slot.next() {
		e, ok := crashEntry(slot)
		if !ok {
			continue
		}
		g := goals[slot.goal]
		if _, err := s.CheckIn(g.ID, e, e.Day); err != nil {
			return fmt.Errorf("check-in %d %s: %w", g.ID, e.Day, err)
		}
		fmt.Fprintf(w, "ack %d %s\n", slot.goal, e.Day)
		n++
	}
	return nil
}

func TestCrashLoop(t *testing.T) {
	if os.Getenv(crashChildEnv) != "" {
		t.Skip("in the child")
	}
	start := time.Now()
	s := newStore(t)
	var added []coach.Goal
	for _, g := range crashGoalsToAdd(t) {
		added = append(added, mustAdd(t, s, g))
	}
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 6))
	acked := map[crashSlot]bool{}
	var before [4]int // kills by how many acknowledgements came first
	for range crashKills {
		k := rng.IntN(len(before))
		before[k]++
		for _, slot := range crashOnce(t, s.Path(), k, time.Duration(rng.IntN(2500))*time.Microsecond) {
			acked[slot] = true
		}
	}
	stored, decisions := crashVerify(t, s, added, acked)
	t.Logf("%d kills (after 0/1/2/3 acknowledgements: %v) in %v; %d check-ins acknowledged, %d in the file "+
		"(%d saved but killed before the acknowledgement), %d decisions; every acknowledged one is there, "+
		"bbolt's check passes, levels replay", crashKills, before, time.Since(start).Round(time.Millisecond),
		len(acked), stored, stored-len(acked), decisions)
}

// crashOnce runs one child, kills it after it has acknowledged k check-ins
// and then a jitter more, and returns the slots it acknowledged. The jitter
// is the only sleep: without it every kill would land in the first
// microseconds of a check-in, never in its writes or its fsyncs.
func crashOnce(t *testing.T, path string, k int, jitter time.Duration) []crashSlot {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashChildEnv+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var slots []crashSlot
	lines := bufio.NewScanner(out)
	ready := false
	for (!ready || len(slots) < k) && lines.Scan() {
		line := lines.Text()
		switch {
		case line == "ready":
			ready = true
		case strings.HasPrefix(line, "ack "):
			slots = append(slots, parseAck(t, line))
		case strings.HasPrefix(line, "error"):
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
			t.Fatalf("the child failed: %s", line)
		}
	}
	if !ready {
		_ = cmd.Wait()
		t.Fatalf("the child ended before it was ready")
	}
	time.Sleep(jitter)
	_ = cmd.Process.Kill() // SIGKILL
	// What it acknowledged before the signal landed counts too.
	for lines.Scan() {
		if line := lines.Text(); strings.HasPrefix(line, "ack ") {
			slots = append(slots, parseAck(t, line))
		} else if strings.HasPrefix(line, "error") {
			t.Fatalf("the child failed: %s", line)
		}
	}
	_ = cmd.Wait()
	return slots
}

func parseAck(t *testing.T, line string) crashSlot {
	t.Helper()
	f := strings.Fields(line)
	if len(f) != 3 {
		t.Fatalf("bad acknowledgement %q", line)
	}
	i, err := strconv.Atoi(f[1])
	d, derr := coach.ParseDay(f[2])
	if err != nil || derr != nil {
		t.Fatalf("bad acknowledgement %q", line)
	}
	return crashSlot{d, i}
}

// crashVerify checks the file after the loop, and returns how many
// check-ins and decisions it holds.
func crashVerify(t *testing.T, s *Store, added []coach.Goal, acked map[crashSlot]bool) (stored, decisions int) {
	t.Helper()
	checkFileAtEnd(t, s.Path()) // bbolt's tx.Check, and every record belongs
	a, err := s.Archive()
	if err != nil {
		t.Fatal(err)
	}
	in := map[crashSlot]coach.CheckIn{}
	last := crashSlot{crashStart.AddDays(-1), crashGoals - 1}
	for i, g := range added {
		for _, c := range a.CheckIns[g.ID] {
			slot := crashSlot{c.Day, i}
			in[slot] = c
			if slot.after(last) {
				last = slot
			}
		}
		stored += len(a.CheckIns[g.ID])
		decisions += len(a.Decisions[g.ID])
	}
	for slot := range acked {
		if _, ok := in[slot]; !ok {
			t.Errorf("the acknowledged check-in of goal %d on %s is not in the file", slot.goal+1, slot.day)
		}
	}
	// Every slot up to the last saved one is there: a child carries on
	// after the last check-in in the file, so a gap is a saved check-in
	// that was lost.
	for slot := (crashSlot{crashStart, 0}); !slot.after(last); slot = slot.next() {
		_, want := crashEntry(slot)
		if _, ok := in[slot]; ok != want {
			t.Errorf("goal %d on %s: in the file %v, want %v", slot.goal+1, slot.day, ok, want)
		}
	}
	for i, g := range added {
		crashReplay(t, g, a.Goals[i], a.CheckIns[g.ID], a.Decisions[g.ID])
	}
	return stored, decisions
}

// crashReplay runs a goal's check-ins through coach.Record from the goal as
// it was added, the way the store does, and compares every check-in, every
// decision and the goal's final place with what the file holds.
func crashReplay(t *testing.T, g, final coach.Goal, cs []coach.CheckIn, ds []coach.Decision) {
	t.Helper()
	byDay := map[coach.Day]coach.Decision{}
	for _, d := range ds {
		byDay[d.Day] = d
	}
	decided := 0
	for i, c := range cs {
		e, _ := crashEntry(crashSlot{c.Day, int(g.ID - 1)})
		var recent []coach.CheckIn
		for _, r := range cs[:i] {
			if !r.Day.Before(c.Day.AddDays(-(coach.RecentDays - 1))) {
				recent = append(recent, r)
			}
		}
		rec, err := coach.Record(g, recent, e, c.Day)
		if err != nil {
			t.Fatalf("goal %d on %s: replay: %v", g.ID, c.Day, err)
		}
		got := rec.CheckIn
		if got.Outcome != c.Outcome || got.Achieved != c.Achieved || got.Target != c.Target ||
			got.Level != c.Level || got.Variant != c.Variant || got.Bridge != c.Bridge {
			t.Errorf("goal %d on %s: the file has %+v, replaying gives %+v", g.ID, c.Day, c, got)
		}
		d, ok := byDay[c.Day]
		switch {
		case rec.Decided != ok:
			t.Errorf("goal %d on %s: a decision in the file %v, from the replay %v", g.ID, c.Day, ok, rec.Decided)
		case ok && (d.Action != rec.Decision.Action || d.From != rec.Decision.From || d.To != rec.Decision.To ||
			d.ReasonCode != rec.Decision.ReasonCode || d.NextTarget != rec.Decision.NextTarget):
			t.Errorf("goal %d on %s: the file decided %+v, the replay %+v", g.ID, c.Day, d, rec.Decision)
		}
		if ok {
			decided++
		}
		g = rec.Goal
	}
	if decided != len(ds) {
		t.Errorf("goal %d: %d decisions in the file, %d of them on a check-in's day", g.ID, len(ds), decided)
	}
	if g.Level != final.Level || g.Variant != final.Variant || g.Bridge != final.Bridge ||
		g.LevelFrom != final.LevelFrom || g.Status() != final.Status() {
		t.Errorf("goal %d: the file has level %d variant %d bridge %v since %s (%s); the replay gives %d %d %v since %s (%s)",
			g.ID, final.Level, final.Variant, final.Bridge, final.LevelFrom, final.Status(),
			g.Level, g.Variant, g.Bridge, g.LevelFrom, g.Status())
	}
}
