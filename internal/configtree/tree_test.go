package configtree

import (
	"crypto/sha256"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/twice-lint/twice/configcheck/deploy"
	"github.com/twice-lint/twice/configcheck/manifest"
)

// census counts the files under dir, the files the config checker would
// read (judged with the checker's own name tests, outside skipped
// directories) and a digest of names and contents.
type census struct {
	files, relevant int
	digest          [32]byte
}

func take(t *testing.T, dir string) census {
	t.Helper()
	var c census
	h := sha256.New()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		h.Write([]byte(rel))
		h.Write(data)
		c.files++
		if !inSkippedDir(rel) && wanted(rel) {
			c.relevant++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	copy(c.digest[:], h.Sum(nil))
	return c
}

// inSkippedDir knows the generator's layout: target/ only ever sits beside
// a pom.xml.
func inSkippedDir(rel string) bool {
	for _, part := range strings.Split(rel, "/") {
		switch part {
		case ".git", "node_modules", "target":
			return true
		}
	}
	return false
}

func wanted(rel string) bool {
	switch strings.ToLower(path.Ext(rel)) {
	case ".properties", ".yml", ".yaml":
		return true
	}
	return manifest.IsManifest(rel) || deploy.IsComposeFile(rel) || deploy.IsDockerfile(rel)
}

func TestTree(t *testing.T) {
	tests := []struct {
		files, services int
	}{
		{files: 100, services: 2},
		{files: 1000, services: 20},
		{files: 2000, services: 40},
	}
	for _, tt := range tests {
		dir := t.TempDir()
		layout, err := Tree(dir, tt.files)
		if err != nil {
			t.Fatal(err)
		}
		got := take(t, dir)
		if got.files != tt.files || layout.Files != tt.files {
			t.Errorf("Tree(%d): wrote %d files, layout says %d", tt.files, got.files, layout.Files)
		}
		if got.relevant != layout.Relevant {
			t.Errorf("Tree(%d): %d files the checker reads, layout says %d", tt.files, got.relevant, layout.Relevant)
		}
		if layout.Services != tt.services || layout.Relevant != 3+filesPerService*tt.services {
			t.Errorf("Tree(%d): %d services, %d relevant; want %d services, %d relevant",
				tt.files, layout.Services, layout.Relevant, tt.services, 3+filesPerService*tt.services)
		}
		if layout.Skipped == 0 {
			t.Errorf("Tree(%d): no files in skipped directories; the walk's pruning goes untested", tt.files)
		}
	}
}

func TestTreeIsDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	if _, err := Tree(a, 500); err != nil {
		t.Fatal(err)
	}
	if _, err := Tree(b, 500); err != nil {
		t.Fatal(err)
	}
	if take(t, a).digest != take(t, b).digest {
		t.Error("two trees of the same size differ")
	}
}

func TestTreeTooSmall(t *testing.T) {
	if _, err := Tree(t.TempDir(), 99); err == nil {
		t.Error("Tree(99) succeeded; want an error")
	}
}
