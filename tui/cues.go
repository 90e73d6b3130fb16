package tui

import (
	"context"
	"os/exec"
	"time"
)

// Side channels: a desktop notification and a spoken cue, through whatever
// tool the machine has. They are extras: each runs with its standard
// input, output and error on /dev/null, so a tool that prints (notify-send
// without D-Bus does) never draws on the screen, and under a timeout, so a
// tool that hangs never holds up a session or a reminder; what it returns
// is ignored.

// cueTimeout bounds one notification or spoken cue. [D]
const cueTimeout = 10 * time.Second

// NotifyCommand is the command line that raises a desktop notification
// with the first notifier on PATH, or nil when there is none.
func NotifyCommand(title, body string) []string {
	switch {
	case onPath("notify-send"):
		return []string{"notify-send", "--app-name=tend", title, body}
	case onPath("termux-notification"):
		return []string{"termux-notification", "--title", title, "--content", body}
	case onPath("osascript"):
		return []string{"osascript", "-e", "display notification " + appleString(body) + " with title " + appleString(title)}
	}
	return nil
}

// speakCommand is the command line that says text aloud with the first
// speech tool on PATH, or nil when there is none.
func speakCommand(text string) []string {
	for _, tool := range []string{"espeak-ng", "say", "termux-tts-speak"} {
		if onPath(tool) {
			return []string{tool, text}
		}
	}
	return nil
}

func onPath(name string) bool {
	_, err := exec.LookPath(name)
	return err == nil
}

// appleString quotes s for AppleScript.
func appleString(s string) string {
	out := []byte{'"'}
	for i := 0; i < len(s); i++ {
		if s[i] == '"' || s[i] == '\\' {
			out = append(out, '\\')
		}
		out = append(out, s[i])
	}
	return string(append(out, '"'))
}

// RunQuietly runs argv with nothing attached and waits at most cueTimeout
// for it, then kills it. Its error is for tests; callers drop it.
func RunQuietly(argv []string) error {
	if len(argv) == 0 {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), cueTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.WaitDelay = time.Second // a child that keeps the pipes open is not waited for
	return cmd.Run()
}
