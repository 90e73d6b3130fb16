package store

import (
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// view runs fn in one read-only transaction on a file opened read-only. It
// answers errNoFile when there is no database yet. An older file is
// migrated first, once: that is the only time a read writes.
func (s *Store) view(fn func(*bolt.Tx) error) error {
	err := s.viewOnce(fn)
	if errors.Is(err, errOldSchema) {
		if err := s.withFile(writeAccess, func(db *bolt.DB) error {
			_, err := s.upgrade(db)
			return err
		}); err != nil {
			return err
		}
		err = s.viewOnce(fn)
	}
	return err
}

func (s *Store) viewOnce(fn func(*bolt.Tx) error) error {
	return s.withFile(readAccess, func(db *bolt.DB) error {
		return db.View(func(tx *bolt.Tx) error {
			st, err := readSchema(tx)
			switch {
			case err != nil:
				return err
			case !st.initialized:
				return errNoFile
			case st.version > currentVersion():
				return s.tooNew(st.version)
			case st.version < currentVersion():
				return errOldSchema
			}
			return fn(tx)
		})
	})
}

// update runs fn in one write transaction and commits it, synced to disk.
// what names the change for the message when the commit fails. With
// createAccess a missing file is created, and its layout is made in the
// same transaction as fn's change. A file found damaged is never written,
// and one not checked yet is checked first (guard.go).
func (s *Store) update(acc access, what string, fn func(*bolt.Tx) error) error {
	return s.updateGoal(acc, what, 0, fn)
}

// changeGoal is updateGoal for a change to goal id whose result is a
// value: fn's result once the transaction has committed, or the zero
// value and the error. With no file there is no such goal.
func changeGoal[T any](s *Store, what string, id uint64, fn func(*bolt.Tx) (T, error)) (T, error) {
	var out T
	err := s.updateGoal(writeAccess, what, id, func(tx *bolt.Tx) error {
		var err error
		out, err = fn(tx)
		return err
	})
	if errors.Is(err, errNoFile) {
		err = noGoal(id)
	}
	if err != nil {
		var zero T
		return zero, err
	}
	return out, nil
}

// updateGoal is update for a change to one goal, whose history is then
// part of what the check before the write looks at.
func (s *Store) updateGoal(acc access, what string, goalID uint64, fn func(*bolt.Tx) error) error {
	if err := s.damageSeen(); err != nil {
		return err
	}
	if s.freelistUnsynced() {
		err := s.viewOnce(func(*bolt.Tx) error { return nil })
		if err != nil && !errors.Is(err, errNoFile) && !errors.Is(err, errOldSchema) {
			return err
		}
	}
	return s.withFile(acc, func(db *bolt.DB) error {
		st, err := s.upgrade(db)
		if err != nil {
			return err
		}
		tx, err := db.Begin(true)
		if err != nil {
			return fmt.Errorf("could not start saving %s: %w", what, err)
		}
		// After a commit this is a no-op that returns ErrTxClosed.
		defer func() { _ = tx.Rollback() }()
		if !st.initialized {
			if err := migrate(tx, 0); err != nil {
				return fmt.Errorf("could not set up the new database %s: %w", s.path, err)
			}
		} else if err := s.guardedWrite(tx, goalID); err != nil {
			return err
		}
		if err := fn(tx); err != nil {
			return err
		}
		if err := tx.Commit(); err != nil {
			return commitError(what, err)
		}
		s.markChecked()
		return nil
	})
}

// buckets are the four top-level buckets of an open transaction.
type buckets struct {
	meta, goals, checkIns, decisions *bolt.Bucket
}

func openBuckets(tx *bolt.Tx) (buckets, error) {
	b := buckets{
		meta: tx.Bucket(bucketMeta), goals: tx.Bucket(bucketGoals),
		checkIns: tx.Bucket(bucketCheckIns), decisions: tx.Bucket(bucketDecisions),
	}
	for i, got := range []*bolt.Bucket{b.meta, b.goals, b.checkIns, b.decisions} {
		if got == nil {
			return b, badRecord("the %s bucket is missing", topBuckets[i])
		}
	}
	return b, nil
}
