package tui

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"tend/coach"
)

// sessionScreen runs the day's session as a timer: the current stretch
// large, a progress bar, what comes next, a bell at each change, pause,
// skip and stop. Finishing opens the check-in with what was done filled in;
// stopping asks first.
type sessionScreen struct {
	keys    sessionKeys
	item    coach.Today
	parts   []coach.Stretch
	at      int   // the stretch under way
	left    int   // seconds left in it
	done    []int // seconds done in each stretch: a skipped one keeps only what it had
	paused  bool
	asking  bool // "Stop and check in what you did?" is showing; the timer waits
	held    bool // paused before the question, so "no" leaves it paused
	stopYes bool // the answer chosen: yes opens the check-in
	id      int  // the session's number, from the root
	gen     int  // the timer's generation within it: bumped on pause, resume, skip and asking
	second  time.Duration
	ring    tea.Cmd // rings the terminal's bell, once
	every   func(time.Duration, func(time.Time) tea.Msg) tea.Cmd
	// now is the session's clock and mark the instant counted up to, so
	// a session counts from the clock, not from ticks: a laptop that slept
	// mid-session shows the right time when it wakes (nil counts ticks).
	now  func() time.Time
	mark time.Time
	cues sessionCues
	half bool // the halfway notification is out
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
	finished bool // every counted second done: a done check-in
	achieved float64
}

// sessionClock is how a session keeps time: how long one of its seconds
// lasts (TEND_SPEED shortens it), the timer, and the bell.
type sessionClock struct {
	second time.Duration
	every  func(time.Duration, func(time.Time) tea.Msg) tea.Cmd
	ring   tea.Cmd
	now    func() time.Time
	cues   sessionCues
}

func newSession(id int, item coach.Today, parts []coach.Stretch, c sessionClock) (sessionScreen, tea.Cmd) {
	if c.second <= 0 {
		c.second = time.Second
	}
	s := sessionScreen{keys: defaultSessionKeys(), item: item, parts: parts, left: parts[0].Secs, id: id,
		done: make([]int, len(parts)), stopYes: true, second: c.second, ring: c.ring, every: c.every,
		now: c.now, cues: c.cues}
	s = s.restart()
	return s, tea.Batch(s.tick(), s.title(), s.cues.speak(s.parts[0].Label(), s.parts[0].Secs))
}

// bellCmd writes the terminal's bell to w: Bubble Tea v1 has no bell of its
// own, and a bell drawn as part of the view would ring at every redraw.
func bellCmd(w io.Writer) tea.Cmd {
	if w == nil {
		return nil
	}
	return func() tea.Msg {
		_, _ = io.WriteString(w, "\a") // a bell that cannot ring changes nothing
		return nil
	}
}

func (s sessionScreen) tick() tea.Cmd {
	id, gen := s.id, s.gen
	return s.every(s.second, func(time.Time) tea.Msg { return sessionTickMsg{id: id, gen: gen} })
}

// onTick counts the seconds the clock has moved since the last count
// (one a tick without a clock); at the end of a stretch it moves on and
// rings, and after the last it ends the session.
func (s sessionScreen) onTick(msg sessionTickMsg) (sessionScreen, tea.Cmd) {
	if msg.id != s.id || msg.gen != s.gen || s.paused || s.asking {
		return s, nil
	}
	s.done = append([]int(nil), s.done...)
	at, secs := s.at, s.elapsed()
	for ; secs > 0; secs-- {
		s.left--
		s.done[s.at]++
		if s.left > 0 {
			continue
		}
		if s.at+1 >= len(s.parts) {
			return s, tea.Batch(s.end(), s.ring, s.cues.finished(s.item.Goal.Name))
		}
		s.at++
		s.left = s.parts[s.at].Secs
	}
	cmds := []tea.Cmd{s.tick(), s.title()}
	if s.at != at { // one bell and one cue for the stretch reached, however many passed while asleep
		cmds = append(cmds, s.ring, s.cues.speak(s.parts[s.at].Label(), s.left))
	}
	if !s.half && 2*s.passed() >= s.total() {
		s.half = true
		cmds = append(cmds, s.cues.halfway(s.item.Goal.Name, s.total()-s.passed()))
	}
	return s, tea.Batch(cmds...)
}

// next moves on to the next stretch, ringing once for the change, or ends
// the session after the last, ringing once for that too: a person with the
// terminal out of sight hears that it is over.
func (s sessionScreen) next() (sessionScreen, tea.Cmd) {
	if s.at+1 >= len(s.parts) {
		return s, tea.Batch(s.end(), s.ring, s.cues.finished(s.item.Goal.Name))
	}
	s.at++
	s.left = s.parts[s.at].Secs
	s = s.restart()
	return s, tea.Batch(s.tick(), s.ring, s.title(), s.cues.speak(s.parts[s.at].Label(), s.left))
}

// end opens the check-in: a done one when every counted second was done,
// else a part one with what was done.
func (s sessionScreen) end() tea.Cmd {
	achieved := coach.AchievedEach(s.parts, s.done)
	target := s.item.Session.Target
	finished := achieved >= target-1e-9
	if finished {
		achieved = target
	}
	return tea.Batch(send(sessionEndMsg{item: s.item, finished: finished, achieved: achieved}), tea.SetWindowTitle("tend"))
}

func (s sessionScreen) Update(msg tea.KeyMsg) (sessionScreen, tea.Cmd) {
	if s.asking {
		return s.answer(msg)
	}
	switch {
	case key.Matches(msg, s.keys.Pause):
		s.paused = !s.paused
		// A fresh timer either way, so the tick waiting from before the
		// pause can never count a second twice.
		s.gen++
		if !s.paused {
			s = s.restart() // the time paused is not counted
			return s, s.tick()
		}
	case key.Matches(msg, s.keys.Skip):
		// Skipping moves on without counting the rest of the stretch.
		s.gen++
		return s.next()
	case key.Matches(msg, s.keys.Stop):
		s.asking, s.held, s.stopYes = true, s.paused, true
		s.gen++ // the timer waits for the answer
	}
	return s, nil
}

// answer takes the reply to "Stop and check in what you did?": yes opens
// the check-in with what was done, no goes back to the session.
func (s sessionScreen) answer(msg tea.KeyMsg) (sessionScreen, tea.Cmd) {
	yes := s.stopYes
	switch {
	case key.Matches(msg, s.keys.Left), key.Matches(msg, s.keys.Right):
		s.stopYes = !s.stopYes
		return s, nil
	case key.Matches(msg, s.keys.Yes):
		yes = true
	case key.Matches(msg, s.keys.No):
		yes = false
	case key.Matches(msg, s.keys.Choose):
	default:
		return s, nil
	}
	s.asking = false
	if yes {
		return s, s.end()
	}
	s.paused = s.held
	if s.paused {
		return s, nil
	}
	s = s.restart() // the time spent answering is not counted
	return s, s.tick()
}

func (s sessionScreen) total() int {
	n := 0
	for _, p := range s.parts {
		n += p.Secs
	}
	return n
}

// passed is how far through the session's timeline the person is: a skip
// moves it on, though what was skipped is not counted as done.
func (s sessionScreen) passed() int {
	n := s.parts[s.at].Secs - s.left
	for _, p := range s.parts[:s.at] {
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
	left := fmt.Sprintf("%s left of %s", clock(s.total()-s.passed()), clock(s.total()))
	head := st.Title.Render(ansiCut(title, width-lipgloss.Width(left)-1))
	head += strings.Repeat(" ", max(1, width-lipgloss.Width(head)-lipgloss.Width(left))) + st.Muted.Render(left)
	big := strings.ToUpper(cur.Label())
	if s.paused {
		big = "PAUSED · " + big
	}
	center := lipgloss.NewStyle().Width(width).Align(lipgloss.Center)
	lines := []string{head, "", center.Render(st.Title.Render(big)), center.Render(clock(s.left)), ""}
	barW := max(5, width-16)
	done := barW * s.passed() / max(1, s.total())
	bar := st.Success.Render(strings.Repeat("█", done)) + st.Muted.Render(strings.Repeat("░", barW-done))
	if cur.Of > 0 {
		bar += fmt.Sprintf("  round %d of %d", cur.Round, cur.Of)
	}
	lines = append(lines, ansiCut(bar, width))
	switch {
	case s.asking:
		lines = append(append(lines, ""), s.askView(width, st)...)
	case s.at+1 < len(s.parts):
		n := s.parts[s.at+1]
		lines = append(lines, st.Muted.Render(ansiCut(fmt.Sprintf("Next: %s %s", n.Label(), clock(n.Secs)), width)))
	case len(s.parts) > 1:
		lines = append(lines, st.Muted.Render(ansiCut("Last one. Then a check-in.", width)))
	default:
		lines = append(lines, st.Muted.Render(ansiCut("Then a check-in.", width)))
	}
	return strings.Join(fitLines(lines, height), "\n")
}

// askView is the stop question with its two answers, yes chosen first.
func (s sessionScreen) askView(width int, st Styles) []string {
	chosen := 1
	if s.stopYes {
		chosen = 0
	}
	q, answers := "Stop and check in what you did?", strings.Join(answerParts([]string{"yes", "no"}, chosen, st), " ")
	if lipgloss.Width(q)+1+lipgloss.Width(answers) <= width {
		return []string{q + " " + answers}
	}
	return append(wrap(q, width), "  "+answers)
}

func (s sessionScreen) ShortHelp() []key.Binding {
	k := s.keys
	if s.asking {
		return []key.Binding{k.Choose, k.Left, k.No}
	}
	if s.paused {
		k.Pause.SetHelp("space", "resume")
	}
	return []key.Binding{k.Pause, k.Skip, k.Stop}
}

func (s sessionScreen) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }
