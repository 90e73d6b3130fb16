package cli

import (
	"fmt"

	"tend/coach"

	"tend/tui"
)

// The answers to the graduation question from the shell (COACH §6.3 "After
// graduation"): `tend edit NAME --keep` keeps the finished Daily walk as it
// is; `--next-plan` starts Walk to run beside it, after the readiness
// questions as `tend add` asks them (§6.5: `--readiness`, or a prompt at a
// terminal; after a yes, Walk to run waits for `--cleared`).

// checkNext refuses --keep and --next-plan with any other change, and the
// readiness flags without --next-plan.
func (f *editFlags) checkNext(ready string) error {
	var err error
	if f.readiness, err = parseReadiness(ready); err != nil {
		return err
	}
	others := f.name != "" || f.on != "" || f.daysSet || f.pause || f.resume || f.archive || f.unarchive || f.checked
	switch {
	case f.keep && f.nextPlan:
		return usagef("Use --keep or --next-plan, not both")
	case (f.keep || f.nextPlan) && others:
		return usagef("--keep and --next-plan answer a finished plan's question on their own; make other changes with a second `tend edit`")
	case !f.nextPlan && (f.readiness != readyUnasked || f.cleared):
		return usagef("--readiness and --cleared go with --next-plan here; `tend add` takes them for a new goal")
	}
	return nil
}

// answer makes the answer the flags give, in one transaction.
func (f editFlags) answer(env Env, name string) error {
	snap, g, err := env.goal(name)
	if err != nil {
		return err
	}
	if f.keep {
		g, err = env.Store.EditGoal(g.ID, tui.KeepItEdit)
		if err != nil {
			return err
		}
		return confirm(env, wrapped([]string{fmt.Sprintf("%s keeps going as it is: each session keeps it going.", g.Name)}, env.Width)...)
	}
	today := env.today(snap)
	// What the coach would start, checked before any question is asked.
	ng, err := tui.NextPlanGoal(g, today)
	if err != nil {
		return err
	}
	p, err := ng.Plan()
	if err != nil {
		return err
	}
	ready, cleared, err := f.askReadiness(env, p)
	if err != nil {
		return err
	}
	if ready == readySome && p.NeedsClearance() && !cleared {
		return fmt.Errorf("please talk to your doctor before becoming much more active. %s waits until they say "+
			"it's fine: then `tend edit %s --next-plan --readiness some --cleared`; %s carries on as it is",
			p.Name, tui.ShellWord(g.Name), g.Name)
	}
	old, added, err := env.Store.EditGoalAdding(g.ID, tui.NextPlanEdit(today, func(ng coach.Goal) coach.Goal {
		// Named as the TUI names it: the plan's name, numbered if taken.
		ng.Name = tui.FreeName(ng.Name, snap.Goals)
		return ng
	}))
	if err != nil {
		return err
	}
	// Saved: from here on nothing may make the command fail.
	lines := []string{fmt.Sprintf("%s keeps going as it is, and %s starts beside it.", old.Name, added.Name)}
	lines = append(lines, addedLines(added, p, nil, added.Schedule(), today)...)
	lines = append(lines, readinessWords(p, ready)...)
	return confirm(env, wrapped(lines, env.Width)...)
}
