package importfmt

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"sort"
	"strings"

	"tend/coach"
)

// The fields of a tend export this tend knows (IMPORT §7.1). Pointers tell a
// missing field from a zero one, since a missing one takes a default.
type tendGoal struct {
	ID              *uint64         `json:"id"`
	Name            *string         `json:"name"`
	Plan            *string         `json:"plan"`
	Custom          *tendCustom     `json:"custom"`
	DaysPerWeek     *int            `json:"days_per_week"`
	Weekdays        []string        `json:"weekdays"`
	Status          *string         `json:"status"`
	Level           *int            `json:"level"`
	Variant         *int            `json:"variant"`
	Bridge          *bool           `json:"bridge"`
	LevelSince      *string         `json:"level_since"`
	Created         *string         `json:"created"`
	ScheduleHistory []tendSchedule  `json:"schedule_history"`
	StatusHistory   []tendStatus    `json:"status_history"`
	Capacity        *int            `json:"capacity"`
	Anchor          *string         `json:"anchor"`
	IfThen          *string         `json:"if_then"`
	UID             *string         `json:"uid"`
	ImportedFrom    *tendProvenance `json:"imported_from"`
	Eased           *bool           `json:"eased"`
	BridgeTarget    *float64        `json:"bridge_target"`
	Reason          *string         `json:"reason"`
	ReasonCode      *string         `json:"reason_code"`
	SteppedBack     []int           `json:"stepped_back"`
}

type tendCustom struct {
	Unit  string  `json:"unit"`
	Start float64 `json:"start"`
	Step  float64 `json:"step"`
	Max   float64 `json:"max"`
	Every int     `json:"every"`
}

type tendSchedule struct {
	From        string   `json:"from"`
	DaysPerWeek int      `json:"days_per_week"`
	Weekdays    []string `json:"weekdays"`
}

type tendStatus struct {
	From   string `json:"from"`
	Status string `json:"status"`
}

type tendProvenance struct {
	Source   string `json:"source"`
	Name     string `json:"name"`
	Position int    `json:"position"`
}

type tendCheckIn struct {
	Goal       *uint64  `json:"goal"`
	Day        *string  `json:"day"`
	Outcome    *string  `json:"outcome"`
	Achieved   *float64 `json:"achieved"`
	Target     *float64 `json:"target"`
	Effort     *string  `json:"effort"`
	Pain       *string  `json:"pain"`
	MoodBefore *int     `json:"mood_before"`
	MoodAfter  *int     `json:"mood_after"`
	Note       *string  `json:"note"`
	Level      *int     `json:"level"`
	Variant    *int     `json:"variant"`
	Bridge     *bool    `json:"bridge"`
	WrittenAt  *string  `json:"written_at"`
	Device     *string  `json:"device"`
}

type tendDecision struct {
	Goal       *uint64  `json:"goal"`
	Day        *string  `json:"day"`
	Action     *string  `json:"action"`
	From       *int     `json:"from"`
	To         *int     `json:"to"`
	ReasonCode *string  `json:"reason_code"`
	Message    skipJSON `json:"message"`
	NextTarget *float64 `json:"next_target"`
	Before     skipJSON `json:"before"`
}

// skipJSON is a field that is read (and so checked as JSON) and not kept:
// a decision's message and step, which the rebuild makes again.
type skipJSON struct{}

func (*skipJSON) UnmarshalJSON([]byte) error { return nil }

// pendingDecision is a file's decision until its goal is known.
type pendingDecision struct {
	goal uint64
	FileDecision
}

// tendReader walks a tend export one element at a time, so that a file of
// twenty years holds in memory only what becomes of it.
type tendReader struct {
	file     string
	dec      *json.Decoder
	src      *Source
	opt      Options
	byID     map[uint64]int          // goal id in the file → index in src.Habits
	checkIns [][]coach.ImportCheckIn // by habit index, until the goals are known
	plans    []coach.Plan            // by habit index
	pending  []pendingCheckIn        // check-ins read before their goal
	decs     []pendingDecision
	format   string
	version  *int
	in       *countingReader
}

// countingReader counts the bytes read, so that a file cut short can be
// said to end where it ends.
type countingReader struct {
	r        io.Reader
	n, total int64
	progress func(done, total int64)
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if c.progress != nil && (c.n>>20) != ((c.n+int64(n))>>20) {
		c.progress(c.n+int64(n), c.total)
	}
	c.n += int64(n)
	return n, err
}

type pendingCheckIn struct {
	i int
	c tendCheckIn
}

// TendJSON reads a tend JSON export (IMPORT §7.1–7.2) of any version tend
// has written: version 1, with or without the fields added since. size is
// the file's size, for Options.Progress (0 when unknown).
func TendJSON(file string, r io.Reader, size int64, opt Options) (*Source, error) {
	cr := &countingReader{r: r, progress: opt.Progress, total: size}
	br := bufio.NewReaderSize(cr, 1<<16)
	if bom, _ := br.Peek(3); bytes.Equal(bom, []byte{0xEF, 0xBB, 0xBF}) {
		_, _ = br.Discard(3)
	}
	t := &tendReader{file: file, dec: json.NewDecoder(br), src: newSource("tend-json", "1"), opt: opt, byID: map[uint64]int{}, in: cr}
	t.dec.UseNumber()
	if err := t.read(); err != nil {
		var ie *Error
		if errors.As(err, &ie) {
			return nil, err
		}
		return nil, t.syntax(err)
	}
	if err := t.finish(); err != nil {
		return nil, err
	}
	return t.src, nil
}

func (t *tendReader) syntax(err error) error {
	off := t.dec.InputOffset()
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return errorf(t.file, 0, "the file ends in the middle of the JSON, at byte %d (its end); it may have been cut short while copying. Nothing was imported", t.in.n)
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		off = se.Offset
	}
	return errorf(t.file, 0, "the JSON is broken at byte %d (%v); nothing was imported", off, err)
}

func (t *tendReader) bad(path, format string, args ...any) error {
	return errorf(t.file, 0, "%s %s; nothing was imported", path, fmt.Sprintf(format, args...))
}

func (t *tendReader) checkIn(path string, raw json.RawMessage) error {
	var c tendCheckIn
	if err := t.strict(raw, &c); err != nil {
		return t.bad(path, "cannot be read: %v", err)
	}
	if c.Goal == nil {
		return t.bad(path+".goal", "is missing")
	}
	i, ok := t.byID[*c.Goal]
	if !ok {
		t.pending = append(t.pending, pendingCheckIn{i: -1, c: c})
		return nil
	}
	return t.addCheckIn(path, i, c)
}

func (t *tendReader) decision(path string, raw json.RawMessage) error {
	var d tendDecision
	if err := t.strict(raw, &d); err != nil {
		return t.bad(path, "cannot be read: %v", err)
	}
	if d.Goal == nil || d.Day == nil || d.Action == nil || d.From == nil || d.To == nil {
		return t.bad(path, "lacks one of goal, day, action, from and to")
	}
	a, err := coach.ParseAction(*d.Action)
	if err != nil {
		return t.bad(path+".action", "%v", err)
	}
	day, err := coach.ParseDay(*d.Day)
	if err != nil {
		return t.bad(path+".day", "%v", err)
	}
	fd := FileDecision{Day: day, Action: a, From: *d.From, To: *d.To}
	if d.ReasonCode != nil {
		fd.Code = coach.Code(*d.ReasonCode)
	}
	t.decs = append(t.decs, pendingDecision{goal: *d.Goal, FileDecision: fd})
	return nil
}

// finish checks what needed every part of the file: check-ins read before
// their goal, decisions that name goals and days, and the engine's order.
func (t *tendReader) finish() error {
	for k, p := range t.pending {
		i, ok := t.byID[*p.c.Goal]
		if !ok {
			return t.bad(fmt.Sprintf("checkins (the %d-th before its goal).goal", k+1), "is %d, which no goal in the file has", *p.c.Goal)
		}
		if err := t.addCheckIn("checkins", i, p.c); err != nil {
			return err
		}
	}
	for i := range t.src.Habits {
		h := &t.src.Habits[i]
		h.CheckIns = t.checkIns[i]
		if err := t.order(h); err != nil {
			return err
		}
		t.startStep(h)
	}
	for k, d := range t.decs {
		i, ok := t.byID[d.goal]
		if !ok {
			return t.bad(fmt.Sprintf("decisions[%d].goal", k), "is %d, which no goal in the file has", d.goal)
		}
		h := &t.src.Habits[i]
		h.FileDecisions = append(h.FileDecisions, d.FileDecision)
	}
	t.decs = nil
	for i := range t.src.Habits {
		fd := t.src.Habits[i].FileDecisions
		sort.SliceStable(fd, func(a, b int) bool { return fd[a].Day.Before(fd[b].Day) })
	}
	return nil
}

// order puts a goal's check-ins in the order they were written (those with
// no written_at last, by day), as the engine first saw them (IMPORT §7.2).
func (t *tendReader) order(h *Habit) error {
	cs := h.CheckIns
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].Day.Before(cs[j].Day) })
	for i := 1; i < len(cs); i++ {
		if cs[i].Day == cs[i-1].Day {
			return errorf(t.file, 0, "goal %q has two check-ins on %s; nothing was imported", h.Goal.Name, cs[i].Day)
		}
	}
	sort.SliceStable(cs, func(i, j int) bool {
		a, b := cs[i].WrittenAt, cs[j].WrittenAt
		switch {
		case a.IsZero() || b.IsZero():
			return !a.IsZero() && b.IsZero()
		}
		return a.Before(b)
	})
	return nil
}

// startStep starts the rebuild at the first check-in's level and variant,
// or the plan's default start (IMPORT §7.2).
func (t *tendReader) startStep(h *Habit) {
	p, _ := h.Goal.Plan()
	h.Goal.Level, h.Goal.Variant, h.Goal.Bridge = p.StartLevel, 1, false
	for _, c := range h.CheckIns {
		if !c.FillStep {
			h.Goal.Level, h.Goal.Variant = c.Level, c.Variant
			break
		}
	}
	h.Goal.LevelFrom = coach.Day{}
}

// jsonFields are the JSON names of the fields of the struct v points to.
func jsonFields(v any) map[string]bool {
	out := map[string]bool{}
	rt := reflect.TypeOf(v).Elem()
	for i := range rt.NumField() {
		name, _, _ := strings.Cut(rt.Field(i).Tag.Get("json"), ",")
		out[name] = true
	}
	return out
}
