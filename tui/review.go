package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"tend/coach"
)

// reviewScreen shows one goal's consistency and progress; ←/→ move between
// goals, ↑/↓ scroll where the window is small.
type reviewScreen struct {
	keys          reviewKeys
	goals         []coach.Goal
	at            int
	hist          *History // nil until the goal's history has arrived
	scroll        int
	width, height int // the room the review draws in
	lines         int // how many lines it draws there
	// picking puts a cursor on the calendar, on day pick, to open a day.
	picking bool
	pick    coach.Day
}

// openReviewMsg asks the root to open the review at a goal.
type openReviewMsg struct{ goalID uint64 }

// historyLoadedMsg carries a goal's history for the review.
type historyLoadedMsg struct {
	goalID uint64
	hist   History
}

func newReview(goals []coach.Goal, goalID uint64) reviewScreen {
	s := reviewScreen{keys: defaultReviewKeys(), goals: goals}
	for i, g := range goals {
		if g.ID == goalID {
			s.at = i
		}
	}
	return s.updateKeys()
}

// sized takes the room the review draws in, which says whether it scrolls.
func (s reviewScreen) sized(width, height int) reviewScreen {
	s.width, s.height = width, height
	s.lines = len(s.allLines(width, Styles{}))
	s.scroll = min(s.scroll, max(0, s.lines-height))
	return s.updateKeys()
}

// updateKeys enables only the keys that can do something now: ←/→ with more
// than one goal, ↑/↓ when the review is taller than its room.
func (s reviewScreen) updateKeys() reviewScreen {
	many := len(s.goals) > 1
	s.keys.Prev.SetEnabled(many)
	s.keys.Next.SetEnabled(many)
	scrolls := s.height > 0 && s.lines > s.height
	s.keys.Up.SetEnabled(scrolls)
	s.keys.Down.SetEnabled(scrolls)
	return s
}

func (s reviewScreen) goalID() uint64 {
	if len(s.goals) == 0 {
		return 0
	}
	return s.goals[s.at].ID
}

// withHistory takes a loaded history, unless it is for a goal the person
// has already moved away from.
func (s reviewScreen) withHistory(msg historyLoadedMsg) reviewScreen {
	if msg.goalID == s.goalID() {
		h := msg.hist
		s.hist = &h
	}
	return s.sized(s.width, s.height)
}

func (s reviewScreen) Update(msg tea.KeyMsg) (reviewScreen, tea.Cmd) {
	if s.picking {
		return s.pickDay(msg)
	}
	n := len(s.goals)
	asks := s.asks()
	switch {
	case asks && key.Matches(msg, s.keys.NextPlan):
		return s, send(openNextPlanMsg{goal: s.goals[s.at]})
	case asks && key.Matches(msg, s.keys.KeepIt):
		return s, send(keepItMsg{id: s.goalID()})
	case key.Matches(msg, s.keys.Calendar) && s.hist != nil:
		s.picking, s.pick, s.scroll = true, s.hist.Today, 0
	case key.Matches(msg, s.keys.Back):
		return s, send(closeScreenMsg{})
	case key.Matches(msg, s.keys.Prev):
		s.at, s.hist, s.scroll = (s.at+n-1)%n, nil, 0
		return s.sized(s.width, s.height), send(openReviewMsg{goalID: s.goalID()})
	case key.Matches(msg, s.keys.Next):
		s.at, s.hist, s.scroll = (s.at+1)%n, nil, 0
		return s.sized(s.width, s.height), send(openReviewMsg{goalID: s.goalID()})
	case key.Matches(msg, s.keys.Up):
		s.scroll = max(0, s.scroll-1)
	case key.Matches(msg, s.keys.Down):
		s.scroll = min(max(0, s.lines-s.height), s.scroll+1)
	}
	return s, nil
}

func (s reviewScreen) View(width, height int, st Styles) string {
	lines := s.allLines(width, st)
	top := min(s.scroll, max(0, len(lines)-height))
	lines = lines[top:]
	if len(lines) > height {
		lines = lines[:height]
	}
	return strings.Join(lines, "\n")
}

// allLines is the whole review of the goal shown, before any scrolling.
func (s reviewScreen) allLines(width int, st Styles) []string {
	if len(s.goals) == 0 {
		return []string{st.Muted.Render("No goals to review yet.")}
	}
	g := s.goals[s.at]
	name := "Review · " + g.Name
	if g.Status() == coach.Archived {
		name += " · archived"
	}
	title := st.Title.Render(ansiCut(name, width))
	if len(s.goals) > 1 {
		pos := fmt.Sprintf("◂ %d of %d ▸", s.at+1, len(s.goals))
		title = st.Title.Render(ansiCut(name, width-lipgloss.Width(pos)-1))
		title += strings.Repeat(" ", max(1, width-lipgloss.Width(title)-lipgloss.Width(pos))) + st.Muted.Render(pos)
	}
	if s.hist == nil {
		return []string{title, "", st.Muted.Render("Reading the history…")}
	}
	h := *s.hist
	head := []string{title, ""}
	if s.picking {
		h.Picked = s.pick
		head = append(head[:1], st.Muted.Render(ansiCut(s.pickedWords(), width)))
	}
	return append(head, ReviewLines(h, width, st)...)
}

func (s reviewScreen) ShortHelp() []key.Binding {
	if s.picking {
		return []key.Binding{s.keys.Open, s.keys.Back, s.keys.WeekBack, s.keys.DayBack}
	}
	calendar := s.keys.Calendar
	calendar.SetEnabled(s.hist != nil)
	next, keep := s.keys.NextPlan, s.keys.KeepIt
	next.SetEnabled(s.asks())
	keep.SetEnabled(s.asks())
	return []key.Binding{next, keep, s.keys.Up, s.keys.Back, s.keys.Prev, calendar}
}

func (s reviewScreen) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }

// pickDay moves the calendar's cursor: a week sideways, a day up and down,
// never past today; enter opens the day, esc puts the cursor away.
func (s reviewScreen) pickDay(msg tea.KeyMsg) (reviewScreen, tea.Cmd) {
	move := 0
	switch {
	case key.Matches(msg, s.keys.Back):
		s.picking = false
	case key.Matches(msg, s.keys.Open):
		return s, send(openDayMsg{goal: s.goals[s.at], day: s.pick})
	case key.Matches(msg, s.keys.WeekBack):
		move = -7
	case key.Matches(msg, s.keys.WeekOn):
		move = 7
	case key.Matches(msg, s.keys.DayBack):
		move = -1
	case key.Matches(msg, s.keys.DayOn):
		move = 1
	}
	// Within the calendar: never past today, nor before its first week.
	if p := s.pick.AddDays(move); s.hist != nil && !p.After(s.hist.Today) &&
		!p.Before(s.hist.Today.Monday().AddDays(-7*(reviewWeeks(*s.hist)-1))) {
		s.pick = p
	}
	return s, nil
}

// pickedWords says what the picked day holds, above the calendar.
func (s reviewScreen) pickedWords() string {
	y, m, d := s.pick.Date()
	day := fmt.Sprintf("%s %d %s %d", s.pick.Weekday(), d, m, y)
	for _, c := range s.hist.CheckIns {
		if c.Day == s.pick {
			words := c.Outcome.String()
			if c.Outcome.ShowedUp() {
				words += ", " + coach.Amount(c.Achieved, s.hist.Plan.Unit)
			}
			if c.Note != "" {
				words += " · " + c.Note
			}
			return "▸ " + day + ": " + words
		}
	}
	return "▸ " + day + ": nothing logged"
}

func loadHistoryCmd(st Store, g coach.Goal, today coach.Day) tea.Cmd {
	return func() tea.Msg {
		p, err := g.Plan()
		if err != nil {
			return errMsg{err}
		}
		// The review may read one goal's whole history (DESIGN "Data").
		cs, err := st.CheckIns(g.ID, coach.Day{}, today)
		if err != nil {
			return errMsg{err}
		}
		ds, err := st.Changes(g.ID, coach.Day{}, today)
		if err != nil {
			return errMsg{err}
		}
		h := History{Goal: g, Plan: p, CheckIns: cs, Decisions: ds, Today: today}
		return historyLoadedMsg{goalID: g.ID, hist: h.measure()}
	}
}
