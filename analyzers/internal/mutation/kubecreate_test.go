package mutation_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/twice-lint/twice/analyzers/internal/testenv"
)

// TestKubeCreate: Kubernetes creates recognised by their option types are
// writes only when the object is named anew on every call (generateName,
// a fresh name); a check-before-create written as a conjunction guards the
// create.
func TestKubeCreate(t *testing.T) {
	analysistest.Run(t, testenv.Testdata(t), reporter, "example.com/provision")
}
