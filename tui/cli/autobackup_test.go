package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"tend/coach"
	"tend/store"
)

// realStore is a database with one goal in a temporary folder.
func realStore(t *testing.T) *store.Store {
	t.Helper()
	st := store.New(filepath.Join(t.TempDir(), "tend.db"))
	p, err := coach.PlanByID(coach.DailyWalkID)
	if err != nil {
		t.Fatal(err)
	}
	g, err := coach.NewGoal("Walk", p, nil, coach.Schedule{PerWeek: 5}, 0, coach.DayOf(2026, time.March, 1))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddGoal(g); err != nil {
		t.Fatal(err)
	}
	return st
}

// The automatic copy with a fixed clock, day by day: one a day however
// many writes there are, in the database's own folder (0700, each copy
// 0600 and a database bbolt checks clean), the newest backups-keep kept,
// and nothing else in the folder ever removed.
func TestAutoBackupRotation(t *testing.T) {
	state := t.TempDir()
	t.Setenv("XDG_STATE_HOME", state)
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	st := realStore(t)
	dir := backupFolder(DefaultConfig(), st.Path())
	if !strings.HasPrefix(dir, filepath.Join(state, "tend", "backups")+"/") || len(filepath.Base(dir)) != 12 {
		t.Fatalf("backup folder %s", dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	mine := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(mine, []byte("mine"), 0o600); err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, time.March, 1, 9, 0, 0, 0, time.Local)
	for day := range 20 {
		for write := range 3 {
			now := start.AddDate(0, 0, day).Add(time.Duration(write) * time.Hour)
			got, err := AutoBackup(st, now)
			if err != nil {
				t.Fatalf("day %d write %d: %v", day, write, err)
			}
			if (got != "") != (write == 0) {
				t.Fatalf("day %d write %d: copy %q; want one on the first write of the day only", day, write, got)
			}
		}
	}
	names, err := backupCopies(dir)
	if err != nil || len(names) != 14 {
		t.Fatalf("%d copies kept (%v), want 14: %v", len(names), err, names)
	}
	if names[0] != "tend-2026-03-07-090000.db" || names[13] != "tend-2026-03-20-090000.db" {
		t.Errorf("kept %s … %s, want 7 to 20 March", names[0], names[13])
	}
	if _, err := os.Stat(mine); err != nil {
		t.Errorf("rotation removed a file that is not a copy: %v", err)
	}
	if info, _ := os.Stat(dir); info.Mode().Perm() != 0o700 {
		t.Errorf("folder mode %v", info.Mode().Perm())
	}
	last := filepath.Join(dir, names[13])
	if info, _ := os.Stat(last); info.Mode().Perm() != 0o600 {
		t.Errorf("copy mode %v", info.Mode().Perm())
	}
	db, err := bolt.Open(last, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_ = db.View(func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			t.Errorf("the copy does not check: %v", err)
		}
		return nil
	})
}

// backups = false writes no copy; backups-keep and backups-dir are heeded;
// `tend backup --list` names each copy with the command that puts it back.
func TestAutoBackupSettingsAndList(t *testing.T) {
	cfgHome := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", cfgHome)
	synced := filepath.Join(t.TempDir(), "Sync dir")
	writeConfig(t, cfgHome, "backups = false\n")
	st := realStore(t)
	now := time.Date(2026, time.March, 2, 8, 0, 0, 0, time.Local)
	if got, err := AutoBackup(st, now); got != "" || err != nil {
		t.Fatalf("backups off: %q, %v", got, err)
	}
	writeConfig(t, cfgHome, "backups-keep = 2\nbackups-dir = \""+synced+"\"\n")
	for d := range 3 {
		if _, err := AutoBackup(st, now.AddDate(0, 0, d)); err != nil {
			t.Fatal(err)
		}
	}
	cfg, _ := LoadConfig()
	names, _ := backupCopies(backupFolder(cfg, st.Path()))
	if len(names) != 2 || !strings.HasPrefix(backupFolder(cfg, st.Path()), synced) {
		t.Fatalf("copies %v in %s", names, backupFolder(cfg, st.Path()))
	}
	var out bytes.Buffer
	if err := RunCommand("backup", []string{"--list"}, Env{Store: st, Out: &out, Clock: func() time.Time { return now }}); err != nil {
		t.Fatal(err)
	}
	want := "    cp '" + filepath.Join(backupFolder(cfg, st.Path()), "tend-2026-03-04-080000.db") + "' " + st.Path()
	lines := strings.Split(out.String(), "\n")
	if len(lines) < 3 || !strings.HasPrefix(lines[1], "  2026-03-04 08:00 (") || lines[2] != want {
		t.Errorf("--list:\n%s\nwant the newest first with\n%s", out.String(), want)
	}
}

func writeConfig(t *testing.T, home, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Join(home, "tend"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(home, "tend", "config.toml"), []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
}
