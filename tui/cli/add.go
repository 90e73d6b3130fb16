package cli

import (
	"flag"
	"fmt"
	"strings"
	"time"

	"tend/coach"
	"tend/tui"
)

// addFlags are the flags of `tend add`.
type addFlags struct {
	plan, on, unit            string
	days, capacity, every     int
	start, step, max          string
	daysSet, everySet, capSet bool
	readiness                 readiness
	cleared                   bool // a doctor has cleared them, after a readiness yes
}

func addCommand(fs *flag.FlagSet) func(Env, []string) error {
	var f addFlags
	fs.StringVar(&f.plan, "plan", "", "a built-in plan: "+planIDs())
	fs.IntVar(&f.days, "days", 0, "sessions a week, 1–7 (default: the plan's)")
	fs.StringVar(&f.on, "on", "", "fixed weekdays instead, like mon,wed,fri")
	fs.IntVar(&f.capacity, "capacity", 0, "minutes you could comfortably do today; sets the start level")
	fs.StringVar(&f.unit, "unit", "", "your own ladder's unit: min, reps, km, mi or times")
	fs.StringVar(&f.start, "start", "", "your own ladder's first target")
	fs.StringVar(&f.step, "step", "", "how much each level adds")
	fs.StringVar(&f.max, "max", "", "your own ladder's last target")
	fs.IntVar(&f.every, "every", 3, "completed sessions before moving up (your own ladder)")
	ready := fs.String("readiness", "", "the readiness questions: none (no to all) or some (yes to one or more)")
	fs.BoolVar(&f.cleared, "cleared", false, "after a readiness yes: a doctor has said this plan is fine")
	return func(env Env, args []string) error {
		plan, custom, sched, err := f.parse(fs, *ready)
		if err != nil {
			return err
		}
		snap, err := env.goals()
		if err != nil {
			return err
		}
		g, err := coach.NewGoal(args[0], plan, custom, sched, f.capacity, env.today(snap))
		if err != nil {
			return usagef("%s", tui.Sentence(err))
		}
		ready, cleared, err := f.askReadiness(env, plan)
		if err != nil {
			return err
		}
		if ready == readySome && plan.NeedsClearance() && !cleared {
			return refuseUncleared(plan, args[0])
		}
		if g, err = env.Store.AddGoal(g); err != nil {
			return err
		}
		// Saved: from here on nothing may make the command fail.
		lines := addedLines(g, plan, custom, sched, env.today(snap))
		lines = append(lines, readinessWords(plan, ready)...)
		if len(snap.Goals) == 0 {
			// The care note comes with a person's first goal (COACH §6.5, O1).
			lines = append(lines, "", coach.MsgO1)
		}
		return confirm(env, wrapped(lines, env.Width)...)
	}
}

// parse reads the flags, once fs has parsed them, into the plan, the
// ladder of one's own (nil for a built-in plan) and the schedule.
func (f *addFlags) parse(fs *flag.FlagSet, ready string) (coach.Plan, *coach.Custom, coach.Schedule, error) {
	var err error
	if f.readiness, err = parseReadiness(ready); err != nil {
		return coach.Plan{}, nil, coach.Schedule{}, err
	}
	fs.Visit(func(fl *flag.Flag) {
		switch fl.Name {
		case "days":
			f.daysSet = true
		case "every":
			f.everySet = true
		case "capacity":
			f.capSet = true
		}
	})
	plan, custom, err := f.plan2()
	if err != nil {
		return coach.Plan{}, nil, coach.Schedule{}, err
	}
	sched, err := f.schedule(plan)
	if err != nil {
		return coach.Plan{}, nil, coach.Schedule{}, err
	}
	if f.capSet && (f.capacity < 1 || f.capacity > 600) {
		return coach.Plan{}, nil, coach.Schedule{}, usagef("--capacity is minutes from 1 to 600")
	}
	return plan, custom, sched, nil
}

// addedLines say what was added and how to check in.
func addedLines(g coach.Goal, plan coach.Plan, custom *coach.Custom, sched coach.Schedule, today coach.Day) []string {
	first := ""
	if t, err := coach.TodayFor(g, nil, today); err == nil {
		first = " First target: " + t.Text + "."
	}
	planName := plan.Name
	if custom != nil {
		planName = fmt.Sprintf("your own ladder, %s to %s", coach.Amount(custom.Start, custom.Unit), coach.Amount(custom.Max, custom.Unit))
	}
	return []string{fmt.Sprintf("Added %s: %s, %s.%s", g.Name, planName, tui.ScheduleWords(sched), first),
		fmt.Sprintf("Check in with `tend done %s`.", tui.ShellWord(g.Name))}
}

// plan2 resolves --plan or the custom ladder flags to a plan.
func (f addFlags) plan2() (coach.Plan, *coach.Custom, error) {
	if f.unit == "" {
		if f.start != "" || f.step != "" || f.max != "" || f.everySet {
			return coach.Plan{}, nil, usagef("--start, --step, --max and --every go with --unit, for your own ladder")
		}
		if f.plan == "" {
			return coach.Plan{}, nil, usagef("Pick a plan with --plan (%s), or build your own with --unit", planIDs())
		}
		p, err := coach.PlanByID(f.plan)
		if err != nil {
			return coach.Plan{}, nil, usagef("There is no plan %q; the plans are %s", f.plan, planIDs())
		}
		return p, nil, nil
	}
	if f.plan != "" {
		return coach.Plan{}, nil, usagef("Use --plan or --unit, not both")
	}
	u, err := coach.ParseUnit(f.unit)
	if err != nil {
		return coach.Plan{}, nil, usagef("--unit is one of min, reps, km, mi or times")
	}
	if f.every < 1 || f.every > coach.MaxEvery {
		return coach.Plan{}, nil, usagef("--every is a whole number from 1 to %d: the sessions done on one rung before moving up", coach.MaxEvery)
	}
	var c coach.Custom
	c.Unit, c.Every = u, f.every
	for _, v := range []struct {
		name, s string
		to      *float64
	}{{"start", f.start, &c.Start}, {"step", f.step, &c.Step}, {"max", f.max, &c.Max}} {
		if v.s == "" {
			return coach.Plan{}, nil, usagef("Your own ladder needs --%s", v.name)
		}
		if *v.to, err = coach.ParseAmount(v.s); err != nil {
			return coach.Plan{}, nil, usagef("--%s %q is not a plain number", v.name, v.s)
		}
	}
	p, err := coach.CustomPlan("", c)
	if err != nil {
		return coach.Plan{}, nil, usagef("%s", tui.Sentence(err))
	}
	return p, &c, nil
}

func (f addFlags) schedule(p coach.Plan) (coach.Schedule, error) {
	switch {
	case f.on != "" && f.daysSet:
		return coach.Schedule{}, usagef("Use --days or --on, not both")
	case f.on != "":
		days, err := parseWeekdays(f.on)
		return coach.Schedule{Weekdays: days}, err
	case f.daysSet && (f.days < 1 || f.days > 7):
		return coach.Schedule{}, usagef("--days is a number from 1 to 7")
	case f.daysSet:
		return coach.Schedule{PerWeek: f.days}, nil
	}
	return coach.Schedule{PerWeek: p.PerWeek}, nil
}

func parseWeekdays(s string) ([]time.Weekday, error) {
	names := map[string]time.Weekday{"mon": time.Monday, "tue": time.Tuesday, "wed": time.Wednesday,
		"thu": time.Thursday, "fri": time.Friday, "sat": time.Saturday, "sun": time.Sunday}
	var out []time.Weekday
	seen := map[time.Weekday]bool{}
	for _, part := range strings.Split(strings.ToLower(s), ",") {
		d, ok := names[strings.TrimSpace(part)]
		if !ok || seen[d] {
			return nil, usagef("--on takes weekdays once each, like mon,wed,fri")
		}
		seen[d] = true
		out = append(out, d)
	}
	return out, nil
}

func planIDs() string {
	var ids []string
	for _, p := range coach.Plans() {
		ids = append(ids, p.ID)
	}
	return strings.Join(ids, ", ")
}
