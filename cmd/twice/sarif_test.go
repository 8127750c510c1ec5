package main

import (
	"encoding/json"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/twice-lint/twice/internal/sarif"
	"github.com/twice-lint/twice/internal/sarif/sariftest"
)

// decodeSARIF validates out against the SARIF 2.1.0 schema and decodes it.
func decodeSARIF(t *testing.T, out string) *sarif.Log {
	t.Helper()
	if err := sariftest.Validate([]byte(out)); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	var log sarif.Log
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(log.Runs))
	}
	return &log
}

// sarifDiagnostics flattens a run's results for comparison with the want
// comments and the JSON output: paths relative to dir (the module the
// run analyzed), messages without their links to related locations.
func sarifDiagnostics(t *testing.T, run *sarif.Run, dir string) []diag {
	t.Helper()
	var ds []diag
	for _, r := range run.Results {
		if len(r.Locations) != 1 || r.Locations[0].PhysicalLocation == nil || r.Locations[0].PhysicalLocation.Region == nil {
			t.Errorf("result %q has no single located primary location", r.Message.Text)
			continue
		}
		pl := r.Locations[0].PhysicalLocation
		rel, err := filepath.Rel(dir, resolveURI(t, run, pl.ArtifactLocation))
		if err != nil {
			t.Fatal(err)
		}
		if rules := run.Tool.Driver.Rules; r.RuleIndex < 0 || r.RuleIndex >= len(rules) || rules[r.RuleIndex].ID != r.RuleID {
			t.Errorf("result %s: ruleIndex %d does not point at its rule", r.RuleID, r.RuleIndex)
		}
		msg, _, _ := strings.Cut(r.Message.Text, " (see [")
		ds = append(ds, diag{analyzer: r.RuleID, file: filepath.ToSlash(rel), line: pl.Region.StartLine, col: pl.Region.StartColumn, message: msg})
	}
	return ds
}

// resolveURI is the file an artifact location names: a relative URI must
// have the base id %SRCROOT%, which the run must declare as a file: URI
// ending in "/".
func resolveURI(t *testing.T, run *sarif.Run, al sarif.ArtifactLocation) string {
	t.Helper()
	u, err := url.Parse(al.URI)
	if err != nil {
		t.Fatalf("artifact URI %q: %v", al.URI, err)
	}
	if u.IsAbs() {
		return filepath.FromSlash(u.Path)
	}
	if al.URIBaseID != sarif.SourceRootID {
		t.Fatalf("relative artifact URI %q has uriBaseId %q, want %s", al.URI, al.URIBaseID, sarif.SourceRootID)
	}
	base, ok := run.OriginalURIBaseIDs[al.URIBaseID]
	if !ok || !strings.HasPrefix(base.URI, "file:///") || !strings.HasSuffix(base.URI, "/") {
		t.Fatalf("originalUriBaseIds[%s] = %+v (declared %v), want an absolute file: URI ending in /", al.URIBaseID, base, ok)
	}
	b, err := url.Parse(base.URI)
	if err != nil {
		t.Fatal(err)
	}
	return filepath.FromSlash(b.ResolveReference(u).Path)
}

func TestSARIFAnalyzers(t *testing.T) {
	dir := fixtureDir(t, "orders")
	want := selectExpectations(readExpectations(t, dir), nil, []string{""}, "")
	res := twiceCached(t, dir, "-format", "sarif", "./...")
	if res.code != exitFindings {
		t.Errorf("exit status %d, want %d\n%s", res.code, exitFindings, res.stderr)
	}
	log := decodeSARIF(t, res.stdout)
	run := log.Runs[0]

	// One rule per analyzer, documented and linked to the README.
	rules := map[string]sarif.Rule{}
	for _, r := range run.Tool.Driver.Rules {
		rules[r.ID] = r
	}
	for _, name := range []string{"unsaferetry", "resend"} {
		r, ok := rules[name]
		switch {
		case !ok:
			t.Errorf("no rule %s", name)
		case r.HelpURI != "https://github.com/twice-lint/twice#"+name:
			t.Errorf("rule %s: helpUri %q", name, r.HelpURI)
		case r.Help == nil || strings.TrimSpace(r.Help.Text) == "":
			t.Errorf("rule %s: no help text", name)
		}
	}

	got := sarifDiagnostics(t, run, dir)
	checkDiagnostics(t, got, want)

	// The retry call is related information of every unsaferetry result.
	for _, r := range run.Results {
		if r.RuleID == "unsaferetry" && len(r.RelatedLocations) == 0 {
			t.Errorf("unsaferetry result %q has no related location (the retry call)", r.Message.Text)
		}
	}

	// Same findings as the JSON output.
	js := twiceCached(t, dir, "-json", "./...")
	if a, b := diagStrings(got), diagStrings(parseJSONDiagnostics(t, js.stdout, dir)); a != b {
		t.Errorf("SARIF and JSON disagree\nSARIF:\n%s\nJSON:\n%s", a, b)
	}
}

func TestSARIFCleanAndBroken(t *testing.T) {
	tests := []struct {
		name      string
		module    string
		pattern   string
		code      int
		wantNotes bool
		results   int // the broken module's healthy package still has its finding
	}{
		{"clean package", "orders", "./internal/catalog", exitClean, false, 0},
		{"type error", "broken", "./...", exitError, true, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := twiceCached(t, fixtureDir(t, tt.module), "-format", "sarif", tt.pattern)
			if res.code != tt.code {
				t.Errorf("exit status %d, want %d\n%s", res.code, tt.code, res.stderr)
			}
			run := decodeSARIF(t, res.stdout).Runs[0]
			if len(run.Results) != tt.results {
				t.Errorf("%d results, want %d: %+v", len(run.Results), tt.results, run.Results)
			}
			if len(run.Invocations) != 1 {
				t.Fatalf("%d invocations, want 1", len(run.Invocations))
			}
			inv := run.Invocations[0]
			if inv.ExecutionSuccessful == tt.wantNotes {
				t.Errorf("executionSuccessful = %v", inv.ExecutionSuccessful)
			}
			if !tt.wantNotes {
				if len(inv.ToolExecutionNotifications) > 0 {
					t.Errorf("unexpected notifications: %+v", inv.ToolExecutionNotifications)
				}
				return
			}
			located := false
			for _, n := range inv.ToolExecutionNotifications {
				if n.Level != sarif.LevelError {
					t.Errorf("notification level %q, want error", n.Level)
				}
				for _, l := range n.Locations {
					pl := l.PhysicalLocation
					if pl != nil && resolveURI(t, run, pl.ArtifactLocation) == filepath.Join(fixtureDir(t, tt.module), "inventory", "inventory.go") && pl.Region != nil && pl.Region.StartLine == 9 {
						located = true
					}
				}
			}
			if !located {
				t.Errorf("no error notification at inventory/inventory.go:9: %+v", inv.ToolExecutionNotifications)
			}
			if !strings.Contains(res.stderr, "inventory/inventory.go:9:") {
				t.Errorf("stderr does not show the type error:\n%s", res.stderr)
			}
			// A package importing the broken one is not analyzed: say so,
			// in package terms, without the internal model analyzer's name.
			if !strings.Contains(res.stderr, "package example.com/broken/orders was not analyzed, so its findings are missing: it imports example.com/broken/inventory, which has errors (the first: inventory/inventory.go:9:64: ") {
				t.Errorf("stderr does not say that the importing package was skipped:\n%s", res.stderr)
			}
			if strings.Contains(res.stdout+res.stderr, "twicemodel") {
				t.Errorf("the internal analyzer name leaks into the output:\n%s", res.stderr)
			}
		})
	}
}
