package tui

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"tend/coach"
)

// todayScreen lists each goal with today's target, its reason and the week's count.
type todayScreen struct {
	keys   todayKeys
	items  []coach.Today
	weekly []string // last week's reviews, at the first visit of a new week
	week   weekMinutes
	cursor int
	// pick is a goal to select at the next setItems, once it is loaded:
	// the goal just added.
	pick uint64
	// day is the day shown, today unless the person stepped back to an
	// earlier one; today is the clock's day.
	day, today coach.Day
}

// showDayMsg asks the root to show Today for another day.
type showDayMsg struct{ day coach.Day }

// past reports whether Today shows an earlier day than today.
func (s todayScreen) past() bool { return !s.day.IsZero() && s.day.Before(s.today) }

// openCheckInMsg asks the root to open the check-in form for a goal.
type openCheckInMsg struct {
	item    coach.Today
	outcome coach.Outcome
	full    bool // the full session instead of the in-between one offered
}

// undoMsg asks the root to undo a goal's check-in for today.
type undoMsg struct{ item coach.Today }

// addGoalMsg asks the root to open the new-goal flow.
type addGoalMsg struct{}

func newToday() todayScreen { return todayScreen{keys: defaultTodayKeys()} }

// setItems replaces the goals shown, keeping the cursor on the same goal.
func (s todayScreen) setItems(items []coach.Today) todayScreen {
	var id uint64
	if s.cursor < len(s.items) {
		id = s.items[s.cursor].Goal.ID
	}
	if s.pick != 0 && slices.ContainsFunc(items, func(t coach.Today) bool { return t.Goal.ID == s.pick }) {
		id, s.pick = s.pick, 0
	}
	s.items, s.cursor = items, 0
	for i, t := range items {
		if t.Goal.ID == id {
			s.cursor = i
		}
	}
	return s.updateKeys()
}

// updateKeys enables only the keys that can do something now, so help never
// lists a dead key.
func (s todayScreen) updateKeys() todayScreen {
	t, ok := s.selected()
	active := ok && t.Status == coach.Active
	s.keys.CheckIn.SetEnabled(active)
	// One key does the target with the defaults; a day that already has a
	// session takes the form, which says it adds to it.
	s.keys.Done.SetEnabled(active && !t.Done())
	s.keys.Edit.SetEnabled(ok && t.CheckIn != nil)
	s.keys.Earlier.SetEnabled(!s.today.IsZero() && s.today.DaysSince(s.day) < maxDaysBack)
	s.keys.Later.SetEnabled(s.past())
	s.keys.BackToToday.SetEnabled(s.past())
	// One entry in the help bar for both ways once both go somewhere.
	s.keys.Earlier.SetHelp("←", "earlier day")
	s.keys.Later.SetHelp("", "")
	if s.past() {
		s.keys.Earlier.SetHelp("←/→", "day")
	}
	s.keys.Full.SetEnabled(active && t.Offer.Bridge && !t.Done())
	s.keys.Previous.SetEnabled(active && !s.past() && t.Previous != nil && t.CheckIn == nil)
	_, timed := coach.Timeline(t.Session)
	// A guided session happens now, never on an earlier day.
	s.keys.Session.SetEnabled(active && timed && !t.Done() && !s.past())
	s.keys.Rest.SetEnabled(ok && (active || s.past() && t.Status != coach.Archived) && t.CheckIn == nil)
	s.keys.Undo.SetEnabled(ok && t.CheckIn != nil)
	s.keys.Up.SetEnabled(len(s.items) > 1)
	s.keys.Down.SetEnabled(len(s.items) > 1)
	s.keys.Review.SetEnabled(ok)
	asks := active && !s.past() && t.Goal.AsksWhatsNext()
	s.keys.NextPlan.SetEnabled(asks)
	s.keys.KeepIt.SetEnabled(asks)
	return s
}

func (s todayScreen) selected() (coach.Today, bool) {
	if s.cursor < 0 || s.cursor >= len(s.items) {
		return coach.Today{}, false
	}
	return s.items[s.cursor], true
}

func (s todayScreen) Update(msg tea.KeyMsg) (todayScreen, tea.Cmd) {
	t, _ := s.selected()
	switch {
	case key.Matches(msg, s.keys.Up):
		s.cursor = (s.cursor + len(s.items) - 1) % len(s.items)
	case key.Matches(msg, s.keys.Down):
		s.cursor = (s.cursor + 1) % len(s.items)
	case key.Matches(msg, s.keys.CheckIn):
		return s, send(openCheckInMsg{item: t, outcome: coach.Done})
	case key.Matches(msg, s.keys.Done):
		return s, send(submitCheckInMsg{goalID: t.Goal.ID, entry: coach.Entry{Day: t.Day, Outcome: coach.Done,
			Effort: coach.EffortOK, Pain: coach.PainNone}, prev: t.CheckIn})
	case key.Matches(msg, s.keys.Previous):
		return s, send(submitCheckInMsg{goalID: t.Goal.ID, entry: coach.Entry{Day: t.Day, Outcome: coach.Done,
			Previous: true, Effort: coach.EffortOK, Pain: coach.PainNone}})
	case key.Matches(msg, s.keys.Edit):
		return s, send(openDayMsg{goal: t.Goal, day: t.Day})
	case key.Matches(msg, s.keys.Earlier):
		return s, send(showDayMsg{day: s.day.AddDays(-1)})
	case key.Matches(msg, s.keys.Later):
		return s, send(showDayMsg{day: s.day.AddDays(1)})
	case key.Matches(msg, s.keys.BackToToday):
		return s, send(showDayMsg{day: s.today})
	case key.Matches(msg, s.keys.Session):
		return s, send(openSessionMsg{item: t})
	case key.Matches(msg, s.keys.Full):
		return s, send(openCheckInMsg{item: t, outcome: coach.Done, full: true})
	case key.Matches(msg, s.keys.Rest):
		return s, send(openCheckInMsg{item: t, outcome: coach.Rest})
	case key.Matches(msg, s.keys.Undo):
		return s, send(undoMsg{item: t})
	case key.Matches(msg, s.keys.Add):
		return s, send(addGoalMsg{})
	case key.Matches(msg, s.keys.Goals):
		return s, send(openGoalsMsg{})
	case key.Matches(msg, s.keys.Review):
		return s, send(openReviewMsg{goalID: t.Goal.ID})
	case key.Matches(msg, s.keys.NextPlan):
		return s, send(openNextPlanMsg{goal: t.Goal})
	case key.Matches(msg, s.keys.KeepIt):
		return s, send(keepItMsg{id: t.Goal.ID})
	}
	return s.updateKeys(), nil
}

// View draws the goals into height lines, scrolling so that the selected
// goal is always whole on screen.
func (s todayScreen) View(width, height int, st Styles) string {
	if len(s.items) == 0 {
		return st.Muted.Render(wrapJoin("Every goal is archived. Press a to add a goal.", width-1))
	}
	blocks := s.itemBlocks(width, height, st)
	// The week's line keeps its two lines at the foot wherever the chosen
	// goal still fits whole above it.
	week := ""
	if !s.past() {
		week = s.week.line(width-1, st)
	}
	room := height
	if week != "" && len(blocks[s.cursor])+2 <= height {
		room = height - 2
	}
	lines, first, shown := windowAround(blocks, s.cursor, room)
	// The line between the goals and the week says when some goals are off
	// screen, or a person with many goals never learns the last ones exist.
	gap := ""
	if more := moreGoals(first, len(blocks)-first-shown); more != "" {
		gap = " " + st.Muted.Render(more)
	}
	if s.past() {
		// This week's minutes and last week's review are today's news, not
		// the earlier day's.
		return strings.Join(lines[:min(len(lines), height)], "\n")
	}
	// The week's minutes, and last week's review, go below the goals where
	// there is room for them.
	if week != "" && len(lines)+2 <= height {
		lines = append(lines, gap, " "+week)
	}
	lines = s.appendWeekly(lines, width, height, st)
	if len(lines) > height {
		lines = lines[:height]
	}
	return strings.Join(lines, "\n")
}

// itemBlocks draws each goal's row, the chosen one fitted to the window.
func (s todayScreen) itemBlocks(width, height int, st Styles) [][]string {
	nameW := nameColumn(s.items, width)
	blocks := make([][]string, len(s.items))
	d := onScreen
	if s.past() {
		d = onPastDay
	}
	for i, t := range s.items {
		if s.past() {
			t.Reason = pastReason(t)
		}
		blocks[i] = todayItem(t, width, nameW, i == s.cursor, d, st)
	}
	// A row taller than the window keeps its head and its reason whole:
	// the key line of a held goal must never be the line cut off.
	sel := s.items[s.cursor]
	if s.past() {
		sel.Reason = pastReason(sel)
	}
	if len(blocks[s.cursor]) > height && sel.Missed != "" && !s.past() {
		// Too little room for the step's reason and the M line: the M
		// line, which offers the smaller session, is the one to read.
		sel.Reason = sel.Missed
		blocks[s.cursor] = todayItem(sel, width, nameW, true, onScreen, st)
	}
	blocks[s.cursor] = fitItem(blocks[s.cursor], reasonLineCount(sel, width, d), width, height)
	return blocks
}

// windowAround is as many whole rows as fit in room, starting late enough
// that the chosen row is among them; it says the first row shown and how
// many are.
func windowAround(blocks [][]string, cursor, room int) (lines []string, first, shown int) {
	for first < cursor && linesFrom(blocks[first:cursor+1]) > room {
		first++
	}
	for _, b := range blocks[first:] {
		if len(lines)+len(b) > room && len(lines) > 0 {
			break
		}
		lines = append(lines, b...)
		shown++
	}
	return lines, first, shown
}

// appendWeekly adds last week's reviews, each after a blank line,
// while they fit whole in height.
func (s todayScreen) appendWeekly(lines []string, width, height int, st Styles) []string {
	for _, w := range s.weekly {
		wl := wrap(w, width-2)
		if len(lines)+1+len(wl) > height {
			break
		}
		lines = append(lines, "")
		for _, l := range wl {
			lines = append(lines, "  "+st.Muted.Render(l))
		}
	}
	return lines
}

// moreGoals names the goals scrolled off above and below, or is empty.
func moreGoals(above, below int) string {
	switch {
	case above > 0 && below > 0:
		return fmt.Sprintf("↑ %d more above · ↓ %d more below", above, below)
	case above > 0:
		return fmt.Sprintf("↑ %d more above", above)
	case below > 0:
		return fmt.Sprintf("↓ %d more below", below)
	}
	return ""
}

func linesFrom(blocks [][]string) int {
	n := 0
	for _, b := range blocks {
		n += len(b)
	}
	return n
}

func (s todayScreen) ShortHelp() []key.Binding {
	return []key.Binding{s.keys.NextPlan, s.keys.KeepIt, s.keys.Done, s.keys.Previous, s.keys.CheckIn, s.keys.Session,
		s.keys.Full, s.keys.Rest, s.keys.Undo, s.keys.Edit, s.keys.Earlier, s.keys.Later, s.keys.BackToToday, s.keys.Add, s.keys.Review, s.keys.Goals}
}

func (s todayScreen) FullHelp() [][]key.Binding {
	return [][]key.Binding{{s.keys.Up, s.keys.Down, s.keys.Earlier, s.keys.Later, s.keys.BackToToday},
		{s.keys.Done, s.keys.Previous, s.keys.CheckIn, s.keys.Session, s.keys.Full, s.keys.Rest, s.keys.Undo, s.keys.Edit},
		{s.keys.NextPlan, s.keys.KeepIt, s.keys.Add, s.keys.Review, s.keys.Goals}}
}

// maxDaysBack is how far Today steps back: as far as it reads. Older days
// are one step away in the review's calendar.
const maxDaysBack = coach.RecentDays - 1

// pastReason is the muted line under a goal on an earlier day: what that
// day holds, since "today" words would be wrong there.
func pastReason(t coach.Today) string {
	c := t.CheckIn
	switch {
	case c == nil && t.Status == coach.Active:
		return "Nothing logged for this day."
	case c == nil:
		return t.Reason
	case c.Outcome == coach.Partial:
		return fmt.Sprintf("Logged %s of %s.", amountNumber(c.Achieved), coach.Amount(c.Target, t.Plan.Unit))
	case c.Outcome.ShowedUp():
		return fmt.Sprintf("%s: %s.", UpperFirst(c.Outcome.String()), coach.Amount(c.Achieved, t.Plan.Unit))
	}
	return UpperFirst(c.Outcome.String()) + "."
}

// amountNumber is an amount without its unit, e.g. "6" or "2.25", to two
// decimals at most as coach.Amount writes it.
func amountNumber(a float64) string {
	return strconv.FormatFloat(math.Round(a*100)/100, 'f', -1, 64)
}

// send wraps a message in a command, for screens asking the root to act.
func send(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }
