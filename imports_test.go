package main

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// The import direction of STYLE rule 1 and DESIGN "Architecture":
// main → tui/cli, tui, store, coach; tui/cli → tui, coach; tui → coach;
// store → coach; coach → the standard library only. A test keeps it so,
// because one convenient import is all it takes to tangle the rooms.

// goList runs `go list` with a template over packages, one line each.
func goList(t *testing.T, args ...string) []string {
	t.Helper()
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("no go command to list imports: %v", err)
	}
	out, err := exec.Command(goCmd, append([]string{"list"}, args...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("go list %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.Split(strings.TrimSpace(string(out)), "\n")
}

// TestCoachImportsOnlyTheStandardLibrary: coach is pure and depends on
// nothing but the standard library, so neither a terminal library nor a
// database can creep in, even through another package.
func TestCoachImportsOnlyTheStandardLibrary(t *testing.T) {
	lines := goList(t, "-deps", "-f", "{{.ImportPath}} {{.Standard}}", "tend/coach")
	sawCoach, sawTime := false, false
	for _, line := range lines {
		path, std, _ := strings.Cut(line, " ")
		first, _, _ := strings.Cut(path, "/")
		switch {
		case path == "tend/coach":
			sawCoach = true
		case strings.Contains(first, "."), std != "true":
			t.Errorf("coach depends on %s, which is not in the standard library", path)
		}
		sawTime = sawTime || path == "time"
	}
	if !sawCoach || !sawTime || len(lines) < 10 {
		t.Errorf("go list printed %d lines without tend/coach and time; the check saw nothing:\n%s",
			len(lines), strings.Join(lines, "\n"))
	}
}

// TestImportsPointOneWay checks each package's own imports (not -deps:
// tui/cli reaches Bubble Tea through tui, and that is the point of tui)
// and, for store and tui, everything they pull in.
func TestImportsPointOneWay(t *testing.T) {
	own := map[string][]string{}
	for _, line := range goList(t, "-f", "{{.ImportPath}} {{join .Imports \" \"}}", "./...") {
		path, imports, _ := strings.Cut(line, " ")
		own[path] = strings.Fields(imports)
	}
	deps := func(pkg string) []string { return goList(t, "-deps", "-f", "{{.ImportPath}}", pkg) }
	type rule struct {
		pkg, says string
		imports   []string
		forbidden func(string) bool
	}
	var rules []rule
	for pkg, imports := range own {
		if pkg != "tend/tui/cli" && !strings.HasPrefix(pkg, "tend/tui/cli/") {
			continue
		}
		// The command line and the packages it keeps below it.
		rules = append(rules, rule{pkg, "imports no Bubble Tea package of its own", imports, func(p string) bool {
			return strings.HasPrefix(p, "github.com/charmbracelet/bubbletea") ||
				strings.HasPrefix(p, "github.com/charmbracelet/bubbles")
		}}, rule{pkg, "reaches the database only through its Store interface", imports,
			func(p string) bool { return p == "tend/store" || strings.HasPrefix(p, "go.etcd.io/bbolt") }})
	}
	for _, r := range append(rules, []rule{
		{"tend/store", "never imports the interface", deps("tend/store"),
			func(p string) bool {
				return strings.HasPrefix(p, "tend/tui") || strings.HasPrefix(p, "github.com/charmbracelet/")
			}},
		{"tend/tui", "knows neither the command line nor the database", deps("tend/tui"),
			func(p string) bool {
				return strings.HasPrefix(p, "tend/tui/cli") || p == "tend/store" || strings.HasPrefix(p, "go.etcd.io/bbolt")
			}},
	}...) {
		if len(r.imports) == 0 {
			t.Errorf("%s: go list showed no imports; the check saw nothing", r.pkg)
		}
		for _, p := range r.imports {
			if r.forbidden(p) {
				t.Errorf("%s %s, but it imports %s", r.pkg, r.says, p)
			}
		}
	}
	if !slices.Contains(own["tend/tui/cli"], "tend/tui") || !slices.Contains(own["tend"], "tend/tui/cli") {
		t.Errorf("tui/cli should import tui, and main tui/cli: %v, %v", own["tend/tui/cli"], own["tend"])
	}
}

// TestTheBinaryNeedsNoCgo: with cgo in the link (os/user or net through a
// dependency), every process starts by running the dynamic loader, about
// 1 ms on this machine: a third of `tend review NAME` on a 5-year history
// (issue 15). The binary stays a static Go program.
func TestTheBinaryNeedsNoCgo(t *testing.T) {
	lines := goList(t, "-deps", "-f", "{{.ImportPath}} {{len .CgoFiles}}", ".")
	sawMain := false
	for _, line := range lines {
		path, n, _ := strings.Cut(line, " ")
		sawMain = sawMain || path == "tend"
		if n != "0" || path == "runtime/cgo" {
			t.Errorf("tend links %s, which needs cgo: every command would start through the dynamic loader", path)
		}
	}
	if !sawMain || len(lines) < 50 {
		t.Errorf("go list printed %d lines without tend itself; the check saw nothing", len(lines))
	}
}
