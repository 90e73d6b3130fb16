package cli

import (
	"fmt"
	"io"
	"math"
	"strings"

	"tend/coach"
)

// The report as Markdown, to paste into a message or a notes app: the text
// report's content in headings, lists and tables, with a sparkline of the
// weeks. Every string is escaped for Markdown, so a name or a note can
// never become a link, an image, a heading or HTML.

func writeReportMarkdown(w io.Writer, r report) error {
	b := []string{"# " + mdEscape(r.title()), "", "*" + mdEscape(reportLead+" "+r.made()) + "*", "", "## In short", ""}
	for _, s := range r.summary() {
		b = append(b, "- "+mdEscape(s))
	}
	if r.Counts {
		b = append(b, "- Active minutes by week: `"+r.sparkActive()+"`")
	}
	if r.Mood.Days > 0 {
		b = append(b, "- Mood lift by week: `"+r.sparkLift()+"`")
	}
	b = append(b, "", "## Week by week", "")
	b = append(b, mdRow(r.allHeader()), mdRule(len(r.allHeader())))
	for i := range r.Weeks {
		b = append(b, mdRow(r.allCells(i)))
	}
	b = append(b, "", mdEscape(r.tableKey()))
	b = append(b, "", "## Goals")
	for _, g := range r.Goals {
		b = append(b, "", "### "+mdEscape(g.Name+" · "+g.Plan+", "+g.Schedule), "",
			mdEscape(fmt.Sprintf("%s in %s; %s.", countOf(g.Sessions, "session"), countOf(len(r.Weeks), "week"), g.Went())))
		if len(g.Stretches) > 0 {
			b = append(b, "", mdEscape(tuiUpper(strings.Join(g.Stretches, "; "))+"."))
		}
		if len(g.Changes) > 0 {
			b = append(b, "", mdRow([]string{"Day", "Change", "Reason"}), mdRule(3))
			for _, c := range g.Changes {
				b = append(b, mdRow([]string{shortDay(c.Day), c.From + " → " + c.To, c.Reason}))
			}
		}
	}
	b = append(b, "", "## Pain and safety", "")
	if len(r.Flags) == 0 {
		b = append(b, "No pain or warning signs were logged in these weeks.")
	}
	for _, f := range r.Flags {
		b = append(b, "- **"+mdEscape(longDay(f.Day))+"**: "+mdEscape(f.Words()))
	}
	if len(r.Notes) > 0 {
		b = append(b, "", "## Notes (shared by choice)", "")
		for _, n := range r.Notes {
			b = append(b, "- **"+mdEscape(longDay(n.Day))+"**, "+mdEscape(n.Goal+": "+n.Note))
		}
	}
	b = append(b, "", "---", "", "> "+mdEscape(coach.MsgO1))
	return writeLines(w, b...)
}

// mdSpecial are the characters Markdown (CommonMark and GitHub's tables)
// could read as markup; each is written behind a backslash, which
// CommonMark allows before any ASCII punctuation.
const mdSpecial = "\\`*_[]<>|~#&!"

// mdEscape makes s literal text in Markdown.
func mdEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(mdSpecial, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func mdRow(cells []string) string {
	esc := make([]string, len(cells))
	for i, c := range cells {
		esc[i] = mdEscape(c)
	}
	return "| " + strings.Join(esc, " | ") + " |"
}

func mdRule(n int) string { return "|" + strings.Repeat(" --- |", n) }

// sparkBlocks draw a sparkline, lowest first; a week with nothing to show
// is a middle dot, never a bar of nought.
var sparkBlocks = []rune("▁▂▃▄▅▆▇█")

const sparkNone = '·'

// spark draws values between lo and hi; NaN is a week with nothing to show.
func spark(values []float64, lo, hi float64) string {
	var b strings.Builder
	for _, v := range values {
		if math.IsNaN(v) {
			b.WriteRune(sparkNone)
			continue
		}
		i := 0
		if hi > lo {
			i = int(math.Round((v - lo) / (hi - lo) * float64(len(sparkBlocks)-1)))
		}
		b.WriteRune(sparkBlocks[min(max(i, 0), len(sparkBlocks)-1)])
	}
	return b.String()
}

// sparkActive is the weeks' active minutes from 0 to 150 or the most.
func (r report) sparkActive() string {
	vals := make([]float64, len(r.Weeks))
	hi := float64(coach.ActiveMinutesPerWeek)
	for i, w := range r.Weeks {
		vals[i] = math.NaN()
		if w.Exists && !w.PausedAll {
			vals[i] = w.ActiveMin
			hi = max(hi, w.ActiveMin)
		}
	}
	return spark(vals, 0, hi)
}

// sparkLift is the weeks' mood lifts, from the lowest (or 0) to the highest.
func (r report) sparkLift() string {
	vals := make([]float64, len(r.Weeks))
	lo, hi := 0.0, 0.0
	for i, w := range r.Weeks {
		vals[i] = math.NaN()
		if w.Mood.Days > 0 {
			vals[i] = w.Mood.Lift
			lo, hi = min(lo, w.Mood.Lift), max(hi, w.Mood.Lift)
		}
	}
	return spark(vals, lo, hi)
}
