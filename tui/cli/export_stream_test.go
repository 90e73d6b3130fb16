package cli

import (
	"bytes"
	"encoding/json"
	"sort"
	"testing"
	"time"

	"tend/coach"
)

// The streamed export is byte for byte what encoding/json writes for the
// whole document, for plain records (written by hand) and for records with
// text or numbers that need encoding/json (escapes, exponents, the line
// separators), in every mix.
func TestTheStreamedExportIsTheDocumentEncodingJSONWrites(t *testing.T) {
	day := coach.DayOf(2026, 3, 2)
	p, _ := coach.PlanByID(coach.DailyWalkID)
	g, err := coach.NewGoal("Walk <3", p, nil, coach.Schedule{PerWeek: 5}, 0, day.AddDays(-30))
	if err != nil {
		t.Fatal(err)
	}
	g.ID, g.UID, g.Reason = 1, "00112233445566778899aabbccddeeff", "Level up — 12 min."
	h := g
	h.ID, h.Name = 2, "Yoga\u2028"
	mood := 7
	notes := []string{"", "by the river", "rain — ☔", "a \"quote\" and a \\", "tab\there", "line\u2028sep", "bad \xff byte", "<b>&</b>", "del\x7f"}
	amounts := []float64{0, 12, 12.5, 1.0 / 3, 1e-7, 1e21, 99999}
	var cs []coach.CheckIn
	var ds []coach.Decision
	for i := range 40 {
		c := coach.CheckIn{Day: day.AddDays(-40 + i), Outcome: coach.Outcomes[i%6], Achieved: amounts[i%len(amounts)],
			Target: amounts[(i+3)%len(amounts)], Effort: coach.Efforts[i%3], Note: notes[i%len(notes)], Level: 1 + i%4, Variant: 1,
			Bridge: i%5 == 0}
		if i%3 == 0 {
			c.MoodBefore, c.MoodAfter = &mood, &mood
			c.WrittenAt = time.Date(2026, 3, 2, 7, 45, 12, 0, time.FixedZone("", -5*3600))
			c.Device = "9f3c2a7d51e04b86"
		}
		cs = append(cs, c)
		d := coach.Decision{Day: c.Day, Action: coach.Action(i % 11), From: 2, To: 3, ReasonCode: coach.CodeH1,
			Message: notes[(i+1)%len(notes)], NextTarget: amounts[i%len(amounts)],
			Before: coach.Step{Level: 2, Variant: 1, Status: coach.Status(i % 4), Reason: notes[i%len(notes)], SteppedBack: []int{2, 3}[:i%3]}}
		if i%2 == 0 {
			d.Before.LevelFrom = day
		}
		ds = append(ds, d)
	}
	for _, a := range []coach.Archive{
		{DayStartHour: 4},
		{DayStartHour: 4, Goals: []coach.Goal{g}},
		{DayStartHour: 4, Goals: []coach.Goal{g, h}, CheckIns: map[uint64][]coach.CheckIn{1: cs, 2: cs[:3]}},
		{DayStartHour: 4, Goals: []coach.Goal{g, h}, CheckIns: map[uint64][]coach.CheckIn{1: cs}, Decisions: map[uint64][]coach.Decision{2: ds}},
	} {
		device := &exportDeviceJSON{ID: "9f3c2a7d51e04b86", Label: "host"}
		doc := exportJSON(a)
		doc.Device = device
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(doc); err != nil {
			t.Fatal(err)
		}
		if got := streamed(t, a, device); got != want.String() {
			t.Fatalf("streamed export differs:\n got %s\nwant %s", got, want.String())
		}
	}
}

func streamed(t *testing.T, a coach.Archive, device *exportDeviceJSON) string {
	t.Helper()
	var got bytes.Buffer
	x := newExportWriter(&got)
	if err := x.head(coach.Archive{DayStartHour: a.DayStartHour, Goals: a.Goals}, device); err != nil {
		t.Fatal(err)
	}
	for _, g := range a.Goals {
		for _, c := range a.CheckIns[g.ID] {
			if err := x.checkIn(g.ID, c); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, g := range a.Goals {
		for _, d := range a.Decisions[g.ID] {
			if err := x.decision(g.ID, d); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := x.end(); err != nil {
		t.Fatal(err)
	}
	return got.String()
}

// exportJSON is the export document of a whole database built whole, as
// tend wrote it before it streamed: goals by created day then uid, numbered
// 1, 2, …, then every check-in
// and every decision by goal and day. The streamed export must equal it.
func exportJSON(a coach.Archive) exportDocJSON {
	doc := exportDocJSON{
		Format: exportFormat, Version: exportVersion,
		Settings: exportSettingsJSON{DayStartHour: a.DayStartHour},
		Goals:    []exportGoalJSON{}, CheckIns: []exportCheckInJSON{}, Decisions: []exportDecisionJSON{},
	}
	goals := append([]coach.Goal(nil), a.Goals...)
	sort.SliceStable(goals, func(i, j int) bool { // IMPORT §7.1: by created day, then uid
		if goals[i].Created != goals[j].Created {
			return goals[i].Created.Before(goals[j].Created)
		}
		return goals[i].UID < goals[j].UID
	})
	for i, g := range goals {
		id := uint64(i + 1)
		eg := exportGoal(g)
		eg.ID = id
		doc.Goals = append(doc.Goals, eg)
		for _, c := range a.CheckIns[g.ID] {
			doc.CheckIns = append(doc.CheckIns, exportCheckIn(id, c))
		}
		for _, d := range a.Decisions[g.ID] {
			doc.Decisions = append(doc.Decisions, exportDecision(id, d))
		}
	}
	return doc
}
