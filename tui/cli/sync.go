package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"unicode/utf8"

	"tend/coach"
)

// syncMeta is the device-local sync record (kept in the store's meta,
// never journaled): where the folder is, who this device is, and how far
// each peer's file has been merged.
type syncMeta struct {
	Dir     string            `json:"dir"` // DIR/tend
	Label   string            `json:"label"`
	Host    string            `json:"host"`
	DB      string            `json:"db"` // the database's absolute path: a copy elsewhere is a second writer
	Cursors map[string]cursor `json:"cursors"`
	// Applied is, per peer device, the highest seq merged so far: a
	// device's seqs grow in its files' order, so this names exactly the
	// set of its events the database holds, even after the peer rewrote a
	// file (a scrub) or an event waited for its clock.
	Applied map[string]uint64 `json:"applied"`
	// Newer are the ids of peer events a newer tend wrote, passed over:
	// once this tend is updated and reads them, they are applied then.
	Newer []string `json:"newer,omitempty"`
	Seq   uint64   `json:"seq"` // the highest seq this device wrote: never used again
	// Clock is the latest clock this device has seen or written, as of
	// the last step: the next event's clock comes after it (SYNC §4.2).
	Clock string `json:"clock,omitempty"`
	// Snapshot is set by `tend sync init` until the device's history has
	// gone out as its first journal (SYNC §8), so that an init whose
	// append failed still sends it as a snapshot when it is retried.
	Snapshot bool `json:"snapshot,omitempty"`
	// Compacted is the month ("2026-12") of the last compaction (SYNC §10).
	Compacted string `json:"compacted,omitempty"`
	Updated   string `json:"updated,omitempty"` // a label to say "Updated from" once on Today
	// Twins are the sentences naming which same-name goal came from which
	// device, as of the last merge; Tell, those Today has still to say
	// once, because a merge `tend sync` did not print brought them.
	Twins []string `json:"twins,omitempty"`
	Tell  []string `json:"tell,omitempty"`
	// quiet is a merge nobody is shown (the app's, `tend status`'s): what
	// it brings is left for Today to say once. `tend sync` prints it.
	quiet bool
}

// cursor is a peer's file as it was at the last merge (SYNC §6.2): a
// changed size or mtime is what makes `tend status` merge.
type cursor struct {
	Gen   int    `json:"gen"`
	Size  int64  `json:"size"`
	Mtime int64  `json:"mtime"`
	Label string `json:"label,omitempty"` // its device's, to name it should the file go missing
}

// errSyncOff is a sync command before `tend sync init`.
var errSyncOff = errors.New("sync is not set up on this device. Turn it on with `tend sync init DIR`, DIR being a folder your sync tool keeps in step")

func loadSyncMeta(st Store) (*syncMeta, error) {
	b, err := st.SyncMeta()
	if err != nil || b == nil {
		return nil, err
	}
	var m syncMeta
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("the sync settings in the database do not read (%v). Run `tend sync init DIR` again", err)
	}
	if m.Cursors == nil {
		m.Cursors = map[string]cursor{}
	}
	if m.Applied == nil {
		m.Applied = map[string]uint64{}
	}
	return &m, nil
}

// checkSameWriter stops a copied database from writing as this device
// (SYNC §2): its host or its path differs from where sync was set up.
func (m *syncMeta) checkSameWriter(st Store) error {
	host, _ := os.Hostname()
	abs, _ := filepath.Abs(st.Path())
	if host != m.Host || abs != m.DB {
		return fmt.Errorf("this database was set up for sync at %s on %s; a copy must not write as the same device. Run `tend sync init %s` here to sync it as a device of its own",
			m.DB, m.Host, filepath.Dir(m.Dir))
	}
	return nil
}

// cleanLabel is a device label as shown: printable, at most 40 characters.
func cleanLabel(s string) string {
	s = coach.Printable(s)
	for utf8.RuneCountInString(s) > 40 {
		_, n := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-n]
	}
	if s == "" {
		s = "this device"
	}
	return s
}

// syncResult is what one sync step did, for the words.
type syncResult struct {
	sent     int
	incoming map[string]map[string]int // new peer events: device → words → count
	order    []string                  // devices in the order their events came
	same     map[string]int            // a peer's snapshot events this device held already (SYNC §8)
	sameOrd  []string
	labels   map[string]string
	deleted  []string // goals a peer deleted, by name
	held     []string // goals a resume could not lift
	ign      ignored
	back     held     // what waits, and why
	twins    []string // which same-name goal came from which device
}
