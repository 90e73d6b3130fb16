package tui

import (
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"tend/coach"
)

// question is one row of the check-in form.
type question int

const (
	askOutcome question = iota
	askAmount           // after "part", and on the Day screen for any session
	askEffort
	askPain
	askMoodBefore
	askMoodAfter
	askNote // always last: Enter on it saves
)

// checkInScreen asks at most four quick questions and an optional note
// (COACH §6.2), each with a default, so Enter alone moves through it and
// saves; ctrl+s saves at once with what is chosen so far. On the Day screen
// the same form changes the day's check-in instead of adding one (edit).
type checkInScreen struct {
	keys       checkInKeys
	item       coach.Today
	q          question
	outcome    int // index into coach.Outcomes
	effort     int // index into coach.Efforts
	pain       int // index into coach.Pains
	moodBefore int // -1: skipped
	moodAfter  int
	typed      bool // the last key was a digit on this mood row, so "1" then "0" is 10
	amount     textinput.Model
	note       textinput.Model
	problem    string // why an answer was not taken
	asking     string // the question before saving more than double the target
	saving     bool
	full       bool // the full session, not the in-between one offered
	edit       bool // changing the day's check-in, not adding to it
	title      string
	today      coach.Day // the clock's day, for "today's" or a date in words
}

// submitCheckInMsg asks the root to save the form's answers. prev is the
// day's check-in the entry adds to, if there is one.
type submitCheckInMsg struct {
	goalID uint64
	entry  coach.Entry
	prev   *coach.CheckIn
}

// editCheckInMsg asks the root to change a day's check-in to the answers.
type editCheckInMsg struct {
	goalID uint64
	day    coach.Day
	entry  coach.Entry // the answers; Amount 0 keeps a session's amount
}

var (
	outcomeWords = []string{"done", "part", "minimum", "rest", "unwell", "away"}
	effortWords  = []string{"easy", "ok", "hard"}
	painWords    = []string{"none", "soreness", "pain", "chest pain/dizzy/faint"}
)

func newCheckIn(item coach.Today, o coach.Outcome, full bool) checkInScreen {
	session := item.Session
	title := item.Goal.Name + " · " + item.Text
	if full {
		offer := item.Offer
		offer.Bridge, offer.BridgeTarget = false, 0
		session = coach.Offered(offer, item.Plan)
		title = item.Goal.Name + " · the full session: " + coach.SessionWords(item.Plan, session)
	}
	s := checkInScreen{keys: defaultCheckInKeys(), item: item, effort: 1, moodBefore: -1, moodAfter: -1,
		amount: amountInput(amountNumber(session.Target)), note: noteInput(), full: full, title: title}
	s.outcome = int(o - coach.Done)
	return s.on(item.Day)
}

// on sets the clock's day, which the words for the form's day depend on.
func (s checkInScreen) on(today coach.Day) checkInScreen {
	s.today = today
	if s.item.Done() && !s.full && !s.edit {
		// A second check-in the same day adds to the first (a split session).
		s.title = fmt.Sprintf("%s · adding to %s %s", s.item.Goal.Name, dayPossessive(s.item.Day, today),
			coach.Amount(s.item.CheckIn.Achieved, s.item.Plan.Unit))
	}
	return s
}

// newCheckInEdit is the form filled in with a day's check-in, to change it.
func newCheckInEdit(item coach.Today, c coach.CheckIn) checkInScreen {
	s := newCheckIn(item, c.Outcome, false)
	s.edit, s.title = true, item.Goal.Name
	s.effort, s.pain = indexOf(coach.Efforts, c.Effort, 1), indexOf(coach.Pains, c.Pain, 0)
	s.moodBefore, s.moodAfter = moodIndex(c.MoodBefore), moodIndex(c.MoodAfter)
	s.amount.Placeholder = amountNumber(c.Target)
	if c.Outcome.ShowedUp() {
		s.amount.SetValue(amountNumber(c.Achieved))
	}
	s.note.SetValue(c.Note)
	return s
}

// amountInput is the amount field; the placeholder is the number alone,
// since the unit is drawn beside the field.
func amountInput(placeholder string) textinput.Model {
	in := newInput()
	in.Placeholder, in.CharLimit, in.Prompt, in.Width = placeholder, 8, "", 10
	return in
}

func noteInput() textinput.Model {
	in := newInput()
	in.Placeholder, in.CharLimit, in.Prompt, in.Width = "–", coach.MaxNoteLen, "", 40
	return in
}

func indexOf[T comparable](xs []T, x T, def int) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	return def
}

func moodIndex(m *int) int {
	if m == nil {
		return -1
	}
	return *m
}

// editing reports whether a text input has focus: then every key but
// ctrl+c, ctrl+s, esc and the keys that leave the field (enter, tab, ↑/↓)
// belongs to it.
func (s checkInScreen) editing() bool { return s.q == askAmount || s.q == askNote }

func (s checkInScreen) outcomeValue() coach.Outcome { return coach.Outcomes[s.outcome] }

// questions lists the rows asked for the chosen outcome: after rest, unwell
// or away only the note; on the Day screen every session shows its amount.
func (s checkInScreen) questions() []question {
	o := s.outcomeValue()
	switch {
	case o.Skips():
		return []question{askOutcome, askNote}
	case o == coach.Partial || s.edit:
		return []question{askOutcome, askAmount, askEffort, askPain, askMoodBefore, askMoodAfter, askNote}
	}
	return []question{askOutcome, askEffort, askPain, askMoodBefore, askMoodAfter, askNote}
}

func (s checkInScreen) Update(msg tea.Msg) (checkInScreen, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok || s.saving {
		return s, nil
	}
	if s.asking != "" {
		return s.answerAsk(k)
	}
	typed := s.typed
	s.typed = false
	switch {
	case key.Matches(k, s.keys.Cancel):
		return s, send(closeScreenMsg{})
	case key.Matches(k, s.keys.Save):
		return s.submit(false)
	case s.editing() && !leavesField(k):
		return s.typeInto(k)
	case key.Matches(k, s.keys.Next):
		return s.next()
	case key.Matches(k, s.keys.Prev):
		return s.focus(s.step(-1))
	case key.Matches(k, s.keys.Left):
		s = s.choose(-1)
	case key.Matches(k, s.keys.Right):
		s = s.choose(+1)
	case s.onMood() && key.Matches(k, s.keys.Clear):
		s = s.setMood(-1)
	case s.onMood() && digits(k):
		// Fast typing may bring "1" and "0" in one message.
		s.typed = typed
		for _, r := range k.Runes {
			s = s.typeMood(int(r - '0'))
		}
	}
	return s, nil
}

// digits reports whether a key is typed digits only.
func digits(k tea.KeyMsg) bool {
	if k.Type != tea.KeyRunes || len(k.Runes) == 0 {
		return false
	}
	for _, r := range k.Runes {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// leavesField reports whether a key moves out of a one-line text field
// rather than into it: the field has no use for it.
func leavesField(k tea.KeyMsg) bool {
	switch k.Type {
	case tea.KeyEnter, tea.KeyTab, tea.KeyShiftTab, tea.KeyUp, tea.KeyDown:
		return true
	}
	return false
}

// typeInto gives a key to the text field that has focus.
func (s checkInScreen) typeInto(k tea.KeyMsg) (checkInScreen, tea.Cmd) {
	var cmd tea.Cmd
	if s.q == askNote {
		s.note, cmd = s.note.Update(k)
	} else {
		s.amount, cmd = s.amount.Update(k)
	}
	s.problem = ""
	return s, cmd
}

// answerAsk takes the answer to "save more than double the target?".
func (s checkInScreen) answerAsk(k tea.KeyMsg) (checkInScreen, tea.Cmd) {
	switch {
	case key.Matches(k, s.keys.Confirm):
		s.asking = ""
		return s.submit(true)
	case key.Matches(k, s.keys.Cancel), k.String() == "n":
		s.asking = ""
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

// focus moves to question q, giving a text field the cursor.
func (s checkInScreen) focus(q question) (checkInScreen, tea.Cmd) {
	s.amount.Blur()
	s.note.Blur()
	s.q = q
	switch q {
	case askAmount:
		return s, s.amount.Focus()
	case askNote:
		return s, s.note.Focus()
	case askOutcome, askEffort, askPain, askMoodBefore, askMoodAfter:
	}
	return s, nil
}

func (s checkInScreen) next() (checkInScreen, tea.Cmd) {
	if s.q == askAmount {
		if _, err := s.amountValue(); err != nil {
			s.problem = err.Error()
			return s, nil
		}
	}
	qs := s.questions()
	if s.q == qs[len(qs)-1] {
		return s.submit(false)
	}
	return s.focus(s.step(+1))
}
