// Package coach is tend's domain: the plans a person climbs, the rules that
// move them up and down a plan, and the measures that show a habit forming
// without ever counting rest or one miss against them. It is the
// specification of ../shared/COACH.md in code, pure (the standard library
// only, no clock, no files), so every rule is a table test over fixed days.
//
// # Nouns
//
//   - A [Day] is a calendar date with no time zone; [DayAt] turns an instant
//     into the day it belongs to, once, at the edge of the program.
//   - A [Plan] is a graded ladder: levels ([Level]) in order, each with one
//     or more sessions ([Session]; Couch to 5K weeks 5 and 6 have three), plus
//     the bridges, alternatives and minimum version the rules may offer. A
//     session is made of rounds ([Round]) of blocks ([Block]: walk, run, move,
//     sit …) and is judged by its Target in the plan's [Unit]. [Plans] are the built-in ones;
//     [CustomPlan] builds a person's own ladder.
//   - A [Goal] is one thing a person is building up: its plan, the [Schedule]
//     and [Status] it had on each day, and where it stands on its plan (the
//     [Step]: level, session, bridge, and the reason it is there).
//   - A [CheckIn] is what a person said about one goal on one day: an
//     [Outcome] (done, partial, minimum, rest, unwell, away), the amount, the
//     [Effort] and [Pain], and moods. An [Entry] is the same before the coach
//     has filled in the target it was judged against.
//   - A [Decision] is what the coach made of a check-in: an [Action], the
//     level before and after, and the reason, named by its [Code] (COACH
//     §6.6: A1 level up, H2 repeat, B2 an in-between step, G1 welcome back …)
//     and written as a sentence a person reads.
//
// # Verbs
//
//   - [Record] turns an Entry into a CheckIn and decides what follows: the
//     rules of COACH §6.3, R0 safety first, then rest days, the gap after a
//     break, step back, advance, bridge and hold, first match wins; then the
//     guards on the session that follows (the ping-pong guard, the spike
//     guard) and the notes (soreness, back-to-back runs, the words after a
//     miss). The store calls it inside the write transaction that saves the
//     check-in.
//   - [TodayFor] is today's projection: the session a goal offers on a day
//     and why, the welcome-back ease already applied before any check-in.
//     [Snapshot.Todays] does it for every goal; [Preview] runs the same
//     engine over weeks that all go well.
//   - [ReviewOf] gives the measures of COACH §6.4: habit strength (Loop
//     Habit Tracker's score, which never rises on a day without a session),
//     weeks kept, the show-up streak that one miss never ends, totals that
//     never reset, mood lifts. [ActiveMinutes] counts a week against WHO's
//     150 minutes; [WeeklyReview] is the line about the week just ended;
//     [DayMarks] feeds the heatmap.
//   - [Timeline] lays a session out as timed stretches for the guided
//     session, and [AchievedEach] says what a stopped session counts for.
//
// # Where things are
//
// decide.go holds step 1 of the rules, guards.go R0 and step 2, gap.go R2,
// hold.go R6 and what a finished plan says (shared by the decision and
// Today), offered.go the session a step offers and its bridges, record.go
// the check-in, today.go the projection, week.go what is due and what was
// missed, measures.go, strength.go and streak.go the measures, weekly.go
// the W1 line, messages.go every sentence of COACH §6.6, hints.go the
// check-in's hints, words.go how sessions and amounts are written,
// timeline.go the guided session, plans.go and plan_*.go the ladders,
// rules.go the tunable constants. edges_test.go pins each clarified rule of
// COACH.md by name.
package coach
