// Package testenv builds the GOPATH-style trees that twice's analyzer tests
// hand to analysistest.
//
// Third-party libraries that the analyzers recognise (HTTP retry clients,
// SQL drivers, message publishers, …) are stubbed once, under
// analyzers/internal/stubs/src, with their real import paths and the real
// signatures of the functions the analyzers match. Every analyzer package
// keeps only its own fixtures in testdata/src; Testdata merges the two into a
// fresh temporary GOPATH so that fixtures can import the stubs.
package testenv

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Testdata returns a temporary GOPATH directory (its packages under src/)
// holding a copy of the calling test package's testdata/src merged with the
// shared library stubs. Fixture files win over stubs of the same path. Pass
// the result to analysistest.Run.
func Testdata(t testing.TB) string {
	t.Helper()
	dst := t.TempDir()
	stubs, err := stubsDir()
	if err != nil {
		t.Fatalf("testenv: %v", err)
	}
	if err := copyTree(stubs, filepath.Join(dst, "src")); err != nil {
		t.Fatalf("testenv: copying stubs: %v", err)
	}
	// Tests run in their package directory, so testdata/src is relative.
	local, err := filepath.Abs(filepath.Join("testdata", "src"))
	if err != nil {
		t.Fatalf("testenv: %v", err)
	}
	if _, err := os.Stat(local); err == nil {
		if err := copyTree(local, filepath.Join(dst, "src")); err != nil {
			t.Fatalf("testenv: copying fixtures: %v", err)
		}
	} else if !os.IsNotExist(err) {
		t.Fatalf("testenv: %v", err)
	}
	return dst
}

// StubsDir returns the absolute path of analyzers/internal/stubs/src.
func StubsDir() (string, error) { return stubsDir() }

// stubsDir locates the stubs relative to this source file, so it works
// whatever package's test calls it.
func stubsDir() (string, error) {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return "", fmt.Errorf("cannot locate testenv's source file")
	}
	dir := filepath.Join(filepath.Dir(file), "..", "stubs", "src")
	if _, err := os.Stat(dir); err != nil {
		return "", fmt.Errorf("stubs directory: %w", err)
	}
	return dir, nil
}

// copyTree copies the regular files under src into dst, creating
// directories as needed and overwriting files that already exist.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil // symlinks and the like have no place in fixtures
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if err := os.WriteFile(target, data, 0o644); err != nil {
			return fmt.Errorf("writing %s: %w", target, err)
		}
		return nil
	})
}
