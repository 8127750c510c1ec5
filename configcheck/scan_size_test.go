package configcheck

import (
	"context"
	"strings"
	"testing"

	"github.com/twice-lint/twice/configcheck/internal/walk"
	"github.com/twice-lint/twice/configcheck/source"
)

// A scan lets the reader measure files (the walk does not stat them): an
// oversized file is still an input error with the walk's message, and it
// is not counted as a file read.
func TestScanOversizedFile(t *testing.T) {
	root := t.TempDir()
	big := "server.port=7700\n" + strings.Repeat("# padding\n", 20)
	writeTree(t, root, map[string]string{
		"svc/application.properties":     big,
		"svc/application-dev.properties": "server.port=1\n",
	})
	r, err := Scan(context.Background(), []string{"."}, Options{WorkDir: root, MaxFileSize: 100})
	if err != nil {
		t.Fatal(err)
	}
	want := []InputError{{Message: walk.TooLarge(100, int64(len(big))), Location: locationOf(source.Pos{File: "svc/application.properties"})}}
	if len(r.Errors) != 1 || r.Errors[0] != want[0] {
		t.Errorf("errors = %+v, want %+v", r.Errors, want)
	}
	if r.FilesScanned != 1 {
		t.Errorf("FilesScanned = %d, want 1 (the oversized file is not read)", r.FilesScanned)
	}
}
