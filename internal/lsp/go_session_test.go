package lsp

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/twice-lint/twice/internal/lsptest"
)

// wantLines returns the 0-based lines of path that carry "// want
// ANALYZER" (and, with flags, "// want[flags] ANALYZER") comments.
func wantLines(t *testing.T, path string, flags bool) []int {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []int
	sc := bufio.NewScanner(f)
	for n := 0; sc.Scan(); n++ {
		line := sc.Text()
		if strings.Contains(line, "// want unsaferetry") || strings.Contains(line, "// want resend") ||
			flags && strings.Contains(line, "// want[flags] ") {
			out = append(out, n)
		}
	}
	return out
}

func diagLines(ds []lsptest.Diagnostic) []int {
	var out []int
	for _, d := range ds {
		out = append(out, d.Range.Start.Line)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// TestGoSession opens a file of the orders fixture module, checks the
// analyzers' findings (which need facts from other packages), turns the
// -unsaferetry lists on through the settings, asks for the nolint code
// action and shuts down.
func TestGoSession(t *testing.T) {
	if testing.Short() {
		t.Skip("loads and analyzes a module")
	}
	root := fixture(t, "vet/orders")
	file := filepath.Join(root, "internal/checkout/checkout.go")
	s := startSession(t)
	s.initialize(root, nil)

	mark := s.c.Mark()
	s.open(file, readText(t, file))
	want := wantLines(t, file, false)
	ds := s.diagnostics(mark, file, nil)
	if got := diagLines(ds); !slices.Equal(got, want) {
		t.Fatalf("findings on lines %v, want %v\n%+v", got, want, ds)
	}
	for _, d := range ds {
		if d.Source != "twice" || d.Code != "unsaferetry" || d.CodeDescription == nil || d.CodeDescription.Href != "https://github.com/twice-lint/twice#unsaferetry" {
			t.Errorf("diagnostic %+v", d)
		}
	}

	mark = s.c.Mark()
	s.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{
		"unsaferetry": map[string]any{
			"retryfuncs": []string{"(*example.com/orders/internal/jobs.Queue).Submit"},
			"mutating":   []string{"(example.com/orders/internal/ledger.Ledger).Record"},
		},
	}})
	wantFlags := wantLines(t, file, true)
	ds = s.diagnostics(mark, file, func(ds []lsptest.Diagnostic) bool { return len(diagLines(ds)) == len(wantFlags) })
	if got := diagLines(ds); !slices.Equal(got, wantFlags) {
		t.Fatalf("with the settings: findings on lines %v, want %v", got, wantFlags)
	}

	// The finding's line ends in a "// want" comment: the nolint comment
	// goes on a line of its own above, indented like the statement.
	line := want[0]
	text := strings.Split(readText(t, file), "\n")[line]
	indent := text[:len(text)-len(strings.TrimLeft(text, "\t "))]
	checkActions(t, s.codeActions(file, line), pathToURI(file), map[string]textEdit{
		"twice: suppress unsaferetry here (//nolint)": {
			Range:   lspRange{Start: position{Line: line}, End: position{Line: line}},
			NewText: indent + "//nolint:unsaferetry // reason\n",
		},
	})
	s.shutdown()
}

// TestAffectedPackages: saving a file re-analyzes its package and every
// package of the module that imports it, directly or not.
func TestAffectedPackages(t *testing.T) {
	if testing.Short() {
		t.Skip("lists a module's packages")
	}
	root := fixture(t, "vet/orders")
	tests := []struct {
		file string
		want []string
	}{
		{"internal/payments/payments.go", []string{"example.com/orders/internal/checkout", "example.com/orders/internal/payments"}},
		{"internal/checkout/checkout.go", []string{"example.com/orders/internal/checkout"}},
		{"internal/nosuchpkg/x.go", []string{}},
	}
	for _, tt := range tests {
		got, err := affectedPackages(t.Context(), root, []string{filepath.Join(root, tt.file)})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: packages %v, want %v", tt.file, got, tt.want)
		}
	}
}

// TestGoSupersede: a save during a run cancels it, and the next run covers
// the files of both.
func TestGoSupersede(t *testing.T) {
	if testing.Short() {
		t.Skip("loads and analyzes a module")
	}
	root := fixture(t, "vet/orders")
	first := filepath.Join(root, "internal/checkout/checkout.go")
	second := filepath.Join(root, "internal/payments/payments.go")
	s := startSession(t)
	s.initialize(root, nil)
	srv := s.srv
	mark := s.c.Mark()
	s.notify("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": pathToURI(first)}})
	var running context.Context
	for running == nil { // wait for the first run to start
		srv.gocheck.mu.Lock()
		if slices.Equal(srv.gocheck.current, []string{first}) {
			running = srv.gocheck.running
		}
		srv.gocheck.mu.Unlock()
		time.Sleep(time.Millisecond)
	}
	s.notify("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": pathToURI(second)}})
	s.diagnostics(mark, second, nil)
	if running.Err() == nil {
		t.Error("the first run was not cancelled by the second save")
	}
	ds := s.diagnostics(mark, first, nil)
	if len(ds) == 0 {
		t.Error("the superseded file was not analyzed by the next run")
	}
	s.shutdown()
}
