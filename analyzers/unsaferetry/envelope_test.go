package unsaferetry_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/twice-lint/twice/analyzers/internal/testenv"
	"github.com/twice-lint/twice/analyzers/unsaferetry"
)

// TestGenericSenders: a transport method that sends whatever request it is
// given (SendRequest, SendRPC) is not judged a write by its name; methods
// of the same interface named for an operation (SendInvitation,
// CreateSession) still are.
func TestGenericSenders(t *testing.T) {
	analysistest.Run(t, testenv.Testdata(t), unsaferetry.Analyzer, "rpcenvelope")
}
