package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"

	"tend/coach"
)

// The help bar and the full help. A screen's ShortHelp lists its keys
// ranked, the one that matters most first; the bar shows as many as the
// width holds, in that order, then "…" when some were left out, then the
// way to the full help. The full help lists every enabled key, one a line
// where the window is narrow, and scrolls: nothing is ever cut.

const (
	barSep   = " · "
	barMore  = "…"
	helpIndt = 2 // the indent of a key under its group
)

// enabledKeys keeps the bindings that can do something now and say so.
func enabledKeys(keys []key.Binding) []key.Binding {
	var out []key.Binding
	for _, k := range keys {
		if k.Enabled() && k.Help().Key != "" {
			out = append(out, k)
		}
	}
	return out
}

// helpBar draws ranked screen keys, then tail: tail[0] (the way to the full
// help, which lists everything) always shows; the rest of tail (the way
// out of tend) ranks at quitRank among the screen's keys. Keys that do not
// fit are left out from the end of the ranking, and "…" says so.
func helpBar(ranked, tail []key.Binding, quitRank, width int, st Styles) string {
	ranked, tail = enabledKeys(ranked), enabledKeys(tail)
	item := func(k key.Binding) string {
		return st.Selected.Render(k.Help().Key) + " " + st.Muted.Render(k.Help().Desc)
	}
	var must []key.Binding
	if len(tail) > 0 {
		must, tail = tail[:1], tail[1:]
	}
	// The ranking with the way out in its place.
	at := min(quitRank, len(ranked))
	order := append(append(append([]key.Binding{}, ranked[:at]...), tail...), ranked[at:]...)
	draw := func(n int) string {
		var parts, outs []string
		for _, k := range order[:n] {
			if isIn(k, tail) {
				outs = append(outs, item(k))
				continue
			}
			parts = append(parts, item(k))
		}
		if n < len(order) {
			parts = append(parts, st.Muted.Render(barMore))
		}
		for _, k := range must {
			parts = append(parts, item(k))
		}
		return strings.Join(append(parts, outs...), st.Muted.Render(barSep))
	}
	for n := len(order); n > 0; n-- {
		if out := draw(n); lipgloss.Width(out) <= width {
			return out
		}
	}
	return ansiCut(draw(0), width)
}

func isIn(k key.Binding, keys []key.Binding) bool {
	for _, o := range keys {
		if o.Help() == k.Help() {
			return true
		}
	}
	return false
}

// fullHelpLines lists every enabled key of the groups, each group a column
// where the width allows them side by side, else one under another.
func fullHelpLines(groups [][]key.Binding, width int, st Styles) []string {
	var cols [][]string
	for _, g := range groups {
		keys := enabledKeys(g)
		if len(keys) == 0 {
			continue
		}
		keyW := 0
		for _, k := range keys {
			keyW = max(keyW, lipgloss.Width(k.Help().Key))
		}
		var col []string
		for _, k := range keys {
			pad := strings.Repeat(" ", keyW-lipgloss.Width(k.Help().Key)+1)
			desc := wrap(k.Help().Desc, max(8, width-keyW-1-helpIndt))
			col = append(col, st.Selected.Render(k.Help().Key)+pad+st.Muted.Render(desc[0]))
			for _, d := range desc[1:] {
				col = append(col, strings.Repeat(" ", keyW+1)+st.Muted.Render(d))
			}
		}
		cols = append(cols, col)
	}
	// Side by side when every column fits, with two cells between them.
	total := 0
	for _, c := range cols {
		total += colWidth(c) + 3
	}
	if total <= width {
		var out []string
		for _, c := range cols {
			out = joinColumns(out, c, 3)
		}
		return out
	}
	var out []string
	for i, c := range cols {
		if i > 0 {
			out = append(out, "")
		}
		out = append(out, c...)
	}
	return out
}

func colWidth(lines []string) int {
	w := 0
	for _, l := range lines {
		w = max(w, lipgloss.Width(l))
	}
	return w
}

// joinColumns puts col to the right of left, gap cells apart.
func joinColumns(left, col []string, gap int) []string {
	if len(left) == 0 {
		return append([]string{}, col...)
	}
	w := colWidth(left)
	out := make([]string, max(len(left), len(col)))
	for i := range out {
		l, r := "", ""
		if i < len(left) {
			l = left[i]
		}
		if i < len(col) {
			r = col[i]
		}
		if r == "" {
			out[i] = l
			continue
		}
		out[i] = l + strings.Repeat(" ", w-lipgloss.Width(l)+gap) + r
	}
	return out
}

// helpLines is the whole of the full help for the active screen: the care
// note first, so it is always one key away, then the keys.
func (m Model) helpLines(width int) []string {
	groups := append(m.activeKeys().FullHelp(), m.globalHelpKeys())
	lines := []string{}
	for _, l := range wrap(coach.MsgO1, width) {
		lines = append(lines, m.deps.Styles.Muted.Render(l))
	}
	lines = append(lines, "")
	lines = append(lines, fullHelpLines(groups, width, m.deps.Styles)...)
	return append(lines, m.dayStartLines(width)...)
}

// globalHelpKeys are the keys every screen has, as the full help lists them.
func (m Model) globalHelpKeys() []key.Binding {
	switch {
	case m.editing():
		return []key.Binding{m.keys.ForceQuit}
	case m.screen == screenSession:
		return []key.Binding{m.keys.Help, m.keys.ForceQuit} // q stops the session
	}
	return []key.Binding{m.keys.Help, m.keys.Quit, m.keys.ForceQuit}
}

// helpKeysNow are the full help's own keys, enabled from its length.
func (m Model) helpKeysNow() helpKeys {
	k := defaultHelpKeys()
	scrolls := len(m.helpLines(m.width-2)) > m.bodyHeight()
	k.Up.SetEnabled(scrolls)
	k.Down.SetEnabled(scrolls)
	k.Later.SetEnabled(m.deps.SetDayStart != nil)
	k.Earlier.SetEnabled(m.deps.SetDayStart != nil)
	return k
}

// bodyHeight is the room between the header and the footer. The help bar
// is always one line, so this never depends on which keys it shows.
func (m Model) bodyHeight() int {
	return max(0, m.height-lipgloss.Height(m.headerView())-len(m.footerLines())-2)
}
