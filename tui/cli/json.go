package cli

import (
	"encoding/json"
	"io"
	"strings"

	"tend/coach"
)

// The JSON documents of DESIGN.md "Machine-readable output": field names are
// a contract and stay; new fields may be added.

type targetJSON struct {
	Amount float64 `json:"amount"`
	Unit   string  `json:"unit"`
	Text   string  `json:"text"`
}

type todayGoalJSON struct {
	Name       string      `json:"name"`
	Plan       string      `json:"plan"`
	Level      int         `json:"level"`
	LevelLabel string      `json:"level_label"`
	Bridge     bool        `json:"bridge"`
	Status     string      `json:"status"`
	Due        bool        `json:"due"`
	Done       bool        `json:"done"`
	Target     *targetJSON `json:"target"`
	Reason     string      `json:"reason"`
	Outcome    *string     `json:"outcome"`
	WeekDone   int         `json:"week_done"`
	WeekTarget int         `json:"week_target"`
}

type todayDocJSON struct {
	Day   string          `json:"day"`
	Goals []todayGoalJSON `json:"goals"`
}

func todayJSON(day coach.Day, items []coach.Today) todayDocJSON {
	doc := todayDocJSON{Day: day.String(), Goals: []todayGoalJSON{}}
	for _, t := range items {
		g := todayGoalJSON{
			Name: t.Goal.Name, Plan: t.Plan.ID, Level: t.Level.Number, LevelLabel: levelLabel(t),
			Bridge: t.Offer.Bridge, Status: t.Status.String(), Due: t.Due, Done: t.Done(),
			Reason: t.Reason, WeekDone: t.WeekDone, WeekTarget: t.WeekTarget,
		}
		if t.Status != coach.SafetyHold {
			g.Target = &targetJSON{Amount: t.Session.Target, Unit: t.Plan.Unit.String(), Text: t.Text}
		}
		if t.CheckIn != nil {
			o := t.CheckIn.Outcome.String()
			g.Outcome = &o
		}
		doc.Goals = append(doc.Goals, g)
	}
	return doc
}

// levelLabel names the step a goal is on; a bridge says where it leads.
func levelLabel(t coach.Today) string {
	if t.Offer.Bridge {
		return "bridge to " + t.Level.Label
	}
	return t.Level.Label
}

type goalJSON struct {
	Name        string   `json:"name"`
	Plan        string   `json:"plan"`
	Level       int      `json:"level"`
	Levels      int      `json:"levels"`
	LevelLabel  string   `json:"level_label"`
	Status      string   `json:"status"`
	DaysPerWeek int      `json:"days_per_week"`
	Weekdays    []string `json:"weekdays"`
}

func goalsJSON(goals []coach.Goal) ([]goalJSON, error) {
	out := []goalJSON{}
	for _, g := range goals {
		p, err := g.Plan()
		if err != nil {
			return nil, err
		}
		s := g.Schedule()
		days := []string{}
		for _, d := range s.Weekdays {
			days = append(days, strings.ToLower(d.String()[:3]))
		}
		out = append(out, goalJSON{
			Name: g.Name, Plan: p.ID, Level: g.Level, Levels: len(p.Levels), LevelLabel: p.Level(g.Level).Label,
			Status: g.Status().String(), DaysPerWeek: s.Sessions(), Weekdays: days,
		})
	}
	return out, nil
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
