package unsaferetry_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/twice-lint/twice/analyzers/internal/testenv"
)

// TestKubeCreate: Kubernetes creates in retries (typed client, controller-
// runtime) are reported only when the object is named by generateName; a
// named create and a get-or-create helper (NotFound checked in a
// conjunction) stay silent, as does a check-before-create on a store that
// is not Kubernetes, while the same store's blind create is reported.
func TestKubeCreate(t *testing.T) {
	analysistest.Run(t, testenv.Testdata(t), withChecks(t), "kubecreate")
}
