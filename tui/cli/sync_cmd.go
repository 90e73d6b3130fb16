package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"tend/coach"
)

// syncCommand is `tend sync`, `tend sync init DIR` and `tend sync status`.
func syncCommand(fs *flag.FlagSet) func(env Env, args []string) error {
	label := fs.String("label", "", "this device's name in the other devices' reports (default: the host name)")
	return func(env Env, args []string) error {
		switch {
		case len(args) == 0:
			return syncNow(env)
		case args[0] == "init" && len(args) == 2:
			return syncInit(env, args[1], *label)
		case args[0] == "init":
			return usagef("Say which folder, for example `tend sync init ~/Sync`.")
		case args[0] == "status" && len(args) == 1:
			return syncStatus(env)
		}
		return usagef("There is no `tend sync %s`. Use `tend sync`, `tend sync init DIR` or `tend sync status`.", strings.Join(args, " "))
	}
}

func syncInit(env Env, dir, label string) error {
	sub, err := makeFolder(dir)
	if err != nil {
		return err
	}
	m, err := loadSyncMeta(env.Store)
	if err != nil {
		return err
	}
	if m == nil {
		m = &syncMeta{Cursors: map[string]cursor{}, Applied: map[string]uint64{}}
	}
	old, err := env.Store.DeviceID()
	if err != nil {
		return err
	}
	if err := m.setUp(env, sub, label); err != nil {
		return err
	}
	dev, err := env.Store.DeviceID()
	if err != nil {
		return err
	}
	was, err := env.Store.Head()
	if err != nil {
		return err
	}
	res, err := syncStep(env, m, true)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Out, "Sync is on: this device is %s (%s), writing to %s.\n", m.Label, dev, sub)
	if old != "" && dev != old { // "": the database is new, and so its id
		fmt.Fprintf(env.Out, "This database is a copy of one that syncs through this folder, so it now has a device id of its own (it was %s).\n", old)
	}
	if err := sayReplayed(env, was.Goals); err != nil {
		return err
	}
	return res.say(env.Out)
}

// setUp points the sync record at the folder sub under label, with an id
// of its own for a copy of a database that syncs, and keeps it.
func (m *syncMeta) setUp(env Env, sub, label string) error {
	host, _ := os.Hostname()
	abs, err := filepath.Abs(env.Store.Path())
	if err != nil {
		return err
	}
	if err := m.newIDForACopy(env, host, abs, sub); err != nil {
		return err
	}
	if label == "" {
		label = host
	}
	if err := m.checkFolderMove(env, sub); err != nil {
		return err
	}
	if err := m.forgetMissing(env, sub); err != nil {
		return err
	}
	m.Dir, m.Label, m.Host, m.DB = sub, cleanLabel(label), host, abs
	m.Snapshot = m.Seq == 0 // a device that has written nothing sends its history as a snapshot (SYNC §8)
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return env.Store.SetSyncMeta(b)
}

// checkFolderMove refuses a new folder while this device has already
// written to another one, unless its journals have been moved there; a
// moved folder starts its cursors afresh.
func (m *syncMeta) checkFolderMove(env Env, sub string) error {
	if m.Dir == "" || sub == m.Dir || m.Seq == 0 {
		return nil
	}
	// What this device wrote and merged is in the old folder's
	// journals; starting afresh would send its whole history again
	// under new ids, and the other devices' share of it as its own.
	dev, err := env.Store.DeviceID()
	if err != nil {
		return err
	}
	if f, err := readFolder(sub, dev); err != nil || len(f.own) == 0 {
		return fmt.Errorf("sync already uses %s. To move it, move that tend folder's files into %s first (your sync tool can), then run this again", m.Dir, sub)
	}
	m.Cursors = map[string]cursor{}
	return nil
}

// newIDForACopy gives this database a device id of its own when it is a
// copy of one that syncs: set up on another host or path, its own files
// hold events it never wrote, or a sync tool made a conflict copy of one
// of them (two writers changed it). What it held of the old id's events
// (up to the seq it had written) counts as applied, so that history is
// merged once, not twice.
func (m *syncMeta) newIDForACopy(env Env, host, abs, dir string) error {
	old, err := env.Store.DeviceID()
	if err != nil {
		return err
	}
	// A database set up here for the first time whose id already has
	// journals in the folder is a copy made before either synced (the id
	// is made with the database): two writers must not share an id.
	copied := m.Host != "" && (host != m.Host || abs != m.DB)
	if !copied {
		f, err := readFolder(dir, old)
		if err != nil {
			return err
		}
		_, seq := ownEvents(f.own)
		copied = seq > m.Seq || f.ownConflict != ""
	}
	if !copied {
		return nil
	}
	if _, err := env.Store.NewDeviceID(); err != nil {
		return err
	}
	m.Applied[old] = max(m.Applied[old], m.Seq)
	m.Seq = 0
	return nil
}

// sayReplayed names each goal whose step came out different once its
// history was replayed from the journal (SYNC §8): possible where check-ins
// lack the time they were written.
func sayReplayed(env Env, before []coach.Goal) error {
	now, err := env.Store.Head()
	if err != nil {
		return err
	}
	level := map[string]int{}
	for _, g := range before {
		level[g.UID] = g.Level
	}
	for _, g := range now.Goals {
		if l, ok := level[g.UID]; ok && l != g.Level {
			fmt.Fprintf(env.Out, "%s is at level %d after its history was replayed in the order it was written (it was at %d).\n", g.Name, g.Level, l)
		}
	}
	return nil
}

func syncNow(env Env) error {
	m, err := loadSyncMeta(env.Store)
	if err != nil {
		return err
	}
	if m == nil {
		return errSyncOff
	}
	if err := m.checkSameWriter(env.Store); err != nil {
		return err
	}
	res, err := syncStep(env, m, true)
	if err != nil {
		return err
	}
	if err := res.say(env.Out); err != nil {
		return err
	}
	return compactMonthly(env, m)
}

// SyncAfterWrite sends a write to the sync folder, after the database has
// it: when sync is on and the folder can be written. It never merges. Its
// error is for one line on stderr; the change stays in the database and
// goes out with the next write or `tend sync`.
func SyncAfterWrite(env Env) error {
	m, err := loadSyncMeta(env.Store)
	if err != nil || m == nil {
		return err
	}
	if err := m.checkSameWriter(env.Store); err != nil {
		return err
	}
	if ok, err := sendChanged(env, m); ok || err != nil {
		return err
	}
	if ok, err := sendGoals(env, m); ok || err != nil {
		return err
	}
	_, err = syncStep(env, m, false)
	return err
}

// say prints what a sync did: what went out, what came in per device,
// and what was left alone.
func (r syncResult) say(w io.Writer) error {
	var b strings.Builder
	if r.sent > 0 {
		fmt.Fprintf(&b, "Sent %s to the sync folder.\n", count(r.sent, "change", "changes"))
	}
	for _, d := range r.order {
		var parts []string
		kinds := make([]string, 0, len(r.incoming[d]))
		for k := range r.incoming[d] {
			kinds = append(kinds, k)
		}
		sort.Slice(kinds, func(i, j int) bool { return wordRank(kinds[i]) < wordRank(kinds[j]) })
		for _, k := range kinds {
			parts = append(parts, countWords(r.incoming[d][k], k))
		}
		fmt.Fprintf(&b, "%s from %s.\n", upperFirstASCII(strings.Join(parts, ", ")), r.label(d))
	}
	if len(r.order) == 0 {
		b.WriteString("Nothing new from your other devices.\n")
	}
	for _, d := range r.sameOrd { // the same history from a copy or an import, taken once
		verb, rest := "are", "they count"
		if r.same[d] == 1 {
			verb, rest = "is", "it counts"
		}
		fmt.Fprintf(&b, "%s from %s %s the same as this device's history, so %s once.\n", count(r.same[d], "change", "changes"), r.label(d), verb, rest)
	}
	for _, d := range append(r.deleted, r.held...) {
		fmt.Fprintf(&b, "%s.\n", d)
	}
	for _, t := range r.twins {
		fmt.Fprintln(&b, t)
	}
	for _, s := range r.back.words(r.label) {
		fmt.Fprintln(&b, s)
	}
	if s := r.ign.words(); s != "" {
		fmt.Fprintf(&b, "Left alone: %s.\n", s)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// syncStatus is `tend sync status`: read only, it never writes the
// database or the folder.
func syncStatus(env Env) error {
	m, err := loadSyncMeta(env.Store)
	if err != nil {
		return err
	}
	if m == nil {
		_, err := fmt.Fprintln(env.Out, "Sync is off on this device. Turn it on with `tend sync init DIR`.")
		return err
	}
	dev, err := env.Store.DeviceID()
	if err != nil {
		return err
	}
	f, err := readFolder(m.Dir, dev)
	if err != nil {
		return err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Sync folder: %s\n", m.Dir)
	writeDeviceLines(&b, dev, m.Label, f)
	if miss := missingPeers(m, f); miss != nil {
		// What waits cannot be told from a folder without it.
		fmt.Fprintf(&b, "%s.\n", upperFirstASCII(miss.Error()))
	} else if err := writeWaiting(&b, env, m, f, dev); err != nil {
		return err
	}
	if s := f.ign.words(); s != "" {
		fmt.Fprintf(&b, "Left alone: %s.\n", s)
	}
	_, err = io.WriteString(env.Out, b.String())
	return err
}

// writeWaiting says what waits to go out, which same-name goal came from
// which device, and what a merge now would hold back.
func writeWaiting(b *strings.Builder, env Env, m *syncMeta, f *folder, dev string) error {
	out, twins, back, err := pendingOut(env, m, f)
	if err != nil {
		return err
	}
	if len(out) == 0 {
		b.WriteString("Nothing is waiting to go out.\n")
	} else {
		fmt.Fprintf(b, "Waiting to go out: %s (run `tend sync`).\n", count(len(out), "change", "changes"))
	}
	r := syncResult{labels: map[string]string{dev: m.Label}}
	for _, p := range f.peers {
		r.labels[p.dev] = p.header.Label
	}
	for _, s := range append(twinWords(twins, r.label), back.words(r.label)...) {
		fmt.Fprintln(b, s)
	}
	return nil
}

// writeDeviceLines writes one line per device that has written to the
// folder, this device first and the others in a fixed order, names padded
// to one column so the ids and "last seen" line up.
func writeDeviceLines(b *strings.Builder, dev, label string, f *folder) {
	labels := map[string]string{dev: label}
	byDev := map[string][]jfile{dev: f.own}
	devs := []string{dev}
	for _, p := range f.peers {
		if byDev[p.dev] == nil {
			devs = append(devs, p.dev)
		}
		byDev[p.dev] = append(byDev[p.dev], p)
		labels[p.dev] = p.header.Label
	}
	sort.Strings(devs[1:])
	names, width := make([]string, len(devs)), 0
	for i, d := range devs {
		names[i] = cleanLabel(labels[d])
		if i == 0 {
			names[i] += " (this device)"
		}
		width = max(width, utf8.RuneCountInString(names[i]))
	}
	for i, d := range devs {
		when, n := lastSeen(byDev[d])
		seen := "nothing written yet"
		if n > 0 {
			seen = "last seen " + when.Format("2006-01-02 15:04 UTC")
		}
		pad := strings.Repeat(" ", width-utf8.RuneCountInString(names[i]))
		fmt.Fprintf(b, "  %s%s  %s  %s, %s\n", names[i], pad, d, seen, count(n, "change", "changes"))
	}
}
