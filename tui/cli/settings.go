package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Settings (DESIGN "Command line", `tend config`). The day-start hour is the
// database's, since it decides which day a check-in belongs to on every
// device. The rest are this machine's, in an optional
// $XDG_CONFIG_HOME/tend/config.toml: a handful of `key = value` lines in a
// small subset of TOML (strings in double quotes, true/false, whole
// numbers, # comments), read by a parser of tend's own so that no
// dependency is needed for six keys. A file that cannot be read gets one
// sentence naming its line.

// Config is this machine's settings.
type Config struct {
	Backups     bool   // a copy of the database after the first write of each day
	BackupsKeep int    // how many of those copies to keep per database
	BackupsDir  string // where they go
	Sound       bool   // spoken cues in the guided session
	Notify      bool   // desktop notifications (session halfway and end, reminders)
	RemindAt    string // HH:MM, when the installed reminder runs
}

// DefaultConfig is what an absent file means.
func DefaultConfig() Config {
	return Config{Backups: true, BackupsKeep: 14, BackupsDir: filepath.Join(stateHome(), "backups"),
		Notify: true, RemindAt: "18:00"}
}

// setting is one key of `tend config`.
type setting struct {
	key, about string
	get        func(Config) string
	set        func(*Config, string) error // nil for day-start, which the database keeps
}

func settings() []setting {
	return []setting{
		{key: "day-start", about: "the hour a new day starts, 0–23 (kept in the database, for every device)"},
		{key: "backups", about: "on: a copy of the database after the first change of each day",
			get: func(c Config) string { return onOff(c.Backups) }, set: boolSetter(func(c *Config) *bool { return &c.Backups })},
		{key: "backups-keep", about: "how many daily copies to keep for each database",
			get: func(c Config) string { return strconv.Itoa(c.BackupsKeep) },
			set: func(c *Config, v string) (err error) {
				c.BackupsKeep, err = wholeSetting("backups-keep", v, 1, 1000)
				return
			}},
		{key: "backups-dir", about: "the folder they go in (it may be a synced one)",
			get: func(c Config) string { return c.BackupsDir }, set: setBackupsDir},
		{key: "sound", about: "on: spoken cues in the guided session (the bell always rings)",
			get: func(c Config) string { return onOff(c.Sound) }, set: boolSetter(func(c *Config) *bool { return &c.Sound })},
		{key: "notify", about: "on: desktop notifications at a session's halfway and end, and for reminders",
			get: func(c Config) string { return onOff(c.Notify) }, set: boolSetter(func(c *Config) *bool { return &c.Notify })},
		{key: "remind-at", about: "when `tend remind --install` reminds you, HH:MM",
			get: func(c Config) string { return c.RemindAt }, set: setRemindAt},
	}
}

// settingKeys are the keys `tend config` knows, in the order it shows them.
func settingKeys() []string {
	var keys []string
	for _, s := range settings() {
		keys = append(keys, s.key)
	}
	return keys
}

func onOff(b bool) string {
	if b {
		return "on"
	}
	return "off"
}

func boolSetter(field func(*Config) *bool) func(*Config, string) error {
	return func(c *Config, v string) error {
		switch strings.ToLower(v) {
		case "on", "true", "yes":
			*field(c) = true
		case "off", "false", "no":
			*field(c) = false
		default:
			return fmt.Errorf("is on or off, not %q", v)
		}
		return nil
	}
}

func wholeSetting(key, v string, lo, hi int) (int, error) {
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, fmt.Errorf("is a whole number from %d to %d, not %q", lo, hi, v)
	}
	return n, nil
}

func setBackupsDir(c *Config, v string) error {
	if rest, ok := strings.CutPrefix(v, "~/"); ok {
		if home, err := os.UserHomeDir(); err == nil {
			v = filepath.Join(home, rest)
		}
	}
	if !filepath.IsAbs(v) {
		return fmt.Errorf("is a full folder path, like ~/Sync/tend-backups, not %q", v)
	}
	c.BackupsDir = filepath.Clean(v)
	return nil
}

func setRemindAt(c *Config, v string) error {
	t, err := time.Parse("15:04", v)
	if err != nil {
		return fmt.Errorf("is a time of day as HH:MM, like 18:00, not %q", v)
	}
	c.RemindAt = t.Format("15:04")
	return nil
}

// configHome and stateHome follow the XDG base directories, with their
// usual defaults under HOME.
func configHome() string { return xdgDir("XDG_CONFIG_HOME", ".config") }
func stateHome() string  { return xdgDir("XDG_STATE_HOME", filepath.Join(".local", "state")) }

func xdgDir(env, fallback string) string {
	if d := os.Getenv(env); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "tend")
	}
	home, err := os.UserHomeDir()
	if err != nil {
		home = os.TempDir()
	}
	return filepath.Join(home, fallback, "tend")
}

// ConfigPath is where this machine's settings file is.
func ConfigPath() string { return filepath.Join(configHome(), "config.toml") }

// LoadConfig reads this machine's settings: the defaults when there is no
// file, and one sentence naming the line when the file cannot be read.
func LoadConfig() (Config, error) {
	path := ConfigPath()
	text, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return DefaultConfig(), nil
	}
	if err != nil {
		return DefaultConfig(), fmt.Errorf("could not read your settings in %s (%v); fix or remove the file", path, unwrapPath(err))
	}
	return parseConfig(string(text), path)
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// parseConfig reads a config.toml's text.
func parseConfig(text, path string) (Config, error) {
	c := DefaultConfig()
	seen := map[string]bool{}
	for i, line := range strings.Split(text, "\n") {
		key, value, ok, err := tomlLine(line)
		if err == nil && ok {
			err = applySetting(&c, key, value, seen)
		}
		if err != nil {
			return DefaultConfig(), fmt.Errorf("%s line %d: %v. Fix that line or remove it; every setting is optional", path, i+1, err)
		}
	}
	return c, nil
}

func applySetting(c *Config, key, value string, seen map[string]bool) error {
	if seen[key] {
		return fmt.Errorf("%s is set twice", key)
	}
	seen[key] = true
	for _, s := range settings() {
		if s.key != key {
			continue
		}
		if s.set == nil {
			return fmt.Errorf("%s is kept in the database; change it with `tend config %s N`", key, key)
		}
		if err := s.set(c, value); err != nil {
			return fmt.Errorf("%s %v", key, err)
		}
		return nil
	}
	return fmt.Errorf("tend has no setting %q (it knows %s)", key, strings.Join(settingKeys()[1:], ", "))
}

// tomlLine reads one line of the subset: blank, a comment, or key = value
// where value is a "string", true, false, a whole number or a bare word.
func tomlLine(line string) (key, value string, ok bool, err error) {
	line = strings.TrimSpace(line)
	if line == "" || strings.HasPrefix(line, "#") {
		return "", "", false, nil
	}
	if strings.HasPrefix(line, "[") {
		return "", "", false, errors.New("tend's settings have no [sections]; write each as key = value")
	}
	key, rest, found := strings.Cut(line, "=")
	key, rest = strings.TrimSpace(key), strings.TrimSpace(rest)
	if !found || key == "" || strings.ContainsAny(key, " \t\"") {
		return "", "", false, errors.New("each line is key = value, like backups-keep = 14")
	}
	if strings.HasPrefix(rest, `"`) {
		value, rest, err = tomlString(rest)
		if err != nil {
			return "", "", false, err
		}
	} else {
		value, _, _ = strings.Cut(rest, "#")
		value, rest = strings.TrimSpace(value), ""
	}
	if rest = strings.TrimSpace(rest); rest != "" && !strings.HasPrefix(rest, "#") {
		return "", "", false, fmt.Errorf("there is more after the value of %s than a # comment", key)
	}
	if value == "" {
		return "", "", false, fmt.Errorf("%s has no value", key)
	}
	return key, value, true, nil
}

// tomlString reads a basic string, with \" and \\ escapes, and returns
// what follows it.
func tomlString(s string) (string, string, error) {
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '"':
			return b.String(), s[i+1:], nil
		case '\\':
			if i+1 < len(s) && (s[i+1] == '"' || s[i+1] == '\\') {
				b.WriteByte(s[i+1])
				i++
				continue
			}
			return "", "", errors.New(`a string may only escape \" and \\`)
		}
		b.WriteByte(s[i])
	}
	return "", "", errors.New("a string is missing its closing quote")
}

// tomlValue writes a value as the file keeps it.
func tomlValue(key, v string) string {
	switch key {
	case "backups", "sound", "notify":
		return strconv.FormatBool(v == "on")
	case "backups-keep":
		return v
	}
	return strconv.Quote(v)
}

// withSetting is text with key set to value: the key's line replaced where
// there is one (comments and other lines kept as they are), else added.
func withSetting(text, key, value string) string {
	line := key + " = " + tomlValue(key, value)
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	if text == "" {
		lines = []string{"# tend's settings for this machine; see `tend config`."}
	}
	for i, l := range lines {
		if k, _, ok, _ := tomlLine(l); ok && k == key {
			lines[i] = line
			return strings.Join(lines, "\n") + "\n"
		}
	}
	return strings.Join(append(lines, line), "\n") + "\n"
}
