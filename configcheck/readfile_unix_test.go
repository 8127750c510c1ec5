//go:build unix

package configcheck

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestReadFileNeverBlocks: a path that is a FIFO (with no writer) or a
// device by the time it is opened is refused without blocking — the walk
// saw a regular file, so only the check on the opened handle can catch it.
// A hang here fails the test by its timeout.
func TestReadFileNeverBlocks(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "application.properties")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("cannot create a FIFO here: %v", err)
	}
	regular := filepath.Join(dir, "ok.properties")
	if err := os.WriteFile(regular, []byte("a=b\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path    string
		wantErr string
	}{
		{fifo, "not a regular file"},
		{"/dev/null", "not a regular file"},
		{dir, "not a regular file"},
		{regular, ""},
	}
	for _, tt := range tests {
		data, err := readFile(tt.path, 1<<20)
		switch {
		case tt.wantErr == "" && (err != nil || string(data) != "a=b\n"):
			t.Errorf("readFile(%s) = %q, %v; want the content", tt.path, data, err)
		case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
			t.Errorf("readFile(%s) error = %v, want %q", tt.path, err, tt.wantErr)
		}
	}
}

// TestScanWithFIFO: a FIFO named like a config file next to a real server
// neither hangs the scan nor hides the server's finding.
func TestScanWithFIFO(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{"server/application.properties": "oms.auth.openapi.enable=false\n"})
	if err := os.MkdirAll(filepath.Join(root, "pipe"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(root, "pipe", "application.yml"), 0o644); err != nil {
		t.Skipf("cannot create a FIFO here: %v", err)
	}
	r, err := Scan(context.Background(), nil, Options{WorkDir: root})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, f := range r.Findings {
		found = found || f.Location.Path == "server/application.properties" && f.Rule == RuleUnauthenticatedOpenAPI
	}
	if !found {
		t.Errorf("server finding lost next to a FIFO: %+v", r.Findings)
	}
}
