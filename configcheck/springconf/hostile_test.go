package springconf

import (
	"fmt"
	"strings"
	"testing"

	"github.com/twice-lint/twice/configcheck/internal/budget"
	"github.com/twice-lint/twice/configcheck/internal/growth"
	"github.com/twice-lint/twice/internal/hostile"
)

// Linear parsing (issue 14): doubling the input at most doubles the cost,
// counted in allocations (see package growth). The shapes are the hostile
// ones — 40,000 empty YAML documents took 17–37 s when the line index was
// rebuilt per document — and ordinary files.
func TestParsersLinear(t *testing.T) {
	gens := []struct {
		name  string
		n     int
		gen   func(n int) []byte
		parse func(string, []byte) (*File, error)
	}{
		{"yaml empty documents", 5000, func(n int) []byte {
			return []byte(hostile.EmptyYAMLDocuments(n, "oms:\n  auth.openapi.enable: false\n"))
		}, ParseYAML},
		{"yaml documents with keys", 2000, func(n int) []byte {
			var b strings.Builder
			for i := range n {
				fmt.Fprintf(&b, "---\nspring.config.activate.on-profile: p%d\noms:\n  k%d: v\n", i, i)
			}
			return []byte(b.String())
		}, ParseYAML},
		{"properties", 5000, func(n int) []byte {
			var b strings.Builder
			for i := range n {
				fmt.Fprintf(&b, "oms.k%d = v\\\n  continued\n#---\n", i)
			}
			return []byte(b.String())
		}, ParseProperties},
	}
	for _, g := range gens {
		t.Run(g.name, func(t *testing.T) {
			growth.Linear(t, g.n, g.gen, func(d []byte) {
				if _, err := g.parse("application.yml", d); err != nil {
					t.Fatal(err)
				}
			})
		})
	}
}

// TestPlaceholderBudget: placeholders that each repeat the previous one ten
// times give an unknown value within the value cap, not gigabytes.
func TestPlaceholderBudget(t *testing.T) {
	vals := map[string]string{"v0": "0123456789"}
	for i := 1; i < 12; i++ {
		vals[fmt.Sprintf("v%d", i)] = strings.Repeat(fmt.Sprintf("${v%d}", i-1), 10)
	}
	b := budget.New()
	got, ok := ExpandWithin(b, "${v11}", mapLookup(vals))
	if ok {
		t.Fatalf("a 10^12-byte expansion reported ok (%d bytes)", len(got))
	}
	if len(got) > budget.MaxValue || b.Refused() == 0 {
		t.Errorf("got %d bytes, %d refusals; want at most %d bytes and a refusal", len(got), b.Refused(), budget.MaxValue)
	}
	// A legitimate value still expands with a fresh budget.
	if got, ok := Expand("${v1}", mapLookup(vals)); !ok || len(got) != 100 {
		t.Errorf("Expand(${v1}) = %d bytes, %v; want 100, true", len(got), ok)
	}
}
