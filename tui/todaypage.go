package tui

import (
	"fmt"
	"io"

	"tend/coach"
)

// TodayPage is what `tend today` prints, gathered a goal at a time: each
// goal's window of check-ins is worked out into its row, its weekly review
// and its share of the week's minutes when it is read, so that the command
// never holds a hundred goals' windows at once (store.Recent lends one).
type TodayPage struct {
	day      coach.Day
	anyGoals bool
	items    []coach.Today
	weekly   []string
	week     weekMinutes
	minutes  [7]float64 // each day's active minutes, Monday first
	rowsOnly bool       // the rows and nothing else: no weekly review, no minutes
}

// NewTodayPage starts the page of day for goals, every goal of the
// database (archived ones too: their minutes still count).
func NewTodayPage(goals []coach.Goal, day coach.Day) *TodayPage {
	return &TodayPage{day: day, anyGoals: len(goals) > 0, items: make([]coach.Today, 0, len(goals)),
		week: weekMinutes{shown: countsMinutes(goals)}}
}

// NewTodayRows starts a page that works out only the goals' rows, for
// Items: `tend status` and `tend today --json` show nothing else.
func NewTodayRows(goals []coach.Goal, day coach.Day) *TodayPage {
	p := NewTodayPage(goals, day)
	p.rowsOnly, p.week.shown = true, false
	return p
}

// Add works out goal g, in the page's goal order, from its recent
// check-ins (the window of coach.RecentDays, day order): its row unless it
// is archived, its weekly review, its minutes this week. It keeps nothing
// of recent.
func (p *TodayPage) Add(g coach.Goal, recent []coach.CheckIn) error {
	if g.Status() != coach.Archived {
		t, err := coach.TodayFor(g, recent, p.day)
		if err != nil {
			return err
		}
		p.items = append(p.items, t)
	}
	if !p.rowsOnly {
		p.addWeek(g, recent)
	}
	return nil
}

// addWeek adds g's weekly review (COACH W1) and its active minutes.
func (p *TodayPage) addWeek(g coach.Goal, recent []coach.CheckIn) {
	if line, ok := weeklyLine(g, recent, p.day); ok {
		p.weekly = append(p.weekly, line)
	}
	p.addMinutes(g, recent)
}

// addMinutes adds g's active minutes of the days of this week up to the
// page's day.
func (p *TodayPage) addMinutes(g coach.Goal, recent []coach.CheckIn) {
	if !p.week.shown {
		return
	}
	// The week is a few days of a window of hundreds: the minutes are
	// counted from them alone, once for the week and once a day.
	mon := p.day.Monday()
	var week []coach.CheckIn
	for i := range recent { // in place: a copy of every check-in of the window would cost more
		if c := &recent[i]; !c.Day.Before(mon) && !c.Day.After(p.day) {
			week = append(week, *c)
		}
	}
	p.week.total += coach.ActiveMinutes(g, week, mon, p.day)
	for i := range p.minutes {
		if d := mon.AddDays(i); !d.After(p.day) {
			p.minutes[i] += coach.ActiveMinutes(g, week, d, d)
		}
	}
}

// Day is the page's day.
func (p *TodayPage) Day() coach.Day { return p.day }

// Goals reports whether the database has a goal, archived or not.
func (p *TodayPage) Goals() bool { return p.anyGoals }

// Items are the page's goals as the coach offers them, archived ones left
// out: what `tend today --json` and `tend status` show.
func (p *TodayPage) Items() []coach.Today { return p.items }

// Write prints the page as WriteToday does.
func (p *TodayPage) Write(w io.Writer, width int, st Styles) error {
	y, m, dd := p.day.Date()
	lines := []string{st.Title.Render(fmt.Sprintf("%s %d %s %d", p.day.Weekday(), dd, m, y))}
	switch {
	case len(p.items) == 0 && p.anyGoals:
		lines = append(lines, Hanging("Every goal is archived. Start a new one with `tend add NAME --plan PLAN` "+
			"(see `tend plans`), or bring one back with `tend edit NAME --unarchive`.", width, 0)...)
	case len(p.items) == 0:
		lines = append(lines, Hanging("No goals yet. Start one with `tend add Walk --plan daily-walk`, "+
			"or run `tend` to pick a plan.", width, 0)...)
	}
	nameW := nameColumn(p.items, layoutWidth(width))
	for _, t := range p.items {
		if width <= NoWrap {
			lines = append(lines, plainItem(t, nameW, st)...)
			continue
		}
		lines = append(lines, todayItem(t, width, nameW, false, inShell, st)...)
	}
	if l := p.weekMinutes().line(layoutWidth(width), st); l != "" && len(p.items) > 0 {
		lines = append(lines, "", l)
	}
	for _, line := range p.weekly {
		lines = append(lines, "")
		for _, l := range Hanging(line, width, 0) {
			lines = append(lines, st.Muted.Render(l))
		}
	}
	return writeTrimmed(w, lines)
}

// weekMinutes is the week's line as added up so far: a bar a day.
func (p *TodayPage) weekMinutes() weekMinutes {
	w := p.week
	if w.shown {
		for _, m := range p.minutes {
			w.bars += dayBar(m)
		}
	}
	return w
}
