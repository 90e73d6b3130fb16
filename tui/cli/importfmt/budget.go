package importfmt

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
)

// Size limits (IMPORT §3.8). [D]
const (
	// MaxZipBytes bounds what a Loop zip may unpack to, counted as it is
	// read, never from the sizes its headers claim.
	MaxZipBytes = 256 << 20
	// MaxFileBytes bounds any other single input file.
	MaxFileBytes = 1 << 30
	// MaxZipEntries bounds the entries of a Loop zip.
	MaxZipEntries = 10000
	// MaxLine bounds a CSV line and a JSON record: anything longer is
	// not what any of these programs writes.
	MaxLine = 1 << 20
)

// tooLong refuses a CSV record longer than MaxLine.
func tooLong(file string, line int, rec []string) error {
	n := 0
	for _, f := range rec {
		n += len(f) + 1
	}
	if n > MaxLine {
		return errorf(file, line, "this line is longer than 1 MiB, which no export has; the file is damaged or not an export")
	}
	return nil
}

// Budget counts the bytes read from one input so that a zip bomb stops at
// its limit. The zero Budget allows MaxFileBytes per file and no total.
type Budget struct {
	Total, Left int64 // Total 0: no limit over all files
	Name        string
}

// ErrTooBig is a zip that unpacks to more than MaxZipBytes.
var ErrTooBig = errors.New("too big")

// read reads one file of fsys within the budget.
func (b *Budget) read(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, errorf(name, 0, "could not be read: %v", unwrapPath(err))
	}
	defer f.Close()
	limit := int64(MaxFileBytes)
	if b != nil && b.Total > 0 {
		limit = b.Left
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, errorf(name, 0, "could not be read: %v", unwrapPath(err))
	}
	if int64(len(data)) > limit {
		if b != nil && b.Total > 0 {
			return nil, fmt.Errorf("%s unpacks to more than %d MiB; that is not a Loop export: %w", b.Name, b.Total>>20, ErrTooBig)
		}
		return nil, errorf(name, 0, "is larger than %d GiB, more than any export tend reads", MaxFileBytes>>30)
	}
	if b != nil && b.Total > 0 {
		b.Left -= int64(len(data))
	}
	return data, nil
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
