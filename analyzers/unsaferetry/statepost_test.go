package unsaferetry_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/twice-lint/twice/analyzers/internal/testenv"
	"github.com/twice-lint/twice/analyzers/unsaferetry"
)

// TestStatePOST: a POST sent by a function named for assigning a state
// (setRole) is silent; the same verb with a payload that adds
// (updateCounter{Delta}), a name that also creates (updateOrCreateNode) and
// a POST that records an event stay reported.
func TestStatePOST(t *testing.T) {
	analysistest.Run(t, testenv.Testdata(t), unsaferetry.Analyzer, "statepost")
}
