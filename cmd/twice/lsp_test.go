package main

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/twice-lint/twice/internal/lsptest"
)

// editorRepo builds a repository shaped like a real one for the editor
// tests: a Maven project whose client module talks to a server module with
// OpenAPI auth disabled (testdata/config/maven-parent-client) and, in
// orders/, the orders Go module with its stubs beside it.
func editorRepo(t *testing.T) string {
	t.Helper()
	repo := t.TempDir()
	copies := []struct{ from, to string }{
		{"../../testdata/config/maven-parent-client", "."},
		{"../../testdata/vet/orders", "orders"},
		{"../../testdata/vet/stubs", "stubs"},
	}
	for _, c := range copies {
		if err := os.CopyFS(filepath.Join(repo, c.to), os.DirFS(c.from)); err != nil {
			t.Fatal(err)
		}
	}
	return repo
}

// Paths in editorRepo the tests look at.
const (
	repoPOM  = "pom.xml"
	repoYAML = "job-admin/src/main/resources/application.yml"
	repoGo   = "orders/internal/checkout/checkout.go"
)

// lspProcess is `twice lsp` started with pipes, as an editor starts it.
type lspProcess struct {
	cmd    *exec.Cmd
	c      *lsptest.Client
	stdin  io.WriteCloser
	stderr strings.Builder
}

func startLSP(t *testing.T, dir string) *lspProcess {
	t.Helper()
	p := &lspProcess{cmd: exec.Command(twiceBin, "lsp")}
	p.cmd.Dir = dir
	p.cmd.Env = offlineEnv()
	p.cmd.Stderr = &p.stderr
	in, err := p.cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := p.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p.stdin = in
	p.c = lsptest.New(out, in, lsptest.WaitBound(t))
	t.Cleanup(func() {
		in.Close()
		_ = p.cmd.Wait()
	})
	return p
}

// wait closes stdin and returns the exit code.
func (p *lspProcess) wait(t *testing.T) int {
	t.Helper()
	p.stdin.Close()
	err := p.cmd.Wait()
	if exit, ok := err.(*exec.ExitError); ok {
		return exit.ExitCode()
	}
	if err != nil {
		t.Fatal(err)
	}
	return 0
}

func uriOf(path string) string { return "file://" + filepath.ToSlash(path) }

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestLSPBinary drives the built binary over pipes through a whole editor
// session on both halves: config findings from an unsaved buffer, Go
// findings on open and on save, a code action, shutdown and exit.
func TestLSPBinary(t *testing.T) {
	repo := editorRepo(t)
	p := startLSP(t, repo)
	c := p.c
	must(t, c.Call("initialize", map[string]any{"rootUri": uriOf(repo), "capabilities": map[string]any{}}, nil))
	mark := c.Mark()
	must(t, c.Notify("initialized", map[string]any{}))
	yml := filepath.Join(repo, repoYAML)
	codesAre := func(want ...string) func([]lsptest.Diagnostic) bool {
		return func(ds []lsptest.Diagnostic) bool {
			var got []string
			for _, d := range ds {
				got = append(got, d.Code)
			}
			return slices.Equal(got, want)
		}
	}
	_, _, err := c.WaitDiagnostics(mark, uriOf(yml), codesAre("unauthenticated-openapi"))
	must(t, err)

	data, err := os.ReadFile(yml)
	must(t, err)
	must(t, c.Notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uriOf(yml), "languageId": "yaml", "version": 1, "text": string(data)}}))
	mark = c.Mark()
	must(t, c.Notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uriOf(yml), "version": 2},
		"contentChanges": []map[string]any{{"text": strings.Replace(string(data), "false", "true", 1)}},
	}))
	_, _, err = c.WaitDiagnostics(mark, uriOf(yml), codesAre())
	must(t, err)
	_, _, err = c.WaitDiagnostics(mark, uriOf(filepath.Join(repo, repoPOM)), codesAre())
	must(t, err)

	goFile := filepath.Join(repo, repoGo)
	src, err := os.ReadFile(goFile)
	must(t, err)
	mark = c.Mark()
	must(t, c.Notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uriOf(goFile), "languageId": "go", "version": 1, "text": string(src)}}))
	ds, _, err := c.WaitDiagnostics(mark, uriOf(goFile), nil)
	must(t, err)
	if len(ds) == 0 || ds[0].Code != "unsaferetry" {
		t.Fatalf("Go diagnostics on open: %+v", ds)
	}
	mark = c.Mark()
	must(t, c.Notify("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": uriOf(goFile)}}))
	again, _, err := c.WaitDiagnostics(mark, uriOf(goFile), nil)
	must(t, err)
	if len(again) != len(ds) {
		t.Errorf("after save: %d diagnostics, want %d as on open", len(again), len(ds))
	}

	var actions []struct {
		Title string `json:"title"`
	}
	must(t, c.Call("textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": uriOf(goFile)},
		"range":        ds[0].Range,
		"context":      map[string]any{"diagnostics": []any{}},
	}, &actions))
	if len(actions) == 0 || !strings.Contains(actions[0].Title, "nolint") {
		t.Errorf("code actions %+v", actions)
	}
	must(t, c.Call("shutdown", nil, nil))
	must(t, c.Notify("exit", nil))
	if code := p.wait(t); code != 0 {
		t.Errorf("exit code %d, want 0; stderr:\n%s", code, p.stderr.String())
	}
}

// TestLSPBinaryEnds: exit without shutdown and a broken stream both end
// the process with status 1, without a panic.
func TestLSPBinaryEnds(t *testing.T) {
	tests := []struct {
		name       string
		input      string
		stderrHas  string
		initialize bool
	}{
		{name: "exit without shutdown", initialize: true, input: "Content-Length: 33\r\n\r\n" + `{"jsonrpc":"2.0","method":"exit"}`},
		{name: "bad header", input: "Content-Length: many\r\n\r\n{}", stderrHas: "bad Content-Length"},
		{name: "stream ends", initialize: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := startLSP(t, t.TempDir())
			if tt.initialize {
				must(t, p.c.Call("initialize", map[string]any{"rootUri": nil, "capabilities": map[string]any{}}, nil))
			}
			if tt.input != "" {
				_, err := p.stdin.Write([]byte(tt.input))
				must(t, err)
			}
			if code := p.wait(t); code != 1 {
				t.Errorf("exit code %d, want 1", code)
			}
			if !strings.Contains(p.stderr.String(), tt.stderrHas) || strings.Contains(p.stderr.String(), "panic") {
				t.Errorf("stderr:\n%s\nwant %q and no panic", p.stderr.String(), tt.stderrHas)
			}
		})
	}
}
