package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"strconv"
	"time"
	"unicode/utf8"

	"tend/coach"
)

// The export is written as the store reads it, a record at a time, so that
// twenty years of history take no more memory than a day of it. The bytes
// are the ones encoding/json writes for exportDocJSON with a two-space
// indent (a test holds them equal): the head with encoding/json, then each
// check-in and decision by hand, the fields in their struct's order, with
// encoding/json again for any record whose text or numbers need escaping or
// an exponent.

// exportWriter writes one export document.
type exportWriter struct {
	w       *bufio.Writer
	buf     []byte
	n       [3]int // goals, check-ins, decisions
	section int    // 0 head, 1 check-ins, 2 decisions
	first   bool
	// ids numbers the goals 1, 2, … in the order they come (IMPORT §7.1):
	// a goal's id in the file is not its id in the database.
	ids map[uint64]uint64
}

func newExportWriter(w io.Writer) *exportWriter {
	return &exportWriter{w: bufio.NewWriterSize(w, 64<<10)}
}

// head writes everything before the first check-in.
func (x *exportWriter) head(a coach.Archive, device *exportDeviceJSON) error {
	type headJSON struct {
		Format   string             `json:"format"`
		Version  int                `json:"version"`
		Device   *exportDeviceJSON  `json:"device,omitempty"`
		Settings exportSettingsJSON `json:"settings"`
		Goals    []exportGoalJSON   `json:"goals"`
	}
	h := headJSON{Format: exportFormat, Version: exportVersion, Device: device,
		Settings: exportSettingsJSON{DayStartHour: a.DayStartHour}, Goals: []exportGoalJSON{}}
	x.ids = make(map[uint64]uint64, len(a.Goals))
	for i, g := range a.Goals {
		x.ids[g.ID] = uint64(i + 1)
		eg := exportGoal(g)
		eg.ID = x.ids[g.ID]
		h.Goals = append(h.Goals, eg)
	}
	b, err := indented(h, "")
	if err != nil {
		return err
	}
	x.n[0] = len(a.Goals)
	// The head's closing brace goes: the history follows inside it.
	_, err = x.w.Write(bytes.TrimSuffix(b, []byte("\n}")))
	x.open(1)
	return err
}

// open starts section s ("checkins" or "decisions") after closing the one
// before.
func (x *exportWriter) open(s int) {
	if x.section == 1 {
		x.close()
	}
	x.section, x.first = s, true
	if s == 1 {
		_, _ = x.w.WriteString(",\n  \"checkins\": [")
	} else {
		_, _ = x.w.WriteString(",\n  \"decisions\": [")
	}
}

func (x *exportWriter) close() {
	if x.first {
		_, _ = x.w.WriteString("]")
	} else {
		_, _ = x.w.WriteString("\n  ]")
	}
}

// record writes one element of the open section: b, or when b is nil
// (fast said no) the slow form of v.
func (x *exportWriter) record(b []byte, v any) error {
	if b == nil {
		var err error
		if b, err = indented(v, "    "); err != nil {
			return err
		}
	}
	sep := ",\n    "
	if x.first {
		sep, x.first = "\n    ", false
	}
	_, _ = x.w.WriteString(sep)
	_, err := x.w.Write(b)
	return err
}

func (x *exportWriter) checkIn(goal uint64, c coach.CheckIn) error {
	x.n[1]++
	goal = x.ids[goal]
	b, ok := x.fastCheckIn(goal, c)
	if !ok {
		return x.record(nil, exportCheckIn(goal, c))
	}
	return x.record(b, nil)
}

func (x *exportWriter) decision(goal uint64, d coach.Decision) error {
	if x.section != 2 {
		x.open(2)
	}
	x.n[2]++
	goal = x.ids[goal]
	b, ok := x.fastDecision(goal, d)
	if !ok {
		return x.record(nil, exportDecision(goal, d))
	}
	return x.record(b, nil)
}

// end closes the document and flushes it.
func (x *exportWriter) end() error {
	if x.section != 2 {
		x.open(2)
	}
	x.close()
	_, _ = x.w.WriteString("\n}\n")
	return x.w.Flush()
}

// indented is v as encoding/json writes it in the document at prefix: two
// spaces an indent, HTML left alone (a note's "<3" stays as written).
func indented(v any, prefix string) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent(prefix, "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// fields builds a record by hand; ok turns false at the first value that
// needs encoding/json.
type fields struct {
	b      []byte
	indent string
	ok     bool
	n      int
}

func (f *fields) key(k string) {
	if f.n > 0 {
		f.b = append(f.b, ',')
	}
	f.n++
	f.b = append(f.b, '\n')
	f.b = append(f.b, f.indent...)
	f.b = append(f.b, '"')
	f.b = append(f.b, k...)
	f.b = append(f.b, `": `...)
}

func (f *fields) str(k, s string) {
	f.key(k)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == '"' || c == '\\' || c == 0x7f {
				f.ok = false
				return
			}
			i++
			continue
		}
		// encoding/json keeps UTF-8 as it is, but for invalid bytes and
		// the two line separators.
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || r == '\u2028' || r == '\u2029' {
			f.ok = false
			return
		}
		i += n
	}
	f.b = append(f.b, '"')
	f.b = append(f.b, s...)
	f.b = append(f.b, '"')
}

// day writes a day as YYYY-MM-DD, by hand: a Sprintf for each of two days a
// record was the export's largest cost after the JSON itself.
func (f *fields) day(k string, d coach.Day) {
	f.key(k)
	y, m, dd := d.Date()
	f.b = append(f.b, '"')
	f.b = appendDigits(f.b, y, 4)
	f.b = append(f.b, '-')
	f.b = appendDigits(f.b, int(m), 2)
	f.b = append(f.b, '-')
	f.b = appendDigits(f.b, dd, 2)
	f.b = append(f.b, '"')
}

// appendDigits appends n with at least width digits, zero-padded.
func appendDigits(b []byte, n, width int) []byte {
	var d [8]byte
	i := len(d)
	for n > 0 || i > len(d)-width {
		i--
		d[i] = byte('0' + n%10)
		n /= 10
	}
	return append(b, d[i:]...)
}

// time writes an instant as RFC 3339, as the record keeps it: to the second.
func (f *fields) time(k string, t time.Time) {
	f.key(k)
	f.b = append(f.b, '"')
	f.b = t.AppendFormat(f.b, time.RFC3339)
	f.b = append(f.b, '"')
}

func (f *fields) int(k string, n int) {
	f.key(k)
	f.b = strconv.AppendInt(f.b, int64(n), 10)
}

func (f *fields) num(k string, x float64) {
	f.key(k)
	if a := max(x, -x); x != 0 && (a < 1e-6 || a >= 1e21) || x != x {
		f.ok = false // encoding/json writes these with an exponent, or fails
		return
	}
	f.b = strconv.AppendFloat(f.b, x, 'f', -1, 64)
}

func (f *fields) bool(k string, v bool) {
	f.key(k)
	f.b = strconv.AppendBool(f.b, v)
}

func (f *fields) null(k string) {
	f.key(k)
	f.b = append(f.b, "null"...)
}

func (f *fields) mood(k string, m *int) {
	if m == nil {
		f.null(k)
		return
	}
	f.int(k, *m)
}

func (f *fields) ints(k string, xs []int) {
	f.key(k)
	if len(xs) == 0 {
		f.b = append(f.b, "[]"...)
		return
	}
	f.b = append(f.b, '[')
	for i, v := range xs {
		if i > 0 {
			f.b = append(f.b, ',')
		}
		f.b = append(f.b, '\n')
		f.b = append(f.b, f.indent...)
		f.b = append(f.b, "  "...)
		f.b = strconv.AppendInt(f.b, int64(v), 10)
	}
	f.b = append(f.b, '\n')
	f.b = append(f.b, f.indent...)
	f.b = append(f.b, ']')
}

func (f *fields) close(outer string) []byte {
	f.b = append(f.b, '\n')
	f.b = append(f.b, outer...)
	f.b = append(f.b, '}')
	return f.b
}

// fastCheckIn is exportCheckIn written by hand.
func (x *exportWriter) fastCheckIn(goal uint64, c coach.CheckIn) ([]byte, bool) {
	f := fields{b: append(x.buf[:0], '{'), indent: "      ", ok: true}
	f.key("goal")
	f.b = strconv.AppendUint(f.b, goal, 10)
	f.day("day", c.Day)
	f.str("outcome", c.Outcome.String())
	f.num("achieved", c.Achieved)
	f.num("target", c.Target)
	f.str("effort", c.Effort.String())
	f.str("pain", c.Pain.String())
	f.mood("mood_before", c.MoodBefore)
	f.mood("mood_after", c.MoodAfter)
	f.str("note", c.Note)
	f.int("level", c.Level)
	f.int("variant", c.Variant)
	f.bool("bridge", c.Bridge)
	if c.WrittenAt.IsZero() {
		f.null("written_at")
	} else {
		f.time("written_at", c.WrittenAt)
	}
	if c.Device == "" {
		f.null("device")
	} else {
		f.str("device", c.Device)
	}
	x.buf = f.close("    ")
	return x.buf, f.ok
}

// fastDecision is exportDecision written by hand.
func (x *exportWriter) fastDecision(goal uint64, d coach.Decision) ([]byte, bool) {
	f := fields{b: append(x.buf[:0], '{'), indent: "      ", ok: true}
	f.key("goal")
	f.b = strconv.AppendUint(f.b, goal, 10)
	f.day("day", d.Day)
	f.str("action", d.Action.String())
	f.int("from", d.From)
	f.int("to", d.To)
	f.str("reason_code", string(d.ReasonCode))
	f.str("message", d.Message)
	f.num("next_target", d.NextTarget)
	f.key("before")
	s := d.Before
	in := fields{b: append(f.b, '{'), indent: "        ", ok: f.ok}
	in.int("level", s.Level)
	in.int("variant", s.Variant)
	in.bool("bridge", s.Bridge)
	if s.LevelFrom.IsZero() {
		in.null("level_since")
	} else {
		in.day("level_since", s.LevelFrom)
	}
	in.str("status", s.Status.String())
	in.bool("eased", s.Eased)
	in.num("bridge_target", s.BridgeTarget)
	in.str("reason", s.Reason)
	in.str("reason_code", string(s.ReasonCode))
	in.ints("stepped_back", s.SteppedBack)
	f.b, f.ok = in.close("      "), in.ok
	x.buf = f.close("    ")
	return x.buf, f.ok
}
