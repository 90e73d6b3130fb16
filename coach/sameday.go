package coach

// SameDayTotal is what a second session on a day makes with the first
// (COACH §6.2: amounts add), and whether that is more than double the
// day's target: far more than planned is more often a typo (500 for 50)
// than a session, so tend asks before saving it. amount is the second
// session's amount, the target already filled in for a plain "done".
func SameDayTotal(prev CheckIn, amount float64) (total float64, overDouble bool) {
	if !prev.Outcome.ShowedUp() {
		return amount, false
	}
	total = prev.Achieved + amount
	return total, prev.Target > 0 && total > 2*prev.Target
}
