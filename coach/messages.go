package coach

import "fmt"

// The words of COACH §6.6, all in one file: the voice of the product. A
// sentence with fields is a function of them; the engine and Today call
// these and never write a reason of their own, so a polish of the wording
// happens here once. "Your doctor" or "a doctor", never "GP" alone: tend
// does not guess a person's country (COACH §5).

// Sentences without fields that other packages show.
const (
	// MsgO1 is the care note shown with a person's first goal.
	MsgO1 = "This coach supports habits; it is not medical or mental-health care. If you've felt low most days for over two weeks, talk to your doctor. In crisis: emergency services · Samaritans 116 123 (UK/ROI) · 988 (US)."
	// MsgCelebrate follows every logged session (C1).
	MsgCelebrate = "Take a second to notice you did it."
)

const (
	msgZ1 = "Rest day. Recovery is part of the plan."
	msgZ2 = "Rest and recover — the plan waits for you. Just a head cold and feeling OK? A gentle walk is fine. Fever or chest symptoms: rest."
	msgZ3 = "Away today. Your streak is safe."
	msgS1 = "Stop now. Chest pain, fainting, dizziness or severe breathlessness need medical advice — call emergency services if it doesn't settle. The plan stays paused until you've been checked."
	msgP0 = "Muscle soreness a day or two after is normal."
	msgP2 = "Pain has shown up a few times. Plan paused — please get it checked before we build again."
	msgH3 = "Holding steady this week while that niggle settles. Your progress is kept."
	msgZ4 = "Two runs back-to-back — nice energy. Make tomorrow a walk or rest; runs work best with a rest day between."
	msgM3 = "No pressure. Whenever you're ready, tend will start you gently."

	msgPaused   = "Paused. Your progress is kept; resume whenever you're ready."
	msgArchived = "Archived. Its history is kept."
	msgResumed  = "Welcome back. Start gently; the plan picks up where you left it."
)

// restMessage is R1's line for a rest, unwell or away day.
func restMessage(o Outcome) (Code, string) {
	switch o {
	case Unwell:
		return CodeZ2, msgZ2
	case Away:
		return CodeZ3, msgZ3
	default:
		return CodeZ1, msgZ1
	}
}

func msgA1(newStep, oldStep string, k int, e Effort, warmup bool) string {
	msg := fmt.Sprintf("Level up: %s. You completed %d sessions at %s and the last felt %s.", newStep, k, oldStep, e)
	if warmup {
		msg += " Same easy start as before."
	}
	return msg
}

// msgA2 ends with the question of what comes next only where a next plan
// exists (COACH §6.3 "After graduation").
func msgA2(plan string, total int, next *Plan) string {
	msg := fmt.Sprintf("You finished %s. %s. That took showing up — well done.", plan, countWords(total, "session"))
	if next != nil {
		return msg + " " + graduationQuestion(*next)
	}
	return msg + " From here each session keeps it going."
}

func graduationQuestion(next Plan) string { return fmt.Sprintf("Keep it, or start %s?", next.Name) }

// msgH1 is said on Today ("today") and after a check-in ("next time").
func msgH1(when, step string, done, k int) string {
	return fmt.Sprintf("Same target %s (%s). %d/%d sessions done at this level; the plan moves on after %d.",
		when, step, done, k, k)
}

// msgH2 is the repeat after a hard session, with the word of the plan's
// family: Couch to 5K's own permission to repeat, yoga's easing off (§6.5).
func msgH2(p Plan, step string) string {
	msg := fmt.Sprintf("Let's repeat %s once more — last time felt hard.", step)
	switch p.Domain {
	case DomainRun:
		return msg + " NHS Couch to 5K: you can repeat any week until you feel ready."
	case DomainYoga:
		return msg + " Ease off to a comfortable stretch; anything painful, log it as pain."
	default:
		return msg + " Repeating a step is part of the plan."
	}
}

func msgH1Next(when, step string, k int) string {
	return fmt.Sprintf("Same target %s (%s). %s done at this level; the next one you complete moves the plan on.",
		when, step, countWords(k, "session"))
}

func msgH4(target, plan string) string {
	return fmt.Sprintf("Keeping it up: %s. You finished %s; each session keeps it going.", target, plan)
}

func msgB1(target string) string {
	return fmt.Sprintf("Two tough ones in a row, so next time is %s. Stepping back to step forward is how graded plans work.", target)
}

func msgB2(bridge string) string {
	return fmt.Sprintf("This step looks bigger than it should be, so we've added an in-between step: %s.", bridge)
}

func msgB3(from, to float64) string {
	return fmt.Sprintf("The next run is a big jump from anything in the last month (%s→%s min), "+
		"so next time is the bridge session. Feeling ready? You can choose the full one.", num(from), num(to))
}

func msgTop(plan, target string) string {
	return fmt.Sprintf("You're at the top of %s: %s keeps it. That's the habit, kept.", plan, target)
}

func msgGentleBack(days int, step string) string {
	return fmt.Sprintf("Welcome back after %d days. We'll start at %s, nice and gentle.", days, step)
}

func msgG0(step string) string {
	return fmt.Sprintf("Welcome back. Starting %s from its first session — a week away is normal.", step)
}

func msgG12(days int, step string, total int) string {
	verb := "count"
	if total == 1 {
		verb = "counts"
	}
	return fmt.Sprintf("Welcome back after %d days. We'll start at %s so your body can catch up; your %s still %s.",
		days, step, countWords(total, "session"), verb)
}

func msgM1(target string) string {
	return fmt.Sprintf("A session slipped by — that's fine. One miss doesn't undo a habit. Today: %s.", target)
}

func msgM2(minimum, previous string) string {
	if previous == "" {
		return fmt.Sprintf("It's been a couple of sessions. Want the minimum version today (%s)? Starting small still counts.", minimum)
	}
	return fmt.Sprintf("It's been a couple of sessions. Want the minimum version today (%s) or the previous level's %s? "+
		"Starting small still counts.", minimum, previous)
}

func msgP1(target string) string {
	return fmt.Sprintf("Thanks for flagging pain. Next session is lighter (%s). Stop if it hurts; "+
		"if it persists, a doctor or physio can help.", target)
}

// The words said after a session that followed missed ones: Today said the
// M line before the check-in; this is said to someone who has just come back.
func msgBackAfterMissed(missed int) string {
	switch {
	case missed >= 3:
		return "Good to see you back. Whenever you show up, it counts."
	case missed == 2:
		return "After a couple of quiet sessions, starting again is the hard part, and you did it."
	case missed == 1:
		return "One miss doesn't undo a habit, and this session shows it."
	}
	return ""
}

func msgMinimumCounts(target string) string {
	return fmt.Sprintf("The minimum counts: you showed up. Next time is still %s.", target)
}

func msgEasedCounts(target string) string {
	return fmt.Sprintf("The lighter session counts. Next time is %s again.", target)
}

func msgNextVariant(target string, n, of int) string {
	return fmt.Sprintf("Nicely done. Next: %s (session %d of %d this week of the plan).", target, n, of)
}

func msgEasedToday(target string) string {
	return fmt.Sprintf("A lighter session today (%s) after the pain you flagged. Stop if it hurts.", target)
}

// msgGentleStart is said before the first session at a step; the target is
// on the line above it, so it is not said again ("A gentle start at 15 min
// walk" read badly on Walk to run).
func msgGentleStart(k int) string {
	return fmt.Sprintf("A gentle start. The plan moves on after %s here.", countWords(k, "session"))
}

func msgDoneToday(week int) string { return fmt.Sprintf("Done. That's %d this week.", week) }

// countWords is "1 session", "3 sessions".
func countWords(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// planName is {plan} in A2 and H4: the plan's name, which for a custom
// ladder is the goal's own name.
func planName(p Plan) string { return p.Name }

// SafetyMessage is R0's words after a warning sign, for a change that
// holds the goals without a decision to carry them: an older day edited to
// a warning.
func SafetyMessage() string { return msgS1 }
