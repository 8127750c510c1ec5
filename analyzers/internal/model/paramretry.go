package model

import (
	"go/ast"
	"go/types"

	"github.com/twice-lint/twice/analyzers/internal/mutation"
	"github.com/twice-lint/twice/analyzers/internal/retryscope"
)

// ownRetries finds the package's functions whose own retry scopes send a
// request (or run SQL) decided by their parameters: helpers such as
// do(ctx, method, path) with a retry loop inside. Callers that pass a
// write are reported by unsaferetry; the facts say so (FuncFact.Retries).
func (m *Model) ownRetries() map[*types.Func]*mutation.ParamRetry {
	var own map[*types.Func]*mutation.ParamRetry
	for _, s := range m.Scopes {
		if s.Encl == nil || s.Func != nil {
			continue
		}
		fn, _ := m.pass.TypesInfo.Defs[s.Encl.Name].(*types.Func)
		if fn == nil || own[fn] != nil {
			continue
		}
		if s.Call != nil && m.Classifier.Evidence(s.Call, s.Encl).Any() {
			// The request the client re-sends carries a key made before
			// the send (CallApi's headers["NTNX-Request-Id"] = uuid): every
			// attempt sends the same one, whatever the caller's method.
			continue
		}
		r := m.Classifier.RetriedRoles(s.Encl, scopeCalls(s))
		if r == nil {
			continue
		}
		r.Helper, r.Mechanism, r.Posn = mutation.HelperName(fn), s.Mechanism, m.posn(s.Pos)
		if own == nil {
			own = map[*types.Func]*mutation.ParamRetry{}
		}
		own[fn] = r
	}
	return own
}

// scopeCalls lists the calls a scope repeats, in source order.
func scopeCalls(s *retryscope.Scope) []*ast.CallExpr {
	if s.Call != nil {
		return []*ast.CallExpr{s.Call}
	}
	var calls []*ast.CallExpr
	if s.Body == nil {
		return nil
	}
	ast.Inspect(s.Body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && s.Contains(call) {
			calls = append(calls, call)
		}
		return true
	})
	return calls
}
