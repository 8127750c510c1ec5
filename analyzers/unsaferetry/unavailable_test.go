package unsaferetry_test

import (
	"fmt"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/twice-lint/twice/analyzers/internal/testenv"
)

// TestUnavailable: a retry that goes round only on refusals and 503
// Service Unavailable is silent by default (whether the server handled
// the request is unknown) and reported at -confidence=low, on exactly the
// lines marked "low:"; retries on other 5xx or on every error are
// reported at both levels (the // want lines).
func TestUnavailable(t *testing.T) {
	dir := testenv.Testdata(t)
	analysistest.Run(t, dir, newUnsafeRetry(t), "unavailable")

	low := analysistest.Run(&recorder{}, dir, withChecks(t), "unavailable")
	reported := map[int]bool{}
	for _, res := range low {
		for _, d := range res.Diagnostics {
			reported[res.Pass.Fset.Position(d.Pos).Line] = true
		}
	}
	file := filepath.Join(dir, "src", "unavailable", "unavailable.go")
	marked := markedLines(t, file, "// low:")
	if len(marked) == 0 {
		t.Fatal("no // low: lines in the fixture")
	}
	for _, line := range append(marked, markedLines(t, file, "// want")...) {
		if !reported[line] {
			t.Errorf("unavailable.go:%d: -confidence=low reports nothing", line)
		}
	}
	if want := len(marked) + len(markedLines(t, file, "// want")); len(reported) != want {
		t.Errorf("-confidence=low: %d findings, want %d: %v", len(reported), want, fmt.Sprint(reported))
	}
}
