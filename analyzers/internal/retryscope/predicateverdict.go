package retryscope

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// Predicate verdicts. SDK cores often judge an attempt with a helper and
// keep its answer in a variable named for the decision:
//
//	resp, err = c.send(ctx, opt)
//	opt.baseURL, retryable = c.checkRetryable(opt.baseURL, resp, err)
//	if retryable {
//		continue
//	}
//	break
//
// The variable is a test of the attempt's error: true asks for another
// round (its name says so), false leaves. The helper's body, when twice
// has it, decides whether the round is taken only on refusals (the
// refusal evaluator reads the result the variable binds).

// definingCall returns the call that assigns the variable id, and the
// index of the result it binds, when id is assigned exactly once in scope
// and by a call: `retry := shouldRetry(resp, err)` (0), `u, retry =
// c.check(u, resp, err)` (1). A constant given before that call (`again :=
// false`, as `var again bool` would) is an initial value, not a second
// assignment: the call overwrites it before any test after the call reads it.
func definingCall(info *types.Info, id *ast.Ident, scope ast.Node) (*ast.CallExpr, int) {
	obj, ok := info.Uses[id].(*types.Var)
	if !ok || scope == nil {
		return nil, -1
	}
	var def *ast.CallExpr
	at, count := -1, 0
	var initial []token.Pos // constant assignments, judged once def is known
	ast.Inspect(scope, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok {
			return true
		}
		for i, lhs := range as.Lhs {
			if l, ok := lhs.(*ast.Ident); !ok || info.ObjectOf(l) != obj {
				continue
			}
			if len(as.Rhs) == len(as.Lhs) && info.Types[as.Rhs[i]].Value != nil {
				initial = append(initial, as.Pos())
				continue
			}
			count++
			if len(as.Rhs) == 1 {
				if call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr); ok && (len(as.Lhs) > 1 || i == 0) {
					def, at = call, i
				}
			}
		}
		return true
	})
	if count != 1 || def == nil {
		return nil, -1
	}
	for _, p := range initial {
		if p > def.Pos() {
			return nil, -1 // `retry = false` after the call overrides it
		}
	}
	return def, at
}

// isPredicateVerdict reports whether e is a boolean variable named like a
// retry decision (verdictName) that a call judging the attempt's error
// assigns, or such a field of the attempt's result (`result =
// c.attempt(ctx, req); if !result.Retry { break }`: the attempt judged
// itself and says so in the struct it returns).
func (w *walk) isPredicateVerdict(e ast.Expr, results []types.Object) bool {
	if w.isFieldVerdict(e, results) {
		return true
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || w.decl == nil || !isBool(w.info.TypeOf(id)) || !verdictName.MatchString(id.Name) {
		return false
	}
	call, _ := definingCall(w.info, id, w.decl.Body)
	if call == nil {
		return false
	}
	for _, arg := range call.Args {
		if w.isErrOperand(arg, results) {
			return true
		}
	}
	return false
}

// isFieldVerdict reports whether e is a boolean field named like a retry
// decision of one of the attempt's results (result.Retry).
func (w *walk) isFieldVerdict(e ast.Expr, results []types.Object) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok || !verdictName.MatchString(sel.Sel.Name) || !isBool(w.info.TypeOf(sel)) {
		return false
	}
	if s, ok := w.info.Selections[sel]; !ok || s.Kind() != types.FieldVal {
		return false
	}
	return containsObj(results, objOf(w.info, sel.X))
}

// testsResults reports whether cond looks at the attempt's results:
// directly, or through a predicate verdict (`retryable`, `!retryable`).
func (w *walk) testsResults(cond ast.Expr, results []types.Object) bool {
	if w.mentions(cond, results) {
		return true
	}
	if u, ok := ast.Unparen(cond).(*ast.UnaryExpr); ok && u.Op == token.NOT {
		cond = u.X
	}
	return w.isPredicateVerdict(cond, results)
}

// resultOnlyOnRefusal judges the variable id bound to result k (> 0) of a
// call: true only on refusals when every return of the callee's body that
// can make that result true does so on a refusal.
func (r *refusals) resultOnlyOnRefusal(id *ast.Ident, scope ast.Node, depth int) bool {
	call, k := definingCall(r.info, id, scope)
	if call == nil || k <= 0 {
		return false
	}
	fn, _ := typeutil.Callee(r.info, call).(*types.Func)
	if fn == nil {
		return false
	}
	d := r.decls(fn.Origin())
	return d != nil && r.trueOnlyOnRefusalAt(d.Body, k, depth+1)
}

// fieldOnlyOnRefusal judges a boolean field of a result a call returned
// (`result = c.attempt(ctx, req)` … `result.Retry`): true only on
// refusals when every value the callee's body gives that field (`r.Retry
// = …`, `attemptResult{Retry: …}`) holds only on a refusal. A callee that
// never sets it says nothing.
func (r *refusals) fieldOnlyOnRefusal(sel *ast.SelectorExpr, scope ast.Node, depth int) bool {
	base, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok || depth > maxRefusalDepth {
		return false
	}
	s, ok := r.info.Selections[sel]
	if !ok || s.Kind() != types.FieldVal {
		return false
	}
	field := s.Obj()
	call, _ := definingCall(r.info, base, scope)
	if call == nil {
		return false
	}
	fn, _ := typeutil.Callee(r.info, call).(*types.Func)
	if fn == nil {
		return false
	}
	d := r.decls(fn.Origin())
	if d == nil || d.Body == nil {
		return false
	}
	values := fieldValues(r.info, d.Body, field)
	if len(values) == 0 {
		return false
	}
	for _, v := range values {
		if tv := r.info.Types[v]; tv.Value != nil && tv.Value.Kind() == constant.Bool && !constant.BoolVal(tv.Value) {
			continue // Retry: false
		}
		if !r.when(v, true, d.Body, depth+1) {
			return false
		}
	}
	return true
}

// fieldValues lists the values body gives the struct field: `x.F = v`
// and `T{F: v}`.
func fieldValues(info *types.Info, body *ast.BlockStmt, field types.Object) []ast.Expr {
	var out []ast.Expr
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) != len(n.Rhs) {
				return true
			}
			for i, lhs := range n.Lhs {
				if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok {
					if s, ok := info.Selections[sel]; ok && s.Obj() == field {
						out = append(out, n.Rhs[i])
					}
				}
			}
		case *ast.KeyValueExpr:
			if key, ok := n.Key.(*ast.Ident); ok && info.Uses[key] == field {
				out = append(out, n.Value)
			}
		}
		return true
	})
	return out
}
