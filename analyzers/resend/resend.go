package resend

import (
	"golang.org/x/tools/go/analysis"

	"github.com/twice-lint/twice/analyzers/internal/model"
)

// PLACEHOLDER: being written.

// Analyzer is the resend analyzer with its default settings.
var Analyzer = New(model.New(model.Settings{}))

// New returns the resend analyzer reading the given model analyzer's result.
func New(m *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     "resend",
		Doc:      "resend (being written)",
		Requires: []*analysis.Analyzer{m},
		Run:      func(*analysis.Pass) (any, error) { return nil, nil },
	}
}
