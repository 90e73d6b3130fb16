package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	bolt "go.etcd.io/bbolt"

	"tend/coach"
)

// Store is tend's database file. It holds no open handle: every method
// opens the file, runs one transaction and closes it, so a Store can be
// kept for the life of the TUI and shared with nothing to clean up.
type Store struct {
	path string
}

// New returns a Store for the database file at path. It does no I/O.
func New(path string) *Store { return &Store{path: path} }

// Path returns the database file's path.
func (s *Store) Path() string { return s.path }

// Exists reports whether there is something at the database path (Lstat
// only: a link there exists, and opening it is refused).
func (s *Store) Exists() (bool, error) {
	_, err := os.Lstat(s.path)
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, fs.ErrNotExist):
		return false, nil
	}
	return false, fmt.Errorf("could not look for the database %s: %w", s.path, err)
}

// Settings are the person's preferences kept in the database.
type Settings struct {
	// DayStartHour is the local hour a new day begins (0–23).
	DayStartHour int
}

// DefaultSettings are the settings of a new database.
func DefaultSettings() Settings { return Settings{DayStartHour: coach.DefaultDayStartHour} }

// Snapshot is what Today and `tend status` read in one read-only
// transaction: the day-start setting, every goal in ID order, and each
// goal's check-ins on days from the window's start on, in day order. It is
// coach's type so that the TUI, which must not import store, can declare
// the method in its interface.
type Snapshot = coach.Snapshot

// Snapshot reads the settings, every goal and each goal's check-ins on
// days >= from (all of them when from is zero), in one read-only
// transaction. With no database it returns an empty snapshot with the
// default settings; it never creates the file.
func (s *Store) Snapshot(from coach.Day) (Snapshot, error) {
	snap := Snapshot{DayStartHour: coach.DefaultDayStartHour, CheckIns: map[uint64][]coach.CheckIn{}}
	err := s.view(func(tx *bolt.Tx) error {
		b, set, goals, err := readHead(tx)
		if err != nil {
			return err
		}
		for _, g := range goals {
			cs, err := readCheckIns(b.checkIns.Bucket(idKey(g.ID)), g.ID, from, coach.Day{})
			if err != nil {
				return err
			}
			if len(cs) > 0 {
				snap.CheckIns[g.ID] = cs
			}
		}
		snap.DayStartHour, snap.Goals = set.DayStartHour, goals
		return nil
	})
	if errors.Is(err, errNoFile) {
		err = nil
	}
	return snap, err
}

// Head reads the settings and every goal in ID order, and no check-in: what
// a command needs to find a goal by name and know the day. The goals are a
// page or two of the file; a snapshot from today would look into every
// goal's history too. With no database it is the empty snapshot.
func (s *Store) Head() (Snapshot, error) {
	snap := Snapshot{DayStartHour: coach.DefaultDayStartHour, CheckIns: map[uint64][]coach.CheckIn{}}
	err := s.view(func(tx *bolt.Tx) error {
		_, set, goals, err := readHead(tx)
		snap.DayStartHour, snap.Goals = set.DayStartHour, goals
		return err
	})
	if errors.Is(err, errNoFile) {
		err = nil
	}
	return snap, err
}

// Goals returns every goal in ID order.
func (s *Store) Goals() ([]coach.Goal, error) {
	var goals []coach.Goal
	err := s.view(func(tx *bolt.Tx) error {
		b, err := openBuckets(tx)
		if err != nil {
			return err
		}
		goals, err = readGoals(b.goals)
		return err
	})
	if errors.Is(err, errNoFile) {
		err = nil
	}
	return goals, err
}

// CheckIns returns a goal's check-ins on days from..to, both included, in
// day order. A zero from starts at the first check-in and a zero to ends at
// the last. ErrNotFound: there is a database but no such goal.
func (s *Store) CheckIns(goalID uint64, from, to coach.Day) ([]coach.CheckIn, error) {
	var out []coach.CheckIn
	err := s.viewGoal(goalID, func(b buckets) error {
		var err error
		out, err = readCheckIns(b.checkIns.Bucket(idKey(goalID)), goalID, from, to)
		return err
	})
	return out, err
}

// Decisions returns a goal's decisions on days from..to, both included, in
// day order, with the same bounds as CheckIns.
func (s *Store) Decisions(goalID uint64, from, to coach.Day) ([]coach.Decision, error) {
	var out []coach.Decision
	err := s.viewGoal(goalID, func(b buckets) error {
		return scanDays(b.decisions.Bucket(idKey(goalID)), from, to, func(day coach.Day, v []byte) error {
			d, err := decodeDecision(v, goalID, day)
			out = append(out, shownDecision(d))
			return goalRecordError(goalID, err)
		})
	})
	return out, err
}

// viewGoal runs fn in a read transaction after checking that the goal is
// there. A missing file reads as empty.
func (s *Store) viewGoal(goalID uint64, fn func(buckets) error) error {
	err := s.view(func(tx *bolt.Tx) error {
		b, err := openBuckets(tx)
		if err != nil {
			return err
		}
		if b.goals.Get(idKey(goalID)) == nil {
			return says(ErrNotFound, "there is no goal with id %d", goalID)
		}
		return fn(b)
	})
	if errors.Is(err, errNoFile) {
		return nil
	}
	return err
}

// Settings returns the settings, or the defaults when there is no database.
func (s *Store) Settings() (Settings, error) {
	set := DefaultSettings()
	err := s.view(func(tx *bolt.Tx) error {
		b, err := openBuckets(tx)
		if err != nil {
			return err
		}
		set, err = readSettings(b.meta)
		return err
	})
	if errors.Is(err, errNoFile) {
		err = nil
	}
	return set, err
}

// Backup writes a consistent copy of the whole database to w, from one
// read-only transaction, and returns the bytes written. It copies a file of
// any schema version as it is, and migrates nothing.
func (s *Store) Backup(w io.Writer) (int64, error) {
	var n int64
	err := s.withFile(readAccess, func(db *bolt.DB) error {
		return db.View(func(tx *bolt.Tx) error {
			var err error
			n, err = tx.WriteTo(w)
			return err
		})
	})
	switch {
	case errors.Is(err, errNoFile):
		return 0, says(ErrNotFound, "there is no database at %s yet, so there is nothing to back up", s.path)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return n, &damage{path: s.path, detail: "it is shorter than its pages say"}
	}
	if err != nil && !errors.Is(err, ErrBusy) && !errors.Is(err, ErrDamaged) {
		err = fmt.Errorf("could not back up %s: %w", s.path, err)
	}
	return n, err
}

// readHead reads what every whole-database read starts with: the buckets,
// the settings and the goals.
func readHead(tx *bolt.Tx) (buckets, Settings, []coach.Goal, error) {
	b, err := openBuckets(tx)
	if err != nil {
		return b, Settings{}, nil, err
	}
	set, err := readSettings(b.meta)
	if err != nil {
		return b, Settings{}, nil, err
	}
	goals, err := readGoals(b.goals)
	return b, set, goals, err
}

func readSettings(meta *bolt.Bucket) (Settings, error) {
	v := meta.Get(keySettings)
	if v == nil {
		return DefaultSettings(), nil
	}
	return decodeSettings(v)
}

func readGoals(goals *bolt.Bucket) ([]coach.Goal, error) {
	return readGoalsWith(goals, decodeGoal)
}

// readGoalNames reads every goal's id and name alone (decodeGoalName).
func readGoalNames(goals *bolt.Bucket) ([]coach.Goal, error) {
	return readGoalsWith(goals, decodeGoalName)
}

func readGoalsWith(goals *bolt.Bucket, decode func([]byte, uint64) (coach.Goal, error)) ([]coach.Goal, error) {
	// Counted first, so the goals (large values, a hundred of them) are
	// decoded into one array of their number, not copied at each doubling.
	n := 0
	c := goals.Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		n++
	}
	var out []coach.Goal
	if n > 0 {
		out = make([]coach.Goal, 0, n)
	}
	err := goals.ForEach(func(k, v []byte) error {
		id, err := parseIDKey(k)
		if err != nil {
			return err
		}
		if v == nil {
			return badRecord("goal %d is a bucket, not a record", id)
		}
		g, err := decode(v, id)
		out = append(out, shownGoal(g))
		return err
	})
	return out, err
}

// readGoal reads one goal; ErrNotFound when it is not there.
func readGoal(goals *bolt.Bucket, id uint64) (coach.Goal, error) {
	v := goals.Get(idKey(id))
	if v == nil {
		return coach.Goal{}, says(ErrNotFound, "there is no goal with id %d", id)
	}
	g, err := decodeGoal(v, id)
	return shownGoal(g), err
}

// readCheckIns reads the check-ins of one goal's sub-bucket (nil: none yet)
// on days from..to, in day order.
func readCheckIns(sub *bolt.Bucket, goalID uint64, from, to coach.Day) ([]coach.CheckIn, error) {
	return readCheckInsInto(nil, sub, goalID, from, to)
}

// readCheckInsInto is readCheckIns into buf's array when it is big enough:
// a review of every goal reads them one after another into one array, not
// a new one (cleared by the runtime) a goal.
func readCheckInsInto(buf []coach.CheckIn, sub *bolt.Bucket, goalID uint64, from, to coach.Day) ([]coach.CheckIn, error) {
	var out []coach.CheckIn
	if sub != nil {
		// A span of days holds a check-in a day at most: sized once, from
		// its bounds or the goal's first and newest days, the slice is
		// never copied as it grows (Today reads 400 days of every goal, a
		// review one goal's twenty years).
		c := sub.Cursor()
		first, last := from, to
		if first.IsZero() {
			if k, _ := c.First(); len(k) == dayKeyLen {
				first, _ = parseDayKey(k)
			}
		}
		if last.IsZero() {
			if k, _ := c.Last(); len(k) == dayKeyLen {
				last, _ = parseDayKey(k)
			}
		}
		if n := min(last.DaysSince(first)+1, 1<<15); !first.IsZero() && !last.IsZero() && n > 0 {
			out = buf[:0]
			if cap(buf) < n {
				out = make([]coach.CheckIn, 0, n)
			}
		}
	}
	err := scanDays(sub, from, to, func(day coach.Day, v []byte) error {
		// The slot is written whole by the decode (zeroed on an error), so
		// an array lent again is not cleared first.
		if len(out) < cap(out) {
			out = out[:len(out)+1]
		} else {
			out = append(out, coach.CheckIn{})
		}
		c := &out[len(out)-1]
		if err := decodeCheckInTo(c, v, goalID, day); err != nil {
			out = out[:len(out)-1]
			return goalRecordError(goalID, err)
		}
		if c.Note != "" {
			*c = shownCheckIn(*c)
		}
		return nil
	})
	return out, err
}

// scanDays calls fn for each record of a goal's sub-bucket on days from..to
// in day order (zero bounds are open). The value is only valid inside fn.
func scanDays(sub *bolt.Bucket, from, to coach.Day, fn func(coach.Day, []byte) error) error {
	lo, hi, ok := dayRange(from, to)
	if sub == nil || !ok {
		return nil
	}
	c := sub.Cursor()
	last := binary.BigEndian.Uint32(hi)
	for k, v := c.Seek(lo); k != nil && !pastDay(k, hi, last); k, v = c.Next() {
		day, err := parseDayKey(k)
		if err != nil {
			return err
		}
		if v == nil {
			return badRecord("the day %s is a bucket, not a record", day)
		}
		if err := fn(day, v); err != nil {
			return err
		}
	}
	return nil
}

// pastDay reports whether key k sorts after hi, the key of day number
// last: a day key is four bytes, compared as the number they make rather
// than by bytes.Compare for every record of a scan.
func pastDay(k, hi []byte, last uint32) bool {
	if len(k) == dayKeyLen {
		return binary.BigEndian.Uint32(k) > last
	}
	return bytes.Compare(k, hi) > 0
}

// goalRecordError names the goal in a record's error.
func goalRecordError(goalID uint64, err error) error {
	if err == nil {
		return nil // before errors.As, whose target would be allocated for every record read
	}
	var d *damage
	if errors.As(err, &d) {
		return badRecord("goal %d: %s", goalID, d.detail)
	}
	return err
}
