package store

import "tend/coach"

// Every string the store reads back goes through coach.Printable before it
// leaves the store, here and nowhere else, so that no screen, command or
// export can pass on an escape sequence, a bidi override or an invisible
// character that a file was made to hold (tend itself never writes one:
// coach.CleanName and CleanNote refuse them). What a person sees is then
// what a later write keeps.

func shownGoal(g coach.Goal) coach.Goal {
	g.Name, g.Anchor, g.IfThen = coach.Printable(g.Name), coach.Printable(g.Anchor), coach.Printable(g.IfThen)
	g.Reason, g.ReasonCode = coach.Printable(g.Reason), printableCode(g.ReasonCode)
	return g
}

func shownCheckIn(c coach.CheckIn) coach.CheckIn {
	c.Note = coach.Printable(c.Note)
	return c
}

// A message said from its fields is printable already: the decoder made
// the fields so (records_codec.go), and the templates are tend's. Reason
// codes are a byte in the record, one of coach's, so printable too.
func shownDecision(d coach.Decision) coach.Decision {
	if len(d.Said) == 0 {
		d.Message = coach.Printable(d.Message)
	}
	if len(d.Before.Said) == 0 {
		d.Before.Reason = coach.Printable(d.Before.Reason)
	}
	return d
}

func printableCode(c coach.Code) coach.Code { return coach.Code(coach.Printable(string(c))) }
