package store

import (
	"bytes"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"tend/coach"
)

// oldHistory is what an older file holds, per goal id.
type oldHistory struct {
	goals     []coach.Goal
	checkIns  map[uint64][]coach.CheckIn
	decisions map[uint64][]coach.Decision
}

// writeOldFile makes the file at path as a tend of schema 1 or 2 wrote it:
// JSON records, and from schema 2 a device id (as hex digits) and goal uids.
func writeOldFile(t *testing.T, path string, version uint32, h oldHistory) {
	t.Helper()
	if err := os.MkdirAll(strings.TrimSuffix(path, "/tend.db"), 0o700); err != nil {
		t.Fatal(err)
	}
	withBolt(t, path, func(tx *bolt.Tx) error {
		if err := createLayout(tx); err != nil {
			return err
		}
		meta := tx.Bucket(bucketMeta)
		if version >= 2 {
			if err := meta.Put(keyDeviceID, []byte("0123456789abcdef")); err != nil {
				return err
			}
		}
		if err := meta.Put(keySchemaVersion, versionValue(version)); err != nil {
			return err
		}
		goals := tx.Bucket(bucketGoals)
		for _, g := range h.goals {
			if version < 2 {
				g.UID = ""
			}
			v, err := encodeGoalV1(g)
			if err == nil {
				err = goals.Put(idKey(g.ID), v)
			}
			if err == nil {
				err = goals.SetSequence(max(goals.Sequence(), g.ID))
			}
			if err != nil {
				return err
			}
		}
		for id, cs := range h.checkIns {
			for _, c := range cs {
				v, _ := encodeCheckInV1(c)
				if err := putOld(tx.Bucket(bucketCheckIns), id, c.Day, v); err != nil {
					return err
				}
			}
		}
		for id, ds := range h.decisions {
			for _, d := range ds {
				v, _ := encodeDecisionV1(d)
				if err := putOld(tx.Bucket(bucketDecisions), id, d.Day, v); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

func putOld(parent *bolt.Bucket, id uint64, day coach.Day, v []byte) error {
	sub, err := parent.CreateBucketIfNotExists(idKey(id))
	if err != nil {
		return err
	}
	k, _ := dayKey(day)
	return sub.Put(k, v)
}

// someHistory is two goals, one of them a custom ladder with every field
// set, with check-ins and decisions of every shape.
func someHistory(t *testing.T) oldHistory {
	walk := walkGoal(t, "Walk")
	walk.ID, walk.UID = 1, "00112233445566778899aabbccddeeff"
	run := customGoal(t)
	cs := []coach.CheckIn{
		{Day: created, Outcome: coach.Done, Achieved: 10, Target: 10, Level: 2, Variant: 1, WrittenAt: writeAt},
		{Day: created.AddDays(1), Outcome: coach.Partial, Achieved: 6.5, Target: 10, Effort: coach.EffortHard,
			Pain: coach.PainSore, MoodBefore: intp(3), MoodAfter: intp(0), Note: "rain, but went — ☔", Level: 2, Variant: 1,
			Bridge: true, WrittenAt: time.Date(2026, 2, 17, 7, 45, 12, 0, time.FixedZone("", -5*3600)), Device: "9f3c2a7d51e04b86"},
		{Day: created.AddDays(2), Outcome: coach.Rest, Level: 2, Variant: 1},
	}
	ds := []coach.Decision{
		{Day: created, Action: coach.ActHold, From: 2, To: 2, ReasonCode: coach.CodeH1, Message: "Same target next time (10 min).",
			NextTarget: 10, Before: walk.Step()},
		{Day: created.AddDays(1), Action: coach.ActAdvance, From: 2, To: 3, ReasonCode: coach.CodeA1, Message: "Level up: 12 min.",
			NextTarget: 12, Before: coach.Step{Level: 2, Variant: 1, Bridge: true, LevelFrom: created, Status: coach.Paused,
				Eased: true, BridgeTarget: 11, Reason: "Because.", ReasonCode: coach.CodeB2, SteppedBack: []int{2, 3}}},
	}
	return oldHistory{
		goals:     []coach.Goal{walk, run},
		checkIns:  map[uint64][]coach.CheckIn{walk.ID: cs, run.ID: cs[:1]},
		decisions: map[uint64][]coach.Decision{walk.ID: ds},
	}
}

// An older file is copied beside itself and rewritten, record by record,
// into checksummed binary records that read back as the JSON ones did.
func TestSchema3RewritesEveryRecordWithAChecksum(t *testing.T) {
	for _, version := range []uint32{1, 2} {
		s := newStore(t)
		h := someHistory(t)
		writeOldFile(t, s.Path(), version, h)
		a, err := s.Archive()
		if err != nil {
			t.Fatalf("schema %d: Archive: %v", version, err)
		}
		viewBolt(t, s.backupPath(version), func(tx *bolt.Tx) error {
			v, _ := parseVersion(tx.Bucket(bucketMeta).Get(keySchemaVersion))
			_, err := decodeGoalV1(tx.Bucket(bucketGoals).Get(idKey(1)), 1)
			if v != version || err != nil {
				t.Errorf("the backup has schema %d (want %d) and goal 1 reads %v: not the old file", v, version, err)
			}
			return nil
		})
		for i, g := range a.Goals {
			want := h.goals[i]
			want.Said = nil // schemas 1 and 2 kept only the words
			if version < 2 {
				if !isHex(g.UID, goalUIDLen) {
					t.Errorf("schema 1's goal %d got no uid: %q", g.ID, g.UID)
				}
				want.UID = g.UID
			}
			if !reflect.DeepEqual(g, want) {
				t.Errorf("schema %d: goal migrated to\n%+v\nwant\n%+v", version, g, want)
			}
		}
		for id, cs := range h.checkIns {
			cs = append([]coach.CheckIn(nil), cs...)
			got := a.CheckIns[id]
			for i := range cs {
				if !got[i].WrittenAt.Equal(cs[i].WrittenAt) {
					t.Errorf("written at %v, want %v", got[i].WrittenAt, cs[i].WrittenAt)
				}
				got[i].WrittenAt, cs[i].WrittenAt = time.Time{}, time.Time{}
			}
			if !reflect.DeepEqual(got, cs) {
				t.Errorf("schema %d: goal %d's check-ins migrated to\n%+v\nwant\n%+v", version, id, got, cs)
			}
		}
		if !reflect.DeepEqual(a.Decisions, h.decisions) {
			t.Errorf("schema %d: decisions migrated to\n%+v\nwant\n%+v", version, a.Decisions, h.decisions)
		}
		viewBolt(t, s.Path(), func(tx *bolt.Tx) error {
			if v, _ := parseVersion(tx.Bucket(bucketMeta).Get(keySchemaVersion)); v != currentVersion() {
				t.Errorf("schema %d migrated to %d, want %d", version, v, currentVersion())
			}
			return nil
		})
	}
}

// A JSON record that does not decode strictly (a key no tend wrote) stops
// the migration: the file is left as it was, called damaged, and not sealed
// with fresh checksums.
func TestSchema3RefusesAnOldRecordWithAnUnknownKey(t *testing.T) {
	s := New(t.TempDir() + "/tend/tend.db")
	h := someHistory(t)
	writeOldFile(t, s.Path(), 2, h)
	withBolt(t, s.Path(), func(tx *bolt.Tx) error {
		v, _ := encodeCheckInV1(h.checkIns[1][0])
		v = bytes.Replace(v, []byte(`"note":""`), []byte(`"note":"","notes":"lost"`), 1)
		return putOld(tx.Bucket(bucketCheckIns), 1, created, v)
	})
	before := fileHash(t, s.Path())
	_, err := s.Archive()
	if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "notes") {
		t.Errorf("Archive() = %v, want damage naming the unknown key", err)
	}
	if fileHash(t, s.Path()) != before {
		t.Errorf("a failed migration changed the file")
	}
}
