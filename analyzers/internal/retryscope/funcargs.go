package retryscope

import (
	"go/ast"
	"go/types"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
)

// Helpers that retry a function their caller gives them together with
// the request to call it with:
//
//	func (r *Retrier) Run(fn RetryFunc, request *http.Request, …) (*http.Response, error) {
//		return r.run(fn, request, max, 0, nil) // run calls fn(request) until …
//	}
//	resp, err := c.retrier.Run(c.client.Do, req, …)
//
// (the runtime of generated API clients). The helper's fact records which
// of its parameters it passes to the func (Helper.FuncArgs); the scope of
// a named function or method value given for the func then holds the call
// the helper makes, c.client.Do(req), rebuilt from the caller's own
// arguments (Scope.FuncCall): what an interface's Do sends is decided by
// req, not by the name Do.

// calledParamArgs returns, for a call of the declaration's func parameter,
// the declaration's parameters it passes as arguments (fn(request): the
// index of request), or nil when an argument is anything else.
func (w *walk) calledParamArgs(d *ast.FuncDecl, call *ast.CallExpr) []int {
	if len(call.Args) == 0 || call.Ellipsis.IsValid() {
		return nil
	}
	fn, _ := w.info.Defs[d.Name].(*types.Func)
	if fn == nil {
		return nil
	}
	out := make([]int, 0, len(call.Args))
	for _, a := range call.Args {
		p := w.declParam(d, a)
		if p < 0 || isVariadicParam(fn, p) {
			return nil // a variadic parameter is no single argument at the helper's calls
		}
		out = append(out, p)
	}
	return out
}

// declParam returns the index of the parameter of d that e names, never
// given another value in d, or -1.
func (w *walk) declParam(d *ast.FuncDecl, e ast.Expr) int {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return -1
	}
	v, ok := w.info.Uses[id].(*types.Var)
	fn, _ := w.info.Defs[d.Name].(*types.Func)
	if !ok || fn == nil {
		return -1
	}
	params := fn.Signature().Params()
	for i := 0; i < params.Len(); i++ {
		if params.At(i) == v {
			if defs, addressed := astpath.Definitions(w.info, d.Body, v); len(defs) > 0 || addressed {
				return -1
			}
			return i
		}
	}
	return -1
}

// forwardedArgs maps a helper's FuncArgs through a call of it made in the
// current declaration: the declaration's parameters the call passes at
// those positions, or nil when one is anything else (the declaration,
// passing its own func parameter on, is then a helper without FuncArgs).
func (w *walk) forwardedArgs(call *ast.CallExpr, funcArgs []int) []int {
	if w.decl == nil || len(funcArgs) == 0 {
		return nil
	}
	fn, _ := w.info.Defs[w.decl.Name].(*types.Func)
	if fn == nil {
		return nil
	}
	out := make([]int, 0, len(funcArgs))
	for _, k := range funcArgs {
		if k >= len(call.Args) {
			return nil
		}
		p := w.declParam(w.decl, call.Args[k])
		if p < 0 || isVariadicParam(fn, p) {
			return nil
		}
		out = append(out, p)
	}
	return out
}

// argCall rebuilds the call a helper makes of the function value arg (fn)
// its caller passes: fn applied to the caller's arguments at the helper's
// FuncArgs, or nil.
func (w *walk) argCall(call *ast.CallExpr, arg ast.Expr, fn *types.Func, funcArgs []int) *ast.CallExpr {
	sig := fn.Signature()
	if len(funcArgs) == 0 || sig.Variadic() || sig.Params().Len() != len(funcArgs) {
		return nil
	}
	inner := &ast.CallExpr{Fun: arg, Lparen: call.Lparen, Rparen: call.Rparen}
	for _, k := range funcArgs {
		if k >= len(call.Args) {
			return nil
		}
		inner.Args = append(inner.Args, call.Args[k])
	}
	return inner
}

// callsParam reports whether call, in d, calls one of d's parameters
// directly (fn(request)), not passes it on.
func (w *walk) callsParam(d *ast.FuncDecl, call *ast.CallExpr) bool {
	return w.declParam(d, call.Fun) >= 0
}
