package unsaferetry_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/twice-lint/twice/analyzers"
	"github.com/twice-lint/twice/analyzers/internal/model"
	"github.com/twice-lint/twice/analyzers/internal/testenv"
)

// TestTestFiles: findings in _test.go files are reported only with
// -unsaferetry.tests. The fixture's // want comments are the -tests run;
// the default run must report exactly the ones outside _test.go files.
func TestTestFiles(t *testing.T) {
	dir := testenv.Testdata(t)
	unsafeRetryOf := func(s model.Settings) *analysis.Analyzer {
		for _, a := range analyzers.New(s) {
			if a.Name == "unsaferetry" {
				return a
			}
		}
		t.Fatal("analyzers.New returned no unsaferetry analyzer")
		return nil
	}
	// inTests counts distinct positions: a package with tests is analyzed
	// twice (with and without its _test.go files).
	inTests := func(results []*analysistest.Result) (tests, others int) {
		seen := map[string]bool{}
		for _, r := range results {
			for _, d := range r.Diagnostics {
				posn := r.Pass.Fset.Position(d.Pos)
				if seen[posn.String()] {
					continue
				}
				seen[posn.String()] = true
				if strings.HasSuffix(posn.Filename, "_test.go") {
					tests++
				} else {
					others++
				}
			}
		}
		return tests, others
	}

	t.Run("-tests reports both, as the // want comments say", func(t *testing.T) {
		tests, others := inTests(analysistest.Run(t, dir, unsafeRetryOf(model.Settings{Tests: true}), "testfiles"))
		if tests == 0 || others == 0 {
			t.Errorf("with -tests: %d findings in tests, %d elsewhere; want both > 0", tests, others)
		}
	})
	t.Run("default reports none in _test.go files", func(t *testing.T) {
		tests, others := inTests(analysistest.Run(&recorder{}, dir, unsafeRetryOf(model.Settings{}), "testfiles"))
		if tests != 0 || others != 1 {
			t.Errorf("default: %d findings in tests, %d elsewhere; want 0 and 1", tests, others)
		}
	})
	t.Run("the -tests flag sets it", func(t *testing.T) {
		a := newUnsafeRetry(t)
		if err := a.Flags.Set("tests", "true"); err != nil {
			t.Fatal(err)
		}
		if tests, _ := inTests(analysistest.Run(&recorder{}, dir, a, "testfiles")); tests == 0 {
			t.Error("-tests=true: no finding in the _test.go file")
		}
	})
}
