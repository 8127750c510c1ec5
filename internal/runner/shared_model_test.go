package runner

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/twice-lint/twice/analyzers"
)

// TestAnalyzeSharedModelWithFlags runs unsaferetry and resend together over
// a whole module with every -unsaferetry.* list set. The checker runs the two
// analyzers in parallel on one package and they share one model and
// classifier, whose name caches are built lazily only when a list is set: a
// concurrent map write there is a fatal error, not a panic. Under
// `go test -race` (CI) this test is what would catch it; without -race it
// still checks that the flag-only finding is reported.
func TestAnalyzeSharedModelWithFlags(t *testing.T) {
	dir, err := filepath.Abs("../../testdata/vet/orders")
	if err != nil {
		t.Fatal(err)
	}
	as := analyzers.New(analyzers.Settings{
		RetryFuncs: []string{"(*example.com/orders/internal/jobs.Queue).Submit"},
		Mutating:   []string{"(example.com/orders/internal/ledger.Ledger).Record"},
		Idempotent: []string{"example.com/orders/internal/catalog.NoSuchFunc"},
	})
	graph, pkgErrs, err := Analyze([]string{"./..."}, as, Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(pkgErrs) > 0 {
		t.Fatalf("package errors: %v", pkgErrs)
	}
	var found bool
	for _, act := range graph.Roots {
		for _, d := range act.Diagnostics {
			if act.Analyzer.Name == "unsaferetry" && strings.Contains(strings.ToLower(d.Message), "record") {
				found = true
			}
		}
	}
	if !found {
		t.Error("want the unsaferetry finding for Ledger.Record retried by Queue.Submit (declared by flags)")
	}
}
