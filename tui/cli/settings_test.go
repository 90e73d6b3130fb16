package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// The settings file: every key, comments and blank lines, TOML's forms of
// each value; a bad line is one sentence with its line number, and the
// defaults stand when there is no file.
func TestParseConfig(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", "/state")
	if got := DefaultConfig(); got != (Config{Backups: true, BackupsKeep: 14, BackupsDir: "/state/tend/backups",
		Notify: true, RemindAt: "18:00"}) {
		t.Errorf("defaults: %+v", got)
	}
	c, err := parseConfig(`# mine
backups = false   # not on this laptop
backups-keep = 30
backups-dir = "/sync/tend \"backups\""

sound = true
notify = off
remind-at = "7:30"
`, "config.toml")
	want := Config{Backups: false, BackupsKeep: 30, BackupsDir: `/sync/tend "backups"`, Sound: true, Notify: false, RemindAt: "07:30"}
	if err != nil || c != want {
		t.Errorf("parse: %+v, %v; want %+v", c, err, want)
	}
	for text, line := range map[string]string{
		"backups = maybe":               "line 1: backups is on or off",
		"\n\nbackups-keep = 0":          "line 3: backups-keep is a whole number from 1 to 1000",
		"[tend]":                        "line 1: tend's settings have no [sections]",
		"backups-dir = \"relative\"":    "line 1: backups-dir is a full folder path",
		"remind-at = \"25:00\"":         "line 1: remind-at is a time of day",
		"colour = true":                 `line 1: tend has no setting "colour"`,
		"day-start = 5":                 "line 1: day-start is kept in the database",
		"sound = true\nsound = false":   "line 2: sound is set twice",
		"backups-dir = \"/x":            "line 1: a string is missing its closing quote",
		"notify":                        "line 1: each line is key = value",
		"backups-keep = 3 4":            "line 1: backups-keep is a whole number",
		"backups-dir = \"/x\" trailing": "line 1: there is more after the value",
		"remind-at =":                   "line 1: remind-at has no value",
	} {
		_, err := parseConfig(text, "/c/config.toml")
		if err == nil || !strings.Contains(err.Error(), "/c/config.toml "+line) || strings.Count(err.Error(), ". ") > 1 {
			t.Errorf("%q: %v; want %q", text, err, line)
		}
	}
}

// Changing a key keeps the file's comments and other lines, and what is
// written reads back as set.
func TestWithSetting(t *testing.T) {
	text := "# my settings\nsound = true\n\nbackups-keep = 3 # a few\n"
	text = withSetting(text, "backups-keep", "20")
	text = withSetting(text, "remind-at", "19:15")
	text = withSetting(text, "backups", "off")
	want := "# my settings\nsound = true\n\nbackups-keep = 20\nremind-at = \"19:15\"\nbackups = false\n"
	if text != want {
		t.Errorf("got\n%s\nwant\n%s", text, want)
	}
	c, err := parseConfig(text, "x")
	if err != nil || c.BackupsKeep != 20 || c.RemindAt != "19:15" || c.Backups || !c.Sound {
		t.Errorf("read back: %+v, %v", c, err)
	}
	if first := withSetting("", "sound", "on"); !strings.HasPrefix(first, "#") || !strings.HasSuffix(first, "sound = true\n") {
		t.Errorf("a new file: %q", first)
	}
	t.Setenv("XDG_CONFIG_HOME", "/cfg")
	if ConfigPath() != filepath.Join("/cfg", "tend", "config.toml") {
		t.Errorf("ConfigPath = %s", ConfigPath())
	}
}

// Whatever the file holds, reading it never panics, and a refusal names
// the file and the line.
func FuzzParseConfig(f *testing.F) {
	for _, seed := range []string{"", "backups = false\n", "backups-dir = \"/a \\\"b\\\"\" # c\n", "[x]", "a=", "sound = \"", "remind-at = 25:61"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		c, err := parseConfig(text, "/c.toml")
		if err != nil && !strings.HasPrefix(err.Error(), "/c.toml line ") {
			t.Fatalf("%q: %v", text, err)
		}
		if err == nil && (c.BackupsKeep < 1 || c.BackupsKeep > 1000 || !filepath.IsAbs(c.BackupsDir) || len(c.RemindAt) != 5) {
			t.Fatalf("%q read as %+v", text, c)
		}
	})
}
