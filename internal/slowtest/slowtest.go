// Package slowtest gates the tests that analyze large parts of the
// standard library (soundness and robustness checks). They take minutes
// under -race on a busy machine, so a plain `go test ./...` skips them;
// .ci/run sets TWICE_STD_SOUNDNESS=1 for its main test step, so CI always
// runs them (once, without -race).
package slowtest

import (
	"os"
	"testing"
)

// EnvVar turns the standard-library checks on when set to 1.
const EnvVar = "TWICE_STD_SOUNDNESS"

// StdLibrary skips t unless the standard-library checks are enabled.
func StdLibrary(t testing.TB) {
	t.Helper()
	if os.Getenv(EnvVar) != "1" {
		t.Skip("analyzes the standard library; set " + EnvVar + "=1 to run (.ci/run does)")
	}
}
