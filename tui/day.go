package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"tend/coach"
)

// dayScreen is one day's check-in of one goal, every field editable: the
// check-in form filled in with what was logged, saved as a change to it.
// A day with nothing logged gets the plain form, which checks it in.
type dayScreen struct {
	goal       coach.Goal
	day, today coach.Day
	loaded     bool
	logged     bool   // the day has a check-in
	decision   string // what the coach decided that day, if it did
	form       checkInScreen
	from       screen // where esc and saving go back to
}

// openDayMsg asks the root to open the Day screen.
type openDayMsg struct {
	goal coach.Goal
	day  coach.Day
}

// dayLoadedMsg carries a day's check-in and decision for the Day screen.
type dayLoadedMsg struct {
	goalID   uint64
	day      coach.Day
	item     coach.Today
	decision *coach.Decision
}

// checkInEditedMsg says a change to a day's check-in is on disk.
type checkInEditedMsg struct {
	goalID uint64
	rec    coach.Recorded
}

func newDayScreen(g coach.Goal, day, today coach.Day, from screen) dayScreen {
	return dayScreen{goal: g, day: day, today: today, from: from}
}

// withLoaded takes the day's record, unless it is for another day.
func (s dayScreen) withLoaded(msg dayLoadedMsg) dayScreen {
	if msg.goalID != s.goal.ID || msg.day != s.day {
		return s
	}
	s.loaded, s.logged, s.decision = true, msg.item.CheckIn != nil, ""
	if msg.decision != nil {
		s.decision = msg.decision.Message
	}
	if s.logged {
		s.form = newCheckInEdit(msg.item, *msg.item.CheckIn).on(s.today)
	} else {
		s.form = newCheckIn(msg.item, coach.Done, false).on(s.today)
	}
	s.form.title = s.title()
	return s
}

func (s dayScreen) title() string {
	y, m, d := s.day.Date()
	t := fmt.Sprintf("%s · %s %d %s %d", s.goal.Name, s.day.Weekday(), d, m, y)
	if w := dayWords(s.day, s.today); w == "today" || w == "yesterday" {
		t += " · " + w
	}
	return t
}

func (s dayScreen) editing() bool { return s.loaded && s.form.editing() }

func (s dayScreen) Update(msg tea.KeyMsg) (dayScreen, tea.Cmd) {
	if !s.loaded {
		if key.Matches(msg, s.form.keys.Cancel) || msg.Type == tea.KeyEsc {
			return s, send(closeScreenMsg{})
		}
		return s, nil
	}
	var cmd tea.Cmd
	s.form, cmd = s.form.Update(msg)
	return s, cmd
}

func (s dayScreen) View(width, height int, st Styles) string {
	if !s.loaded {
		return st.Title.Render(ansiCut(s.title(), width)) + "\n\n" + st.Muted.Render("Reading the day…")
	}
	extra := []string{""}
	if !s.logged {
		extra = append(extra, wrap("Nothing logged for this day yet; saving these answers checks it in.", width)...)
	}
	if s.decision != "" {
		extra = append(extra, wrap("That day: "+strings.ReplaceAll(s.decision, "\n", " "), width)...)
	}
	if len(extra) == 1 {
		extra = nil
	}
	form := s.form.View(width, max(3, height-len(extra)), st)
	for i := range extra {
		extra[i] = st.Muted.Render(extra[i])
	}
	return strings.Join(append([]string{form}, extra...), "\n")
}

func (s dayScreen) hint() string {
	if !s.loaded {
		return ""
	}
	return s.form.hint()
}

func (s dayScreen) ShortHelp() []key.Binding {
	if !s.loaded {
		return []key.Binding{defaultCheckInKeys().Cancel}
	}
	return s.form.ShortHelp()
}

func (s dayScreen) FullHelp() [][]key.Binding { return s.form.FullHelp() }

// loadDayCmd reads what the Day screen shows: the goal as the coach saw
// that day (from the check-ins before it) and the day's decision.
func loadDayCmd(st Store, g coach.Goal, day coach.Day) tea.Cmd {
	return func() tea.Msg {
		cs, err := st.CheckIns(g.ID, day.AddDays(-(coach.RecentDays - 1)), day)
		if err != nil {
			return errMsg{err}
		}
		item, err := coach.TodayFor(g, cs, day)
		if err != nil {
			return errMsg{err}
		}
		ds, err := st.Decisions(g.ID, day, day)
		if err != nil {
			return errMsg{err}
		}
		msg := dayLoadedMsg{goalID: g.ID, day: day, item: item}
		if len(ds) > 0 {
			msg.decision = &ds[len(ds)-1]
		}
		return msg
	}
}

// editCheckInCmd changes a day's check-in to the answers, inside the
// store's one write transaction, which decides the day again.
func editCheckInCmd(st Store, goalID uint64, day, today coach.Day, e coach.Entry) tea.Cmd {
	return func() tea.Msg {
		rec, err := st.EditCheckIn(goalID, day, today, func(c coach.CheckIn) (coach.CheckIn, error) {
			return applyEdit(c, e), nil
		})
		if err != nil {
			return errMsg{err}
		}
		return checkInEditedMsg{goalID: goalID, rec: rec}
	}
}

// applyEdit puts an entry's answers into a day's check-in: the outcome,
// amount (0 keeps the amount logged), effort, pain, moods, note and time.
func applyEdit(c coach.CheckIn, e coach.Entry) coach.CheckIn {
	c.Outcome, c.Effort, c.Pain = e.Outcome, e.Effort, e.Pain
	if e.Amount > 0 {
		c.Achieved = e.Amount
	}
	c.MoodBefore, c.MoodAfter, c.Note, c.WrittenAt = e.MoodBefore, e.MoodAfter, e.Note, e.At
	return c
}
