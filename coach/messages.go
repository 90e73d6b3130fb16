package coach

// The words of COACH §6.6 that carry no fields. Templates with fields are
// built where they are used, from these same sentences.
const (
	MsgZ1 = "Rest day. Recovery is part of the plan."
	MsgZ2 = "Rest and recover — the plan waits for you. Just a head cold and feeling OK? A gentle walk is fine. Fever or chest symptoms: rest."
	MsgZ3 = "Away today. Your streak is safe."
	MsgS1 = "Stop now. Chest pain, fainting, dizziness or severe breathlessness need medical advice — call emergency services if it doesn't settle. The plan stays paused until you've been checked."
	MsgO1 = "This coach supports habits; it is not medical or mental-health care. If you've felt low most days for over two weeks, talk to your GP. In crisis: emergency services · Samaritans 116 123 (UK/ROI) · 988 (US)."
	// MsgCelebrate follows every logged session (C1).
	MsgCelebrate = "Take a second to notice you did it."
)

func restMessage(o Outcome) string {
	switch o {
	case Unwell:
		return MsgZ2
	case Away:
		return MsgZ3
	default:
		return MsgZ1
	}
}

// More of COACH §6.6's fixed sentences.
const (
	MsgP0 = "Muscle soreness a day or two after is normal."
	MsgP2 = "Pain has shown up a few times. Plan paused — please get it checked before we build again."
	MsgH3 = "Holding steady this week while that niggle settles. Your progress is kept."
	MsgZ4 = "Two runs back-to-back — nice energy. Make tomorrow a walk or rest; runs work best with a rest day between."
	MsgM3 = "No pressure. Whenever you're ready, tend will start you gently."
)
