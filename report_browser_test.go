package main

// The report's HTML in a real headless browser: what the page draws is
// checked in its pixels (report_journey_test.go makes the history).

import (
	"context"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

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
