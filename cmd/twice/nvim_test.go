package main

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestNeovim opens a fixture repository in a real editor — headless Neovim
// with `twice lsp` attached through its built-in client — and checks the
// diagnostics Neovim received for a pom, a YAML file and a Go file. It is
// skipped only when nvim is not installed and CI is not set: in CI a
// missing nvim fails the test (.ci/run installs it).
func TestNeovim(t *testing.T) {
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("nvim is not installed (CI is set, so the editor test must run): apt-get install neovim")
		}
		t.Skip("nvim is not installed")
	}
	repo := editorRepo(t)
	out := filepath.Join(t.TempDir(), "diagnostics.json")
	script, err := filepath.Abs("testdata/nvim-lsp.lua")
	must(t, err)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute) // a hang guard
	defer cancel()
	cmd := exec.CommandContext(ctx, nvim, "--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", "luafile "+script)
	cmd.Dir = repo
	cmd.Env = append(offlineEnv(),
		"TWICE_BIN="+twiceBin, "TWICE_ROOT="+repo, "TWICE_OUT="+out,
		"TWICE_FILES="+strings.Join([]string{repoPOM, repoYAML, repoGo}, ";"),
		"XDG_CONFIG_HOME="+t.TempDir(), "XDG_DATA_HOME="+t.TempDir(), "XDG_STATE_HOME="+t.TempDir(), "XDG_CACHE_HOME="+t.TempDir(),
	)
	output, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("nvim: %v\n%s", err, output)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("nvim wrote no result (%v); output:\n%s", err, output)
	}
	var res struct {
		Done        bool `json:"done"`
		Diagnostics []struct {
			File     string `json:"file"`
			Line     int    `json:"line"`
			Col      int    `json:"col"`
			Severity int    `json:"severity"`
			Code     string `json:"code"`
			Message  string `json:"message"`
		} `json:"diagnostics"`
	}
	must(t, json.Unmarshal(data, &res))
	if !res.Done {
		t.Errorf("Neovim did not receive diagnostics for every file; got %+v", res.Diagnostics)
	}
	got := map[string][]string{}
	for _, d := range res.Diagnostics {
		got[d.File] = append(got[d.File], d.Code+"@"+strconv.Itoa(d.Line))
		if d.Severity != 2 { // vim.diagnostic.severity.WARN
			t.Errorf("%s:%d: severity %d, want a warning", d.File, d.Line, d.Severity)
		}
	}
	wantGo := goWantLines(t, filepath.Join(repo, repoGo))
	want := map[string][]string{
		repoPOM:  {"duplicate-openapi-request@33"},
		repoYAML: {"unauthenticated-openapi@2"},
		repoGo:   wantGo,
	}
	for f, w := range want {
		g := got[f]
		slices.Sort(g)
		slices.Sort(w)
		if !slices.Equal(g, w) {
			t.Errorf("%s: Neovim has %v, want %v", f, g, w)
		}
	}
}

// goWantLines lists "unsaferetry@LINE" (0-based) for the lines of a Go
// fixture that expect an unsaferetry finding in every run.
func goWantLines(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	must(t, err)
	var out []string
	for i, line := range strings.Split(string(data), "\n") {
		if strings.Contains(line, "// want unsaferetry") {
			out = append(out, "unsaferetry@"+strconv.Itoa(i))
		}
	}
	if len(out) == 0 {
		t.Fatalf("%s expects no finding: the fixture changed", path)
	}
	return out
}
