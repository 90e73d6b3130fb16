package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"

	"tend/tui/cli/journal"
)

// MergeIfChanged merges the peers' journals when one of them changed
// since the last merge (its size or mtime differs from its cursor, or it
// is new), as `tend status` and the app's start do. When nothing changed
// it only reads the folder's listing and writes nothing.
func MergeIfChanged(env Env) error {
	m, err := loadSyncMeta(env.Store)
	if err != nil || m == nil {
		return err
	}
	if err := m.checkSameWriter(env.Store); err != nil {
		return err
	}
	dev, err := env.Store.DeviceID()
	if err != nil {
		return err
	}
	entries, err := os.ReadDir(m.Dir)
	if err != nil {
		return err
	}
	changed := false
	for _, e := range entries {
		d, _, ok := journal.ParseFileName(e.Name())
		if !ok || d == dev {
			continue
		}
		info, err := os.Lstat(filepath.Join(m.Dir, e.Name()))
		if err != nil {
			continue
		}
		c, seen := m.Cursors[e.Name()]
		if !seen || c.Size != info.Size() || c.Mtime != info.ModTime().UnixNano() {
			changed = true
			break
		}
	}
	if !changed {
		return nil
	}
	m.quiet = true
	_, err = syncStep(env, m, true)
	return err
}

// TakeUpdated returns, once, what the merges nobody was shown brought
// ("" when nothing did since the last time), for the app to say:
// "Updated from laptop." and which same-name goal came from which device.
func TakeUpdated(env Env) (string, error) {
	m, err := loadSyncMeta(env.Store)
	if err != nil || m == nil || m.Updated == "" && len(m.Tell) == 0 {
		return "", err
	}
	var parts []string
	if m.Updated != "" {
		parts = append(parts, "Updated from "+m.Updated+".")
	}
	parts = append(parts, m.Tell...)
	m.Updated, m.Tell = "", nil
	b, err := json.Marshal(m)
	if err != nil {
		return "", err
	}
	return strings.Join(parts, " "), env.Store.SetSyncMeta(b)
}
