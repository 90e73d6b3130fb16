package coach

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Amount writes an amount with its unit: "15 min", "2.25 km", "64 reps".
// Distances show up to two decimals: a quarter-kilometre rung reads 2.25,
// not 2.2, and floating-point dust (1.2000000000000002) stays hidden.
func Amount(a float64, u Unit) string {
	if !u.Whole() {
		a = math.Round(a*100) / 100
	}
	// One of a counted unit reads as people say it: "1 time", "1 rep".
	if a == 1 && (u == Times || u == Reps) {
		return "1 " + strings.TrimSuffix(u.String(), "s")
	}
	return strconv.FormatFloat(a, 'f', -1, 64) + " " + u.String()
}

// duration writes a block's length the way a person says it: "90 s",
// "3 min", "2½ min".
func duration(secs int) string {
	switch {
	case secs <= 90:
		return fmt.Sprintf("%d s", secs)
	case secs%60 == 0:
		return fmt.Sprintf("%d min", secs/60)
	case secs < 120:
		return fmt.Sprintf("%d s", secs)
	case secs%60 == 30:
		return fmt.Sprintf("%d½ min", secs/60)
	default:
		return fmt.Sprintf("%d:%02d min", secs/60, secs%60)
	}
}

// SessionWords describes a session in the plan's words, for example
// "Walk 15 minutes" or "2 × [run 90 s, walk 90 s, run 3 min, walk 3 min]".
func SessionWords(p Plan, s Session) string {
	if s.Text != "" {
		return upperFirst(s.Text)
	}
	switch p.Domain {
	case DomainWalk:
		verb := "Walk"
		if s.Target > dailyWalkBriskAfter {
			verb = "Brisk walk"
		}
		return fmt.Sprintf("%s %s", verb, minutesWords(s.Target))
	case DomainYoga:
		return "Yoga or stretching, " + minutesWords(s.Target)
	case DomainMind:
		return "Sit quietly, " + minutesWords(s.Target)
	case DomainStrength:
		return strengthWords(s)
	case DomainCustom:
		return Amount(s.Target, p.Unit)
	case DomainRun:
		return roundsWords(s)
	}
	return Amount(s.Target, p.Unit)
}

// dailyWalkBriskAfter is the walk length past which the plan asks for a brisk
// pace (talk, but not sing); up to it, any pace counts. [D]
const dailyWalkBriskAfter = 15

func minutesWords(m float64) string {
	if m == 1 {
		return "1 minute"
	}
	if m < 1 {
		return fmt.Sprintf("%g minute", m)
	}
	return fmt.Sprintf("%g minutes", m)
}

func strengthWords(s Session) string {
	if len(s.Rounds) == 0 || len(s.Rounds[0].Blocks) == 0 {
		return ""
	}
	blocks := s.Rounds[0].Blocks
	names := make([]string, len(blocks))
	for i, b := range blocks {
		names[i] = b.Name
	}
	return fmt.Sprintf("%d×%d of each: %s", blocks[0].Sets, blocks[0].Reps, strings.Join(names, ", "))
}

// roundsWords writes a run/walk session block by block: a round done once is
// a plain list, a repeated one is "N × [...]".
func roundsWords(s Session) string {
	parts := make([]string, 0, len(s.Rounds))
	for _, r := range s.Rounds {
		blocks := make([]string, len(r.Blocks))
		for i, b := range r.Blocks {
			blocks[i] = b.Kind.String() + " " + duration(b.Secs)
		}
		list := strings.Join(blocks, ", ")
		if r.Times > 1 {
			list = fmt.Sprintf("%d × [%s]", r.Times, list)
		}
		parts = append(parts, list)
	}
	out := strings.Join(parts, ", then ")
	if len(s.Rounds) == 1 && len(s.Rounds[0].Blocks) == 1 && s.Rounds[0].Times == 1 {
		b := s.Rounds[0].Blocks[0]
		out = fmt.Sprintf("%s %s", b.Kind, minutesWords(float64(b.Secs)/60))
		if b.Kind == Walk {
			out = "brisk " + out
		}
	}
	return upperFirst(out)
}

// warmupWords is the sentence about a session's warm-up, or "".
func warmupWords(p Plan, s Session) string {
	if s.WarmupS == 0 {
		return ""
	}
	switch p.Domain {
	case DomainRun:
		return fmt.Sprintf("%d-minute brisk walk first.", s.WarmupS/60)
	case DomainStrength:
		return fmt.Sprintf("%d minutes of marching on the spot first.", s.WarmupS/60)
	default:
		return fmt.Sprintf("%d-minute warm-up first.", s.WarmupS/60)
	}
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func lowerFirst(s string) string {
	if s == "" || strings.HasPrefix(s, "Week") {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// num writes a number of minutes without a needless ".0".
func num(v float64) string { return strings.TrimSuffix(fmt.Sprintf("%.1f", v), ".0") }

// runsWords writes a session's runs as minutes joined by "+": "12 + 8".
func runsWords(s Session) string {
	var parts []string
	for _, r := range s.Rounds {
		for i := 0; i < r.Times; i++ {
			for _, b := range r.Blocks {
				if b.Kind == Run {
					parts = append(parts, num(float64(b.Secs)/60))
				}
			}
		}
	}
	return strings.Join(parts, " + ")
}
