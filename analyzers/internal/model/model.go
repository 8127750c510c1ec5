// Package model is the per-package model of retry scopes and mutating
// operations that every twice analyzer reads. PLACEHOLDER: being written.
package model

import (
	"reflect"

	"golang.org/x/tools/go/analysis"
)

// Model is the Result of the model analyzer.
type Model struct{}

// New returns a model analyzer configured with s.
func New(s Settings) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:       "twicemodel",
		Doc:        "computes retry scopes and mutating operations for twice's analyzers",
		Run:        func(*analysis.Pass) (any, error) { return &Model{}, nil },
		ResultType: reflect.TypeFor[*Model](),
	}
}
