package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"tend/coach"
	"tend/store"
	"tend/tui/cli/journal"
)

// The SIGKILL loop of SYNC §11: this test binary runs itself again as a
// child that checks in day after day and, after each check-in has been
// acknowledged (printed), appends it to the journal and every other time
// merges a peer's journal. The parent kills it with SIGKILL after a random
// number of lines, appends a peer event, and starts another. At the end no
// acknowledged check-in is missing from the database or the journal, no
// event is in the journal twice, and the database is the replay of the
// journals.

const (
	syncCrashChild = "TEND_SYNC_CRASH_CHILD" // "DB|DIR" of the child
	syncCrashKills = 100
	peerDev        = "9f3c2a7d51e04b86"
)

var crashDay0 = coach.DayOf(2026, time.March, 1)

func crashEnv(st *store.Store, step int) Env {
	at := time.Date(2026, time.March, 1, 12, 0, 0, 0, time.UTC).AddDate(0, 0, step)
	return Env{Store: st, Clock: func() time.Time { return at }, Out: io.Discard}
}

func TestMain(m *testing.M) {
	if v := os.Getenv(syncCrashChild); v != "" {
		db, dir, _ := strings.Cut(v, "|")
		crashChild(db, dir)
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// crashChild checks in the next days until killed.
func crashChild(db, dir string) {
	st := store.New(db)
	for {
		snap, err := st.Head()
		if err != nil {
			fail(err)
		}
		g, err := findGoal(snap.Goals, "Walk")
		if err != nil {
			fail(err)
		}
		cs, err := st.CheckIns(g.ID, coach.Day{}, coach.Day{})
		if err != nil {
			fail(err)
		}
		step := len(cs) + 1
		env := crashEnv(st, step)
		day := crashDay0.AddDays(step)
		if _, err := st.CheckIn(g.ID, coach.Entry{Day: day, Outcome: coach.Done, At: env.Clock()}, day); err != nil {
			fail(err)
		}
		fmt.Printf("ack %s\n", day)
		if err := SyncAfterWrite(env); err != nil {
			fail(err)
		}
		if step%2 == 0 {
			m, err := loadSyncMeta(st)
			if err != nil {
				fail(err)
			}
			if _, err := syncStep(env, m, true); err != nil {
				fail(err)
			}
			fmt.Println("synced")
		}
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(3)
}

func TestSyncSurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("the crash loop")
	}
	db := filepath.Join(t.TempDir(), "tend.db")
	folder := t.TempDir()
	st := store.New(db)
	p, _ := coach.PlanByID(coach.DailyWalkID)
	g, err := coach.NewGoal("Walk", p, nil, coach.Schedule{PerWeek: 7}, 0, crashDay0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddGoal(g); err != nil {
		t.Fatal(err)
	}
	if err := syncInit(crashEnv(st, 0), folder, "laptop"); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(folder, "tend")
	peer := newPeer(t, dir)
	acked := map[string]bool{}
	rng := rand.New(rand.NewPCG(16, 1))
	for kill := range syncCrashKills {
		peer.checkIn(t, crashDay0.AddDays(kill+1))
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), syncCrashChild+"="+db+"|"+dir)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := bufio.NewScanner(out)
		for n := rng.IntN(4); n > 0 && lines.Scan(); n-- {
			if day, ok := strings.CutPrefix(lines.Text(), "ack "); ok {
				acked[day] = true
			}
		}
		_ = cmd.Process.Kill() // SIGKILL
		for lines.Scan() {     // what it printed before it died
			if day, ok := strings.CutPrefix(lines.Text(), "ack "); ok {
				acked[day] = true
			}
		}
		if err := cmd.Wait(); err != nil && cmd.ProcessState.ExitCode() == 3 {
			t.Fatalf("child %d failed: %s", kill, stderr.String())
		}
	}
	// One last sync, as the person's next `tend sync` would.
	m, err := loadSyncMeta(st)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := syncStep(crashEnv(st, 400), m, true); err != nil {
		t.Fatal(err)
	}
	checkCrashResult(t, st, db, dir, acked)
}

func checkCrashResult(t *testing.T, st *store.Store, db, dir string, acked map[string]bool) {
	t.Helper()
	a, err := st.Archive()
	if err != nil {
		t.Fatal(err)
	}
	f, err := readFolder(dir, peerDevOf(t, st))
	if err != nil {
		t.Fatal(err)
	}
	var all []journal.Event
	ids, journaled := map[string]bool{}, map[string]bool{}
	var lastSeq uint64
	for _, jf := range f.own {
		for _, l := range jf.lines {
			// Seqs only grow; a kill after the database kept a seq and
			// before its line reached the file leaves a gap, never a reuse.
			if ids[l.ev.ID] || l.ev.Seq <= lastSeq {
				t.Fatalf("event %s (seq %d after %d) is in the journal twice or out of order", l.ev.ID, l.ev.Seq, lastSeq)
			}
			ids[l.ev.ID], lastSeq = true, l.ev.Seq
			if l.ev.Kind == journal.CheckInAdd && l.ev.Goal == a.Goals[walkIndex(a)].UID {
				journaled[l.ev.Day] = true
			}
			all = append(all, l.ev)
		}
	}
	for _, jf := range f.peers {
		for _, l := range jf.lines {
			all = append(all, l.ev)
		}
	}
	inDB := map[string]bool{}
	for _, c := range a.CheckIns[a.Goals[walkIndex(a)].ID] {
		inDB[c.Day.String()] = true
	}
	for day := range acked {
		if !inDB[day] || !journaled[day] {
			t.Errorf("the acknowledged check-in of %s: in the database %v, in the journal %v", day, inDB[day], journaled[day])
		}
	}
	want, err := journal.Replay(journal.Merge(all))
	if err != nil {
		t.Fatal(err)
	}
	if w, g := jsonText(want), jsonText(a); w != g {
		t.Errorf("the database is not the replay of the journals:\n%s\n%s", g, w)
	}
	checkBoltSound(t, db)
	t.Logf("%d kills, %d check-ins acknowledged, %d events journaled", syncCrashKills, len(acked), len(ids))
}

// checkBoltSound fails when bbolt's own check finds fault with the file.
func checkBoltSound(t *testing.T, db string) {
	t.Helper()
	bdb, err := bolt.Open(db, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer bdb.Close()
	if err := bdb.View(func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			return err
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}

func walkIndex(a coach.Archive) int {
	for i, g := range a.Goals {
		if g.Name == "Walk" {
			return i
		}
	}
	return 0
}

func peerDevOf(t *testing.T, st *store.Store) string {
	id, err := st.DeviceID()
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func jsonText(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// peer writes another device's journal: a goal of its own, and a
// check-in on it per kill.
type peer struct {
	dir string
	seq uint64
	uid string
}

func newPeer(t *testing.T, dir string) *peer {
	p := &peer{dir: dir, uid: strings.Repeat("ab", 16)}
	p.write(t, journal.Event{Kind: journal.GoalCreate, Goal: p.uid, Name: "Calm", Plan: coach.MindfulID,
		Created: crashDay0.String(), DaysPerWeek: 7, Level: 1, Variant: 1})
	return p
}

func (p *peer) write(t *testing.T, e journal.Event) {
	t.Helper()
	p.seq++
	e.Dev, e.Seq, e.ID = peerDev, p.seq, fmt.Sprintf("%s-%d", peerDev, p.seq)
	e.HLC = journal.HLC{Wall: time.Date(2026, time.March, 1, 6, 0, 0, 0, time.UTC).UnixMilli() + int64(p.seq)*86_400_000}.String()
	if err := appendEvents(p.dir, journal.Header{Dev: peerDev, Label: "desktop", Gen: 1}, []journal.Event{e}); err != nil {
		t.Fatal(err)
	}
}

func (p *peer) checkIn(t *testing.T, day coach.Day) {
	p.write(t, journal.Event{Kind: journal.CheckInAdd, Goal: p.uid, Day: day.String(), Outcome: "done", Achieved: 5,
		Target: 5, Effort: "ok", Pain: "none", Level: 1, Variant: 1, Device: peerDev})
}
