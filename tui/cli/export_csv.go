package cli

import (
	"encoding/csv"
	"io"
	"strconv"

	"tend/coach"
	"tend/tui/cli/importfmt"
)

// exportCSV writes `tend export --format csv` (IMPORT §7.3): RFC 4180 with
// CR LF, one header row, one row per check-in in the JSON export's order,
// and a ' before a name or note a spreadsheet would run as a formula.
// `tend import` reads it back.
func exportCSV(w io.Writer, a coach.Archive) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(importfmt.CSVHeader); err != nil {
		return err
	}
	row := make([]string, len(importfmt.CSVHeader))
	for _, g := range exportOrder(a.Goals) {
		unit := ""
		if p, err := g.Plan(); err == nil {
			unit = p.Unit.String()
		}
		for _, c := range a.CheckIns[g.ID] {
			row[0], row[1], row[2] = importfmt.Formula(g.Name), c.Day.String(), c.Outcome.String()
			row[3], row[4], row[5] = number(c.Achieved), number(c.Target), unit
			row[6], row[7], row[8], row[9] = c.Effort.String(), c.Pain.String(), mood(c.MoodBefore), mood(c.MoodAfter)
			row[10], row[11] = importfmt.Formula(c.Note), g.UID
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

func number(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

func mood(m *int) string {
	if m == nil {
		return ""
	}
	return strconv.Itoa(*m)
}
