package store

import (
	"bytes"

	"tend/coach"
)

// A decision's message, and a goal's reason, are kept as the forms and
// fields of their sentences (coach.Said), and said again when they are
// read: a few bytes a decision instead of its prose.

// maxSaid is the sentences one message may have.
const maxSaid = 16

// said writes a message as its sentences' forms and fields, when they say
// exactly text; otherwise it writes the text. It reports which it wrote.
func (e *encoder) said(s []coach.Said, text string) bool {
	if len(s) == 0 || len(s) > maxSaid || coach.Say(s) != text {
		e.text(text)
		return false
	}
	e.int(len(s))
	for _, x := range s {
		e.byte(byte(x.Form))
		for _, w := range x.Words {
			e.text(w)
		}
		for _, n := range x.Nums {
			e.num(n)
		}
	}
	return true
}

// said reads what (*encoder).said wrote: the sentences and the message they
// say, or just the text.
func (d *decoder) said(asSaid bool, field string) ([]coach.Said, string) {
	if !asSaid {
		return nil, d.text(maxText, field)
	}
	start := d.b
	n := d.int(1, maxSaid, field)
	if d.err != nil {
		return nil, ""
	}
	if c := d.cache; c != nil {
		slot := 0 // a decision's message; 1 is the reason before it
		if field != "message" {
			slot = 1
		}
		if s, t, ok := c.lookup(slot, start, d); ok {
			return s, t
		}
		out, text := d.sayAll(n, field)
		if d.err == nil {
			used := start[:len(start)-len(d.b)]
			c.raw[slot], c.said[slot], c.text[slot] = append(c.raw[slot][:0], used...), out, text
		}
		return out, text
	}
	return d.sayAll(n, field)
}

// lookup finds the fields at the head of b in slot: when they are the
// bytes said last there, the decoder moves past them and the sentences
// said then are handed out again.
func (c *saidCache) lookup(slot int, b []byte, d *decoder) ([]coach.Said, string, bool) {
	raw := c.raw[slot]
	if len(raw) == 0 || len(b) < len(raw) || !bytes.Equal(b[:len(raw)], raw) {
		return nil, "", false
	}
	d.b = b[len(raw):]
	return c.said[slot], c.text[slot], true
}

// sayAll reads n sentences' fields and says them.
func (d *decoder) sayAll(n int, field string) ([]coach.Said, string) {
	out := make([]coach.Said, n)
	for i := range out {
		f := coach.Form(d.byte(byte(coach.FormCount-1), field+"'s form"))
		words, nums := f.Fields()
		s := coach.Said{Form: f}
		for range words {
			// The words come from the file: only they can carry what a
			// terminal would act on, so only they are made printable
			// (the templates are tend's own).
			s.Words = append(s.Words, coach.Printable(d.text(maxText, field)))
		}
		for range nums {
			s.Nums = append(s.Nums, d.num(coach.MaxCustomAmount, field))
		}
		if d.err == nil && !s.Valid() {
			d.fail("its %s has a sentence tend cannot say (form %d)", field, f)
		}
		out[i] = s
	}
	if d.err != nil {
		return nil, ""
	}
	return out, coach.Say(out)
}

// saidCache remembers the last message said from each of a decision's two
// sets of fields (its own, and the reason before it), by their bytes. The
// slices it hands out are shared: read them, never change them.
type saidCache struct {
	raw  [2][]byte
	said [2][]coach.Said
	text [2]string
}
