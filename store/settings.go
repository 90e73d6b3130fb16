package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// SetDayStartHour stores the hour (0–23) at which a new day starts, in
// meta/settings (DESIGN "Data"). A missing database is created, so that
// `tend config day-start 5` before the first goal is kept.
func (s *Store) SetDayStartHour(hour int) error {
	if hour < 0 || hour > 23 {
		return fmt.Errorf("the day can start at an hour from 0 to 23, not %d", hour)
	}
	return s.update(createAccess, "the day-start hour", func(tx *bolt.Tx) error {
		b, err := openBuckets(tx)
		if err != nil {
			return err
		}
		return putSettings(b.meta, hour)
	})
}
