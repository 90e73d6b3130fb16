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
