package tui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// shameWords are the words COACH §5 keeps off every screen.
var shameWords = regexp.MustCompile(`(?i)\b(failed|failure|broke|broken|lost|lazy|should have|behind)\b`)

// Every string a person can read on a screen or from a command comes from a
// literal in this package (or from coach, which has its own test): none may
// use a word that shames.
func TestNoStringUsesAShameWord(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		file, err := parser.ParseFile(token.NewFileSet(), f, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil {
				return true
			}
			checked++
			if w := shameWords.FindString(s); w != "" {
				t.Errorf("%s: %q uses %q", f, s, w)
			}
			return true
		})
	}
	if checked < 100 {
		t.Fatalf("checked only %d strings; the scan is not reading the package", checked)
	}
}

// The matcher finds whole words only, so the test above can fail.
func TestShameWordsMatchWholeWords(t *testing.T) {
	for s, want := range map[string]bool{"you failed": true, "Lost it": true, "lostness": false, "behind you": true, "broker": false} {
		if got := shameWords.MatchString(s); got != want {
			t.Errorf("%q: %v, want %v", s, got, want)
		}
	}
}
