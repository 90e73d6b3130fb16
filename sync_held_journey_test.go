package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// What waits, and why (SYNC §6.2–6.3): a device that has the desktop's
// check-ins but not yet the laptop's file with their goal says they wait
// for it, in `tend sync` and `tend sync status`, and takes them once the
// file arrives; nothing is lost or doubled meanwhile.
func TestSyncSaysWhatWaitsForItsGoal(t *testing.T) {
	folder := t.TempDir()
	laptop, desktop, phone := newEnv(t), newEnv(t), newEnv(t)
	for _, e := range []*Env{&laptop, &desktop, &phone} {
		e.Now = "2026-12-02T08:00:00Z"
	}
	mustTend(t, laptop, "add", "Walk", "--plan", "daily-walk")
	mustTend(t, laptop, "sync", "init", folder, "--label", "laptop")
	mustTend(t, desktop, "sync", "init", folder, "--label", "desktop")
	desktop.Now = "2026-12-02T09:00:00Z"
	mustTend(t, desktop, "done", "Walk")
	mustTend(t, desktop, "done", "Walk", "5")

	// The phone's sync tool has brought the desktop's file, not the laptop's.
	part := t.TempDir()
	if err := os.Mkdir(filepath.Join(part, "tend"), 0o700); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(folder, "tend", "*.jsonl"))
	var laptopFile string
	for _, f := range files {
		data, _ := os.ReadFile(f)
		if strings.Contains(string(data), `"label":"laptop"`) {
			laptopFile = f
			continue
		}
		if err := os.WriteFile(filepath.Join(part, "tend", filepath.Base(f)), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	const waits = "2 changes from desktop wait for their goal, which has not synced here yet; they go in once the goal does."
	phone.Now = "2026-12-02T10:00:00Z"
	if out := mustTend(t, phone, "sync", "init", part, "--label", "phone"); !strings.Contains(out, waits) || strings.Contains(out, "check-in") {
		t.Errorf("phone's init does not say what waits:\n%s", out)
	}
	if out := mustTend(t, phone, "sync", "status"); !strings.Contains(out, waits) {
		t.Errorf("phone's sync status does not say what waits:\n%s", out)
	}
	if out := mustTend(t, phone, "sync"); !strings.Contains(out, waits) || strings.Contains(out, "Sent") {
		t.Errorf("phone's second sync:\n%s", out)
	}

	// The laptop's file arrives: the goal and its check-ins go in, once.
	data, _ := os.ReadFile(laptopFile)
	if err := os.WriteFile(filepath.Join(part, "tend", filepath.Base(laptopFile)), data, 0o600); err != nil {
		t.Fatal(err)
	}
	out := mustTend(t, phone, "sync")
	if !strings.Contains(out, "1 new goal from laptop.") || !strings.Contains(out, "2 check-ins from desktop.") || strings.Contains(out, "wait") || strings.Contains(out, "Sent") {
		t.Errorf("phone's sync once the goal came:\n%s", out)
	}
	if out := mustTend(t, phone, "sync", "status"); strings.Contains(out, "wait for") {
		t.Errorf("sync status still says something waits:\n%s", out)
	}
	mustTend(t, desktop, "sync")
	a, b := canonicalExport(t, mustTend(t, desktop, "export")), canonicalExport(t, mustTend(t, phone, "export"))
	if a != b || !strings.Contains(a, `"achieved":15`) {
		t.Errorf("phone and desktop differ:\n%s\n%s", a, b)
	}
}

// A peer's journal this device has merged from goes missing (iCloud
// evicted it and left a placeholder): nothing is sent or merged until it
// is back, so its sessions are never sent again as this device's own and
// a day never counts twice; the change made meanwhile waits, and goes out
// once the file is back.
func TestSyncWaitsForAMissingJournal(t *testing.T) {
	folder := t.TempDir()
	laptop, desktop := newEnv(t), newEnv(t)
	laptop.Now, desktop.Now = "2026-12-02T08:00:00Z", "2026-12-02T08:00:00Z"
	mustTend(t, laptop, "add", "Walk", "--plan", "daily-walk")
	mustTend(t, laptop, "sync", "init", folder, "--label", "laptop")
	if out := mustTend(t, desktop, "sync", "init", folder, "--label", "desktop"); strings.Contains(out, "copy") {
		t.Errorf("a new database is not a copy:\n%s", out)
	}
	mustTend(t, desktop, "done", "Walk", "4")
	mustTend(t, laptop, "sync")
	mustTend(t, laptop, "done", "Walk")
	mustTend(t, desktop, "sync")

	dir := filepath.Join(folder, "tend")
	files, _ := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	var laptopFile string
	for _, f := range files {
		if data, _ := os.ReadFile(f); strings.Contains(string(data), `"label":"laptop"`) {
			laptopFile = f
		}
	}
	away := filepath.Join(t.TempDir(), "away")
	if err := os.Rename(laptopFile, away); err != nil {
		t.Fatal(err)
	}
	placeholder := filepath.Join(dir, "."+filepath.Base(laptopFile)+".icloud")
	if err := os.WriteFile(placeholder, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	desktop.Now = "2026-12-03T08:00:00Z"
	out, errOut, code := runTend(t, desktop, "done", "Walk")
	if code != 0 || !strings.Contains(out, "Saved") || !strings.Contains(errOut, "aptop's journal") || !strings.Contains(errOut, "your changes wait here") {
		t.Errorf("done while the laptop's journal is away: exit %d\n%s\n%s", code, out, errOut)
	}
	if _, errOut, code := runTend(t, desktop, "sync"); code != 1 || !strings.Contains(errOut, "missing from the sync folder") {
		t.Errorf("sync while the laptop's journal is away: exit %d, %q", code, errOut)
	}
	if out := mustTend(t, desktop, "sync", "status"); !strings.Contains(out, "missing from the sync folder") || strings.Contains(out, "Waiting to go out") {
		t.Errorf("sync status while the laptop's journal is away:\n%s", out)
	}
	if err := os.Remove(placeholder); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(away, laptopFile); err != nil {
		t.Fatal(err)
	}
	if out := mustTend(t, desktop, "sync"); !strings.Contains(out, "Sent 1 change") {
		t.Errorf("the change made meanwhile did not go out:\n%s", out)
	}
	laptop.Now = desktop.Now
	mustTend(t, laptop, "sync")
	a, b := canonicalExport(t, mustTend(t, laptop, "export")), canonicalExport(t, mustTend(t, desktop, "export"))
	if a != b || !strings.Contains(a, `"achieved":14`) || strings.Contains(a, `"achieved":28`) {
		t.Errorf("the days after the journal came back:\n%s\n%s", a, b)
	}
}

// A device gone for good with its journal: `tend sync init` again says
// so, and this device sends what it holds of that history as its own, so
// a new device reading the folder still gets every day, once.
func TestSyncInitAgainForgetsAJournalGoneForGood(t *testing.T) {
	folder := t.TempDir()
	laptop, desktop, phone := newEnv(t), newEnv(t), newEnv(t)
	for _, e := range []*Env{&laptop, &desktop, &phone} {
		e.Now = "2026-12-02T08:00:00Z"
	}
	mustTend(t, laptop, "add", "Walk", "--plan", "daily-walk")
	mustTend(t, laptop, "sync", "init", folder, "--label", "laptop")
	mustTend(t, laptop, "done", "Walk", "--note", "hills")
	mustTend(t, desktop, "sync", "init", folder, "--label", "desktop")
	files, _ := filepath.Glob(filepath.Join(folder, "tend", "*.jsonl"))
	for _, f := range files {
		if data, _ := os.ReadFile(f); strings.Contains(string(data), `"label":"laptop"`) {
			if err := os.Remove(f); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, errOut, code := runTend(t, desktop, "sync"); code != 1 || !strings.Contains(errOut, "gone for good") {
		t.Fatalf("sync without the laptop's journal: exit %d, %q", code, errOut)
	}
	if out := mustTend(t, desktop, "sync", "init", folder, "--label", "desktop"); !strings.Contains(out, "Sent") {
		t.Errorf("init again did not send the history it holds:\n%s", out)
	}
	mustTend(t, phone, "sync", "init", folder, "--label", "phone")
	a, b := canonicalExport(t, mustTend(t, desktop, "export")), canonicalExport(t, mustTend(t, phone, "export"))
	if a != b || strings.Count(a, `"note":"hills"`) != 1 || !strings.Contains(a, `"achieved":10`) {
		t.Errorf("phone and desktop:\n%s\n%s", a, b)
	}
}
