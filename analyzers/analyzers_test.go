package analyzers_test

import (
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/twice-lint/twice/analyzers"
)

// TestSetsAreValid checks both sets the way the drivers do: in particular
// a fact type may be declared by one analyzer only, so the analyzers of a
// set must share one model analyzer.
func TestSetsAreValid(t *testing.T) {
	sets := map[string][]*analysis.Analyzer{
		"All":               analyzers.All(),
		"New(defaults)":     analyzers.New(analyzers.Settings{}),
		"New(with options)": analyzers.New(analyzers.Settings{RetryFuncs: []string{"example.com/retry.Do"}}),
	}
	for name, set := range sets {
		if err := analysis.Validate(set); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		names := map[string]bool{}
		for _, a := range set {
			names[a.Name] = true
		}
		if !names["unsaferetry"] || !names["resend"] {
			t.Errorf("%s: got analyzers %v, want unsaferetry and resend", name, names)
		}
	}
}

// TestNewAppliesSettings: the settings given to New reach the flags of
// its unsaferetry analyzer (the model's settings), and All's analyzers
// stay unconfigured.
func TestNewAppliesSettings(t *testing.T) {
	set := analyzers.New(analyzers.Settings{RetryFuncs: []string{"example.com/retry.Do"}, Mutating: []string{"example.com/x.Send"}})
	got := set[0].Flags.Lookup("retryfuncs")
	if got == nil || got.Value.String() != "example.com/retry.Do" {
		t.Errorf("New: unsaferetry -retryfuncs = %v, want example.com/retry.Do", got)
	}
	if f := analyzers.All()[0].Flags.Lookup("retryfuncs"); f == nil || f.Value.String() != "" {
		t.Errorf("All: unsaferetry -retryfuncs = %v, want an empty flag", f)
	}
}
