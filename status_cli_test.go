package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// tend status: silent and successful with no database, creating nothing;
// then one plain line that follows the day.
func TestStatusLine(t *testing.T) {
	env := newEnv(t)
	out, stderr, code := runTend(t, env, "status")
	if code != 0 || out != "" || stderr != "" {
		t.Fatalf("no database: exit %d, %q, %q", code, out, stderr)
	}
	if _, err := os.Stat(filepath.Dir(env.dbFile())); err == nil {
		if _, err := os.Stat(env.dbFile()); err == nil {
			t.Fatal("tend status created the database")
		}
	}
	mustTend(t, env, "add", "Walk", "--plan", "daily-walk")
	if got := strings.TrimSpace(mustTend(t, env, "status")); got != "tend 0/1 · walk 10m" {
		t.Errorf("before the walk: %q", got)
	}
	mustTend(t, env, "done", "walk")
	got := mustTend(t, env, "status")
	if strings.TrimSpace(got) != "tend 1/1 ✓" || strings.ContainsRune(got, '\x1b') {
		t.Errorf("after the walk: %q", got)
	}
}
