package coach

import "strings"

// Said is one sentence of COACH §6.6 as its template and the fields the
// template needs, so that a record can keep the fields (a few bytes) and the
// sentence is said again, in this tend's words, when it is shown. Words are
// the text fields (a step's label, a target in words, a plan's name), Nums
// the numbers (sessions, days, minutes, an effort).
type Said struct {
	Form  Form
	Words []string
	Nums  []float64
}

// Form names a sentence's template. The numbers are kept in files: append
// new forms, never renumber one.
type Form uint8

// The forms of the engine's sentences.
const (
	formNone          Form = iota
	FormText               // a sentence kept as its words: one with no template of its own
	formZ1                 // rest day
	formZ2                 // unwell
	formZ3                 // away
	formS1                 // a warning sign
	formP2                 // pain again: paused
	formP1                 // pain: a lighter next session (target)
	formP0                 // soreness is normal
	formZ4                 // runs back to back
	formH3                 // holding while a niggle settles
	formH1                 // same target (when, step; done, k)
	formH2                 // repeat after a hard one (step; plan domain)
	formMinimum            // the minimum counts (target)
	formEased              // the lighter session counts (target)
	formTop                // at the top of a plan (plan, target)
	formA2                 // finished the plan (plan, next plan or ""; sessions)
	formA1                 // level up (new step, old step; sessions, effort, warm-up 0/1)
	formNextVariant        // the next session of a level (target; n, of)
	formB1                 // a step back (target)
	formB2                 // an in-between step (bridge)
	formB3                 // the spike guard's bridge (; from, to minutes)
	formG0                 // welcome back, same level (step)
	formG12                // welcome back, a level or two down (step; days, sessions)
	formGentle             // welcome back with no sessions yet (step; days)
	formBackAfterMiss      // a session after missed ones (; missed)
	formH1Next             // same target, the next complete one moves on (when, step; k)
	formH4                 // keeping it up after graduation (target, plan)
	FormCount              // one past the last form
)

// arity is how many words and numbers each form takes.
var arity = [FormCount][2]int{
	FormText: {1, 0}, formZ1: {0, 0}, formZ2: {0, 0}, formZ3: {0, 0}, formS1: {0, 0}, formP2: {0, 0},
	formP1: {1, 0}, formP0: {0, 0}, formZ4: {0, 0}, formH3: {0, 0}, formH1: {2, 2}, formH2: {1, 1},
	formMinimum: {1, 0}, formEased: {1, 0}, formTop: {2, 0}, formA2: {2, 1}, formA1: {2, 3},
	formNextVariant: {1, 2}, formB1: {1, 0}, formB2: {1, 0}, formB3: {0, 2}, formG0: {1, 0}, formG12: {1, 2},
	formGentle: {1, 1}, formBackAfterMiss: {0, 1}, formH1Next: {2, 1}, formH4: {2, 0},
}

// Fields is how many words and numbers a form takes (none for a form this
// tend does not know).
func (f Form) Fields() (words, nums int) {
	if f >= FormCount {
		return 0, 0
	}
	return arity[f][0], arity[f][1]
}

// Valid reports whether s is a form this tend knows with the fields it
// takes, and numbers that are counts: what a decoder asks of a record.
func (s Said) Valid() bool {
	if s.Form == formNone || s.Form >= FormCount {
		return false
	}
	a := arity[s.Form]
	if len(s.Words) != a[0] || len(s.Nums) != a[1] {
		return false
	}
	for _, n := range s.Nums {
		if !(n >= 0 && n <= MaxCustomAmount) {
			return false
		}
	}
	return true
}

// fixedSentences are the forms whose sentence has no fields to fill in.
var fixedSentences = map[Form]string{formS1: msgS1, formP2: msgP2, formP0: msgP0, formZ4: msgZ4, formH3: msgH3}

// String says the sentence.
func (s Said) String() string {
	if !s.Valid() {
		return ""
	}
	w, n := s.Words, s.Nums
	i := func(k int) int { return int(n[k]) }
	if msg, ok := fixedSentences[s.Form]; ok {
		return msg
	}
	switch s.Form {
	case FormText:
		return w[0]
	case formZ1, formZ2, formZ3:
		_, msg := restMessage(map[Form]Outcome{formZ1: Rest, formZ2: Unwell, formZ3: Away}[s.Form])
		return msg
	case formP1:
		return msgP1(w[0])
	case formH1:
		return msgH1(w[0], w[1], i(0), i(1))
	case formH2:
		return msgH2(Plan{Domain: Domain(i(0))}, w[0])
	case formMinimum:
		return msgMinimumCounts(w[0])
	case formEased:
		return msgEasedCounts(w[0])
	case formTop:
		return msgTop(w[0], w[1])
	case formA2:
		var next *Plan
		if w[1] != "" {
			next = &Plan{Name: w[1]}
		}
		return msgA2(w[0], i(0), next)
	case formA1:
		return msgA1(w[0], w[1], i(0), Effort(i(1)), n[2] > 0)
	case formNextVariant:
		return msgNextVariant(w[0], i(0), i(1))
	case formB1:
		return msgB1(w[0])
	case formB2:
		return msgB2(w[0])
	case formB3:
		return msgB3(n[0], n[1])
	case formG0:
		return msgG0(w[0])
	case formG12:
		return msgG12(i(0), w[0], i(1))
	case formGentle:
		return msgGentleBack(i(0), w[0])
	case formBackAfterMiss:
		return msgBackAfterMissed(i(0))
	case formH1Next:
		return msgH1Next(w[0], w[1], i(0))
	case formH4:
		return msgH4(w[0], w[1])
	}
	return ""
}

// Say joins sentences into the message they make.
func Say(s []Said) string {
	parts := make([]string, 0, len(s))
	for _, x := range s {
		if t := x.String(); t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, " ")
}

// SayText keeps a sentence that has no template as its words.
func SayText(s string) Said { return Said{Form: FormText, Words: []string{s}} }

func b01(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// The engine's sentences as templates and fields; each says what the msg
// function of the same name says.

func sayRest(o Outcome) (Code, Said) {
	code, _ := restMessage(o)
	return code, Said{Form: map[Code]Form{CodeZ1: formZ1, CodeZ2: formZ2, CodeZ3: formZ3}[code]}
}

var (
	sayS1 = Said{Form: formS1}
	sayP2 = Said{Form: formP2}
	sayP0 = Said{Form: formP0}
	sayZ4 = Said{Form: formZ4}
	sayH3 = Said{Form: formH3}
)

func sayP1(target string) Said { return Said{Form: formP1, Words: []string{target}} }

func sayH1(when, step string, done, k int) Said {
	return Said{Form: formH1, Words: []string{when, step}, Nums: []float64{float64(done), float64(k)}}
}

func sayH1Next(when, step string, k int) Said {
	return Said{Form: formH1Next, Words: []string{when, step}, Nums: []float64{float64(k)}}
}

func sayH4(target, plan string) Said { return Said{Form: formH4, Words: []string{target, plan}} }

func sayH2(p Plan, step string) Said {
	return Said{Form: formH2, Words: []string{step}, Nums: []float64{float64(p.Domain)}}
}

func sayMinimumCounts(target string) Said { return Said{Form: formMinimum, Words: []string{target}} }
func sayEasedCounts(target string) Said   { return Said{Form: formEased, Words: []string{target}} }

func sayA2(plan string, total int, next *Plan) Said {
	name := ""
	if next != nil {
		name = next.Name
	}
	return Said{Form: formA2, Words: []string{plan, name}, Nums: []float64{float64(total)}}
}

func sayA1(newStep, oldStep string, k int, e Effort, warmup bool) Said {
	return Said{Form: formA1, Words: []string{newStep, oldStep}, Nums: []float64{float64(k), float64(e), b01(warmup)}}
}

func sayNextVariant(target string, n, of int) Said {
	return Said{Form: formNextVariant, Words: []string{target}, Nums: []float64{float64(n), float64(of)}}
}

func sayB1(target string) Said { return Said{Form: formB1, Words: []string{target}} }
func sayB2(bridge string) Said { return Said{Form: formB2, Words: []string{bridge}} }

func sayB3(from, to float64) Said { return Said{Form: formB3, Nums: []float64{from, to}} }

func sayG0(step string) Said { return Said{Form: formG0, Words: []string{step}} }

func sayG12(days int, step string, total int) Said {
	return Said{Form: formG12, Words: []string{step}, Nums: []float64{float64(days), float64(total)}}
}

// sayBackAfterMissed has nothing to say before a session that missed none.
func sayBackAfterMissed(missed int) (Said, bool) {
	if msgBackAfterMissed(missed) == "" {
		return Said{}, false
	}
	return Said{Form: formBackAfterMiss, Nums: []float64{float64(missed)}}, true
}
