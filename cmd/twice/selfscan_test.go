package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestConfigSelfScan: twice's own repository holds Go files named like
// Dockerfiles (dockerfile.go), fixture trees under testdata/ full of
// findings on purpose, and nothing a user deploys; `twice config .` must be
// clean on it (the README tells users to run exactly that).
func TestConfigSelfScan(t *testing.T) {
	repo, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	res := twice(t, repo, "config", ".")
	if res.code != exitClean || res.stdout != "" {
		t.Errorf("twice config . on the repository: exit %d, want 0 and no output\nstdout:\n%s\nstderr:\n%s", res.code, res.stdout, res.stderr)
	}
}

// TestConfigSelection checks the file-selection flags end to end on a small
// repository: a fixture under testdata/, a .gitignored local override, a
// Go file named like a Dockerfile and an excluded directory.
func TestConfigSelection(t *testing.T) {
	repo := t.TempDir()
	disabled := "oms.auth.openapi.enable=false\n"
	write(t, repo, map[string]string{
		".gitignore": "# local overrides\n/server/config/\n",
		"server/src/main/resources/application.properties":  "oms.auth.openapi.enable=true\n",
		"server/config/application.properties":              disabled,
		"server/testdata/bad/config/application.properties": disabled,
		"legacy/config/application.properties":              disabled,
		"tools/dockerfile.go":                               "package tools\n",
		"docs/Dockerfile.md":                                "# Dockerfile\n\nNo FROM here.\n",
	})
	tests := []struct {
		name string
		args []string
		code int
		has  []string
	}{
		{"defaults skip testdata, ignored files and non-Dockerfiles; -exclude", []string{"config", "-exclude", "legacy/**", "."}, exitClean, nil},
		{"without -exclude", []string{"config", "."}, exitFindings, []string{"legacy/config/application.properties:1:1"}},
		{"-include-testdata", []string{"config", "-exclude", "legacy", "-include-testdata", "."}, exitFindings,
			[]string{"server/testdata/bad/config/application.properties:1:1"}},
		{"-no-ignore", []string{"config", "-exclude", "legacy", "-no-ignore", "."}, exitFindings,
			[]string{"server/config/application.properties:1:1"}},
		{"bad -exclude", []string{"config", "-exclude", "!x", "."}, exitUsage, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := twice(t, repo, tt.args...)
			if res.code != tt.code {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", res.code, tt.code, res.stdout, res.stderr)
			}
			for _, s := range tt.has {
				if !strings.Contains(res.stdout, s) {
					t.Errorf("stdout lacks %q:\n%s", s, res.stdout)
				}
			}
			if strings.Contains(res.stdout+res.stderr, "dockerfile.go") || strings.Contains(res.stdout+res.stderr, "Dockerfile.md") {
				t.Errorf("a file named like a Dockerfile but not one was read:\n%s%s", res.stdout, res.stderr)
			}
		})
	}
}

// write creates files (slash paths relative to dir) with their contents.
func write(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
