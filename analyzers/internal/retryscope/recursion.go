package retryscope

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
)

// recursion adds a scope for `return c.send(ctx, req, attempt+1)`: a
// function calling itself again with its attempt counter advanced. Calls
// before the recursive call in the function body are repeated.
func (w *walk) recursion(call *ast.CallExpr, fn *types.Func) {
	if w.decl == nil || w.info.Defs[w.decl.Name] != fn {
		return
	}
	if w.sameArguments(call, fn) {
		w.addRecursion(call, recursionName(fn)+", which calls itself again with the same arguments after a failure")
		return
	}
	for i, obj := range w.attempts {
		if i >= len(call.Args) {
			continue
		}
		bin, ok := ast.Unparen(call.Args[i]).(*ast.BinaryExpr)
		if !ok || (bin.Op != token.ADD && bin.Op != token.SUB) || !refersTo(w.info, bin, obj) {
			continue
		}
		// "sendWithRetry, which calls itself again with attempt+1 after
		// a failure": the function and the advanced counter.
		w.addRecursion(call, recursionName(fn)+", which calls itself again with "+compactExpr(bin)+" after a failure")
		return
	}
}

// addRecursion adds the scope of a recursive call that retries: the calls
// of the function body before it run again.
func (w *walk) addRecursion(call *ast.CallExpr, mechanism string) {
	s := &Scope{
		Kind:      KindRecursion,
		Mechanism: mechanism,
		Pos:       call.Pos(),
		Body:      w.decl.Body,
		Until:     call.Pos(),
		Param:     -1,
		Encl:      w.decl,
	}
	if w.recursesOnRefusal(call) {
		s.Guarded, s.Again = true, nil
	}
	w.scopes = append(w.scopes, s)
}

// sameArguments reports whether a call of the enclosing function passes
// its own parameters back unchanged, in order, on the same receiver:
//
//	func (c *Client) Execute(req *http.Request) (*http.Response, error) {
//		resp, err := c.Do(req)
//		…
//		if n := c.retries(resp.StatusCode); n > 0 && c.again(req, n) {
//			return c.Execute(req) // the count travels in a header
//		}
//
// Called with the same values, the function can only be doing its work
// again; the state that ends the recursion lives elsewhere (a header, a
// field). A call with anything else (the next page, a child node, a
// parameter reassigned on the way) is not a retry.
func (w *walk) sameArguments(call *ast.CallExpr, fn *types.Func) bool {
	sig := fn.Signature()
	params := sig.Params()
	if params.Len() == 0 || len(call.Args) != params.Len() || call.Ellipsis.IsValid() != sig.Variadic() {
		return false
	}
	for i := 0; i < params.Len(); i++ {
		if !w.passesBack(call.Args[i], params.At(i)) {
			return false // an unnamed parameter cannot be passed back either
		}
	}
	if sig.Recv() == nil {
		_, plain := ast.Unparen(call.Fun).(*ast.Ident)
		return plain
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	return ok && w.passesBack(sel.X, sig.Recv())
}

// passesBack reports whether arg is the parameter v itself, never given
// another value in the function.
func (w *walk) passesBack(arg ast.Expr, v *types.Var) bool {
	id, ok := ast.Unparen(arg).(*ast.Ident)
	if !ok || w.info.Uses[id] != v {
		return false
	}
	defs, addressed := astpath.Definitions(w.info, w.decl.Body, v)
	return len(defs) == 0 && !addressed
}

// recursesOnRefusal reports whether the recursive call is reached only
// after a refusal: `if resp.StatusCode == http.StatusUnauthorized &&
// attempt < max { refresh(); return c.do(ctx, req, attempt+1) }` re-sends a
// request the server did not execute, as a loop that goes round only on a
// 401 does.
func (w *walk) recursesOnRefusal(call *ast.CallExpr) bool {
	var path []ast.Node
	astpath.Walk(w.decl.Body, func(n ast.Node, p []ast.Node) bool {
		if n == call {
			path = append([]ast.Node(nil), p...)
		}
		return path == nil && n.Pos() <= call.Pos() && call.End() <= n.End()
	})
	return path != nil && w.ref.guarded(path, w.decl.Body, 0)
}

// compactExpr renders attempt+1 the way people write it in prose.
func compactExpr(b *ast.BinaryExpr) string {
	return types.ExprString(b.X) + b.Op.String() + types.ExprString(b.Y)
}

// recursionName names a recursive function in messages: "sendWithRetry",
// or "Client.send" for a method.
func recursionName(fn *types.Func) string {
	if fn.Signature().Recv() != nil {
		return ShortName(fn)
	}
	return fn.Name()
}
