// Package analyzers assembles twice's Go analyzers. cmd/twice and the
// golangci-lint plugin take them from here, so every front end runs the same
// set with the same settings.
package analyzers

import (
	"golang.org/x/tools/go/analysis"

	"github.com/twice-lint/twice/analyzers/internal/model"
	"github.com/twice-lint/twice/analyzers/resend"
	"github.com/twice-lint/twice/analyzers/unsaferetry"
)

// Settings are the options shared by every analyzer (see the -unsaferetry.*
// flags). The zero value is the default configuration.
type Settings = model.Settings

// All returns the default analyzers, whose settings are bound to the
// -unsaferetry.* command-line flags.
func All() []*analysis.Analyzer {
	return []*analysis.Analyzer{unsaferetry.Analyzer, resend.Analyzer}
}

// New returns a fresh set of analyzers configured with s, independent of the
// command-line flags (used by the golangci-lint plugin).
func New(s Settings) []*analysis.Analyzer {
	m := model.New(s)
	return []*analysis.Analyzer{unsaferetry.New(m), resend.New(m)}
}
