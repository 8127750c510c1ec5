package retryscope

import (
	"go/ast"
	"go/types"
)

// A go-retryablehttp Client kept in a struct field is usually reached
// through the package's generic send method, which converts the plain
// *http.Request its services built:
//
//	func (c *Client) DoWithContext(ctx context.Context, r *http.Request, v any) (*http.Response, error) {
//		rreq, err := retryablehttp.FromRequest(r)
//		rreq = rreq.WithContext(ctx)
//		res, err := c.client.Do(rreq)
//
// The method is not known there; the call is still a client scope, so the
// function becomes a retrying sender (senders.go) and each of its calls,
// with the request the caller built, is judged at the caller.

// maxDeriveDepth bounds the chain of variables a converted request is
// followed through.
const maxDeriveDepth = 4

// sendsConvertedParam reports whether a retryablehttp Client.Do call sends
// a request converted from a *http.Request parameter of the function it is
// written in.
func (cs *clientState) sendsConvertedParam(w *walk, c clientCandidate) bool {
	if c.fn.Name() != "Do" || len(c.call.Args) != 1 || c.decl == nil {
		return false
	}
	fn, _ := w.info.Defs[c.decl.Name].(*types.Func)
	if fn == nil {
		return false
	}
	i := requestParam(fn)
	return i >= 0 && cs.derivedFrom(w.info, c.call.Args[0], fn.Signature().Params().At(i), 0)
}

// derivedFrom reports whether e is param, a conversion of it
// (FromRequest(param), WithContext of one), or a retryablehttp request
// variable whose assigned values all come from param (FromRequest(param),
// then WithContext on that variable).
func (cs *clientState) derivedFrom(info *types.Info, e ast.Expr, param types.Object, depth int) bool {
	if depth > maxDeriveDepth {
		return false
	}
	if _, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		// Do(rreq.WithContext(ctx)), Do(retryablehttp.FromRequest(req))
		return cs.convertedFrom(info, nil, e, param, depth+1)
	}
	obj := objOf(info, e)
	if obj == param {
		return true
	}
	defs := cs.defs[obj]
	if obj == nil || len(defs) == 0 {
		return false
	}
	for _, def := range defs {
		if !cs.convertedFrom(info, obj, def, param, depth) {
			return false
		}
	}
	return true
}

// convertedFrom judges one value assigned to the request variable v:
// FromRequest(x) or x.WithContext(ctx) with x derived from param, or a
// re-assignment from v itself (rreq = rreq.WithContext(ctx)).
func (cs *clientState) convertedFrom(info *types.Info, v types.Object, def ast.Expr, param types.Object, depth int) bool {
	call, ok := ast.Unparen(def).(*ast.CallExpr)
	if !ok {
		return cs.derivedFrom(info, def, param, depth+1)
	}
	switch {
	case isFunc(info, call, retryablehttpPkg, "FromRequest") && len(call.Args) == 1:
		return cs.derivedFrom(info, call.Args[0], param, depth+1)
	case isMethod(info, call, retryablehttpPkg, "Request", "WithContext"):
		sel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		return v != nil && objOf(info, sel.X) == v || cs.derivedFrom(info, sel.X, param, depth+1)
	}
	return false
}

// isFunc reports whether call calls the package-level function pkg.name.
func isFunc(info *types.Info, call *ast.CallExpr, pkg, name string) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	fn, _ := info.Uses[id.Sel].(*types.Func)
	return fn != nil && fn.Name() == name && fn.Signature().Recv() == nil && pkgOf(fn) == pkg
}

// policyKnown reports whether a CheckRetry value's behaviour can be read:
// a func literal, a function of this package (or a variable holding a
// literal), or one of go-retryablehttp's own policies, which retry
// connection errors and 5xx for every method.
func (w *walk) policyKnown(e ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		return true
	case *ast.Ident, *ast.SelectorExpr:
		switch o := objOf(w.info, x).(type) {
		case *types.Var:
			return len(w.funcLits[o]) > 0
		case *types.Func:
			return pkgOf(o) == retryablehttpPkg || w.f.declOf(o) != nil
		}
	}
	return false
}
