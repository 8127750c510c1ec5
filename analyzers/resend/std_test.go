package resend

import (
	"testing"

	"golang.org/x/tools/go/analysis"
	drivers "golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/twice-lint/twice/analyzers/internal/model"
	"github.com/twice-lint/twice/internal/slowtest"
)

// TestStandardLibrary runs resend over net/http and every package it
// depends on, each as a root: no error, no panic, and no finding — the
// standard library never re-sends a write after inspecting its response,
// so any diagnostic here is a false positive.
func TestStandardLibrary(t *testing.T) {
	slowtest.StdLibrary(t)
	cfg := &packages.Config{Mode: packages.LoadAllSyntax}
	pkgs, err := packages.Load(cfg, "net/http", "net/http/httputil", "database/sql")
	if err != nil {
		t.Fatalf("loading: %v", err)
	}
	if n := packages.PrintErrors(pkgs); n > 0 {
		t.Fatalf("%d errors loading the standard library", n)
	}
	var all []*packages.Package
	packages.Visit(pkgs, nil, func(p *packages.Package) { all = append(all, p) })
	a := New(model.New(model.Settings{}))
	graph, err := drivers.Analyze([]*analysis.Analyzer{a}, all, nil)
	if err != nil {
		t.Fatalf("analyzing: %v", err)
	}
	ran := 0
	for act := range graph.All() {
		if act.Analyzer != a {
			continue
		}
		ran++
		if act.Err != nil {
			t.Errorf("%s: %v", act.Package.PkgPath, act.Err)
		}
		for _, d := range act.Diagnostics {
			t.Errorf("%v: unexpected diagnostic: %s", act.Package.Fset.Position(d.Pos), d.Message)
		}
	}
	if ran < len(all) {
		t.Errorf("resend ran on %d packages, want %d", ran, len(all))
	}
}
