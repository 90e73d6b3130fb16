package importfmt

import (
	"strings"
	"testing"
)

const minimalGoal = `{"id": 1, "name": "Walk", "plan": "daily-walk", "days_per_week": 5, "status": "active", "level": 2, "created": "2026-02-02"`

func readTend(doc string) (*Source, error) {
	return TendJSON("export.json", strings.NewReader(doc), int64(len(doc)), opts())
}

// A file with fewer fields than tend writes takes the defaults of IMPORT
// §7.1; fields this tend does not know are counted and left out.
func TestTendJSONDefaultsAndUnknownFields(t *testing.T) {
	src, err := readTend(`{"format": "tend-export", "version": 1, "made_by": "a script",
		"goals": [` + minimalGoal + `, "colour": "teal"}],
		"checkins": [{"goal": 1, "day": "2026-02-03", "outcome": "done", "sparkle": true},
		             {"goal": 1, "day": "2026-02-04", "outcome": "minimum", "level": 2}]}`)
	if err != nil {
		t.Fatal(err)
	}
	if src.UnknownFields != 3 {
		t.Errorf("unknown fields %d, want 3", src.UnknownFields)
	}
	h := src.Habits[0]
	if len(h.Goal.Schedules) != 1 || h.Goal.Schedules[0].PerWeek != 5 || len(h.Goal.Statuses) != 1 || h.Goal.Variant != 1 {
		t.Errorf("goal defaults: %+v", h.Goal)
	}
	first, second := h.CheckIns[0], h.CheckIns[1]
	if !first.FillStep || first.Effort.String() != "ok" || first.Pain.String() != "none" {
		t.Errorf("a check-in without its level takes it from the rebuild: %+v", first)
	}
	if second.FillStep || second.Target != 10 || second.Achieved == 0 {
		t.Errorf("a minimum at level 2: target %v achieved %v", second.Target, second.Achieved)
	}
}

// What the store would call damage is refused with its JSON path.
func TestTendJSONRefusesWithThePath(t *testing.T) {
	head := `{"format": "tend-export", "version": 1, "goals": [` + minimalGoal + `}], "checkins": [`
	for doc, want := range map[string]string{
		`{"format": "tend-export", "version": 2, "goals": []}`:                                                              "newer tend",
		`{"format": "tend-export", "version": 1, "goals": [{"id": 1, "name": "W"}]}`:                                        "goals[0].plan is missing",
		head + `{"goal": 1, "day": "2026-02-03", "outcome": "partial", "achieved": 12, "level": 2}]}`:                       "checkins[0].achieved",
		head + `{"goal": 1, "day": "2026-02-03", "outcome": "done", "achieved": 3, "level": 2}]}`:                           "below its target",
		head + `{"goal": 1, "day": "2026-02-03", "outcome": "done", "pain": "ouch"}]}`:                                      "checkins[0].pain",
		head + `{"goal": 1, "day": "2026-03-05", "outcome": "rest"}]}`:                                                      "after today",
		head + `{"goal": 2, "day": "2026-02-03", "outcome": "rest"}]}`:                                                      "no goal in the file",
		head + `{"goal": 1, "day": "2026-02-03", "outcome": "rest"}, {"goal": 1, "day": "2026-02-03", "outcome": "rest"}]}`: "two check-ins",
		`{"format": "tend-export", "version": 1, "goals": [` + minimalGoal + `, "uid": "XYZ"}]}`:                            "goals[0].uid",
		`{"format": "other", "version": 1}`:                                                                                 "not a tend export",
	} {
		_, err := readTend(doc)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s\n  → %v; want %q", doc, err, want)
		}
	}
}
