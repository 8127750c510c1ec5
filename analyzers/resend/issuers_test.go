package resend

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/twice-lint/twice/analyzers/internal/model"
	"github.com/twice-lint/twice/analyzers/internal/testenv"
)

// TestIssuers: a second order with another value for the same parameter
// (a constant where the first call passed a variable), to a CA chosen
// before it, or after the receiver was pointed elsewhere, is another
// request; the same order placed again after looking at the answer is a
// re-send.
func TestIssuers(t *testing.T) {
	analysistest.Run(t, testenv.Testdata(t), New(model.New(model.Settings{})), "issuers")
}
