package runner

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/twice-lint/twice/analyzers"
)

// TestAnalyzeOrders runs the analyzers on the orders fixture module from
// its own directory (Options.Dir), as the language server does, and checks
// a finding that needs a fact from another package (the payment charge is
// defined in internal/payments, retried in internal/checkout).
func TestAnalyzeOrders(t *testing.T) {
	dir, err := filepath.Abs("../../testdata/vet/orders")
	if err != nil {
		t.Fatal(err)
	}
	graph, pkgErrs, err := Analyze([]string{"./internal/checkout"}, analyzers.All(), Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(pkgErrs) > 0 {
		t.Fatalf("package errors: %v", pkgErrs)
	}
	var msgs []string
	for _, act := range graph.Roots {
		for _, d := range act.Diagnostics {
			msgs = append(msgs, act.Analyzer.Name+": "+d.Message)
		}
	}
	joined := strings.Join(msgs, "\n")
	if !strings.Contains(joined, "unsaferetry: ") || !strings.Contains(strings.ToLower(joined), "charge") {
		t.Errorf("want an unsaferetry finding about the charge, got:\n%s", joined)
	}
}

func TestAnalyzeErrors(t *testing.T) {
	dir, err := filepath.Abs("../../testdata/vet")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		patterns []string
		dir      string
		wantErr  string // substring of err; "" means err must be nil
		wantPkg  bool   // package errors expected
	}{
		{name: "missing directory", patterns: []string{"./..."}, dir: filepath.Join(dir, "no-such-module"), wantErr: "loading packages"},
		{name: "broken package", patterns: []string{"./..."}, dir: filepath.Join(dir, "broken"), wantPkg: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, pkgErrs, err := Analyze(tt.patterns, analyzers.All(), Options{Dir: tt.dir})
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatalf("unexpected error %v", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Fatalf("error %v, want one containing %q", err, tt.wantErr)
			}
			if tt.wantPkg != (len(pkgErrs) > 0) {
				t.Errorf("package errors %v, want some: %v", pkgErrs, tt.wantPkg)
			}
		})
	}
}
