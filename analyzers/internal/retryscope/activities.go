package retryscope

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
	"golang.org/x/tools/go/types/typeutil"
)

// Activities of a workflow engine. Temporal's server runs an activity
// again when it returns an error or times out, and its default retry
// policy has no attempt limit: the activity function is retried by
// default, whoever wrote it. A workflow turns that off with a RetryPolicy
// of MaximumAttempts 1 in the activity options; a count it computes, or a
// policy built elsewhere, is the user's choice, so it is not read as on.

// temporalSDK is the import path prefix of Temporal's Go SDK.
const temporalSDK = "go.temporal.io/sdk/"

// activityRetriesOff reports whether the activity that call schedules
// runs under a retry policy that is not plainly on. The options are read
// from the call's context argument when it is made by WithActivityOptions
// in sight; otherwise any policy of the enclosing function that is not
// plainly on counts.
func (w *walk) activityRetriesOff(call *ast.CallExpr) bool {
	if len(call.Args) > 0 {
		if opts, ok := w.activityOptions(call.Args[0], 0); ok {
			return w.policyOff(astpath.LitField(opts, "RetryPolicy"))
		}
	}
	return w.anyPolicyOff()
}

// activityOptions returns the options literal a workflow context was made
// with: WithActivityOptions(ctx, ActivityOptions{…}) given directly, or a
// local assigned once from such a call.
func (w *walk) activityOptions(ctx ast.Expr, depth int) (ast.Expr, bool) {
	if depth > 2 {
		return nil, false
	}
	switch x := ast.Unparen(ctx).(type) {
	case *ast.CallExpr:
		fn, _ := typeutil.Callee(w.info, x).(*types.Func)
		if fn == nil || fn.Pkg() == nil || !strings.HasPrefix(unvendor(fn.Pkg().Path()), temporalSDK) ||
			!strings.HasSuffix(fn.Name(), "ActivityOptions") || len(x.Args) < 2 {
			return nil, false
		}
		if astpath.Literal(x.Args[1]) == nil {
			return nil, false
		}
		return x.Args[1], true
	case *ast.Ident:
		v, ok := w.info.Uses[x].(*types.Var)
		if !ok || w.decl == nil || w.decl.Body == nil {
			return nil, false
		}
		defs, addressed := astpath.Definitions(w.info, w.decl.Body, v)
		if addressed || len(defs) != 1 || defs[0].Rhs == nil || defs[0].Tuple {
			return nil, false
		}
		return w.activityOptions(defs[0].Rhs, depth+1)
	}
	return nil, false
}

// policyOff reports whether a RetryPolicy value (nil: the options leave
// it out, so the default applies) is not plainly on: MaximumAttempts 1,
// a computed count, or a policy that is not a literal in sight.
func (w *walk) policyOff(policy ast.Expr) bool {
	if policy == nil {
		return false
	}
	if astpath.Literal(policy) == nil {
		return true
	}
	v := astpath.LitField(policy, "MaximumAttempts")
	if v == nil {
		return false // 0: unlimited
	}
	k, isConst := w.intConst(v)
	return !isConst || k == 1
}

// anyPolicyOff reports whether the enclosing function builds a Temporal
// RetryPolicy that is not plainly on.
func (w *walk) anyPolicyOff() bool {
	if w.decl == nil {
		return false
	}
	off := false
	ast.Inspect(w.decl, func(n ast.Node) bool {
		lit, ok := n.(*ast.CompositeLit)
		if off || !ok || !isActivityRetryPolicy(w.info.TypeOf(lit)) {
			return !off
		}
		off = w.policyOff(lit)
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
