package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Goal names complete from a real database, through the script a person
// installs: read-only (the file's bytes are unchanged, so no write
// transaction ran), with --db honoured, and nothing created where there is
// no database.
func TestCompletionOfGoalNames(t *testing.T) {
	t.Parallel()
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash here")
	}
	env := newEnv(t)
	mustTend(t, env, "add", "Walk", "--plan", "daily-walk")
	mustTend(t, env, "add", "Morning yoga", "--plan", "yoga")
	mustTend(t, env, "add", "Weights", "--plan", "strength")
	before, err := os.ReadFile(env.DB)
	if err != nil {
		t.Fatal(err)
	}
	script := filepath.Join(t.TempDir(), "tend.bash")
	if err := os.WriteFile(script, []byte(mustTend(t, env, "completion", "bash")), 0o600); err != nil {
		t.Fatal(err)
	}
	env.Extra = append(env.Extra, "PATH="+filepath.Dir(tendBin)+":"+os.Getenv("PATH"))
	complete := func(words ...string) string {
		t.Helper()
		prog := `source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _tend; printf '%s\n' "${COMPREPLY[@]}"`
		cmd := exec.Command(bash, append([]string{"--norc", "-c", prog, "bash", script}, words...)...)
		cmd.Env = env.environ(t)
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		if err := cmd.Run(); err != nil || errOut.Len() > 0 {
			t.Fatalf("completing %q: %v\n%s", words, err, errOut.String())
		}
		return strings.TrimSpace(out.String())
	}
	for _, tc := range []struct {
		words []string
		want  string
	}{
		{[]string{"tend", "done", ""}, `Walk` + "\n" + `Morning\ yoga` + "\n" + `Weights`},
		{[]string{"tend", "done", "w"}, "Walk\nWeights"},
		{[]string{"tend", "undo", "mo"}, `Morning\ yoga`},
		{[]string{"tend", "--db", env.DB, "edit", "wa"}, "Walk"},
		{[]string{"tend", "do"}, "done"},
		{[]string{"tend", "done", "walk", "--effort", ""}, "easy\nok\nhard"},
		{[]string{"tend", "add", "Run", "--plan", "walk"}, "walk-to-run"},
		{[]string{"tend", "done", "walk", "--mi"}, "--minimum"},
		{[]string{"tend", "completion", ""}, "bash\nzsh\nfish"},
		{[]string{"tend", "report", "--goal", "wa"}, "Walk"},
		{[]string{"tend", "done", "walk", "--note", ""}, ""},
		{[]string{"tend", "sync", ""}, "init\nstatus"},
		{[]string{"tend", "sync", "s"}, "status"},
		{[]string{"tend", "--db", env.DB, "sync", "st"}, "status"},
		// --db=PATH: bash splits it into --db, = and PATH, or keeps one
		// word when = is not in COMP_WORDBREAKS.
		{[]string{"tend", "--db", "=", env.DB, "edit", "wa"}, "Walk"},
		{[]string{"tend", "--db=" + env.DB, "edit", "wa"}, "Walk"},
		{[]string{"tend", "--db", "=", env.DB[:len(env.DB)-1]}, env.DB},
		{[]string{"tend", "--db=" + env.DB[:len(env.DB)-1]}, "--db=" + env.DB},
	} {
		if got := complete(tc.words...); got != tc.want {
			t.Errorf("completing %q: got\n%s\nwant\n%s", tc.words, got, tc.want)
		}
	}
	checkFishCompletes(t, env)
	after, err := os.ReadFile(env.DB)
	if err != nil || !bytes.Equal(before, after) {
		t.Errorf("completing goal names changed the database file (%v)", err)
	}
	checkCompleteWithoutDatabase(t)
}

// checkFishCompletes: fish, when it is here, completes goal names from the
// script `tend completion fish` prints, a name with a space kept whole.
func checkFishCompletes(t *testing.T, env Env) {
	t.Helper()
	fish, err := exec.LookPath("fish")
	if err != nil {
		return
	}
	fishScript := filepath.Join(t.TempDir(), "tend.fish")
	if err := os.WriteFile(fishScript, []byte(mustTend(t, env, "completion", "fish")), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(fish, "--no-config", "-c", `source $argv[1]; complete -C "tend done w"; complete -C "tend undo mo"`, fishScript)
	cmd.Env = env.environ(t)
	out, err := cmd.Output()
	if got := strings.TrimSpace(string(out)); err != nil || got != "Walk\nWeights\nMorning yoga" {
		t.Errorf("fish completes %q (%v), want Walk, Weights, Morning yoga", got, err)
	}
}

// checkCompleteWithoutDatabase: with no database, completing goal names
// prints nothing and creates nothing.
func checkCompleteWithoutDatabase(t *testing.T) {
	t.Helper()
	fresh := Env{Home: t.TempDir(), Now: testDay, DB: filepath.Join(t.TempDir(), "none", "tend.db")}
	if out := mustTend(t, fresh, "__complete-goals"); out != "" {
		t.Errorf("no database: __complete-goals printed %q", out)
	}
	if _, err := os.Stat(filepath.Dir(fresh.DB)); !os.IsNotExist(err) {
		t.Errorf("__complete-goals created %s (%v)", filepath.Dir(fresh.DB), err)
	}
}

// The man page renders with man(1) and the version and help work as
// people expect.
func TestManVersionHelp(t *testing.T) {
	t.Parallel()
	env := newEnv(t)
	if out := mustTend(t, env, "--version"); !strings.HasPrefix(out, "tend ") {
		t.Errorf("--version: %q", out)
	}
	if out := mustTend(t, env, "help", "done"); !strings.Contains(out, "--effort") {
		t.Errorf("help done: %q", out)
	}
	out, errOut, code := runTend(t, env, "dnoe", "walk")
	if code != 2 || strings.TrimSpace(errOut) != "There is no command \"dnoe\". Did you mean `tend done`?" || out != "" {
		t.Errorf("dnoe: exit %d, %q %q", code, out, errOut)
	}
	mustTend(t, env, "add", "Walk", "--plan", "daily-walk")
	if _, errOut, code := runTend(t, env, "done", "wlak"); code != 1 || !strings.Contains(errOut, `Did you mean "Walk"?`) {
		t.Errorf("done wlak: exit %d, %q", code, errOut)
	}
	manBin, err := exec.LookPath("man")
	if err != nil {
		return
	}
	cmd := exec.Command(manBin, "-l", "-")
	cmd.Stdin = strings.NewReader(mustTend(t, env, "man"))
	cmd.Env = append(env.environ(t), "MANPAGER=cat", "PAGER=cat", "MANWIDTH=80")
	var page, errs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &page, &errs
	if err := cmd.Run(); err != nil || errs.Len() > 0 {
		t.Fatalf("man -l -: %v\n%s", err, errs.String())
	}
	for _, want := range []string{"COMMANDS", "TEND_SPEED", "EXIT STATUS", "XDG_STATE_HOME"} {
		if !strings.Contains(page.String(), want) {
			t.Errorf("the rendered man page has no %q", want)
		}
	}
}
