package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// cueLog records the session's cues as the runtime would run them.
type cueLog struct{ said, notes []string }

// onClockedSession is the walk-to-run session of onSession with a clock
// the test moves, and cues recorded.
func onClockedSession(t *testing.T) (Model, *bells, *time.Time, *cueLog) {
	t.Helper()
	b, log := &bells{}, &cueLog{}
	now := time.Date(2026, time.March, 2, 12, 0, 0, 0, time.UTC)
	m := New(Deps{Clock: fixedClock, Styles: DefaultStyles(), Tick: noTick, Bell: b,
		SessionClock: func() time.Time { return now },
		Say:          func(s string) { log.said = append(log.said, s) },
		Notify:       func(_, body string) { log.notes = append(log.notes, body) }})
	m, _ = press(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m, _ = press(t, m, loadedMsg{snap: seeded(t), day: fixedDay})
	m = step(t, m, openSessionMsg{item: m.today.items[0]})
	if m.screen != screenSession {
		t.Fatalf("the session did not open: %v", m.screen)
	}
	return m, b, &now, log
}

// The session counts from its clock, not its ticks: a laptop that sleeps
// for ten minutes wakes to the right block and time, with one bell and one
// spoken cue for where it is now; time paused is not counted; halfway and
// the end are each notified once.
func TestSessionCountsFromTheClock(t *testing.T) {
	m, b, now, log := onClockedSession(t)
	if len(log.said) != 1 || log.said[0] != "warm-up, 5 minutes" {
		t.Fatalf("at the start it said %q", log.said)
	}
	*now = now.Add(10 * time.Second)
	m = step(t, m, tickFor(m))
	if m.session.passed() != 10 || m.session.left != 290 {
		t.Fatalf("10 s in: passed %d, %d left", m.session.passed(), m.session.left)
	}
	m = step(t, m, tickFor(m)) // a tick with no time passed counts nothing
	if m.session.passed() != 10 {
		t.Fatalf("a tick without time counted: passed %d", m.session.passed())
	}
	*now = now.Add(10 * time.Minute) // the lid closed
	m = step(t, m, tickFor(m))
	at, left := 0, 610 // where 610 s of the timeline fall
	for left >= m.session.parts[at].Secs {
		left -= m.session.parts[at].Secs
		at++
	}
	if m.session.passed() != 610 || m.session.at != at || m.session.left != m.session.parts[at].Secs-left {
		t.Errorf("after the sleep: passed %d, at %d (%s), %d left", m.session.passed(), m.session.at,
			m.session.parts[m.session.at].Label(), m.session.left)
	}
	if b.n != 1 || len(log.said) != 2 {
		t.Errorf("after the sleep: %d bells, said %q; want one bell and one cue for where it is", b.n, log.said)
	}
	passed := m.session.passed()
	m = step(t, m, keyPress(' ')) // pause
	*now = now.Add(5 * time.Minute)
	m = step(t, m, keyPress(' ')) // resume
	*now = now.Add(time.Second)
	m = step(t, m, tickFor(m))
	if m.session.passed() != passed+1 {
		t.Errorf("five minutes paused counted: passed %d, want %d", m.session.passed(), passed+1)
	}
	if len(log.notes) != 0 {
		t.Errorf("before halfway: notified %q", log.notes)
	}
	for 2*m.session.passed() < m.session.total()+120 { // on past halfway, a minute at a time
		*now = now.Add(time.Minute)
		m = step(t, m, tickFor(m))
	}
	*now = now.Add(time.Duration(m.session.total()) * time.Second)
	m = step(t, m, tickFor(m))
	if m.screen != screenCheckIn {
		t.Fatalf("after the whole session the screen is %v", m.screen)
	}
	name := m.checkIn.item.Goal.Name
	if countPrefix(log.notes, "Halfway through "+name) != 1 || countPrefix(log.notes, name+": session done.") != 1 || len(log.notes) != 2 {
		t.Errorf("notifications %q; want one at halfway and one at the end", log.notes)
	}
}

func countPrefix(list []string, prefix string) int {
	n := 0
	for _, s := range list {
		if strings.HasPrefix(s, prefix) {
			n++
		}
	}
	return n
}

// The title bar shows the block and the time left, and goes back to
// "tend" when the session ends; with the cues off nothing is run.
func TestSessionTitleAndSilentCues(t *testing.T) {
	m, _ := onSession(t, 80, 24)
	var titles []string
	collect(m.session.title(), &titles)
	if len(titles) != 1 || titles[0] != "tend · warm-up 5:00 · "+clock(m.session.total())+" left" {
		t.Errorf("title %q", titles)
	}
	c := sessionCues{}
	if c.speak("run", 90) != nil || c.halfway("Run", 60) != nil || c.finished("Run") != nil {
		t.Error("cues with sound and notify off still run something")
	}
	if spokenTime(90) != "90 seconds" || spokenTime(180) != "3 minutes" || spokenTime(150) != "2 minutes 30 seconds" {
		t.Errorf("spoken times: %s, %s, %s", spokenTime(90), spokenTime(180), spokenTime(150))
	}
}

// collect runs cmd and keeps the window titles it sets.
func collect(cmd tea.Cmd, titles *[]string) {
	if cmd == nil {
		return
	}
	msg := cmd()
	if batch, ok := msg.(tea.BatchMsg); ok {
		for _, c := range batch {
			collect(c, titles)
		}
		return
	}
	if s := fmt.Sprint(msg); strings.HasPrefix(s, "tend") {
		*titles = append(*titles, s)
	}
}
