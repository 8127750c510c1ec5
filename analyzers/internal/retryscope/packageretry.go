package retryscope

import "go/types"

// A library's own retry that a package turns on by configuring it:
// go-redis's MaxRetries (redisretry.go), the AWS SDK's attempt count
// (awsretry.go). The link from configuration to call is by package: a
// package that sets the retry, or calls another package's function that
// hands out clients so configured (a RetryingClientFact with the
// mechanism), has the library's calls judged retried; and its own
// functions that hand out such clients become makers in turn.
type packageRetry struct {
	set       bool
	mechanism string
	// returns reports whether a function hands out the library's clients
	// or their configuration.
	returns func(*types.Func) bool
}

// mech names the retry the package's calls go through, or "" when the
// package did not configure it.
func (r *packageRetry) mech() string {
	if !r.set {
		return ""
	}
	return r.mechanism
}

// noteMaker records a call of another package's function that hands out
// clients with the retry set.
func (r *packageRetry) noteMaker(fn *types.Func, maker func(*types.Func) string) {
	if maker != nil && r.returns(fn) && maker(fn) == r.mechanism {
		r.set = true
	}
}

// makes reports whether this package's fn hands out clients with the
// retry set (a maker to export).
func (r *packageRetry) makes(fn *types.Func) bool { return r.set && r.returns(fn) }
