package coach

// What the tests in coach_test reach that no other package needs.

const (
	MsgZ1 = msgZ1
	MsgZ2 = msgZ2
	MsgZ3 = msgZ3
	MsgS1 = msgS1
	MsgP0 = msgP0
	MsgZ4 = msgZ4
	MsgM3 = msgM3

	BandStarting = bandStarting
	BandBuilding = bandBuilding
	BandSteady   = bandSteady
	BandStrong   = bandStrong

	Back2GapDays = back2GapDays
)

var (
	MissedInARow = missedInARow
	Due          = due
	WeekSummary  = weekSummary
	StrengthBand = strengthBand
	WarmupWords  = warmupWords
	Achieved     = achieved
)

func (p Plan) StartLevelFor(capacityMin int) int { return p.startLevelFor(capacityMin) }

// HiddenShortCutDisagreements reports the ASCII characters where hidden's short
// cut and the Unicode tables disagree (none, TestHiddenASCIIFastPath).
func HiddenShortCutDisagreements() []rune {
	var out []rune
	for r := rune(0); r < 0x80; r++ {
		if hidden(r) != hiddenByTables(r) {
			out = append(out, r)
		}
	}
	return out
}
