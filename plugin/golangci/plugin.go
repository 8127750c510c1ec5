// Package golangci is twice's golangci-lint v2 module plugin. A custom
// golangci-lint binary built with `golangci-lint custom` (see
// examples/golangci/.custom-gcl.yml) registers the linter "twice", which
// runs twice's analyzers (unsaferetry, resend) with the settings from
// .golangci.yml:
//
//	linters:
//	  settings:
//	    custom:
//	      twice:
//	        type: module
//	        settings:
//	          retry-funcs: ["(*example.com/shop/jobs.Queue).Submit"]
//	          mutating: ["(example.com/shop/ledger.Ledger).Record"]
//	          idempotent: ["(*example.com/shop/billing.Client).Capture"]
//
// The settings are the -unsaferetry.retryfuncs, -unsaferetry.mutating and
// -unsaferetry.idempotent flags of the twice command.
package golangci

import (
	"fmt"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/twice-lint/twice/analyzers"
)

func init() {
	register.Plugin("twice", New)
}

// Settings mirrors analyzers.Settings with golangci-lint's key style.
// Unknown keys are rejected, so a typo does not silently drop a setting.
type Settings struct {
	// RetryFuncs are extra retry helpers by full name; their func
	// arguments are retry scopes.
	RetryFuncs []string `json:"retry-funcs" yaml:"retry-funcs"`
	// Mutating are functions or methods that perform a non-idempotent write.
	Mutating []string `json:"mutating" yaml:"mutating"`
	// Idempotent are functions or methods that are safe to repeat.
	Idempotent []string `json:"idempotent" yaml:"idempotent"`
	// Tests reports findings in _test.go files too.
	Tests bool `json:"tests" yaml:"tests"`
	// Confidence is "high" (default) or "low": low also reports retried
	// writes a repeat may leave harmless, each as a check.
	Confidence string `json:"confidence" yaml:"confidence"`
}

// Plugin is the registered linter.
type Plugin struct {
	settings analyzers.Settings
}

var _ register.LinterPlugin = (*Plugin)(nil)

// New decodes the linter's settings (nil when .golangci.yml has none).
func New(settings any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](settings)
	if err != nil {
		return nil, fmt.Errorf("twice plugin settings (keys: retry-funcs, mutating, idempotent, tests, confidence): %w", err)
	}
	switch s.Confidence {
	case "", "high", "low":
	default:
		return nil, fmt.Errorf("twice plugin settings: confidence %q: want high or low", s.Confidence)
	}
	return &Plugin{settings: analyzers.Settings{
		RetryFuncs: s.RetryFuncs,
		Mutating:   s.Mutating,
		Idempotent: s.Idempotent,
		Tests:      s.Tests,
		Confidence: s.Confidence,
	}}, nil
}

// BuildAnalyzers returns a fresh analyzer set configured with the settings
// (independent of the command-line flags of the twice binary), each
// reporting its related information inside the one issue (foldRelated).
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	as := analyzers.New(p.settings)
	for i, a := range as {
		as[i] = foldRelated(a)
	}
	return as, nil
}

// GetLoadMode asks for type information: the analyzers resolve callees,
// HTTP methods and SQL text through go/types.
func (p *Plugin) GetLoadMode() string {
	return register.LoadModeTypesInfo
}
