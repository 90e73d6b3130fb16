package cli

import (
	"fmt"
	"html"
	"io"
	"strings"

	"tend/coach"
)

// The report as one HTML file to print or to send: inline CSS and SVG, no
// script and nothing fetched (its Content-Security-Policy forbids both, so
// a browser that opens it reaches no network). It prints on A4 and Letter
// in one or two pages and reads in black and white: bars are mid-grey with
// their numbers above them, the mood lines differ by dash and marker, not
// only by colour. Every string is HTML-escaped where it is written.

// reportCSS is the page's style. Sizes are in print units so that a page
// holds what the tests count.
const reportCSS = `@page { margin: 13mm 12mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font: 10pt/1.35 "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: #111; background: #fff;
  max-width: 186mm; margin: 0 auto; padding: 6mm 0; }
@media print { body { padding: 0; max-width: none; } }
h1 { font-size: 14pt; margin: 0 0 2pt; }
h2 { font-size: 11pt; margin: 9pt 0 3pt; border-bottom: 1px solid #888; padding-bottom: 1pt; break-after: avoid; }
h3 { font-size: 10pt; margin: 6pt 0 1pt; break-after: avoid; }
p { margin: 1pt 0; }
.lead { color: #333; }
ul { margin: 1pt 0; padding-left: 13pt; }
li { margin: 0.5pt 0; }
.charts { display: flex; gap: 6mm; margin-top: 4pt; }
figure { margin: 0; flex: 1 1 0; min-width: 0; break-inside: avoid; }
figcaption { font-weight: bold; font-size: 9pt; }
svg { display: block; width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; break-inside: avoid; }
th, td { text-align: left; padding: 1.5pt 3pt; border-bottom: 0.75pt solid #bbb; vertical-align: top; white-space: nowrap; }
td:last-child { white-space: normal; }
th { border-bottom: 1pt solid #111; }
td.n { text-align: right; white-space: nowrap; }
.goal { break-inside: avoid; }
.changes { font-size: 8.5pt; }
.key { font-size: 8pt; color: #333; }
.care { margin-top: 8pt; border: 1.2pt solid #111; padding: 4pt 7pt; font-size: 9pt; break-inside: avoid; }
`

// reportCSP forbids everything but the page's own style: no script, no
// fetch, no image from anywhere.
const reportCSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

func writeReportHTML(w io.Writer, r report) error {
	var b strings.Builder
	e := html.EscapeString
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"+
		"<meta http-equiv=\"Content-Security-Policy\" content=\"%s\">\n"+
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>%s</title>\n<style>\n%s</style>\n</head>\n<body>\n",
		e(reportCSP), e("tend · "+r.title()), reportCSS)
	fmt.Fprintf(&b, "<header>\n<h1>%s</h1>\n<p class=\"lead\">%s %s</p>\n</header>\n", e(r.title()), e(reportLead), e(r.made()))
	b.WriteString("<h2>In short</h2>\n<ul>\n")
	for _, s := range r.summary() {
		fmt.Fprintf(&b, "<li>%s</li>\n", e(s))
	}
	b.WriteString("</ul>\n<div class=\"charts\">\n")
	if r.Counts {
		fmt.Fprintf(&b, "<figure>\n<figcaption>Active minutes each week, against the %d the guidelines suggest</figcaption>\n%s</figure>\n",
			coach.ActiveMinutesPerWeek, activeChart(r))
	}
	fmt.Fprintf(&b, "<figure>\n<figcaption>Mood before and after sessions (0–10), week by week</figcaption>\n%s</figure>\n</div>\n", moodChart(r))
	writeWeekTable(&b, r)
	writeGoalsHTML(&b, r)
	b.WriteString("<h2>Pain and safety</h2>\n")
	if len(r.Flags) == 0 {
		b.WriteString("<p>No pain or warning signs were logged in these weeks.</p>\n")
	} else {
		b.WriteString("<ul>\n")
		for _, f := range r.Flags {
			fmt.Fprintf(&b, "<li><strong>%s</strong>: %s</li>\n", e(longDay(f.Day)), e(f.Words()))
		}
		b.WriteString("</ul>\n")
	}
	if len(r.Notes) > 0 {
		b.WriteString("<h2>Notes (shared by choice)</h2>\n<ul>\n")
		for _, n := range r.Notes {
			fmt.Fprintf(&b, "<li><strong>%s</strong>, %s: %s</li>\n", e(longDay(n.Day)), e(n.Goal), e(n.Note))
		}
		b.WriteString("</ul>\n")
	}
	fmt.Fprintf(&b, "<p class=\"care\">%s</p>\n</body>\n</html>\n", e(coach.MsgO1))
	_, err := io.WriteString(w, b.String())
	return err
}

// writeWeekTable is the week-by-week table, numbers right-aligned.
func writeWeekTable(b *strings.Builder, r report) {
	e := html.EscapeString
	b.WriteString("<h2>Week by week</h2>\n<table>\n<thead><tr>")
	head := r.allHeader()
	for _, h := range head {
		fmt.Fprintf(b, "<th>%s</th>", e(h))
	}
	b.WriteString("</tr></thead>\n<tbody>\n")
	numeric := map[int]bool{len(head) - 2: true, len(head) - 3: true}
	if r.Counts {
		numeric[1] = true
	}
	for i := range r.Weeks {
		b.WriteString("<tr>")
		for j, c := range r.allCells(i) {
			if numeric[j] {
				fmt.Fprintf(b, "<td class=\"n\">%s</td>", e(c))
			} else {
				fmt.Fprintf(b, "<td>%s</td>", e(c))
			}
		}
		b.WriteString("</tr>\n")
	}
	fmt.Fprintf(b, "</tbody>\n</table>\n<p class=\"key\">%s</p>\n", html.EscapeString(r.tableKey()))
}

// writeGoalsHTML is each goal: how far it came, its ladder, and each
// change of level with the coach's reason.
func writeGoalsHTML(b *strings.Builder, r report) {
	e := html.EscapeString
	b.WriteString("<h2>Goals</h2>\n")
	for _, g := range r.Goals {
		fmt.Fprintf(b, "<section class=\"goal\">\n<h3>%s · %s, %s</h3>\n", e(g.Name), e(g.Plan), e(g.Schedule))
		line := fmt.Sprintf("%s in %s; %s.", countOf(g.Sessions, "session"), countOf(len(r.Weeks), "week"), g.Went())
		if len(g.Stretches) > 0 {
			line += " " + tuiUpper(strings.Join(g.Stretches, "; ")) + "."
		}
		fmt.Fprintf(b, "<p>%s</p>\n%s", e(line), ladderSVG(g))
		if len(g.Changes) > 0 {
			b.WriteString("<ul class=\"changes\">\n")
			for _, c := range g.Changes {
				fmt.Fprintf(b, "<li><strong>%s</strong>: %s</li>\n", e(shortDay(c.Day)), e(c.words()))
			}
			b.WriteString("</ul>\n")
		}
		b.WriteString("</section>\n")
	}
}
