package unsaferetry

import (
	"golang.org/x/tools/go/analysis"

	"github.com/twice-lint/twice/analyzers/internal/model"
)

// PLACEHOLDER: being written.

// Analyzer is the unsaferetry analyzer with its default settings.
var Analyzer = New(model.New(model.Settings{}))

// New returns the unsaferetry analyzer reading the given model analyzer's result.
func New(m *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     "unsaferetry",
		Doc:      "unsaferetry (being written)",
		Requires: []*analysis.Analyzer{m},
		Run:      func(*analysis.Pass) (any, error) { return nil, nil },
	}
}
