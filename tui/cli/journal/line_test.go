package journal

import (
	"bytes"
	"hash/crc32"
	"testing"
	"time"
)

// The lines of SYNC §4.1, with their real checksums.
var specLines = []string{
	`{"v":1,"kind":"journal","dev":"9f3c2a7d51e04b86","label":"laptop","year":2026,"gen":1,"sum":"12102f89"}`,
	`{"v":1,"dev":"9f3c2a7d51e04b86","seq":41,"id":"9f3c2a7d51e04b86-41","hlc":"2026-03-02T07:40:02.518Z/000000","kind":"goal.create","goal":"1c0e6f3a9b2d4e58a7c1f09d3b6e2a45","name":"Walk","plan":"daily-walk","custom":null,"created":"2026-03-02","days_per_week":5,"weekdays":[],"capacity":0,"anchor":"","if_then":[],"imported_from":null,"level":2,"variant":1,"sum":"76836089"}`,
	`{"v":1,"dev":"9f3c2a7d51e04b86","seq":42,"id":"9f3c2a7d51e04b86-42","hlc":"2026-03-02T18:05:44.090Z/000000","kind":"checkin.add","goal":"1c0e6f3a9b2d4e58a7c1f09d3b6e2a45","day":"2026-03-02","outcome":"done","achieved":10,"target":10,"effort":"ok","pain":"none","mood_before":4,"mood_after":6,"note":"","level":2,"variant":1,"bridge":false,"written_at":"2026-03-02T18:05:44Z","device":"9f3c2a7d51e04b86","sum":"cc94b017"}`,
	`{"v":1,"dev":"9f3c2a7d51e04b86","seq":43,"id":"9f3c2a7d51e04b86-43","hlc":"2026-03-02T18:06:10.004Z/000000","kind":"checkin.remove","goal":"1c0e6f3a9b2d4e58a7c1f09d3b6e2a45","day":"2026-03-02","removes":["9f3c2a7d51e04b86-42"],"sum":"a5a17cc0"}`,
}

func TestCRC32CCheckValue(t *testing.T) {
	if got := crc32.Checksum([]byte("123456789"), castagnoli()); got != 0xe3069283 {
		t.Fatalf("CRC-32C check value %08x, want e3069283", got)
	}
}

// The spec's checksums verify, and a header written here matches its
// line byte for byte. (The spec's goal.create line has "if_then":[],
// not tend's string, so it is checked only as far as its checksum.)
func TestSpecLines(t *testing.T) {
	for _, l := range specLines {
		if _, err := unsealed([]byte(l)); err != nil {
			t.Errorf("%s: %v", l[:60], err)
		}
	}
	h, err := DecodeHeader([]byte(specLines[0]))
	if err != nil {
		t.Fatal(err)
	}
	if got := EncodeHeader(h); string(got) != specLines[0]+"\n" {
		t.Errorf("header\n%s\nwant\n%s", got, specLines[0])
	}
	e, newer, err := DecodeEvent([]byte(specLines[3]), "9f3c2a7d51e04b86", 2026)
	if err != nil || newer || e.Kind != CheckInRemove || len(e.Removes) != 1 {
		t.Errorf("remove line: %+v %v %v", e, newer, err)
	}
	if _, _, err := DecodeEvent([]byte(specLines[3]), "9f3c2a7d51e04b86", 2027); err == nil {
		t.Error("a line in another year's file passed")
	}
	if _, _, err := DecodeEvent([]byte(specLines[3]), "5be1f0c2a9d34e71", 2026); err == nil {
		t.Error("a line naming another device passed")
	}
}

func TestEventRoundTripAndDamage(t *testing.T) {
	mood := 0
	e := Event{Dev: "9f3c2a7d51e04b86", Seq: 7, ID: "9f3c2a7d51e04b86-7", HLC: "2026-03-02T18:05:44.090Z/000003",
		Kind: CheckInAdd, Goal: "g", Day: "2026-03-02", Outcome: "done", Achieved: 12.5, MoodBefore: &mood, Note: "hills"}
	line, err := EncodeEvent(e)
	if err != nil {
		t.Fatal(err)
	}
	got, _, err := DecodeEvent(bytes.TrimSuffix(line, []byte("\n")), e.Dev, 2026)
	if err != nil || got.Achieved != 12.5 || got.MoodBefore == nil || *got.MoodBefore != 0 || got.Note != "hills" {
		t.Fatalf("round trip: %+v %v", got, err)
	}
	for i := range line[:len(line)-1] {
		bad := bytes.Clone(line[:len(line)-1])
		bad[i] ^= 0x01
		if _, _, err := DecodeEvent(bad, e.Dev, 2026); err == nil {
			t.Fatalf("a flipped bit at %d passed: %s", i, bad)
		}
	}
}

func TestHLC(t *testing.T) {
	at := time.Date(2026, 3, 2, 7, 40, 2, 518e6, time.UTC)
	h := Next(HLC{}, at)
	if h.String() != "2026-03-02T07:40:02.518Z/000000" {
		t.Fatal(h)
	}
	// A clock that went back keeps counting from the last reading.
	h2 := Next(h, at.Add(-time.Hour))
	if h2 != (HLC{Wall: h.Wall, Counter: 1}) || !h.Less(h2) || !(h.String() < h2.String()) {
		t.Fatal(h2)
	}
	if h3 := Next(HLC{Wall: h.Wall, Counter: maxCounter}, at); h3 != (HLC{Wall: h.Wall + 1}) {
		t.Fatal(h3)
	}
	p, err := ParseHLC(h2.String())
	if err != nil || p != h2 {
		t.Fatal(p, err)
	}
	for _, bad := range []string{"", "2026-03-02T07:40:02.518Z", "2026-03-02T07:40:02.518Z/00000x", "2026-13-02T07:40:02.518Z/000000"} {
		if _, err := ParseHLC(bad); err == nil {
			t.Errorf("%q parsed", bad)
		}
	}
	if !Ahead(HLC{Wall: at.Add(25 * time.Hour).UnixMilli()}, at) || Ahead(HLC{Wall: at.Add(23 * time.Hour).UnixMilli()}, at) {
		t.Error("Ahead")
	}
}
