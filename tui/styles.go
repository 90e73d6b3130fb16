package tui

import (
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// Styles holds every style tend draws with. Colours live here and nowhere
// else, as adaptive pairs that read on light and dark terminals; with
// NO_COLOR or no terminal, lipgloss drops them and the text stays.
type Styles struct {
	Title    lipgloss.Style
	Muted    lipgloss.Style
	Success  lipgloss.Style
	Warning  lipgloss.Style
	Error    lipgloss.Style
	Selected lipgloss.Style
	Rest     lipgloss.Style
	Choice   lipgloss.Style // the chosen answer in a form
	Faint    lipgloss.Style
}

// DefaultStyles returns tend's calm palette.
func DefaultStyles() Styles {
	if lipgloss.ColorProfile() == termenv.Ascii {
		// Without colour every style here draws nothing, yet lipgloss
		// would still measure and align each string it is given (a tenth
		// of `tend today`'s CPU on 100 goals); a style with nothing set
		// takes its short path and hands the text back as it is.
		return Styles{}
	}
	var (
		accent  = lipgloss.AdaptiveColor{Light: "#2E7D5B", Dark: "#7FD1A8"}
		muted   = lipgloss.AdaptiveColor{Light: "#6B6B6B", Dark: "#9A9A9A"}
		warm    = lipgloss.AdaptiveColor{Light: "#9A6700", Dark: "#E3B341"}
		calmRed = lipgloss.AdaptiveColor{Light: "#A3462F", Dark: "#E08A6F"}
		sky     = lipgloss.AdaptiveColor{Light: "#3A6EA5", Dark: "#8AB4E0"}
	)
	return Styles{
		Title:    lipgloss.NewStyle().Bold(true).Foreground(accent),
		Muted:    lipgloss.NewStyle().Foreground(muted),
		Success:  lipgloss.NewStyle().Foreground(accent),
		Warning:  lipgloss.NewStyle().Foreground(warm),
		Error:    lipgloss.NewStyle().Foreground(calmRed),
		Selected: lipgloss.NewStyle().Bold(true),
		Rest:     lipgloss.NewStyle().Foreground(sky),
		Choice:   lipgloss.NewStyle().Bold(true).Foreground(accent),
		Faint:    lipgloss.NewStyle().Foreground(muted).Faint(true),
	}
}
