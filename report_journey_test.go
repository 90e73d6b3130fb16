package main

import (
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"
)

// The report journey (issue 18): eight weeks of a person's history, made
// through the binary day by day with TEND_NOW as a person would have made
// it, then `tend report` in each format. The history has a pain flag, a
// paused week, a warning sign with its hold and the check that lifted it,
// a quiet week after it (a gap), and notes, one with HTML in it. The HTML
// is also opened in headless Chromium (report_browser_test.go).

// reportDay is the day the report is made: a Sunday, so its eight weeks
// are 5 January to 1 March 2026.
const reportDay = "2026-03-01"

// reportHistory is the history, one command a line: the day it was typed
// (at 19:00 UTC), then its arguments. `done Walk` is logged for that day.
var reportHistory = []string{
	"2026-01-05 add Walk --plan daily-walk --days 5 --readiness none",
	"2026-01-05 done Walk --mood-before 4 --mood-after 6",
	"2026-01-06 done Walk --mood-before 3 --mood-after 5",
	"2026-01-07 done Walk --mood-before 4 --mood-after 6 --effort easy",
	"2026-01-09 done Walk --mood-before 5 --mood-after 6",
	"2026-01-10 done Walk --mood-before 4 --mood-after 7",
	"2026-01-12 done Walk --mood-before 4 --mood-after 6",
	"2026-01-13 done Walk --mood-before 5 --mood-after 7 --note <b>felt_great</b>&calm",
	"2026-01-15 done Walk --mood-before 4 --mood-after 6",
	"2026-01-17 done Walk --mood-before 5 --mood-after 7",
	"2026-01-19 add Strength --plan strength --days 2 --readiness none",
	"2026-01-19 done Walk --mood-before 5 --mood-after 7",
	"2026-01-20 done Strength --mood-before 4 --mood-after 6",
	"2026-01-21 done Walk --pain pain --mood-before 4 --mood-after 5 --note knee_ached",
	"2026-01-23 done Walk --mood-before 5 --mood-after 6",
	"2026-01-24 done Strength",
	// A week away: both goals paused, and resumed.
	"2026-01-26 edit Walk --pause",
	"2026-01-26 edit Strength --pause",
	"2026-02-02 edit Walk --resume",
	"2026-02-02 edit Strength --resume",
	"2026-02-02 done Walk --mood-before 3 --mood-after 6",
	"2026-02-03 done Strength --mood-before 4 --mood-after 6",
	"2026-02-04 done Walk --mood-before 4 --mood-after 6",
	"2026-02-05 done Walk --mood-before 5 --mood-after 7",
	"2026-02-06 done Strength",
	"2026-02-07 done Walk --mood-before 5 --mood-after 7",
	"2026-02-08 done Walk --mood-before 6 --mood-after 7",
	"2026-02-09 done Walk --mood-before 5 --mood-after 7",
	// A warning sign holds every exercise goal until a check.
	"2026-02-11 done Walk --pain warning --mood-before 5 --mood-after 4 --note dizzy_on_the_hill",
	"2026-02-16 edit Walk --resume --checked",
	"2026-02-16 edit Strength --resume --checked",
	// Then nothing until 24 February: a gap, and a welcome back.
	"2026-02-24 done Walk --mood-before 4 --mood-after 6 --note back_at_it",
	"2026-02-24 done Strength --mood-before 4 --mood-after 6",
	"2026-02-25 done Walk --mood-before 5 --mood-after 7",
	"2026-02-26 done Walk --mood-before 5 --mood-after 7",
	"2026-02-27 done Strength",
	"2026-02-28 done Walk --mood-before 6 --mood-after 8",
}

// The history is made once per run, beside the binary (TestMain removes
// that folder), and each test works on its own copy.
var (
	reportOnce sync.Once
	reportDB   string
	reportErr  string
)

// reportEnv is a fresh environment with the history's database, the clock
// on reportDay.
func reportEnv(t *testing.T) Env {
	t.Helper()
	reportOnce.Do(func() { reportDB, reportErr = makeReportHistory(t) })
	if reportErr != "" {
		t.Fatal(reportErr)
	}
	env := newEnv(t)
	env.Now = reportDay
	b, err := os.ReadFile(reportDB)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(env.DB, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return env
}

func makeReportHistory(t *testing.T) (string, string) {
	env := Env{Home: t.TempDir(), DB: filepath.Join(filepath.Dir(tendBin), "report.db")}
	for _, line := range reportHistory {
		day, rest, _ := strings.Cut(line, " ")
		args := strings.Fields(strings.ReplaceAll(rest, "_", "\x00"))
		for i := range args {
			args[i] = strings.ReplaceAll(args[i], "\x00", " ")
		}
		if args[0] == "done" {
			args = append(args, "--date", day)
		}
		env.Now = day + "T19:00:00Z"
		if out, errOut, code := runTend(t, env, args...); code != 0 {
			return "", fmt.Sprintf("history: tend %s: exit %d\n%s%s", quoteArgs(args), code, out, errOut)
		}
	}
	return env.DB, ""
}

// TestReportGoldens pins each format on the fixed history: the weeks with
// their active minutes, each goal's sessions against the plan and level,
// the moods and lifts, the level changes with their reasons, the flags and
// the care note (`go test . -run TestReportGoldens -update` after a change,
// and read the diff).
func TestReportGoldens(t *testing.T) {
	env := reportEnv(t)
	for _, c := range []struct {
		name string
		args []string
	}{
		{"text", []string{"report"}},
		{"md", []string{"report", "--format", "md", "--notes"}},
		{"html", []string{"report", "--format", "html", "--notes"}},
		{"walk-4-weeks", []string{"report", "--goal", "walk", "--weeks", "4"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			out := mustTend(t, env, c.args...)
			golden.RequireEqual(t, []byte(out))
		})
	}
}

// What the issue asks of every format, checked in words rather than by
// the goldens alone.
func TestReportSaysWhatMatters(t *testing.T) {
	env := reportEnv(t)
	text := mustTend(t, env, "report")
	for _, want := range []string{
		"8 weeks, 5 January – 1 March 2026",
		"not a medical record",
		"29 sessions in 8 weeks (Walk 23, Strength 6). Walk went from 10 to 20 minutes",
		"3 weeks with fewer sessions than planned",
		"26 Jan – 1 Feb  0", // the paused week: no minutes
		"paused",
		"a quiet week",                 // the gap after the hold
		"21 Jan  Walk: pain logged",    // the pain flag with its date
		"11 Feb  Walk: a warning sign", // the safety flag with its date
		"16 Feb  Walk and Strength: resumed after a check",
		"10 min → 12 min. Level up: 12 min. You completed 4 sessions at 10 min",
		"Samaritans 116 123",
	} {
		// Compared with the lines joined: the text is wrapped for a page.
		if !strings.Contains(words(text), words(want)) {
			t.Errorf("the text report should say %q:\n%s", want, text)
		}
	}
	// Notes are private unless asked for.
	for _, note := range []string{"knee ached", "dizzy on the hill", "felt great"} {
		if strings.Contains(text, note) {
			t.Errorf("the report without --notes shows the note %q", note)
		}
	}
	if withNotes := mustTend(t, env, "report", "--notes"); !strings.Contains(words(withNotes), "21 Jan Walk: knee ached") {
		t.Errorf("--notes should list the notes with their dates:\n%s", withNotes)
	}
	// A year asked of eight weeks' history is those eight weeks.
	if year := mustTend(t, env, "report", "--weeks", "52"); !strings.HasPrefix(year, "Activity and mood: 8 weeks, 5 January") {
		t.Errorf("--weeks 52 should begin with the first week of the goals:\n%s", year[:min(len(year), 200)])
	}
	if walk := mustTend(t, env, "report", "--goal", "wa"); strings.Contains(walk, "Strength") {
		t.Errorf("--goal wa should show Walk alone:\n%s", walk)
	}
}

// words is s with every run of spaces and line breaks one space.
func words(s string) string { return strings.Join(strings.Fields(s), " ") }

// COACH §5: a summary for others never judges. The words are checked in
// every format, notes and reasons included.
func TestReportWordsAreGentle(t *testing.T) {
	env := reportEnv(t)
	banned := regexp.MustCompile(`(?i)\b(missed|miss|failed|failure|fail|broke|broken|lost|lazy|should have|behind|only)\b|\bGP\b`)
	for _, format := range []string{"text", "md", "html"} {
		out := mustTend(t, env, "report", "--format", format, "--notes")
		if m := banned.FindAllString(out, -1); len(m) > 0 {
			t.Errorf("--format %s says %q", format, m)
		}
	}
}

// Everything from the database is escaped: the note with HTML in it is
// text in the HTML and in the Markdown, never markup.
func TestReportEscapesWhatItShows(t *testing.T) {
	env := reportEnv(t)
	page := mustTend(t, env, "report", "--format", "html", "--notes")
	if !strings.Contains(page, "&lt;b&gt;felt great&lt;/b&gt;&amp;calm") || strings.Contains(page, "<b>felt") {
		t.Errorf("the note is not escaped in the HTML")
	}
	for _, bad := range []string{"<script", "http://", "https://", "src=", "href=", "@import", "url("} {
		if strings.Contains(page, bad) {
			t.Errorf("the HTML has %q: it must be self-contained, with no script and nothing fetched", bad)
		}
	}
	md := mustTend(t, env, "report", "--format", "md", "--notes")
	if !strings.Contains(md, `\<b\>felt great\</b\>\&calm`) {
		t.Errorf("the note is not escaped in the Markdown:\n%s", md)
	}
}

// A report only reads: the database's bytes are as they were (a write
// transaction, even one that changes nothing, rewrites pages), and bad
// flags are refused with a sentence and exit status 2.
func TestReportReadsOnlyAndRefusesBadFlags(t *testing.T) {
	env := reportEnv(t)
	before := fileHash(t, env.DB)
	for _, f := range []string{"text", "md", "html"} {
		mustTend(t, env, "report", "--format", f, "--weeks", "52")
	}
	if fileHash(t, env.DB) != before {
		t.Errorf("tend report changed the database file")
	}
	refusedUnchanged(t, env, 2, []string{"--weeks 0", "1 to 52"}, "report", "--weeks", "0")
	refusedUnchanged(t, env, 2, []string{"--weeks 53"}, "report", "--weeks", "53")
	refusedUnchanged(t, env, 2, []string{"pdf", "text, md or html"}, "report", "--format", "pdf")
	refusedUnchanged(t, env, 1, []string{"Run"}, "report", "--goal", "Run")
	empty := newEnv(t)
	if out := mustTend(t, empty, "report"); !strings.Contains(out, "No goals yet") {
		t.Errorf("a report with no database should say there is nothing yet:\n%s", out)
	}
	assertNoFile(t, empty.DB)
}

// In a terminal of 40 columns the report fits: its sentences wrap and its
// tables become a few lines a week, so no column is cut in two.
func TestReportFitsANarrowTerminal(t *testing.T) {
	env := reportEnv(t)
	term := startTerm(t, 40, 12, env, "report")
	if code := term.Wait(t); code != 0 {
		t.Fatalf("tend report in a pty: exit %d", code)
	}
	lines := writtenLines(term)
	for _, l := range lines {
		if len([]rune(l)) > 40 || strings.HasSuffix(l, " ") {
			t.Errorf("line %q is wider than 40 columns or ends in a space", l)
		}
	}
	text := words(strings.Join(lines, "\n"))
	for _, want := range []string{"5–11 Jan Active min/150: 52", "Walk: 5 of 5 · 12 min", "26 Jan – 1 Feb Walk: paused"} {
		if !strings.Contains(text, want) {
			t.Errorf("at 40 columns the report lacks %q:\n%s", want, strings.Join(lines, "\n"))
		}
	}
}

// --out never replaces a file without --force, and never writes through a
// link or onto a device, even with it.
func TestReportOutFile(t *testing.T) {
	env := reportEnv(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "report.html")
	msg := mustTend(t, env, "report", "--format", "html", "--out", out)
	if !strings.Contains(msg, "Wrote the report of 8 weeks to "+out) {
		t.Errorf("--out should say where it wrote: %q", msg)
	}
	page, err := os.ReadFile(out)
	if err != nil || !strings.HasPrefix(string(page), "<!DOCTYPE html>") {
		t.Fatalf("--out wrote %q, %v", page[:min(len(page), 40)], err)
	}
	assertMode(t, out, 0o600)
	refusedUnchanged(t, env, 2, []string{"already exists", "--force"}, "report", "--out", out)
	if got, _ := os.ReadFile(out); string(got) != string(page) {
		t.Errorf("a refused --out changed the file")
	}
	mustTend(t, env, "report", "--out", out, "--force")
	if got, _ := os.ReadFile(out); !strings.HasPrefix(string(got), "Activity and mood") {
		t.Errorf("--force should replace the file with the text report")
	}
	target := filepath.Join(dir, "target.txt")
	if err := os.WriteFile(target, []byte("keep"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.txt")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	refusedUnchanged(t, env, 1, []string{"symbolic link"}, "report", "--out", link, "--force")
	if got, _ := os.ReadFile(target); string(got) != "keep" {
		t.Errorf("--out wrote through a link")
	}
	refusedUnchanged(t, env, 1, []string{"device"}, "report", "--out", "/dev/null", "--force")
}

// chromiumTimeout bounds one run of the browser: generous for a loaded
// machine, short enough that a hang fails quickly.
const chromiumTimeout = 60 * time.Second

// reportMinutes are the history's active minutes week by week, worked out
// from its sessions: 10 min four times then 12; 12 three times then 15;
// 15, 15 and the lighter 12 after the pain; the paused week; 15 four times
// then 18; 18 twice, then the hold; the quiet week; 18 four times.
var reportMinutes = []float64{52, 51, 42, 0, 78, 36, 0, 72}

// TestReportInChromium opens the HTML report in a real headless browser:
// it renders with no console message (the page's policy turns any script
// or fetch into one), its screenshot at A4 size has the bar chart's bars
// where the history says, and it prints on A4 and on Letter in at most two
// pages.
func TestReportInChromium(t *testing.T) {
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium is not on PATH (.ci/test installs it from Debian's packages where it can), " +
			"so the HTML report's browser test is skipped")
	}
	env := reportEnv(t)
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	mustTend(t, env, "report", "--format", "html", "--out", page)
	shot := filepath.Join(dir, "a4.png")
	// 794 × 1123 CSS pixels is A4 at 96 dots an inch.
	logs := runChromium(t, chromium, dir, "--enable-logging=stderr", "--v=0", "--window-size=794,1123",
		"--screenshot="+shot, "file://"+page)
	for _, l := range strings.Split(logs, "\n") {
		if strings.Contains(l, ":CONSOLE") {
			t.Errorf("the page logged to the console: %s", l)
		}
	}
	f, err := os.Open(shot)
	if err != nil {
		t.Fatalf("no screenshot: %v\n%s", err, logs)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("the screenshot is no PNG: %v", err)
	}
	checkBars(t, img, reportMinutes)
	html, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	for _, size := range []string{"A4", "letter"} {
		sized := filepath.Join(dir, size+".html")
		withSize := strings.Replace(string(html), "@page {", "@page { size: "+size+";", 1)
		if err := os.WriteFile(sized, []byte(withSize), 0o600); err != nil {
			t.Fatal(err)
		}
		pdf := filepath.Join(dir, size+".pdf")
		runChromium(t, chromium, dir, "--no-pdf-header-footer", "--print-to-pdf="+pdf, "file://"+sized)
		b, err := os.ReadFile(pdf)
		if err != nil {
			t.Fatalf("%s: no PDF: %v", size, err)
		}
		// Each page is an object of /Type /Page; the tree above them is /Pages.
		if n := len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(b, -1)); n < 1 || n > 2 {
			t.Errorf("printed on %s the report takes %d pages, want one or two", size, n)
		}
	}
}

// runChromium runs headless Chromium in its own profile and returns what
// it logged.
func runChromium(t *testing.T, chromium, dir string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), chromiumTimeout)
	defer cancel()
	base := []string{"--headless", "--disable-gpu", "--no-sandbox", "--hide-scrollbars", "--force-device-scale-factor=1",
		"--no-first-run", "--disable-extensions", "--user-data-dir=" + filepath.Join(dir, "profile")}
	cmd := exec.CommandContext(ctx, chromium, append(base, args...)...)
	cmd.Env = append(os.Environ(), "HOME="+dir, "XDG_CONFIG_HOME="+dir, "XDG_CACHE_HOME="+dir)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("chromium %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// barColour is the bars' colour as the page draws them
// (tui/cli/report_svg.go); the dashed line at 150 is the only red.
var barColour = color.RGBA{0x4f, 0x6f, 0x96, 0xff}

// reddish reports whether c is the 150 line's red, or the red blended
// with the plot's grey where the line's edge falls between two pixels.
func reddish(c color.Color) bool {
	r, g, b, _ := c.RGBA()
	return int(r>>8)-int(g>>8) > 60 && int(r>>8)-int(b>>8) > 60
}

// near reports whether c is within tol of want in every channel.
func near(c color.Color, want color.RGBA, tol int) bool {
	r, g, b, _ := c.RGBA()
	d := func(x uint32, y uint8) bool { v := int(x>>8) - int(y); return v <= tol && v >= -tol }
	return d(r, want.R) && d(g, want.G) && d(b, want.B)
}

// checkBars finds the bar chart in the screenshot (the grey plot around
// its bars) and checks each week's bar: centred in its slot, as tall
// against the 150 line as its minutes, and no bar in a week of none.
func checkBars(t *testing.T, img image.Image, minutes []float64) {
	t.Helper()
	plot, ok := plotAround(img)
	if !ok {
		t.Fatal("no bar of the chart's colour in the screenshot")
	}
	slot := float64(plot.Dx()) / float64(len(minutes))
	type bar struct{ top, bottom, left, right int }
	bars := make([]*bar, len(minutes))
	baseline := 0
	for i := range minutes {
		cx := plot.Min.X + int((float64(i)+0.5)*slot)
		for y := plot.Min.Y; y < plot.Max.Y; y++ {
			if !near(img.At(cx, y), barColour, 6) {
				continue
			}
			if bars[i] == nil {
				bars[i] = &bar{top: y}
			}
			bars[i].bottom = y
		}
		if b := bars[i]; b != nil {
			for b.left = cx; near(img.At(b.left-1, b.bottom), barColour, 6); b.left-- {
			}
			for b.right = cx; near(img.At(b.right+1, b.bottom), barColour, 6); b.right++ {
			}
			baseline = max(baseline, b.bottom)
		}
	}
	y150, ok := guideRow(img, plot, slot)
	if !ok {
		t.Fatal("no dashed 150 line in the chart")
	}
	perMinute := (float64(baseline+1) - y150) / 150
	for i, m := range minutes {
		b := bars[i]
		switch {
		case m == 0 && b != nil:
			t.Errorf("week %d had no active minutes, but has a bar %d px tall", i+1, b.bottom-b.top+1)
		case m == 0:
		case b == nil:
			t.Errorf("week %d had %.0f active minutes, but has no bar", i+1, m)
		default:
			if h, want := float64(b.bottom-b.top+1), m*perMinute; h < want-2 || h > want+2 {
				t.Errorf("week %d's bar is %.0f px tall; %.0f minutes against the 150 line make %.1f px", i+1, h, m, want)
			}
			centre, want := float64(b.left+b.right+1)/2, float64(plot.Min.X)+(float64(i)+0.5)*slot
			if centre < want-2 || centre > want+2 {
				t.Errorf("week %d's bar is centred at x=%.1f, its slot at %.1f", i+1, centre, want)
			}
		}
	}
}

// plotAround is the chart's plot: the pixels that are not white, connected
// to the first pixel of a bar's colour.
func plotAround(img image.Image) (image.Rectangle, bool) {
	bounds := img.Bounds()
	var seed image.Point
	found := false
	for y := bounds.Min.Y; y < bounds.Max.Y && !found; y++ {
		for x := bounds.Min.X; x < bounds.Max.X && !found; x++ {
			if near(img.At(x, y), barColour, 6) {
				seed, found = image.Pt(x, y), true
			}
		}
	}
	if !found {
		return image.Rectangle{}, false
	}
	white := func(p image.Point) bool {
		r, g, b, _ := img.At(p.X, p.Y).RGBA()
		return r>>8 >= 250 && g>>8 >= 250 && b>>8 >= 250
	}
	seen := map[image.Point]bool{seed: true}
	queue := []image.Point{seed}
	box := image.Rectangle{Min: seed, Max: seed.Add(image.Pt(1, 1))}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		box = box.Union(image.Rectangle{Min: p, Max: p.Add(image.Pt(1, 1))})
		for _, d := range []image.Point{{1, 0}, {-1, 0}, {0, 1}, {0, -1}} {
			q := p.Add(d)
			if q.In(bounds) && !seen[q] && !white(q) {
				seen[q] = true
				queue = append(queue, q)
			}
		}
	}
	return box, true
}

// guideRow is the middle of the 150 line, read in the first slot's gap
// before its bar, where nothing else crosses it.
func guideRow(img image.Image, plot image.Rectangle, slot float64) (float64, bool) {
	for x := plot.Min.X + 2; x < plot.Min.X+int(slot*0.15); x++ {
		first, last := -1, -1
		for y := plot.Min.Y; y < plot.Max.Y; y++ {
			if reddish(img.At(x, y)) {
				if first < 0 {
					first = y
				}
				last = y
			}
		}
		if first >= 0 {
			return float64(first+last+1) / 2, true
		}
	}
	return 0, false
}

// What a crafted file holds (hostile_journey_test.go) reaches no report
// as it is: every name, note and reason goes through the sanitiser.
func TestReportShowsACraftedFileAsMarks(t *testing.T) {
	env := newEnv(t)
	hostileFile(t, env.DB)
	for _, f := range []string{"text", "md", "html"} {
		out := mustTend(t, env, "report", "--format", f, "--notes")
		if found := hostileIn(out); len(found) > 0 {
			t.Errorf("--format %s printed %v raw:\n%s", f, found, out)
		}
		if !strings.Contains(out, "Walk") || !strings.Contains(out, "fine") {
			t.Errorf("--format %s lost the goal or its note:\n%s", f, out)
		}
	}
}
