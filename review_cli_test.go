package main

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"
)

// tend review --json checked against figures the test works out itself:
// thirty days in a row of a daily plan, logged from the shell.
func TestReviewJSONAgainstItsOwnArithmetic(t *testing.T) {
	env := newEnv(t)
	start := time.Date(2026, time.February, 1, 12, 0, 0, 0, time.UTC)
	today := start.AddDate(0, 0, 29)
	env.Now = today.Format("2006-01-02")
	mustTend(t, env, "add", "Sit", "--plan", "mindful")
	for d := 0; d < 30; d++ {
		mustTend(t, env, "done", "sit", "--date", start.AddDate(0, 0, d).Format("2006-01-02"))
	}
	var got struct {
		Name      string  `json:"name"`
		Strength  float64 `json:"strength"`
		Band      string  `json:"band"`
		ShowUp    int     `json:"show_up_streak"`
		Best      int     `json:"best_show_up_streak"`
		Sessions  int     `json:"sessions"`
		WeeksKept int     `json:"weeks_kept"`
		Total     struct {
			Amount float64 `json:"amount"`
			Unit   string  `json:"unit"`
		} `json:"total"`
		LevelHistory []struct {
			Day        string `json:"day"`
			From, To   int
			ReasonCode string `json:"reason_code"`
		} `json:"level_history"`
	}
	out := mustTend(t, env, "review", "sit", "--json")
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	// Loop's formula, daily: each shown-up day moves the score a share
	// (1 − m) of the way to 1, m = 0.5^(1/13); thirty in a row from 0.
	m := math.Pow(0.5, 1.0/13)
	strength := 1 - math.Pow(m, 30)
	if math.Abs(got.Strength-strength) > 0.001 {
		t.Errorf("strength %v, want %.3f", got.Strength, strength)
	}
	if got.Band != "steady" && strength >= 0.7 || got.Sessions != 30 || got.ShowUp != 30 || got.Best != 30 {
		t.Errorf("band %s, sessions %d, streak %d (best %d); want steady, 30, 30, 30", got.Band, got.Sessions, got.ShowUp, got.Best)
	}
	// Each day is the newest when it is logged, so the coach decides: five
	// completed sessions within a week move Mindful up its ladder of 2, 3,
	// 5, 7 and 10 minutes, five more at the top finish it (once), and the
	// last rung takes the rest.
	ladder, total, changes := []float64{2, 3, 5, 7, 10}, 0.0, 0
	for d := 0; d < 30; d++ {
		total += ladder[min(d/5, len(ladder)-1)]
		if d%5 == 4 && d/5 < len(ladder) {
			changes++ // four level-ups, then graduation
		}
	}
	if got.Total.Amount != total || got.Total.Unit != "min" || len(got.LevelHistory) != changes {
		t.Errorf("total %v %s with %d level changes, want %v min with %d", got.Total.Amount, got.Total.Unit,
			len(got.LevelHistory), total, changes)
	}
	// Every ISO week touched by 1 Feb (a Sunday) to 2 Mar 2026 had a
	// session every day, so each is kept, but for this week: one session
	// is not yet the six of seven it asks, and a week counts once kept.
	weeks := map[string]bool{}
	for d := 0; d < 29; d++ {
		y, w := start.AddDate(0, 0, d).ISOWeek()
		weeks[fmt.Sprint(y, w)] = true
	}
	if got.WeeksKept != len(weeks) {
		t.Errorf("weeks kept %d, want %d", got.WeeksKept, len(weeks))
	}
	text := mustTend(t, env, "review", "sit")
	for _, w := range []string{"Review · Sit", "Strength", fmt.Sprintf("%d%%", int(strength*100)), "30 in a row"} {
		if !strings.Contains(text, w) {
			t.Errorf("review text lacks %q:\n%s", w, text)
		}
	}
}
