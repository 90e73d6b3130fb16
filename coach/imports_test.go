package coach_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestCoachImportsOnlyTheStandardLibrary keeps the import direction of
// STYLE rule 1: coach is pure and depends on nothing but the standard
// library, so neither a terminal library nor a database can creep in.
func TestCoachImportsOnlyTheStandardLibrary(t *testing.T) {
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("no go command to list coach's imports: %v", err)
	}
	out, err := exec.Command(goCmd, "list", "-deps", "-f", "{{.ImportPath}} {{.Standard}}", "tend/coach").CombinedOutput()
	if err != nil {
		t.Fatalf("go list -deps tend/coach: %v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	sawCoach, sawTime := false, false
	for _, line := range lines {
		path, std, _ := strings.Cut(line, " ")
		first, _, _ := strings.Cut(path, "/")
		switch {
		case path == "tend/coach":
			sawCoach = true
		case strings.Contains(first, "."):
			t.Errorf("coach depends on %s, which is not in the standard library", path)
		case std != "true":
			t.Errorf("coach depends on %s, which is not in the standard library", path)
		}
		sawTime = sawTime || path == "time"
	}
	if !sawCoach || !sawTime || len(lines) < 10 {
		t.Errorf("go list printed %d lines without tend/coach and time; the check saw nothing:\n%s", len(lines), out)
	}
}
