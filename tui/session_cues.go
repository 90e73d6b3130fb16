package tui

import (
	"fmt"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// What the guided session tells a person who is not looking at the screen:
// the terminal's title (block and time left), and, when the settings ask
// for them, a spoken cue at each block and a desktop notification at
// halfway and at the end. Each cue is a command run in the background (see
// RunQuietly): a speech tool that prints or hangs never reaches the screen
// or holds up the timer.

// sessionCues are the session's side channels; a nil func stays silent.
type sessionCues struct {
	say    func(text string)
	notify func(title, body string)
}

// SessionCues builds the cues from the settings: sound speaks with the
// first speech tool on PATH, notify raises desktop notifications.
func SessionCues(sound, notify bool) (say func(string), note func(string, string)) {
	if sound {
		say = func(text string) { _ = RunQuietly(speakCommand(text)) }
	}
	if notify {
		note = func(title, body string) { _ = RunQuietly(NotifyCommand(title, body)) }
	}
	return say, note
}

func (c sessionCues) speak(label string, secs int) tea.Cmd {
	if c.say == nil {
		return nil
	}
	text := fmt.Sprintf("%s, %s", label, spokenTime(secs))
	return func() tea.Msg { c.say(text); return nil }
}

func (c sessionCues) halfway(goal string, left int) tea.Cmd {
	if c.notify == nil {
		return nil
	}
	body := fmt.Sprintf("Halfway through %s. %s to go.", goal, clock(left))
	return func() tea.Msg { c.notify("tend", body); return nil }
}

func (c sessionCues) finished(goal string) tea.Cmd {
	say, notify := c.say, c.notify
	if say == nil && notify == nil {
		return nil
	}
	return func() tea.Msg {
		if say != nil {
			say("Session done. Take a second to notice you did it.")
		}
		if notify != nil {
			notify("tend", goal+": session done. Take a second to notice you did it.")
		}
		return nil
	}
}

// spokenTime is a stretch's length as it is said: "90 seconds", "3 minutes".
func spokenTime(secs int) string {
	switch {
	case secs%60 == 0 && secs == 60:
		return "1 minute"
	case secs%60 == 0:
		return fmt.Sprintf("%d minutes", secs/60)
	case secs < 120:
		return fmt.Sprintf("%d seconds", secs)
	}
	return fmt.Sprintf("%d minutes %d seconds", secs/60, secs%60)
}

// title puts the block and the time left in the terminal's title bar.
func (s sessionScreen) title() tea.Cmd {
	return tea.SetWindowTitle(fmt.Sprintf("tend · %s %s · %s left", s.parts[s.at].Label(), clock(s.left),
		clock(s.total()-s.passed())))
}

// restart counts from now: at the start, after a pause, a question or a skip.
func (s sessionScreen) restart() sessionScreen {
	if s.now != nil {
		s.mark = s.now()
	}
	return s
}

// elapsed is how many whole seconds the clock has moved since the mark,
// which it moves on by as many; without a clock, one a tick.
func (s *sessionScreen) elapsed() int {
	if s.now == nil {
		return 1
	}
	n := int(s.now().Sub(s.mark) / time.Second)
	if n <= 0 {
		return 0
	}
	s.mark = s.mark.Add(time.Duration(n) * time.Second)
	return n
}
