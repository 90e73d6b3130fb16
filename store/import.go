package store

import (
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"tend/coach"
)

// The import's types are coach's, so that tui/cli, which must not import
// store, can declare Import in its interface (as Snapshot is).
type (
	ImportLocal   = coach.ImportLocal
	ImportBatch   = coach.ImportBatch
	ImportGoal    = coach.ImportGoal
	ImportCheckIn = coach.ImportCheckIn
	ImportResult  = coach.ImportResult
)

// ImportTxBytes is about how many bytes of records one import transaction
// writes before the next whole goal goes into a new one. bbolt keeps a
// transaction's pages in memory until it commits, so an import of twenty
// years of a hundred goals in one would take several times this much
// memory; IMPORT §3.6 allows a few transactions of whole goals. [D]
var ImportTxBytes = 8 << 20

// Import runs plan on the database as it is and writes what it returns:
// new goals, and check-ins whose decisions the engine makes in order, with
// each goal's final state. Everything plan needs is read and checked
// inside the first write transaction, so a failure leaves the file as it
// was. An import larger than ImportTxBytes is written in several
// transactions, each holding whole goals: running it again completes one
// that was interrupted. With dry set nothing is written and no file is
// created; the replay still runs, so the result is the one a real import
// would give. progress, when set, is told the check-ins done so far.
func (s *Store) Import(dry bool, plan func(ImportLocal) (ImportBatch, error), progress func(done, total int)) (ImportResult, error) {
	if dry {
		return s.dryImport(plan, progress)
	}
	var (
		res   ImportResult
		batch ImportBatch
		next  int
		done  int
	)
	for first := true; first || next < len(batch.Goals); first = false {
		err := s.update(createAccess, "the import", func(tx *bolt.Tx) error {
			b, err := openBuckets(tx)
			if err != nil {
				return err
			}
			if first {
				if batch, err = startImport(b, plan); err != nil {
					return err
				}
			}
			w := &importWriter{b: b, total: total(batch), done: done, progress: progress}
			w.dev, err = readDeviceID(b.meta)
			if err != nil {
				return err
			}
			for next < len(batch.Goals) && (w.bytes < ImportTxBytes || w.bytes == 0) {
				g, err := w.goal(batch.Goals[next])
				if err != nil {
					return err
				}
				batch.Goals[next].Goal.ID = g.ID // a later transaction must not make it again
				res.Goals = append(res.Goals, g)
				next++
			}
			done = w.done
			return nil
		})
		if errors.Is(err, errNothingNew) {
			// Rolled back: a second import of the same file leaves the
			// file as it was, byte for byte.
			return s.dryImport(plan, nil)
		}
		if err != nil {
			if res.Transactions > 0 {
				return res, fmt.Errorf("%w. %d of %d goals were imported in full before this; run the same import again to finish it",
					err, len(res.Goals), len(batch.Goals))
			}
			return ImportResult{}, err
		}
		res.Transactions++
	}
	return res, nil
}

// startImport plans the import in its first transaction, against what the
// database holds then, and sets the day start the file brings. Nothing new
// is errNothingNew, so the caller rolls back and the file is untouched.
func startImport(b buckets, plan func(ImportLocal) (ImportBatch, error)) (ImportBatch, error) {
	batch, err := runPlan(b, plan)
	if err != nil {
		return batch, err
	}
	if nothingNew(batch) {
		return batch, errNothingNew
	}
	if batch.DayStartHour != nil {
		if err := putSettings(b.meta, *batch.DayStartHour); err != nil {
			return batch, err
		}
	}
	return batch, nil
}

func (s *Store) dryImport(plan func(ImportLocal) (ImportBatch, error), progress func(done, total int)) (ImportResult, error) {
	var res ImportResult
	err := s.view(func(tx *bolt.Tx) error {
		b, err := openBuckets(tx)
		if err != nil {
			return err
		}
		batch, err := runPlan(b, plan)
		if err != nil {
			return err
		}
		w := &importWriter{b: b, dry: true, total: total(batch), progress: progress}
		for _, ig := range batch.Goals {
			g, err := w.goal(ig)
			if err != nil {
				return err
			}
			res.Goals = append(res.Goals, g)
			w.countTransactions(&res)
		}
		if w.bytes > 0 || (res.Transactions == 0 && !nothingNew(batch)) {
			res.Transactions++
		}
		return nil
	})
	if errors.Is(err, errNoFile) {
		res.Goals = nil
		batch, err := plan(ImportLocal{DayStartHour: coach.DefaultDayStartHour, CheckIns: noCheckIns})
		if err != nil {
			return ImportResult{}, err
		}
		w := &importWriter{dry: true, total: total(batch), progress: progress}
		for _, ig := range batch.Goals {
			g, err := w.goal(ig)
			if err != nil {
				return ImportResult{}, err
			}
			res.Goals = append(res.Goals, g)
			w.countTransactions(&res)
		}
		if w.bytes > 0 || (res.Transactions == 0 && !nothingNew(batch)) {
			res.Transactions++
		}
		return res, nil
	}
	return res, err
}

// errNothingNew rolls back an import that would add nothing.
var errNothingNew = errors.New("nothing new to import")

func nothingNew(b ImportBatch) bool {
	if b.DayStartHour != nil {
		return false
	}
	for _, g := range b.Goals {
		if g.Goal.ID == 0 || len(g.CheckIns) > 0 || (g.Provenance != nil && g.Goal.ImportedFrom == nil) {
			return false
		}
	}
	return true
}

// countTransactions counts, on a dry run, the transactions a real import
// would end after the goal just written (the last one is counted at the end).
func (w *importWriter) countTransactions(res *ImportResult) {
	if w.bytes >= ImportTxBytes {
		res.Transactions++
		w.bytes = 0
	}
}

func noCheckIns(uint64) ([]coach.CheckIn, error) { return nil, nil }

func total(b ImportBatch) int {
	n := 0
	for _, g := range b.Goals {
		n += len(g.CheckIns)
	}
	return n
}

func runPlan(b buckets, plan func(ImportLocal) (ImportBatch, error)) (ImportBatch, error) {
	set, err := readSettings(b.meta)
	if err != nil {
		return ImportBatch{}, err
	}
	goals, err := readGoals(b.goals)
	if err != nil {
		return ImportBatch{}, err
	}
	dev, _ := readDeviceID(b.meta)
	return plan(ImportLocal{
		DayStartHour: set.DayStartHour, Goals: goals, DeviceID: dev,
		CheckIns: func(id uint64) ([]coach.CheckIn, error) {
			return readCheckIns(b.checkIns.Bucket(idKey(id)), id, coach.Day{}, coach.Day{})
		},
	})
}

func putSettings(meta *bolt.Bucket, hour int) error {
	v, err := encodeSettings(Settings{DayStartHour: hour})
	if err != nil {
		return err
	}
	return meta.Put(keySettings, v)
}
