package coach_test

import (
	"testing"

	"pgregory.net/rapid"

	"tend/coach"
)

// Every message the engine gives is its sentences said from their
// templates and fields, so that a store keeping only the fields shows the
// same words; and a goal's reason is the message that set it.
func TestEveryMessageIsSaidFromItsFields(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		plan, es := randomEntries(t)
		for _, d := range replay(t, plan, es) {
			for _, s := range d.Said {
				if !s.Valid() {
					t.Fatalf("%s: a sentence with a form or fields tend does not know: %+v", d.Day, s)
				}
				if s.Form == coach.FormText {
					t.Fatalf("%s: the engine said %q as text, with no template", d.Day, s.Words[0])
				}
			}
			if got := coach.Say(d.Said); got != d.Message || got == "" {
				t.Fatalf("%s: said from its fields %q, but the message is %q", d.Day, got, d.Message)
			}
			if len(d.Before.Said) > 0 && coach.Say(d.Before.Said) != d.Before.Reason {
				t.Fatalf("%s: the reason before %q is not said by its fields", d.Day, d.Before.Reason)
			}
		}
	})
}

func TestASaidWithTheWrongFieldsIsNotValid(t *testing.T) {
	for name, s := range map[string]coach.Said{
		"no form":      {},
		"unknown form": {Form: coach.FormCount},
		"a word short": {Form: coach.FormText},
		"a word extra": {Form: coach.FormText, Words: []string{"a", "b"}},
		"a negative":   {Form: coach.FormText + 20, Nums: []float64{-1}},
	} {
		if s.Valid() || s.String() != "" {
			t.Errorf("%s: %+v is valid, saying %q", name, s, s.String())
		}
	}
	if s := coach.SayText("Hello."); !s.Valid() || s.String() != "Hello." {
		t.Errorf("SayText says %q", s.String())
	}
}
