package store

import (
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"tend/coach"
)

// A file can be made to hold what tend never writes: an escape sequence in a
// name, a C1 control in a note. Every read hands out only printable text.
func TestEveryReadHandsOutPrintableText(t *testing.T) {
	s := newStore(t)
	walk := mustAdd(t, s, walkGoal(t, "Walk"))
	mustCheckIn(t, s, walk.ID, entry(today, coach.Done), today)
	const title = "\x1b]0;owned\x07"
	withBolt(t, s.Path(), func(tx *bolt.Tx) error {
		g := walk
		g.Name, g.Anchor, g.IfThen, g.Reason = "Walk"+title, "After\u009b2J coffee", "If\u202e rain", "Why\u200b"
		v, err := encodeGoal(g)
		if err != nil {
			return err
		}
		if err := tx.Bucket(bucketGoals).Put(idKey(walk.ID), v); err != nil {
			return err
		}
		sub := tx.Bucket(bucketCheckIns).Bucket(idKey(walk.ID))
		dk, _ := dayKey(today)
		c, err := decodeCheckIn(sub.Get(dk), walk.ID, today)
		if err != nil {
			return err
		}
		c.Note = "fine" + title + "\U000E0041"
		if v, err = encodeCheckIn(walk.ID, c); err != nil {
			return err
		}
		return sub.Put(dk, v)
	})
	snap, err := s.Snapshot(coach.Day{})
	if err != nil {
		t.Fatal(err)
	}
	arch, err := s.Archive()
	if err != nil {
		t.Fatal(err)
	}
	cs, err := s.CheckIns(walk.ID, coach.Day{}, coach.Day{})
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, g := range append(append(mustGoals(t, s), snap.Goals...), arch.Goals...) {
		texts = append(texts, g.Name, g.Anchor, g.IfThen, g.Reason)
	}
	for _, c := range append(append(cs, snap.CheckIns[walk.ID]...), arch.CheckIns[walk.ID]...) {
		texts = append(texts, c.Note)
	}
	for _, d := range arch.Decisions[walk.ID] {
		texts = append(texts, d.Message, d.Before.Reason)
	}
	for _, s := range texts {
		if s != coach.Printable(s) {
			t.Errorf("a read handed out %q", s)
		}
	}
	if len(texts) < 14 || !strings.Contains(texts[0], "\ufffd") {
		t.Fatalf("read %q", texts)
	}
	// Checking in keeps the goal usable, and writes back what was shown.
	mustCheckIn(t, s, walk.ID, entry(today, coach.Done), today)
	if g := mustGoal(t, s, walk.ID); strings.ContainsRune(g.Name, 0x1b) {
		t.Errorf("name after a check-in %q", g.Name)
	}
}
