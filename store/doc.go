// Package store keeps tend's goals, check-ins and decisions in a bbolt file.
//
// Everything that knows about bbolt lives here: the bucket layout, the key
// encoding, the records, the schema version and its migrations, and the
// transactions. The rest of tend sees coach types only.
//
// # Layout
//
//	meta
//	├── schema_version  uint32 big-endian (3)
//	├── settings        settings record (day start hour)
//	├── device_id       device record: 8 bytes, made with the file (schema 2)
//	├── sync            the sync record (JSON, tui/cli/sync.go), after `tend sync init`
//	└── sync_sums       digests of each goal and the settings as the last sync step left them (JSON)
//	goals
//	└── <goal id: uint64 BE>  goal record
//	checkins
//	└── <goal id: uint64 BE>           (sub-bucket, one per goal)
//	    └── <day: uint32 BE>  check-in record
//	decisions
//	└── <goal id: uint64 BE>           (sub-bucket, one per goal)
//	    └── <day: uint32 BE>  decision record
//
// A day key is the number of days since 1970-01-01 (coach.Day.Unix), and a
// goal id comes from the goals bucket's NextSequence, both big-endian and
// fixed width so that bytes.Compare orders keys the way days and ids are
// ordered, and Cursor.Seek gives a date range. A goal record carries a
// random uid and a check-in record the device id of the tend that wrote it
// (schema 2), because ids and days mean nothing across files and devices.
//
// Values are compact binary records (schema 3, records_codec.go): a tag
// naming the kind and its version, the fields in a fixed order, and a
// CRC-32C of the record and its key path, checked on every decode. Decoding
// is strict: a bad checksum, a flag for a field this tend does not know, a
// byte too many or a value out of its range is damage, never something
// quietly dropped. A decision keeps its message as COACH §6.6's sentences'
// forms and fields (coach.Said: a form byte, a step's label, a count), never
// the prose: the sentence is said again, in this tend's words, when it is
// read. `tend export` is the readable form, with every sentence as said.
//
// # Opening
//
// Each method opens the file, runs one short transaction and closes it
// again, so a TUI left open never holds the lock and `tend done` works from
// another terminal meanwhile. Opening waits about a second for the lock and
// then answers ErrBusy. Reads open the file read-only and never create it;
// the buckets are made by the write transaction that creates the file, never
// at every open, because even an empty write transaction rewrites pages.
//
// A file that is empty, is not a bbolt file, or makes bbolt panic is
// reported as ErrDamaged and never written. Before bbolt sees a file, the
// pages it trusts without checking are checked (pages.go): both meta pages,
// the size they claim, the root and the freelist. A new file is made whole
// under a temporary name and linked in (create.go), so a crash or a full
// disk never leaves an empty one behind. A file written by a newer tend
// is refused with ErrSchemaTooNew; an older one is copied beside itself and
// migrated in one transaction (see migrations.go).
//
// Only a regular file is opened, created, chmodded or replaced, never
// through a symbolic link (path.go): a link, FIFO, device, socket or folder
// at the path is refused with ErrNotRegular and left as it is. Every open,
// a read's too, tightens a loose mode through the open descriptor and
// removes tend's own stale temporary files beside the database. A disk's
// read error is ErrUnreadable (try again), never damage.
//
// # Writing
//
// Every change to a goal reads and writes it in one write transaction
// (EditGoal, CheckIn, Undo), so a change made by another tend meanwhile is
// never overwritten by a copy read earlier. A check-in visits the coach
// once, inside that transaction: coach.Record classifies what the person
// said and decides what follows. A damaged file is never written
// (guard.go): the first write of a process checks what it depends on, and
// once a read found damage no write follows.
//
// Every string the store hands out has been through coach.Printable
// (shown.go), so nothing a file holds reaches a terminal or an export as
// an escape sequence or an invisible character.
//
// When something looks wrong, `bbolt check FILE` (go.etcd.io/bbolt/cmd/bbolt)
// checks the file's consistency.
package store
