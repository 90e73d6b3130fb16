package cli

import (
	"fmt"
	"html"
	"math"
	"strings"

	"tend/coach"
)

// The report's charts as inline SVG. Each is drawn on a fixed grid
// (chartW × chartH units, the plot inside the margins) and scaled by the
// page. The colours are the page's only ones, named here: a mid-grey blue
// for bars that prints as mid-grey, the guideline's dashed red that prints
// as a dashed dark line, and a pale plot ground that prints as nearly white.
const (
	colourBar      = "#4f6f96"
	colourGuide    = "#b03a2e"
	colourPlot     = "#f2f2f2"
	colourGrid     = "#d4d4d4"
	colourInk      = "#111111"
	colourMuted    = "#6b6b6b"
	colourBefore   = "#777777"
	colourClimbed  = "#2e4a6b"
	colourEarlier  = "#c8c8c8"
	chartW, chartH = 340.0, 190.0
	plotL, plotR   = 30.0, 334.0
	plotT, plotB   = 14.0, 150.0
)

// slotX is the centre of week i of n across the plot.
func slotX(i, n int) float64 {
	return plotL + (float64(i)+0.5)*(plotR-plotL)/float64(n)
}

// svgOpen starts a chart: its size, a title for screen readers, the plot's ground.
func svgOpen(b *strings.Builder, title string) {
	fmt.Fprintf(b, "<svg viewBox=\"0 0 %g %g\" role=\"img\" aria-label=\"%s\" font-size=\"9\" "+
		"font-family=\"DejaVu Sans, Arial, sans-serif\">\n", chartW, chartH, html.EscapeString(title))
	fmt.Fprintf(b, "<rect x=\"%g\" y=\"%g\" width=\"%g\" height=\"%g\" fill=\"%s\"/>\n",
		plotL, plotT, plotR-plotL, plotB-plotT, colourPlot)
}

// weekLabels writes the weeks' Mondays under the plot, every one that fits.
func weekLabels(b *strings.Builder, weeks []reportWeek) {
	every := max(1, int(math.Ceil(float64(len(weeks))*34/(plotR-plotL))))
	for i, w := range weeks {
		if i%every == 0 {
			fmt.Fprintf(b, "<text x=\"%.1f\" y=\"%g\" text-anchor=\"middle\" fill=\"%s\">%s</text>\n",
				slotX(i, len(weeks)), plotB+12, colourInk, html.EscapeString(shortDay(w.Monday)))
		}
	}
	fmt.Fprintf(b, "<text x=\"%g\" y=\"%g\" text-anchor=\"middle\" fill=\"%s\" font-size=\"8\">weeks starting</text>\n",
		(plotL+plotR)/2, plotB+24, colourMuted)
}

// gridLine is a horizontal line across the plot at y with its value at the left.
func gridLine(b *strings.Builder, y float64, label string) {
	fmt.Fprintf(b, "<line x1=\"%g\" y1=\"%.1f\" x2=\"%g\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"0.6\"/>\n",
		plotL, y, plotR, y, colourGrid)
	fmt.Fprintf(b, "<text x=\"%g\" y=\"%.1f\" text-anchor=\"end\" fill=\"%s\">%s</text>\n", plotL-3, y+3, colourInk, label)
}

// activeChart is the bar chart of active minutes with the 150 line. The
// scale runs to a round number above 150 and the most in a week, so the
// line is always on the chart.
func activeChart(r report) string {
	var b strings.Builder
	svgOpen(&b, "Active minutes each week")
	most := float64(coach.ActiveMinutesPerWeek)
	for _, w := range r.Weeks {
		most = max(most, w.ActiveMin)
	}
	top := math.Ceil(most*1.15/50) * 50
	y := func(v float64) float64 { return plotB - v/top*(plotB-plotT) }
	for v := 0.0; v <= top; v += 50 {
		gridLine(&b, y(v), fmt.Sprintf("%.0f", v))
	}
	n := len(r.Weeks)
	bw := 0.6 * (plotR - plotL) / float64(n)
	// Numbers over the bars where a slot is wide enough to hold one.
	numbered := (plotR-plotL)/float64(n) >= 20
	for i, w := range r.Weeks {
		x := slotX(i, n)
		switch {
		case !w.Exists:
			continue
		case w.PausedAll && !numbered:
			continue
		case w.PausedAll:
			fmt.Fprintf(&b, "<text x=\"%.1f\" y=\"%g\" text-anchor=\"middle\" fill=\"%s\" font-size=\"7.5\">%s</text>\n",
				x, plotB-4, colourMuted, w.note())
			continue
		}
		if h := plotB - y(w.ActiveMin); h > 0 {
			fmt.Fprintf(&b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>\n",
				x-bw/2, y(w.ActiveMin), bw, h, colourBar)
		}
		if numbered {
			fmt.Fprintf(&b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"%s\">%.0f</text>\n",
				x, y(w.ActiveMin)-3, colourInk, w.ActiveMin)
		}
	}
	g := y(coach.ActiveMinutesPerWeek)
	fmt.Fprintf(&b, "<line x1=\"%g\" y1=\"%.1f\" x2=\"%g\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1.6\" stroke-dasharray=\"6 3\"/>\n",
		plotL, g, plotR, g, colourGuide)
	fmt.Fprintf(&b, "<text x=\"%g\" y=\"%.1f\" text-anchor=\"end\" fill=\"%s\" font-size=\"8\">%d a week</text>\n",
		plotR-2, g-3, colourGuide, coach.ActiveMinutesPerWeek)
	weekLabels(&b, r.Weeks)
	b.WriteString("</svg>\n")
	return b.String()
}

// moodChart draws the average mood before (grey, dashed, open circles) and
// after (black, solid, filled) each week's sessions, with the lift under
// each week; a week without moods breaks the lines.
func moodChart(r report) string {
	var b strings.Builder
	svgOpen(&b, "Mood before and after sessions")
	y := func(v float64) float64 { return plotB - v/coach.MoodMax*(plotB-plotT) }
	for v := 0; v <= coach.MoodMax; v += 5 {
		gridLine(&b, y(float64(v)), fmt.Sprint(v))
	}
	n := len(r.Weeks)
	line := func(val func(coach.MoodWeek) float64, stroke, dash, fill string) {
		var pts []string
		flush := func() {
			if len(pts) > 1 {
				fmt.Fprintf(&b, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.6\"%s/>\n",
					strings.Join(pts, " "), stroke, dash)
			}
			pts = nil
		}
		for i, w := range r.Weeks {
			if w.Mood.Days == 0 {
				flush()
				continue
			}
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", slotX(i, n), y(val(w.Mood))))
		}
		flush()
		for i, w := range r.Weeks {
			if w.Mood.Days > 0 {
				fmt.Fprintf(&b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.6\" fill=\"%s\" stroke=\"%s\" stroke-width=\"1.2\"/>\n",
					slotX(i, n), y(val(w.Mood)), fill, stroke)
			}
		}
	}
	line(func(m coach.MoodWeek) float64 { return m.Before }, colourBefore, " stroke-dasharray=\"4 3\"", "#ffffff")
	line(func(m coach.MoodWeek) float64 { return m.After }, colourInk, "", colourInk)
	for i, w := range r.Weeks {
		if w.Mood.Days > 0 && n <= 13 {
			fmt.Fprintf(&b, "<text x=\"%.1f\" y=\"%g\" text-anchor=\"middle\" fill=\"%s\" font-size=\"7.5\">%s</text>\n",
				slotX(i, n), plotB-3, colourMuted, liftWords(w.Mood.Lift))
		}
	}
	fmt.Fprintf(&b, "<g font-size=\"8\" fill=\"%s\"><line x1=\"%g\" y1=\"7\" x2=\"%g\" y2=\"7\" stroke=\"%s\" stroke-width=\"1.6\"/>"+
		"<text x=\"%g\" y=\"10\">after</text><line x1=\"%g\" y1=\"7\" x2=\"%g\" y2=\"7\" stroke=\"%s\" stroke-width=\"1.6\" stroke-dasharray=\"4 3\"/>"+
		"<text x=\"%g\" y=\"10\">before · numbers: the lift</text></g>\n",
		colourInk, plotL, plotL+16, colourInk, plotL+19, plotL+52, plotL+68, colourBefore, plotL+71)
	if r.Mood.Days == 0 {
		fmt.Fprintf(&b, "<text x=\"%g\" y=\"%g\" text-anchor=\"middle\" fill=\"%s\">no moods logged</text>\n",
			(plotL+plotR)/2, (plotT+plotB)/2, colourMuted)
	}
	weekLabels(&b, r.Weeks)
	b.WriteString("</svg>\n")
	return b.String()
}

// ladderSVG draws a goal's plan as a row of rungs: those below where the
// weeks began pale, those climbed in them dark, those ahead open, the
// current one outlined; each labelled when the labels fit.
func ladderSVG(g reportGoal) string {
	levels := g.plan.Levels
	n := len(levels)
	if n == 0 {
		return ""
	}
	const w, top, h = 680.0, 4.0, 16.0
	rw := w / float64(n)
	lo, hi := min(g.Start, g.End), max(g.Start, g.End)
	fits := true
	for _, l := range levels {
		fits = fits && float64(len([]rune(l.Label)))*4.6 < rw-2
	}
	var b strings.Builder
	fmt.Fprintf(&b, "<svg viewBox=\"0 0 %g 46\" role=\"img\" aria-label=\"%s\" font-size=\"8\" "+
		"font-family=\"DejaVu Sans, Arial, sans-serif\">\n", w+2, html.EscapeString(g.Name+": the plan's levels"))
	for i, l := range levels {
		level := i + 1
		fill, stroke, sw := "#ffffff", "#999999", 0.8
		switch {
		case level < lo:
			fill = colourEarlier
		case level <= hi:
			fill = colourClimbed
		}
		if level == g.End {
			stroke, sw = colourInk, 2.2
		}
		x := 1 + float64(i)*rw
		fmt.Fprintf(&b, "<rect x=\"%.1f\" y=\"%g\" width=\"%.1f\" height=\"%g\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%g\"/>\n",
			x+1, top, rw-2, h, fill, stroke, sw)
		if fits || level == 1 || level == n || level == g.Start || level == g.End {
			fmt.Fprintf(&b, "<text x=\"%.1f\" y=\"%g\" text-anchor=\"middle\" fill=\"%s\">%s</text>\n",
				x+rw/2, top+h+10, colourInk, html.EscapeString(coach.Printable(l.Label)))
		}
	}
	fmt.Fprintf(&b, "<text x=\"1\" y=\"%g\" fill=\"%s\" font-size=\"7.5\">pale: before these weeks · dark: climbed in them · "+
		"outlined: now · open: ahead</text>\n</svg>\n", top+h+20, colourMuted)
	return b.String()
}
