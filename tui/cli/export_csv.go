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
func exportCSV(w io.Writer, st Store) ([3]int, error) {
	var n [3]int
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(importfmt.CSVHeader); err != nil {
		return n, err
	}
	type goalCols struct{ name, unit, uid string }
	goals := map[uint64]goalCols{}
	row := make([]string, len(importfmt.CSVHeader))
	head := func(a coach.Archive) error {
		n[0] = len(a.Goals)
		for _, g := range a.Goals {
			unit := ""
			if p, err := g.Plan(); err == nil {
				unit = p.Unit.String()
			}
			goals[g.ID] = goalCols{importfmt.Formula(g.Name), unit, g.UID}
		}
		return nil
	}
	checkIn := func(id uint64, c coach.CheckIn) error {
		n[1]++
		g := goals[id]
		row[0], row[1], row[2] = g.name, c.Day.String(), c.Outcome.String()
		row[3], row[4], row[5] = number(c.Achieved), number(c.Target), g.unit
		row[6], row[7], row[8], row[9] = c.Effort.String(), c.Pain.String(), mood(c.MoodBefore), mood(c.MoodAfter)
		row[10], row[11] = importfmt.Formula(c.Note), g.uid
		return cw.Write(row)
	}
	decision := func(uint64, coach.Decision) error { n[2]++; return nil }
	if err := st.Walk(head, checkIn, decision); err != nil {
		return n, err
	}
	cw.Flush()
	return n, cw.Error()
}

func number(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

func mood(m *int) string {
	if m == nil {
		return ""
	}
	return strconv.Itoa(*m)
}
