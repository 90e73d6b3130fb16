package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"tend/coach"
)

// sessionScreen runs the day's session as a timer: the current stretch
// large, a progress bar, what comes next, a bell at each change, pause,
// skip and stop. Finishing, or stopping, opens the check-in with what was
// done filled in.
type sessionScreen struct {
	keys    sessionKeys
	item    coach.Today
	parts   []coach.Stretch
	at      int // the stretch under way
	left    int // seconds left in it
	elapsed int // seconds done in all
	paused  bool
	id      int  // the session's number, from the root
	gen     int  // the timer's generation within it: bumped on pause, resume and skip
	bell    bool // ring once, on the first draw after a change
	every   func(time.Duration, func(time.Time) tea.Msg) tea.Cmd
}

// openSessionMsg asks the root to start the guided session for a goal.
type openSessionMsg struct{ item coach.Today }

// sessionTickMsg is one second of a session's timer. It carries the
// session and the timer's generation, so that a tick from a session already
// stopped, or from before a pause, is dropped rather than counting twice.
type sessionTickMsg struct{ id, gen int }

// sessionEndMsg asks the root to open the check-in after a session.
type sessionEndMsg struct {
	item     coach.Today
	finished bool
	achieved float64
}

func newSession(id int, item coach.Today, parts []coach.Stretch,
	every func(time.Duration, func(time.Time) tea.Msg) tea.Cmd) (sessionScreen, tea.Cmd) {
	s := sessionScreen{keys: defaultSessionKeys(), item: item, parts: parts, left: parts[0].Secs, id: id, bell: true, every: every}
	return s, s.tick()
}

func (s sessionScreen) tick() tea.Cmd {
	id, gen := s.id, s.gen
	return s.every(time.Second, func(time.Time) tea.Msg { return sessionTickMsg{id: id, gen: gen} })
}

// onTick counts a second down; at the end of a stretch it moves on and
// rings, and after the last it ends the session.
func (s sessionScreen) onTick(msg sessionTickMsg) (sessionScreen, tea.Cmd) {
	if msg.id != s.id || msg.gen != s.gen || s.paused {
		return s, nil
	}
	s.left--
	s.elapsed++
	if s.left > 0 {
		return s, s.tick()
	}
	return s.next()
}

func (s sessionScreen) next() (sessionScreen, tea.Cmd) {
	if s.at+1 >= len(s.parts) {
		return s, s.end(true)
	}
	s.at++
	s.left, s.bell = s.parts[s.at].Secs, true
	return s, s.tick()
}

func (s sessionScreen) end(finished bool) tea.Cmd {
	achieved := coach.Achieved(s.parts, s.elapsed)
	if finished {
		achieved = s.item.Session.Target
	}
	return send(sessionEndMsg{item: s.item, finished: finished, achieved: achieved})
}

func (s sessionScreen) Update(msg tea.KeyMsg) (sessionScreen, tea.Cmd) {
	s.bell = false
	switch {
	case key.Matches(msg, s.keys.Pause):
		s.paused = !s.paused
		// A fresh timer either way, so the tick waiting from before the
		// pause can never count a second twice.
		s.gen++
		if !s.paused {
			return s, s.tick()
		}
	case key.Matches(msg, s.keys.Skip):
		s.elapsed += s.left
		s.gen++
		return s.next()
	case key.Matches(msg, s.keys.Stop):
		return s, s.end(false)
	}
	return s, nil
}

func (s sessionScreen) total() int {
	n := 0
	for _, p := range s.parts {
		n += p.Secs
	}
	return n
}

func clock(secs int) string { return fmt.Sprintf("%d:%02d", secs/60, secs%60) }

func (s sessionScreen) View(width, height int, st Styles) string {
	cur := s.parts[s.at]
	title := s.item.Goal.Name
	if s.item.Level.Prefix != "" {
		title += " · " + s.item.Level.Prefix
	}
	left := fmt.Sprintf("%s left of %s", clock(s.total()-s.elapsed), clock(s.total()))
	head := st.Title.Render(ansiCut(title, width-lipgloss.Width(left)-1))
	head += strings.Repeat(" ", max(1, width-lipgloss.Width(head)-lipgloss.Width(left))) + st.Muted.Render(left)
	if s.bell {
		head += "\a" // the terminal's bell: a new stretch has begun
	}
	big := strings.ToUpper(cur.Label())
	if s.paused {
		big = "PAUSED · " + big
	}
	center := lipgloss.NewStyle().Width(width).Align(lipgloss.Center)
	lines := []string{head, "", center.Render(st.Title.Render(big)), center.Render(clock(s.left)), ""}
	barW := max(5, width-16)
	done := barW * s.elapsed / max(1, s.total())
	bar := st.Success.Render(strings.Repeat("█", done)) + st.Muted.Render(strings.Repeat("░", barW-done))
	if cur.Of > 0 {
		bar += fmt.Sprintf("  round %d of %d", cur.Round, cur.Of)
	}
	lines = append(lines, ansiCut(bar, width))
	if s.at+1 < len(s.parts) {
		n := s.parts[s.at+1]
		lines = append(lines, st.Muted.Render(fmt.Sprintf("Next: %s %s", n.Label(), clock(n.Secs))))
	} else {
		lines = append(lines, st.Muted.Render("Last one. Then a check-in."))
	}
	return strings.Join(fitLines(lines, height), "\n")
}

func (s sessionScreen) ShortHelp() []key.Binding {
	k := s.keys
	if s.paused {
		k.Pause.SetHelp("space", "resume")
	}
	return []key.Binding{k.Pause, k.Skip, k.Stop}
}

func (s sessionScreen) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }
