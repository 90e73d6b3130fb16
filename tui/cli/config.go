package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"tend/coach"
	"tend/tui"
)

// configCommand is `tend config [KEY [VALUE]]`: every setting with what it
// does, one setting's value, or a change to one.
func configCommand(*flag.FlagSet) func(Env, []string) error {
	return func(env Env, args []string) error {
		if len(args) == 0 {
			return showSettings(env)
		}
		s, ok := findSetting(args[0])
		if !ok {
			if near := nearest(args[0], settingKeys()); near != "" {
				return usagef("There is no setting %q. Did you mean `tend config %s`?", args[0], near)
			}
			return usagef("There is no setting %q; `tend config` lists them", args[0])
		}
		if len(args) == 1 {
			v, err := settingValue(env, s)
			if err != nil {
				return err
			}
			return writeLines(env.Out, v)
		}
		if s.set == nil {
			return setDayStart(env, args[1])
		}
		return setMachineSetting(env, s, args[1])
	}
}

func findSetting(key string) (setting, bool) {
	for _, s := range settings() {
		if s.key == strings.ToLower(key) {
			return s, true
		}
	}
	return setting{}, false
}

func settingValue(env Env, s setting) (string, error) {
	if s.get == nil {
		hour, err := dayStartHour(env)
		return strconv.Itoa(hour), err
	}
	c, err := LoadConfig()
	return s.get(c), err
}

// dayStartHour is the database's, or the default when there is none yet.
func dayStartHour(env Env) (int, error) {
	if ok, err := env.Store.Exists(); err != nil || !ok {
		return coach.DefaultDayStartHour, err
	}
	snap, err := env.goals()
	return snap.DayStartHour, err
}

func showSettings(env Env) error {
	c, err := LoadConfig()
	if err != nil {
		return err
	}
	hour, err := dayStartHour(env)
	if err != nil {
		return err
	}
	var b strings.Builder
	values := map[string]string{}
	width := 0
	for _, s := range settings() {
		values[s.key] = strconv.Itoa(hour)
		if s.get != nil {
			values[s.key] = s.get(c)
		}
		width = max(width, len([]rune(values[s.key])))
	}
	for _, s := range settings() {
		head := fmt.Sprintf("%-13s %-*s  ", s.key, width, values[s.key])
		b.WriteString(head + strings.Join(tui.Hanging(s.about, env.Width, len([]rune(head))), "\n") + "\n")
	}
	where := "not there yet, so all are the defaults"
	if _, err := os.Lstat(ConfigPath()); err == nil {
		where = "optional; remove it for the defaults"
	}
	for _, line := range []string{"", fmt.Sprintf("This machine's settings are in %s (%s).", ConfigPath(), where),
		"Change one with `tend config KEY VALUE`, like `tend config day-start 5`."} {
		b.WriteString(strings.Join(tui.Hanging(line, env.Width, 0), "\n") + "\n")
	}
	_, err = io.WriteString(env.Out, b.String())
	return err
}

func setDayStart(env Env, v string) error {
	hour, err := wholeSetting("day-start", v, 0, 23)
	if err != nil {
		return usagef("`day-start` %v; it is the hour a new day begins, like 4 for 04:00", err)
	}
	if err := env.Store.SetDayStartHour(hour); err != nil {
		return err
	}
	return confirm(env, fmt.Sprintf("A new day now starts at %02d:00: a check-in before then counts for the day before.", hour))
}

// setMachineSetting changes one key in config.toml and says so.
func setMachineSetting(env Env, s setting, v string) error {
	c, path, err := saveSetting(s, v)
	if err != nil {
		return err
	}
	return writeLines(env.Out, fmt.Sprintf("%s is now %s (in %s).", s.key, s.get(c), path))
}

// saveSetting changes one key in config.toml, keeping the file's other
// lines and comments, through a temporary file renamed into place.
func saveSetting(s setting, v string) (Config, string, error) {
	c := DefaultConfig()
	path := ConfigPath()
	if err := s.set(&c, v); err != nil {
		return c, path, usagef("`%s` %v", s.key, err)
	}
	old, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return c, path, fmt.Errorf("could not read your settings in %s (%v)", path, unwrapPath(err))
	}
	text := withSetting(string(old), s.key, s.get(c))
	if _, err := parseConfig(text, path); err != nil {
		return c, path, err // the rest of the file was already unreadable: said with its line
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return c, path, couldNotWrite(path, err)
	}
	return c, path, writeText(path, text)
}

// writeText puts a small text file in place whole, replacing a regular
// file there and nothing else.
func writeText(path, text string) error {
	dest, place, err := outTarget(path, "", placeReplace)
	if err != nil {
		return err
	}
	_, err = writeAtomically(dest, place, func(w io.Writer) error {
		_, err := io.WriteString(w, text)
		return err
	})
	return err
}
