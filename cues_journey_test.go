package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Spoken cues and notifications in a real pty, with a speech tool and a
// notifier that print to stdout and stderr and then hang: the screen never
// shows what they print, the session runs on to its check-in at TEND_SPEED,
// and the terminal's title carries the block and the time left.
func TestSessionCuesNeverTouchTheScreen(t *testing.T) {
	env := sessionEnv(t)
	env.Extra = append(env.Extra, "TEND_SPEED=300") // the 10-minute walk in two seconds
	bin, log := t.TempDir(), filepath.Join(t.TempDir(), "cues.log")
	for _, tool := range []string{"espeak-ng", "notify-send"} {
		script := "#!/bin/sh\necho \"" + tool + " $*\" >> '" + log + "'\n" +
			"echo 'NOISY STDOUT'\necho 'NOISY STDERR' >&2\nexec sleep 3\n"
		if err := os.WriteFile(filepath.Join(bin, tool), []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	env.Extra = append(env.Extra, "PATH="+bin+":"+os.Getenv("PATH"))
	mustTend(t, env, "add", "Walk", "--plan", "daily-walk", "--readiness", "none")
	mustTend(t, env, "config", "sound", "on")
	term := startTerm(t, 80, 24, env)
	term.WaitFor(t, "Walk 10 min", screenTimeout)
	term.Press(t, "s")
	term.WaitFor(t, "WALK", screenTimeout)
	screen := term.WaitFor(t, "Did it happen?", screenTimeout) // the check-in after the whole walk
	out := term.Output()
	if strings.Contains(out, "NOISY") || strings.Contains(screen, "NOISY") {
		t.Errorf("a cue's output reached the terminal:\n%s", frame(screen))
	}
	if !strings.Contains(out, "\x1b]2;tend · walk ") || !strings.Contains(out, " left\a") {
		t.Errorf("no terminal title with the block and time left in the output")
	}
	term.Quit(t)
	b, _ := os.ReadFile(log)
	if !strings.Contains(string(b), "espeak-ng walk, 10 minutes") {
		t.Errorf("the speech tool was not asked to say the walk: %q", b)
	}
}
