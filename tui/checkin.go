package tui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"tend/coach"
)

// question is one row of the check-in form.
type question int

const (
	askOutcome question = iota
	askAmount           // only after "part"
	askEffort
	askPain
	askMoodBefore
	askMoodAfter
)

// checkInScreen asks at most four quick questions (COACH §6.2), each with a
// default, so Enter alone moves through it and saves.
type checkInScreen struct {
	keys       checkInKeys
	item       coach.Today
	q          question
	outcome    int // index into coach.Outcomes
	effort     int // index into coach.Efforts
	pain       int // index into coach.Pains
	moodBefore int // -1: skipped
	moodAfter  int
	amount     textinput.Model
	problem    string // why the amount was not taken
	saving     bool
	full       bool // the full session, not the in-between one offered
	title      string
}

// submitCheckInMsg asks the root to save the form's answers.
type submitCheckInMsg struct {
	goalID uint64
	entry  coach.Entry
}

var (
	outcomeWords = []string{"done", "part", "minimum", "rest", "unwell", "away"}
	effortWords  = []string{"easy", "ok", "hard"}
	effortHints  = []string{"could chat or sing", "sentences, not songs", "a few words at a time"}
	painWords    = []string{"none", "soreness", "pain", "chest pain/dizzy/faint"}
)

func newCheckIn(item coach.Today, o coach.Outcome, full bool) checkInScreen {
	session := item.Session
	title := item.Goal.Name + " · " + item.Text
	if item.Done() {
		// A second check-in the same day adds to the first (a split session).
		title = fmt.Sprintf("%s · adding to today's %s", item.Goal.Name, coach.Amount(item.CheckIn.Achieved, item.Plan.Unit))
	}
	if full {
		offer := item.Offer
		offer.Bridge, offer.BridgeTarget = false, 0
		session = coach.Offered(offer, item.Plan)
		title = item.Goal.Name + " · the full session: " + coach.SessionWords(item.Plan, session)
	}
	in := newInput()
	// The number alone: the unit is drawn beside the field.
	in.Placeholder = strings.TrimSuffix(coach.Amount(session.Target, item.Plan.Unit), " "+item.Plan.Unit.String())
	in.CharLimit = 8
	in.Prompt = ""
	in.Width = 10
	s := checkInScreen{keys: defaultCheckInKeys(), item: item, effort: 1, moodBefore: -1, moodAfter: -1, amount: in,
		full: full, title: title}
	s.outcome = int(o - coach.Done)
	return s
}

// editing reports whether a text input has focus: then every key but
// ctrl+c, enter and esc belongs to it.
func (s checkInScreen) editing() bool { return s.q == askAmount }

func (s checkInScreen) outcomeValue() coach.Outcome { return coach.Outcomes[s.outcome] }

// questions lists the rows asked for the chosen outcome: after rest, unwell
// or away nothing more is asked.
func (s checkInScreen) questions() []question {
	o := s.outcomeValue()
	switch {
	case o.Skips():
		return []question{askOutcome}
	case o == coach.Partial:
		return []question{askOutcome, askAmount, askEffort, askPain, askMoodBefore, askMoodAfter}
	}
	return []question{askOutcome, askEffort, askPain, askMoodBefore, askMoodAfter}
}

func (s checkInScreen) Update(msg tea.Msg) (checkInScreen, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok || s.saving {
		return s, nil
	}
	switch {
	case key.Matches(k, s.keys.Cancel):
		return s, send(closeScreenMsg{})
	case s.editing() && k.Type != tea.KeyEnter && k.Type != tea.KeyTab && k.Type != tea.KeyShiftTab:
		var cmd tea.Cmd
		s.amount, cmd = s.amount.Update(k)
		s.problem = ""
		return s, cmd
	case key.Matches(k, s.keys.Next):
		return s.next()
	case key.Matches(k, s.keys.Prev):
		s.q = s.step(-1)
	case key.Matches(k, s.keys.Left):
		s = s.choose(-1)
	case key.Matches(k, s.keys.Right):
		s = s.choose(+1)
	}
	return s, nil
}

// step returns the question d rows from the current one, within the form.
func (s checkInScreen) step(d int) question {
	qs := s.questions()
	for i, q := range qs {
		if q == s.q {
			return qs[max(0, min(len(qs)-1, i+d))]
		}
	}
	return qs[0]
}

func (s checkInScreen) next() (checkInScreen, tea.Cmd) {
	if s.q == askAmount {
		if _, err := s.amountValue(); err != nil {
			s.problem = err.Error()
			return s, nil
		}
		s.amount.Blur()
	}
	qs := s.questions()
	if s.q == qs[len(qs)-1] {
		a, _ := s.amountValue()
		s.saving = true
		return s, send(submitCheckInMsg{goalID: s.item.Goal.ID, entry: coach.Entry{
			Day: s.item.Day, Outcome: s.outcomeValue(), Amount: a,
			Effort: coach.Efforts[s.effort], Pain: coach.Pains[s.pain],
			MoodBefore: moodPtr(s.moodBefore), MoodAfter: moodPtr(s.moodAfter), Full: s.full,
		}})
	}
	s.q = s.step(+1)
	if s.q == askAmount {
		return s, s.amount.Focus()
	}
	return s, nil
}

// amountValue reads the "how far?" answer: a plain number, more than 0.
func (s checkInScreen) amountValue() (float64, error) {
	if s.outcomeValue() != coach.Partial {
		return 0, nil
	}
	v, err := coach.ParseAmount(s.amount.Value())
	if err != nil || v <= 0 {
		return 0, fmt.Errorf("type how much you did, as a number like 6")
	}
	return v, nil
}

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
	case askAmount:
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
	if room := max(1, height-len(rows)); at+size+1 > room {
		form = form[max(0, min(at, at+size+1-room)):]
	}
	rows = append(rows, form...)
	if s.problem != "" {
		rows = append(rows, "", st.Error.Render(s.problem))
	}
	if s.saving {
		rows = append(rows, "", st.Muted.Render("Saving…"))
	}
	return strings.Join(rows, "\n")
}

// row draws one question: its label, then its answers with the chosen one
// marked, wrapping the answers under the label when the width is small.
func (s checkInScreen) row(q question, width int, st Styles) []string {
	label, answers, chosen := s.rowParts(q)
	focused := q == s.q
	line := choiceRow(label, answers, chosen, focused, st)
	if q == askAmount {
		// The unit beside the number, so "how far?" is never a bare 0.2.
		in, shown := s.amount, s.amount.Value()
		if shown == "" {
			shown = in.Placeholder
		}
		in.Width = max(1, lipgloss.Width(shown)) // no padding between the number and its unit
		line = fieldRow(label, in.View()+" "+s.item.Plan.Unit.String(), focused, st)
	}
	if lipgloss.Width(line) <= width {
		return []string{line}
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
		return "How far?", nil, -1
	case askEffort:
		return "How did it feel?", effortWords, s.effort
	case askPain:
		return "Any pain?", painWords, s.pain
	case askMoodBefore:
		return "Mood before", []string{moodWord(s.moodBefore)}, 0
	case askMoodAfter:
		return "Mood after", []string{moodWord(s.moodAfter)}, 0
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
		return effortWords[s.effort] + ": " + effortHints[s.effort]
	case askPain:
		if coach.Pains[s.pain] == coach.PainWarning {
			return "If you have chest pain, feel faint or very breathless, stop now and get medical advice."
		}
	case askMoodBefore, askMoodAfter:
		return "Optional: ←/→ sets 0–10; enter with – skips it."
	case askOutcome, askAmount:
	}
	return ""
}

func (s checkInScreen) ShortHelp() []key.Binding {
	return []key.Binding{s.keys.Next, s.keys.Left, s.keys.Cancel}
}

func (s checkInScreen) FullHelp() [][]key.Binding {
	prev := s.keys.Prev
	prev.SetEnabled(s.step(-1) != s.q) // nothing before the first question
	return [][]key.Binding{{s.keys.Next, prev, s.keys.Left, s.keys.Cancel}}
}
