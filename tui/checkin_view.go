package tui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"tend/coach"
)

// submit turns the answers into what to save: a change to the day's
// check-in on the Day screen, else an entry, asking first when a second
// session would make more than double the day's target.
func (s checkInScreen) submit(confirmed bool) (checkInScreen, tea.Cmd) {
	a, err := s.amountValue()
	if err != nil {
		s.problem = err.Error()
		return s.focus(askAmount)
	}
	note, err := coach.CleanNote(s.note.Value())
	if err != nil {
		s.problem = PlainError(err)
		return s.focus(askNote)
	}
	e := coach.Entry{Day: s.item.Day, Outcome: s.outcomeValue(), Amount: a,
		Effort: coach.Efforts[s.effort], Pain: coach.Pains[s.pain],
		MoodBefore: moodPtr(s.moodBefore), MoodAfter: moodPtr(s.moodAfter), Note: note, Full: s.full}
	if s.edit {
		if e.Outcome.ShowedUp() {
			e.Amount = s.sessionAmount(a)
		}
		s.saving = true
		return s, send(editCheckInMsg{goalID: s.item.Goal.ID, day: s.item.Day, entry: e})
	}
	if prev := s.item.CheckIn; prev != nil && !confirmed && e.Outcome.ShowedUp() {
		if total, over := coach.SameDayTotal(*prev, s.sessionAmount(a)); over {
			s.asking = fmt.Sprintf("That makes %s for %s, more than double the %s target. Save it anyway?",
				coach.Amount(total, s.item.Plan.Unit), dayWords(s.item.Day, s.today), coach.Amount(prev.Target, s.item.Plan.Unit))
			return s, nil
		}
	}
	s.saving = true
	return s, send(submitCheckInMsg{goalID: s.item.Goal.ID, entry: e, prev: s.item.CheckIn})
}

// sessionAmount is what a session adds: the amount typed, or the target
// that a plain "done" or "minimum" stands for.
func (s checkInScreen) sessionAmount(a float64) float64 {
	switch {
	case a > 0:
		return a
	case s.outcomeValue() == coach.Minimum:
		return s.item.Plan.Minimum.Target
	case s.edit && s.item.CheckIn != nil && s.item.CheckIn.Target > 0:
		return s.item.CheckIn.Target // the day's own target, not today's
	}
	return s.item.Session.Target
}

// amountValue reads the amount: required after "part" (how far?); on the
// Day screen empty is the target, as a plain "done" is.
func (s checkInScreen) amountValue() (float64, error) {
	o := s.outcomeValue()
	if o != coach.Partial && !(s.edit && o.ShowedUp()) {
		return 0, nil
	}
	if s.edit && o != coach.Partial && strings.TrimSpace(s.amount.Value()) == "" {
		return 0, nil
	}
	v, err := coach.ParseAmount(s.amount.Value())
	if err != nil || v <= 0 {
		return 0, fmt.Errorf("type how much you did, as a number like 6")
	}
	return v, nil
}

func (s checkInScreen) onMood() bool { return s.q == askMoodBefore || s.q == askMoodAfter }

func (s checkInScreen) choose(d int) checkInScreen {
	wrapAt := func(i, n int) int { return (i + d + n) % n }
	switch s.q {
	case askOutcome:
		s.outcome = wrapAt(s.outcome, len(outcomeWords))
	case askEffort:
		s.effort = wrapAt(s.effort, len(effortWords))
	case askPain:
		s.pain = wrapAt(s.pain, len(painWords))
	case askMoodBefore:
		s.moodBefore = wrapAt(s.moodBefore+1, coach.MoodMax+2) - 1
	case askMoodAfter:
		s.moodAfter = wrapAt(s.moodAfter+1, coach.MoodMax+2) - 1
	case askAmount, askNote:
	}
	return s
}

// typeMood takes a typed digit: it sets the mood, and a digit right after
// another on the same row makes two, so 10 is typed "1" then "0". [D]
func (s checkInScreen) typeMood(d int) checkInScreen {
	cur, v := s.mood(), d
	if s.typed && cur >= 0 && cur*10+d <= coach.MoodMax {
		v = cur*10 + d
	}
	s.typed = true
	return s.setMood(v)
}

// mood is the answer of the mood row being asked.
func (s checkInScreen) mood() int {
	if s.q == askMoodBefore {
		return s.moodBefore
	}
	return s.moodAfter
}

func (s checkInScreen) setMood(v int) checkInScreen {
	if s.q == askMoodBefore {
		s.moodBefore = v
	} else {
		s.moodAfter = v
	}
	return s
}

func moodPtr(m int) *int {
	if m < 0 {
		return nil
	}
	return &m
}

func (s checkInScreen) View(width, height int, st Styles) string {
	rows := []string{st.Title.Render(ansi.Truncate(s.title, width, "…")), ""}
	// What the form has to say goes under it, and is given its room first:
	// in a small window a refused answer must still say why.
	var said []string
	switch {
	case s.asking != "":
		said = styledLines(wrap(s.asking, width), st.Warning)
	case s.problem != "":
		said = styledLines(wrap(s.problem, width), st.Error)
	case s.saving:
		said = []string{st.Muted.Render("Saving…")}
	}
	if len(said) > 0 {
		said = append([]string{""}, said...)
	}
	// Scroll so that the question being asked is always on screen.
	var form []string
	at, size := 0, 1
	for _, q := range s.questions() {
		r := s.row(q, width, st)
		if q == s.q {
			at, size = len(form), len(r)
		}
		form = append(form, r...)
	}
	// The question's label and answers whole, with the one after it where
	// there is room.
	if room := max(1, height-len(rows)-len(said)); at+size+1 > room {
		form = form[max(0, min(at, at+size+1-room)):]
	}
	rows = append(rows, form...)
	if len(said) > 0 && len(rows)+len(said) > height {
		rows = rows[:max(0, height-len(said))]
	}
	return strings.Join(append(rows, said...), "\n")
}

func styledLines(lines []string, style lipgloss.Style) []string {
	for i, l := range lines {
		lines[i] = style.Render(l)
	}
	return lines
}

// row draws one question: its label, then its answers with the chosen one
// marked, wrapping the answers under the label when the width is small.
func (s checkInScreen) row(q question, width int, st Styles) []string {
	label, answers, chosen := s.rowParts(q)
	focused := q == s.q
	line := choiceRow(label, answers, chosen, focused, st)
	switch q {
	case askAmount:
		// The unit beside the number, so "how far?" is never a bare 0.2.
		in, shown := s.amount, s.amount.Value()
		if shown == "" {
			shown = in.Placeholder
		}
		in.Width = max(1, lipgloss.Width(shown)) // no padding between the number and its unit
		line = fieldRow(label, in.View()+" "+s.item.Plan.Unit.String(), focused, st)
	case askNote:
		in := s.note
		in.Width = max(4, width-lipgloss.Width(pointerFor(focused, st)+labelColumn(label))-1)
		line = fieldRow(label, in.View(), focused, st)
	case askOutcome, askEffort, askPain, askMoodBefore, askMoodAfter:
	}
	if lipgloss.Width(line) <= width {
		return []string{line}
	}
	if q == askNote || q == askAmount {
		return []string{ansi.Truncate(line, width, "…")}
	}
	out := []string{pointerFor(focused, st) + label}
	// Each answer stays whole on its line ("chest pain/dizzy/faint" too).
	for _, l := range packItems(answerParts(answers, chosen, st), width-4) {
		out = append(out, "    "+l)
	}
	return out
}

func (s checkInScreen) rowParts(q question) (label string, answers []string, chosen int) {
	switch q {
	case askOutcome:
		return "Did it happen?", outcomeWords, s.outcome
	case askAmount:
		if s.edit {
			return "How much?", nil, -1
		}
		return "How far?", nil, -1
	case askEffort:
		return "How did it feel?", effortWords, s.effort
	case askPain:
		return "Any pain?", painWords, s.pain
	case askMoodBefore:
		return "Mood before", []string{moodWord(s.moodBefore)}, 0
	case askMoodAfter:
		return "Mood after", []string{moodWord(s.moodAfter)}, 0
	case askNote:
		return "Note, optional", nil, -1
	}
	return "", nil, -1
}

func moodWord(m int) string {
	if m < 0 {
		return "–"
	}
	return strconv.Itoa(m)
}

// hint is the muted line under the form that explains the current choice.
func (s checkInScreen) hint() string {
	switch s.q {
	case askEffort:
		if h := coach.EffortHint(s.item.Plan, coach.Efforts[s.effort]); h != "" {
			return effortWords[s.effort] + ": " + h
		}
	case askPain:
		if coach.Pains[s.pain] == coach.PainWarning {
			return "If you have chest pain, feel faint or very breathless, stop now and get medical advice."
		}
		if h := coach.PainHint(coach.Pains[s.pain]); h != "" {
			return painWords[s.pain] + ": " + h
		}
	case askMoodBefore, askMoodAfter:
		return "Optional: type 0–10 (1 then 0 is 10) or use ←/→; ⌫ skips it."
	case askNote:
		return "Optional: one line about the day. enter saves."
	case askAmount:
		if s.edit {
			return "The amount done, in " + s.item.Plan.Unit.String() + "; below the target it counts as part."
		}
	case askOutcome:
	}
	return ""
}

func (s checkInScreen) ShortHelp() []key.Binding {
	if s.asking != "" {
		return []key.Binding{s.keys.Confirm, key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "not now"))}
	}
	qs := s.questions()
	if s.q == qs[len(qs)-1] {
		return []key.Binding{key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "save")), s.keys.Prev, s.keys.Cancel}
	}
	// ←/→ before ctrl+s: choosing is the only way past the defaults, and
	// enter alone already saves at the end.
	keys := []key.Binding{s.keys.Next, s.keys.Left, s.keys.Save}
	if s.onMood() {
		keys = append(keys, key.NewBinding(key.WithKeys("0"), key.WithHelp("0–10", "type")))
	}
	return append(keys, s.keys.Cancel)
}

func (s checkInScreen) FullHelp() [][]key.Binding {
	if s.asking != "" {
		return [][]key.Binding{s.ShortHelp()}
	}
	prev := s.keys.Prev
	prev.SetEnabled(s.step(-1) != s.q) // nothing before the first question
	clear := s.keys.Clear
	clear.SetEnabled(s.onMood() && s.mood() >= 0)
	return [][]key.Binding{{s.keys.Next, prev, s.keys.Left, s.keys.Save, clear, s.keys.Cancel}}
}

// dayWords names a day for a sentence: "today", "yesterday" or its date.
func dayWords(d, today coach.Day) string {
	switch today.DaysSince(d) {
	case 0:
		return "today"
	case 1:
		return "yesterday"
	}
	_, m, dd := d.Date()
	return fmt.Sprintf("%s %d %s", d.Weekday(), dd, m)
}

// dayPossessive is dayWords for "adding to today's 20 min".
func dayPossessive(d, today coach.Day) string { return dayWords(d, today) + "'s" }
