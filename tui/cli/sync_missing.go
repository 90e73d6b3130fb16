package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"tend/tui/cli/journal"
)

// forgetMissing forgets the cursors of peers' files gone from the folder,
// at `tend sync init`: the person's way to say such a device and its
// journal are gone for good. What this database holds of their events is
// then sent again as this device's, so the folder keeps the whole history.
func (m *syncMeta) forgetMissing(env Env, dir string) error {
	dev, err := env.Store.DeviceID()
	if err != nil || dir != m.Dir {
		return err
	}
	f, err := readFolder(dir, dev)
	if err != nil {
		return err
	}
	here := map[string]bool{}
	for _, p := range f.peers {
		here[p.name] = true
	}
	for name := range m.Cursors {
		if !here[name] {
			delete(m.Cursors, name)
		}
	}
	return nil
}

// missingPeers is an error naming the peers' files this device has merged
// from that are not in the folder now, or are shorter with the same gen:
// most often a sync tool that has not brought them back yet (iCloud keeps
// only a placeholder of a file it evicted). Their events are in this
// database but not in what the folder says was seen, so a diff then would
// send them again as this device's own, and a day's sessions would count
// twice. So nothing is sent or merged until they are back.
func missingPeers(m *syncMeta, f *folder) error {
	here := map[string]jfile{}
	for _, p := range f.peers {
		here[p.name] = p
	}
	var names []string
	for name, c := range m.Cursors {
		dev, _, ok := journal.ParseFileName(name)
		if p, there := here[name]; !ok || there && (p.header.Gen != c.Gen || p.size >= c.Size) || m.Applied[dev] == 0 {
			continue
		}
		label := c.Label
		if label == "" {
			label = "another device"
		}
		names = append(names, fmt.Sprintf("%s's journal %s", cleanLabel(label), name))
	}
	if len(names) == 0 {
		return nil
	}
	sort.Strings(names)
	verb := "is"
	if len(names) > 1 {
		verb = "are"
	}
	// Two sentences: what is wrong and what waits, then the way out.
	return fmt.Errorf("%s %s missing from the sync folder %s or shorter than when it was merged, so nothing is sent or merged until your sync tool brings it back; your changes wait here. "+
		"If that device is gone for good, run `tend sync init %s` to go on from this device's history",
		strings.Join(names, " and "), verb, m.Dir, filepath.Dir(m.Dir))
}

// lockFor takes this device's sync lock (stepLock); a folder that is not
// there takes none, and the step then says the folder could not be read.
func lockFor(env Env, m *syncMeta) (func(), error) {
	dev, err := env.Store.DeviceID()
	if err != nil {
		return nil, err
	}
	if info, err := os.Stat(m.Dir); err != nil || !info.IsDir() {
		return func() {}, nil
	}
	return stepLock(m.Dir, dev)
}
