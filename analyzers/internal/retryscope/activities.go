package retryscope

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
)

// Activities of a workflow engine. Temporal's server runs an activity
// again when it returns an error or times out, and its default retry
// policy has no attempt limit: the activity function is retried by
// default, whoever wrote it. A workflow turns that off with a RetryPolicy
// of MaximumAttempts 1 in the activity options; a count it computes is
// the user's choice, so it is not read as on.

// temporalSDK is the import path prefix of Temporal's Go SDK.
const temporalSDK = "go.temporal.io/sdk/"

// activityRetriesOff reports whether the enclosing function gives its
// activities a retry policy that is not plainly on: MaximumAttempts 1, or
// a count that is not a constant.
func (w *walk) activityRetriesOff() bool {
	if w.decl == nil {
		return false
	}
	off := false
	ast.Inspect(w.decl, func(n ast.Node) bool {
		lit, ok := n.(*ast.CompositeLit)
		if off || !ok || !isActivityRetryPolicy(w.info.TypeOf(lit)) {
			return !off
		}
		if v := astpath.LitField(lit, "MaximumAttempts"); v != nil {
			k, isConst := w.intConst(v)
			off = !isConst || k == 1
		}
		return !off
	})
	return off
}

// isActivityRetryPolicy reports whether t is Temporal's RetryPolicy.
func isActivityRetryPolicy(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Name() == "RetryPolicy" && n.Obj().Pkg() != nil &&
		strings.HasPrefix(unvendor(n.Obj().Pkg().Path()), temporalSDK)
}
