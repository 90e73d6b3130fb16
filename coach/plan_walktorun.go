package coach

import "fmt"

// Walk to run: four walking rungs, then NHS Couch to 5K weeks 1–9 exactly
// (COACH §1.1). Every running week starts with a 5-minute brisk walk and ends
// with a 5-minute walk; run-minutes are the target.
// nhsWeeks is how many weeks Couch to 5K has.
const nhsWeeks = 9

func walkToRun() Plan {
	warm, cool := mins(5), mins(5)
	run := func(secs int) Block { return timed(Run, secs) }
	walk := func(secs int) Block { return timed(Walk, secs) }
	// running is a C25K session as the NHS gives it: a 5-minute warm-up and
	// cool-down walk around it, its target the minutes spent running.
	running := func(s Session) Session {
		s.WarmupS, s.CooldownS = warm, cool
		s.Target = runMinutes(s)
		return s
	}
	week := func(n int, variants ...Session) Level {
		for i := range variants {
			variants[i] = running(variants[i])
		}
		// "of 9": the plan's week, never to be read as the calendar's.
		return Level{Label: fmt.Sprintf("NHS week %d", n), Prefix: fmt.Sprintf("Week %d of %d", n, nhsWeeks), Variants: variants}
	}
	rounds := func(rs ...Round) Session { return Session{Rounds: rs} }
	times := func(n int, blocks ...Block) Round { return Round{Times: n, Blocks: blocks} }
	levels := append(walkingRungs(),
		week(1, rounds(times(8, run(60), walk(90)))),
		week(2, rounds(times(6, run(90), walk(120)))),
		week(3, rounds(times(2, run(90), walk(90), run(mins(3)), walk(mins(3))))),
		week(4, rounds(once(run(mins(3)), walk(90), run(mins(5)), walk(150), run(mins(3)), walk(90), run(mins(5))))),
		week(5,
			rounds(once(run(mins(5)), walk(mins(3)), run(mins(5)), walk(mins(3)), run(mins(5)))),
			rounds(once(run(mins(8)), walk(mins(5)), run(mins(8)))),
			rounds(once(run(mins(20))))),
		week(6,
			rounds(once(run(mins(5)), walk(mins(3)), run(mins(8)), walk(mins(3)), run(mins(5)))),
			rounds(once(run(mins(10)), walk(mins(3)), run(mins(10)))),
			rounds(once(run(mins(25))))),
		week(7, rounds(once(run(mins(25))))),
		week(8, rounds(once(run(mins(28))))),
		week(9, rounds(once(run(mins(30))))),
	)
	for i := range levels {
		levels[i].Number = i + 1
	}
	bridge := running(rounds(times(4, run(mins(3)), walk(mins(2)))))
	return Plan{
		ID: WalkToRunID, Name: "Walk to run", Domain: DomainRun, Unit: Minutes,
		Summary: "a 10-minute walk to a 30-minute run · about 13 weeks",
		PerWeek: 3, MinRestDays: 1,
		AdvanceAfter: 3, EffortStepsBack: true, HighImpact: true,
		Levels:  levels,
		Bridges: map[int]Session{8: bridge},
		Alternatives: map[[2]int]Session{
			{9, 3}:  running(rounds(once(run(mins(12)), walk(mins(2)), run(mins(8))))),
			{10, 3}: running(rounds(once(run(mins(15)), walk(mins(2)), run(mins(10))))),
		},
		Minimum:    Session{Rounds: []Round{once(walk(mins(5)))}, Target: 5, Text: "a 5-minute brisk walk"},
		StartLevel: 1,
	}
}

// walkingRungs are the plan's first four levels, before the NHS weeks:
// walks of 10, 15 and 20 minutes, then a walk with a few easy jogs.
func walkingRungs() []Level {
	walking := func(m int) Level {
		return Level{Label: fmt.Sprintf("%d min walk", m),
			Variants: []Session{{Rounds: []Round{once(timed(Walk, mins(m)))}, Target: float64(m)}}}
	}
	return []Level{
		walking(10), walking(15), walking(20),
		{Label: "walk with jogs", Variants: []Session{{WarmupS: mins(5),
			// 20 minutes in all: six 30-second jogs spread through the walk.
			Rounds: []Round{{Times: 6, Blocks: []Block{timed(Walk, 170), timed(Jog, 30)}}}, Target: 20,
			Text: "20-minute walk with six 30-second easy jogs"}}},
	}
}

// runMinutes is the number of minutes spent running in a session.
func runMinutes(s Session) float64 {
	secs := 0
	for _, r := range s.Rounds {
		for _, b := range r.Blocks {
			if b.Kind == Run {
				secs += r.Times * b.Secs
			}
		}
	}
	return float64(secs) / 60
}
