package unsaferetry_test

import (
	"reflect"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/twice-lint/twice/analyzers/internal/model"
	"github.com/twice-lint/twice/analyzers/internal/testenv"
	"github.com/twice-lint/twice/analyzers/unsaferetry"
)

// TestFailedModelIsAnError: when computing the model panicked on a
// package, unsaferetry fails on it with the panic's text, so the driver
// says the package's findings are missing instead of showing it clean.
func TestFailedModelIsAnError(t *testing.T) {
	const failure = "twicemodel: internal error in orders: boom"
	failing := &analysis.Analyzer{
		Name:       "failingmodel",
		Doc:        "a model analyzer whose computation panicked",
		Run:        func(*analysis.Pass) (any, error) { return &model.Model{Failed: failure}, nil },
		ResultType: reflect.TypeOf(new(model.Model)),
	}
	rec := &recorder{}
	results := analysistest.Run(rec, testenv.Testdata(t), unsaferetry.New(failing), "orders")
	if len(results) == 0 {
		t.Fatal("no result for orders")
	}
	for _, r := range results {
		if r.Err == nil || !strings.Contains(r.Err.Error(), failure) {
			t.Errorf("%s: error %v, want one containing %q", r.Pass.Pkg.Path(), r.Err, failure)
		}
		if len(r.Diagnostics) != 0 {
			t.Errorf("%s: %d diagnostics from a failed model, want none", r.Pass.Pkg.Path(), len(r.Diagnostics))
		}
	}
}
