package cli

import (
	"fmt"
	"strings"

	"tend/coach"
	"tend/tui"
)

// What a command reads first: the goals, the goal a person named (by name
// or a unique prefix), and the day they meant.

// goals reads the settings and the goals, no check-ins: what a command
// that changes or names a goal needs, and no more (on twenty years of a
// hundred goals, a look into each goal's history cost a check-in most of
// its time and memory).
func (env Env) goals() (coach.Snapshot, error) { return env.Store.Head() }

// recent reads the goals with the window of check-ins today's targets are
// worked out from.
func (env Env) recent() (coach.Snapshot, error) { return env.Store.Snapshot(env.recentFrom()) }

// recentFrom is the first day of the window recent reads.
func (env Env) recentFrom() coach.Day {
	return coach.DayAt(env.Clock(), coach.DefaultDayStartHour).AddDays(-coach.RecentDays)
}

// todayPage reads the goals and works each out from its window as it is
// read, one goal's window held at a time: `tend today` and `tend status`
// (rowsOnly: the goals' rows, no weekly review or minutes).
func (env Env) todayPage(rowsOnly bool) (*tui.TodayPage, error) {
	start := tui.NewTodayPage
	if rowsOnly {
		start = tui.NewTodayRows
	}
	var page *tui.TodayPage
	err := env.Store.Recent(env.recentFrom(), func(snap coach.Snapshot) error {
		page = start(snap.Goals, env.today(snap))
		return nil
	}, func(g coach.Goal, cs []coach.CheckIn) error { return page.Add(g, cs) })
	return page, err
}

// goal reads the goals and finds the one called name.
func (env Env) goal(name string) (coach.Snapshot, coach.Goal, error) {
	snap, err := env.goals()
	if err != nil {
		return snap, coach.Goal{}, err
	}
	g, err := findGoal(snap.Goals, name)
	return snap, g, err
}

// today is the day the clock is in, for the database's day-start hour.
func (env Env) today(snap coach.Snapshot) coach.Day {
	return coach.DayAt(env.Clock(), snap.DayStartHour)
}

// findGoal matches a goal by name, case-insensitively, or by a unique prefix.
// Names are compared as coach.SameName compares them, so a joiner typed or
// left out does not make two names of one.
func findGoal(goals []coach.Goal, query string) (coach.Goal, error) {
	var prefixed []coach.Goal
	key := coach.NameKey(query)
	for _, g := range goals {
		if coach.SameName(g.Name, query) {
			return g, nil
		}
		if name := coach.NameKey(g.Name); key != "" && len(name) >= len(key) && strings.EqualFold(name[:len(key)], key) {
			prefixed = append(prefixed, g)
		}
	}
	switch len(prefixed) {
	case 1:
		return prefixed[0], nil
	case 0:
		if len(goals) == 0 {
			return coach.Goal{}, fmt.Errorf("there are no goals yet. Start one with `tend add Walk --plan daily-walk`")
		}
		all := make([]string, len(goals))
		for i, g := range goals {
			all[i] = g.Name
		}
		if near := nearest(query, all); near != "" {
			return coach.Goal{}, fmt.Errorf("no goal is called %q. Did you mean %q? Your goals: %s", query, near, goalNames(goals))
		}
		return coach.Goal{}, fmt.Errorf("no goal is called %q. Your goals: %s", query, goalNames(goals))
	}
	return coach.Goal{}, fmt.Errorf("%q matches more than one goal: %s. Type more of the name", query, goalNames(prefixed))
}

func goalNames(goals []coach.Goal) string {
	names := make([]string, len(goals))
	for i, g := range goals {
		names[i] = g.Name
	}
	return strings.Join(names, ", ")
}

// dayFlag reads --date: today when empty, never a day after today.
func dayFlag(s string, today coach.Day) (coach.Day, error) {
	if s == "" {
		return today, nil
	}
	d, err := coach.ParseDay(s)
	if err != nil {
		return coach.Day{}, usagef("--date %q is not a real day; write it as YYYY-MM-DD, like %s", s, today)
	}
	if d.After(today) {
		return coach.Day{}, usagef("--date %s is in the future; tend takes today (%s) or an earlier day", s, today)
	}
	return d, nil
}
