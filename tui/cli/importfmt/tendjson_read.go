package importfmt

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// The walk over a tend export's JSON: the top-level object key by key, and
// the three big arrays one element at a time.

func (t *tendReader) read() error {
	if err := t.delim('{'); err != nil {
		return err
	}
	for t.dec.More() {
		tok, err := t.dec.Token()
		if err != nil {
			return err
		}
		key, _ := tok.(string)
		switch key {
		case "format":
			err = t.dec.Decode(&t.format)
		case "version":
			var n json.Number
			if err = t.dec.Decode(&n); err == nil {
				v, cerr := n.Int64()
				if cerr != nil {
					return t.bad("version", "is not a whole number")
				}
				iv := int(v)
				t.version = &iv
			}
		case "settings":
			err = t.settings()
		case "goals":
			err = t.array(key, t.goal)
		case "checkins":
			err = t.array(key, t.checkIn)
		case "decisions":
			err = t.array(key, t.decision)
		case "device":
			var skip json.RawMessage
			err = t.dec.Decode(&skip)
		default:
			var skip json.RawMessage
			err = t.dec.Decode(&skip)
			t.src.UnknownFields++
		}
		if err != nil {
			return err
		}
		if key == "version" || key == "format" {
			if err := t.checkHead(); err != nil {
				return err
			}
		}
	}
	if err := t.delim('}'); err != nil {
		return err
	}
	if t.format != "tend-export" || t.version == nil {
		return errorf(t.file, 0, "this is not a tend export: it has no \"format\": \"tend-export\" and version")
	}
	return nil
}

// checkHead refuses a newer version as soon as it is read.
func (t *tendReader) checkHead() error {
	if t.format != "" && t.format != "tend-export" {
		return errorf(t.file, 0, "this is not a tend export (its format is %q)", t.format)
	}
	if t.version != nil && *t.version > 1 {
		return errorf(t.file, 0, "this export was written by a newer tend (version %d); update tend to import it", *t.version)
	}
	if t.version != nil && *t.version < 1 {
		return errorf(t.file, 0, "its version %d is not one tend has written", *t.version)
	}
	return nil
}

func (t *tendReader) delim(want json.Delim) error {
	tok, err := t.dec.Token()
	if err != nil {
		return err
	}
	if d, ok := tok.(json.Delim); !ok || d != want {
		return errorf(t.file, 0, "the JSON has %v at byte %d where tend expects %q; this is not a tend export", tok, t.dec.InputOffset(), want)
	}
	return nil
}

func (t *tendReader) settings() error {
	var s struct {
		DayStartHour *int `json:"day_start_hour"`
	}
	var raw json.RawMessage
	if err := t.dec.Decode(&raw); err != nil {
		return err
	}
	if err := t.strict(raw, &s); err != nil {
		return t.bad("settings", "cannot be read: %v", err)
	}
	if h := s.DayStartHour; h != nil {
		if *h < 0 || *h > 23 {
			return t.bad("settings.day_start_hour", "is %d, not an hour from 0 to 23", *h)
		}
		t.src.DayStartHour = h
	}
	return nil
}

// array reads a JSON array element by element.
func (t *tendReader) array(key string, each func(path string, raw json.RawMessage) error) error {
	tok, err := t.dec.Token()
	if err != nil {
		return err
	}
	if tok == nil {
		return nil
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return t.bad(key, "is not a list")
	}
	var raw json.RawMessage
	for i := 0; t.dec.More(); i++ {
		raw = raw[:0]
		if err := t.dec.Decode(&raw); err != nil {
			return err
		}
		if len(raw) > MaxLine {
			return t.bad(fmt.Sprintf("%s[%d]", key, i), "is longer than 1 MiB, which no tend export has")
		}
		if err := each(fmt.Sprintf("%s[%d]", key, i), raw); err != nil {
			return err
		}
	}
	_, err = t.dec.Token()
	return err
}

// strict decodes raw into v, counting fields this tend does not know
// rather than failing on them (IMPORT §7.1: they are ignored and counted).
func (t *tendReader) strict(raw json.RawMessage, v any) error {
	d := json.NewDecoder(bytes.NewReader(raw))
	d.DisallowUnknownFields()
	err := d.Decode(v)
	if err == nil || !strings.HasPrefix(err.Error(), "json: unknown field") {
		return err
	}
	var all map[string]json.RawMessage
	if err := json.Unmarshal(raw, &all); err != nil {
		return err
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return err
	}
	known := jsonFields(v)
	for k := range all {
		if !known[k] {
			t.src.UnknownFields++
		}
	}
	return nil
}
