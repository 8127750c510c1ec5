package model

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/twice-lint/twice/analyzers/internal/astpath"

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
		if s.Encl == nil || s.Func != nil && s.FuncCall == nil {
			continue
		}
		fn, _ := m.pass.TypesInfo.Defs[s.Encl.Name].(*types.Func)
		if fn == nil || own[fn] != nil || m.readBranch(s) {
			continue
		}
		if c := singleCall(s); c != nil && m.Classifier.Evidence(c, s.Encl).Any() {
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
	if c := singleCall(s); c != nil {
		return []*ast.CallExpr{c}
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

// singleCall is the one call a scope repeats: a client's request, or the
// call a helper makes of the function it was given; nil for a body.
func singleCall(s *retryscope.Scope) *ast.CallExpr {
	if s.Call != nil {
		return s.Call
	}
	return s.FuncCall
}

// readBranch reports whether scope s sits where its function has found
// the request's method to be a read: the branch of `if method ==
// http.MethodGet` (or the else of `!=`). A helper retrying only its GETs
// (`if method == GET { retry(…) } else { once(…) }`) retries no write.
func (m *Model) readBranch(s *retryscope.Scope) bool {
	var conds []astpath.Cond
	astpath.Walk(s.Encl.Body, func(n ast.Node, path []ast.Node) bool {
		if conds != nil || n.Pos() > s.Pos || n.End() <= s.Pos {
			return false
		}
		if n.Pos() == s.Pos {
			conds = astpath.Conditions(path, func(ast.Stmt) bool { return false })
			return false
		}
		return true
	})
	for _, c := range conds {
		if c.Expr != nil && c.Left == nil && m.readMethodTest(c.Expr, c.Truth) {
			return true
		}
	}
	return false
}

// readMethodTest reports whether e having the outcome truth says a string
// is "GET" or "HEAD": `method == http.MethodGet` true, `!=` false.
func (m *Model) readMethodTest(e ast.Expr, truth bool) bool {
	b, ok := ast.Unparen(e).(*ast.BinaryExpr)
	if !ok || !(b.Op == token.EQL && truth || b.Op == token.NEQ && !truth) {
		return false
	}
	for _, side := range []ast.Expr{b.X, b.Y} {
		tv, ok := m.pass.TypesInfo.Types[side]
		if ok && tv.Value != nil && tv.Value.Kind() == constant.String {
			v := strings.ToUpper(constant.StringVal(tv.Value))
			return v == "GET" || v == "HEAD"
		}
	}
	return false
}
