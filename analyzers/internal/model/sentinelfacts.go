package model

import (
	"go/types"

	"github.com/twice-lint/twice/analyzers/internal/retryscope"
)

// AmbiguousSentinelFact marks a package-level error variable whose
// declaration says an ambiguous outcome (errors.New("connection closed"),
// a wrapped io.EOF) or cannot be read, although its name does not: a retry
// that goes round on it in another package can repeat an executed write,
// unlike one on an application error such as ErrStale.
type AmbiguousSentinelFact struct{}

// AFact marks AmbiguousSentinelFact as an analysis.Fact.
func (*AmbiguousSentinelFact) AFact() {}

func (*AmbiguousSentinelFact) String() string { return "an ambiguous-outcome sentinel" }

// exportSentinels exports the package's AmbiguousSentinelFacts. It runs
// for inert packages too: a package that holds no retry still declares
// the errors that others retry on.
func (m *Model) exportSentinels() {
	for _, v := range retryscope.AmbiguousSentinels(m.pass) {
		m.pass.ExportObjectFact(v, new(AmbiguousSentinelFact))
	}
}

// ambiguousSentinel reports whether an error variable of another package
// carries an AmbiguousSentinelFact.
func (m *Model) ambiguousSentinel(v *types.Var) bool {
	return v.Pkg() != nil && v.Pkg() != m.pass.Pkg && m.pass.ImportObjectFact(v, new(AmbiguousSentinelFact))
}
