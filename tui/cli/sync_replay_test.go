package cli

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"pgregory.net/rapid"

	"tend/coach"
	"tend/store"
	"tend/tui/cli/journal"
)

// replayWrites bounds the writes per case; the case count is rapid's
// (-rapid.checks, 100 by default). Both stay small: each write is a real
// bbolt commit and a journal append.
const replayWrites = 16

// Random local writes on one device with sync on, through the store as
// the commands make them (sessions of every outcome on the newest and
// older days, second sessions, undos and edits of the newest and older
// days, warnings that hold both goals, pauses, resumes, schedule changes),
// each sent to the journal as tend sends it: after every write, the
// replay of the device's own journal is exactly its database, goal by
// goal, check-in by check-in, decision by decision (SYNC §7.5: "without
// peers the replay equals the device's live state").
func TestPropertyOwnJournalReplaysToTheDatabase(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		dir := t.TempDir()
		st := store.New(filepath.Join(dir, "tend.db"))
		start := coach.DayOf(2026, time.March, 1)
		for _, g := range []struct{ name, plan string }{{"Walk", coach.DailyWalkID}, {"Lift", coach.StrengthID}} {
			p, _ := coach.PlanByID(g.plan)
			goal, _ := coach.NewGoal(g.name, p, nil, coach.Schedule{PerWeek: 3}, 0, start)
			if _, err := st.AddGoal(goal); err != nil {
				rt.Fatal(err)
			}
		}
		at := time.Date(2026, time.March, 4, 18, 0, 0, 0, time.UTC)
		var out bytes.Buffer
		if err := syncInit(syncEnv(st, at, &out), t.TempDir(), "laptop"); err != nil {
			rt.Fatal(err)
		}
		today := coach.DayOf(2026, time.March, 4)
		n := rapid.IntRange(1, replayWrites).Draw(rt, "writes")
		var log []string
		for i := range n {
			switch rapid.IntRange(0, 7).Draw(rt, "next day") {
			case 0, 1:
				today = today.AddDays(1)
			case 2: // away from the app for weeks: a gap
				today = today.AddDays(rapid.IntRange(8, 35).Draw(rt, "gap"))
			}
			now := time.Date(2026, time.March, 1, 18, i, 0, 0, time.UTC).AddDate(0, 0, int(today.Unix()-start.Unix()))
			what, err := randomWrite(rt, st, today, now)
			log = append(log, fmt.Sprintf("%s today %s: %s (%v)", now.Format("01-02 15:04"), today, what, err))
			if err != nil {
				continue // refused (nothing to undo, paused, ...): nothing changed
			}
			live, err := st.Archive()
			if err != nil {
				rt.Fatal(err)
			}
			if err := SyncAfterWrite(syncEnv(st, now, &out)); err != nil {
				rt.Fatal(err)
			}
			replayed, evs := ownReplay(rt, st)
			if d := archiveDiff(live, replayed); d != "" {
				for _, e := range evs {
					log = append(log, fmt.Sprintf("  %s %s %s %s %s %s %v", e.ID, e.HLC, e.Kind, e.Day, e.Outcome, e.Pain, e.Removes))
				}
				rt.Fatalf("after write %d (%s): the replay differs from the database: %s\n%s", i, what, d, strings.Join(log, "\n"))
			}
		}
	})
}

// randomWrite makes one write as a command would.
func randomWrite(rt *rapid.T, st *store.Store, today coach.Day, now time.Time) (string, error) {
	id := uint64(rapid.IntRange(1, 2).Draw(rt, "goal"))
	back := rapid.IntRange(0, 6).Draw(rt, "days back")
	if rapid.IntRange(0, 5).Draw(rt, "far back") == 0 {
		back = rapid.IntRange(7, 40).Draw(rt, "far days back") // past the recent window
	}
	day := today.AddDays(-back)
	switch rapid.IntRange(0, 9).Draw(rt, "write") {
	case 0:
		_, err := st.Undo(id, day)
		return fmt.Sprintf("undo %d %s", id, day), err
	case 1:
		_, err := st.EditCheckIn(id, day, today, func(c coach.CheckIn) (coach.CheckIn, error) {
			c.Outcome, c.Achieved = randomOutcome(rt), float64(rapid.IntRange(1, 30).Draw(rt, "amount"))
			c.Pain, c.WrittenAt = randomPain(rt), now
			return c, nil
		})
		return fmt.Sprintf("edit %d %s", id, day), err
	case 2:
		_, err := st.EditGoal(id, func(g coach.Goal) (coach.Goal, error) {
			switch g.Status() {
			case coach.Active:
				return g.SetStatus(coach.Paused, today), nil
			default: // a resume; from a hold, with the person checked
				return g.Resume(today), nil
			}
		})
		return fmt.Sprintf("status %d", id), err
	case 3:
		_, err := st.EditGoal(id, func(g coach.Goal) (coach.Goal, error) {
			n := rapid.IntRange(2, 7).Draw(rt, "per week")
			if n == g.Schedule().PerWeek {
				return g, errors.New("the same schedule") // tend edit changes nothing
			}
			return g.WithSchedule(coach.Schedule{PerWeek: n}, today), nil
		})
		return fmt.Sprintf("schedule %d", id), err
	}
	e := coach.Entry{Day: day, Outcome: randomOutcome(rt), Amount: float64(rapid.IntRange(1, 30).Draw(rt, "amount")),
		Effort: coach.Effort(rapid.IntRange(0, 2).Draw(rt, "effort")), Pain: randomPain(rt), At: now}
	switch rapid.IntRange(0, 7).Draw(rt, "offer") {
	case 0:
		e.Full = true // the full session instead of a bridge (refused where there is none)
	case 1:
		e.Previous = true // the previous level's target (refused where there is none)
	}
	if !e.Outcome.ShowedUp() {
		e.Amount, e.Effort, e.Pain = 0, coach.EffortOK, coach.PainNone
	}
	_, err := st.CheckIn(id, e, today)
	return fmt.Sprintf("check-in %d %s %s %v full %v previous %v", id, day, e.Outcome, e.Pain, e.Full, e.Previous), err
}

func randomOutcome(rt *rapid.T) coach.Outcome {
	return rapid.SampledFrom([]coach.Outcome{coach.Done, coach.Done, coach.Partial, coach.Minimum, coach.Rest, coach.Unwell, coach.Away}).Draw(rt, "outcome")
}

func randomPain(rt *rapid.T) coach.Pain {
	return rapid.SampledFrom([]coach.Pain{coach.PainNone, coach.PainNone, coach.PainNone, coach.PainSore, coach.PainPain, coach.PainWarning}).Draw(rt, "pain")
}

// ownReplay is the replay of the device's own journal files alone.
func ownReplay(rt *rapid.T, st *store.Store) (coach.Archive, []journal.Event) {
	m, err := loadSyncMeta(st)
	if err != nil || m == nil {
		rt.Fatalf("no sync record: %v", err)
	}
	dev, err := st.DeviceID()
	if err != nil {
		rt.Fatal(err)
	}
	f, err := readFolder(m.Dir, dev)
	if err != nil {
		rt.Fatal(err)
	}
	evs, _ := ownEvents(f.own)
	a, err := journal.Replay(journal.Merge(append([]journal.Event(nil), evs...)))
	if err != nil {
		rt.Fatal(err)
	}
	return a, evs
}

// archiveDiff names the first goal, check-in or decision that differs.
func archiveDiff(a, b coach.Archive) string {
	if len(a.Goals) != len(b.Goals) {
		return fmt.Sprintf("%d goals, replay %d", len(a.Goals), len(b.Goals))
	}
	for i := range a.Goals {
		if !reflect.DeepEqual(a.Goals[i], b.Goals[i]) {
			return "goal " + fieldDiff(reflect.ValueOf(a.Goals[i]), reflect.ValueOf(b.Goals[i]))
		}
		id := a.Goals[i].ID
		if !reflect.DeepEqual(a.CheckIns[id], b.CheckIns[id]) {
			return fmt.Sprintf("goal %d check-ins\n%+v\nreplay\n%+v", id, a.CheckIns[id], b.CheckIns[id])
		}
		if !reflect.DeepEqual(a.Decisions[id], b.Decisions[id]) {
			return fmt.Sprintf("goal %d decisions\n%+v\nreplay\n%+v", id, a.Decisions[id], b.Decisions[id])
		}
	}
	return ""
}

// fieldDiff names the struct fields that differ, with both values.
func fieldDiff(a, b reflect.Value) string {
	out := ""
	for i := range a.NumField() {
		if !reflect.DeepEqual(a.Field(i).Interface(), b.Field(i).Interface()) {
			out += fmt.Sprintf("\n%s: %#v\n  replay %#v", a.Type().Field(i).Name, a.Field(i).Interface(), b.Field(i).Interface())
		}
	}
	return out
}
