package cli

import (
	"fmt"
	"io"
	"path/filepath"
)

// ExportBeside writes the whole database as the JSON export into a new file
// beside it, named for the moment (tend-export-2026-03-02-183005.json), for
// the Goals screen's "export first" before a delete: the screen offers a
// key, never a shell command. It returns the file written.
func ExportBeside(env Env) (string, error) {
	name := fmt.Sprintf("tend-export-%s.json", env.Clock().Format("2006-01-02-150405"))
	return writeAtomically(filepath.Join(filepath.Dir(env.Store.Path()), name), placeNumbered, func(w io.Writer) error {
		_, err := streamExportJSON(w, env)
		return err
	})
}
