package model

import (
	"fmt"
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

// SettledPredicateFact marks a boolean function of an error that holds
// only on refusals or specific application errors (func IsStale(err error)
// bool { return errors.Is(err, ErrStale) }): a retry in another package
// that goes round only when it holds repeats nothing known to have run.
type SettledPredicateFact struct{}

// AFact marks SettledPredicateFact as an analysis.Fact.
func (*SettledPredicateFact) AFact() {}

func (*SettledPredicateFact) String() string { return "holds only on refusals or application errors" }

// exportOutcomes exports the package's AmbiguousSentinelFacts and
// SettledPredicateFacts. It runs for inert packages too: a package that
// holds no retry still declares the errors and predicates that others
// retry on.
func (m *Model) exportOutcomes() {
	for _, v := range retryscope.AmbiguousSentinels(m.pass) {
		m.pass.ExportObjectFact(v, new(AmbiguousSentinelFact))
	}
	cfg := retryscope.Config{RefusalPredicate: m.refusalPredicate, AmbiguousSentinel: m.ambiguousSentinel, SettledPredicate: m.settledPredicate,
		UnavailableRefuses: !m.ReportChecks}
	for _, fn := range retryscope.SettledPredicates(m.pass, cfg) {
		m.pass.ExportObjectFact(fn, new(SettledPredicateFact))
	}
}

// settledPredicate reports whether a function of another package carries
// a SettledPredicateFact.
func (m *Model) settledPredicate(fn *types.Func) bool {
	return fn.Pkg() != nil && fn.Pkg() != m.pass.Pkg && m.pass.ImportObjectFact(fn, new(SettledPredicateFact))
}

// refusalPredicate reports whether a function of another package carries
// a RefusalPredicateFact.
func (m *Model) refusalPredicate(fn *types.Func) bool {
	return fn.Pkg() != nil && fn.Pkg() != m.pass.Pkg && m.pass.ImportObjectFact(fn, new(RefusalPredicateFact))
}

// ambiguousSentinel reports whether an error variable of another package
// carries an AmbiguousSentinelFact.
func (m *Model) ambiguousSentinel(v *types.Var) bool {
	return v.Pkg() != nil && v.Pkg() != m.pass.Pkg && m.pass.ImportObjectFact(v, new(AmbiguousSentinelFact))
}

// ClientParamFact marks a function that sends a write through a resty
// client it takes as a parameter (retryscope.ClientParam): a caller
// passing a client configured to retry repeats the write.
type ClientParamFact struct {
	retryscope.ClientParam
}

// AFact marks ClientParamFact as an analysis.Fact.
func (*ClientParamFact) AFact() {}

func (f *ClientParamFact) String() string {
	return fmt.Sprintf("sends %s through its client param %d", f.Op, f.Param)
}

// clientParam returns the ClientParam a function of another package
// carries, or nil.
func (m *Model) clientParam(fn *types.Func) *retryscope.ClientParam {
	var f ClientParamFact
	if fn.Pkg() == nil || fn.Pkg() == m.pass.Pkg || !m.pass.ImportObjectFact(fn, &f) {
		return nil
	}
	return &f.ClientParam
}

// RetryingClientFact marks a function that returns an *http.Client whose
// every request is retried (a constructor building it on a retrying
// transport, retryscope.Result.ClientMakers): what another package sends
// through the client it stores is retried too.
type RetryingClientFact struct {
	Mechanism string
}

// AFact marks RetryingClientFact as an analysis.Fact.
func (*RetryingClientFact) AFact() {}

func (f *RetryingClientFact) String() string { return "returns " + f.Mechanism }

// clientMaker returns the mechanism a RetryingClientFact of a function of
// another package records, or "".
func (m *Model) clientMaker(fn *types.Func) string {
	var f RetryingClientFact
	if fn.Pkg() == nil || fn.Pkg() == m.pass.Pkg || !m.pass.ImportObjectFact(fn, &f) {
		return ""
	}
	return f.Mechanism
}

// RetryingTransportFact marks the RoundTrip method of a transport type
// that re-sends every request (retryscope.Result.Transports): a client of
// another package built on a value of the type retries what it sends.
type RetryingTransportFact struct {
	Mechanism string
}

// AFact marks RetryingTransportFact as an analysis.Fact.
func (*RetryingTransportFact) AFact() {}

func (f *RetryingTransportFact) String() string { return "is " + f.Mechanism }

// retryingTransport returns the mechanism a RetryingTransportFact of a
// RoundTrip method of another package records, or "".
func (m *Model) retryingTransport(fn *types.Func) string {
	var f RetryingTransportFact
	if fn.Pkg() == nil || fn.Pkg() == m.pass.Pkg || !m.pass.ImportObjectFact(fn, &f) {
		return ""
	}
	return f.Mechanism
}
