package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestStandaloneBrokenImport: in a module where one package does not
// type-check and another imports it, text and JSON output say which package
// lost its findings, through which broken import, and where that import's
// first error is — never the internal analyzer's name — while a healthy
// sibling package is still analyzed. Exit status 1 (errors win).
func TestStandaloneBrokenImport(t *testing.T) {
	dir := fixtureDir(t, "broken")
	wants := readExpectations(t, dir)
	const (
		importNote = "package example.com/broken/orders was not analyzed, so its findings are missing: it imports example.com/broken/inventory, which has errors (the first: inventory/inventory.go:9:64: cannot use sku"
		selfNote   = "package example.com/broken/inventory was not analyzed, so its findings are missing: it has errors (the first at inventory/inventory.go:9:64)"
		loadError  = "inventory/inventory.go:9:64: cannot use sku"
	)
	tests := []struct {
		name string
		args []string
		json bool
		only string // analyzer selected with -NAME
	}{
		{name: "text", args: []string{"./..."}},
		{name: "-format text", args: []string{"-format", "text", "./..."}},
		{name: "one analyzer, no tests", args: []string{"-unsaferetry", "-test=false", "./..."}, only: "unsaferetry"},
		{name: "-json", args: []string{"-json", "./..."}, json: true},
		{name: "-format json", args: []string{"-format", "json", "./..."}, json: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := twiceCached(t, dir, tt.args...)
			if res.code != exitError {
				t.Errorf("exit %d, want %d (errors)\nstdout:\n%s\nstderr:\n%s", res.code, exitError, res.stdout, res.stderr)
			}
			all := res.stdout + res.stderr
			for _, leak := range []string{"twicemodel", "failed prerequisites", "analysis skipped"} {
				if strings.Contains(all, leak) {
					t.Errorf("output contains the driver's internal wording %q:\n%s", leak, all)
				}
			}
			if !strings.Contains(res.stderr, loadError) {
				t.Errorf("stderr lacks the load error %q:\n%s", loadError, res.stderr)
			}
			want := selectExpectations(wants, nil, []string{""}, tt.only)
			if len(want) == 0 {
				t.Fatal("the fixture's healthy package has no expected finding")
			}
			if !tt.json {
				for _, note := range []string{importNote, selfNote} {
					if !strings.Contains(res.stderr, "twice: "+note) {
						t.Errorf("stderr lacks %q:\n%s", note, res.stderr)
					}
				}
				// The load error and the notes are not diagnostics.
				var diags []string
				for _, line := range strings.Split(res.stderr, "\n") {
					if !strings.Contains(line, loadError) && !strings.HasPrefix(line, "twice: ") {
						diags = append(diags, line)
					}
				}
				checkDiagnostics(t, parseTextDiagnostics(t, strings.Join(diags, "\n"), dir), want)
				return
			}
			checkDiagnostics(t, parseJSONDiagnostics(t, checkSkippedJSON(t, res.stdout, map[string]string{
				"example.com/broken/orders":    importNote,
				"example.com/broken/inventory": selfNote,
			}), dir), want)
		})
	}
}

// checkSkippedJSON checks that each skipped package has, under every
// analyzer, an {"error": …} saying why, and returns the JSON without them.
func checkSkippedJSON(t *testing.T, out string, notes map[string]string) string {
	t.Helper()
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &tree); err != nil {
		t.Fatalf("decoding -json output: %v\n%s", err, out)
	}
	for pkg, note := range notes {
		if len(tree[pkg]) != 2 {
			t.Errorf("%s: %d analyzers in the JSON, want resend and unsaferetry: %s", pkg, len(tree[pkg]), out)
		}
		for analyzer, raw := range tree[pkg] {
			var e struct{ Error string }
			if err := json.Unmarshal(raw, &e); err != nil || !strings.Contains(e.Error, note) {
				t.Errorf("%s %s: %s, want an error containing %q", pkg, analyzer, raw, note)
			}
		}
		delete(tree, pkg)
	}
	rest, err := json.Marshal(tree)
	if err != nil {
		t.Fatal(err)
	}
	return string(rest)
}

// TestHandledByDriver: go vet's protocol, fixes and debugging flags go to
// the x/tools driver untouched; plain runs come to the standalone runner.
func TestHandledByDriver(t *testing.T) {
	tests := []struct {
		args []string
		want bool
	}{
		{nil, true},
		{[]string{"-V=full"}, true},
		{[]string{"-flags"}, true},
		{[]string{"-unsaferetry.retryfuncs=x.Do", "/tmp/go-build1/b001/vet.cfg"}, true},
		{[]string{"-fix", "./..."}, true},
		{[]string{"-c", "2", "--diff", "./..."}, true},
		{[]string{"-debug=fpt", "./..."}, true},
		{[]string{"-h"}, true},
		{[]string{"./..."}, false},
		{[]string{"-json", "-test=false", "./..."}, false},
		{[]string{"-c", "3", "-resend", "./internal/..."}, false},
		{[]string{"-unsaferetry.retryfuncs", "(*q.Queue).Submit", "./..."}, false},
		{[]string{"--", "-fix"}, false},
	}
	for _, tt := range tests {
		if got := handledByDriver(tt.args); got != tt.want {
			t.Errorf("handledByDriver(%q) = %v, want %v", tt.args, got, tt.want)
		}
	}
}
