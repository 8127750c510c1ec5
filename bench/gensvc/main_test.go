package main

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGenerate checks the generated module's shape: 5 packages per service
// plus the two shared ones, every file valid Go, and the cross-service
// imports that make facts cross packages.
func TestGenerate(t *testing.T) {
	tests := []struct{ services, packages int }{
		{services: 2, packages: 12},
		{services: 5, packages: 27},
	}
	for _, tt := range tests {
		dir := t.TempDir()
		if err := generate(dir, tt.services); err != nil {
			t.Fatal(err)
		}
		dirs := map[string]bool{}
		fset := token.NewFileSet()
		neighbourImports := 0
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") {
				return err
			}
			dirs[filepath.Dir(p)] = true
			f, err := parser.ParseFile(fset, p, nil, parser.ImportsOnly)
			if err != nil {
				t.Errorf("generated file does not parse: %v", err)
				return nil
			}
			for _, imp := range f.Imports {
				if strings.Contains(imp.Path.Value, "/services/") && !strings.Contains(imp.Path.Value, "/"+filepath.Base(filepath.Dir(filepath.Dir(p)))+"/") {
					neighbourImports++
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(dirs) != tt.packages {
			t.Errorf("%d services: %d packages, want %d", tt.services, len(dirs), tt.packages)
		}
		if neighbourImports < tt.services {
			t.Errorf("%d services: %d imports of a neighbour service, want at least one per service", tt.services, neighbourImports)
		}
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err != nil {
			t.Errorf("no go.mod: %v", err)
		}
	}
}
