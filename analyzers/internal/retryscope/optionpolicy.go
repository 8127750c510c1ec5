package retryscope

import (
	"go/ast"
	"go/token"
	"go/types"
)

// A client kept in a struct field is often configurable through
// functional options:
//
//	func WithCustomRetry(checkRetry retryablehttp.CheckRetry) ClientOptionFunc {
//		return func(c *Client) error {
//			c.client.CheckRetry = checkRetry
//
// The closure installs the caller's policy only for callers that pass the
// option; every other client keeps the policy its constructor set, which
// is the one judged. An assignment of a parameter outside such a closure
// (a constructor taking the policy) makes the policy unknown as before.

// optionPolicy reports whether `lhs = value` sets a struct field's client
// policy inside a function literal of w.decl from a parameter of w.decl.
func (w *walk) optionPolicy(lhs *ast.SelectorExpr, value ast.Expr) bool {
	if w.decl == nil || w.decl.Body == nil {
		return false
	}
	if field, ok := objOf(w.info, lhs.X).(*types.Var); !ok || !field.IsField() {
		return false
	}
	param, ok := objOf(w.info, value).(*types.Var)
	if !ok || !w.isDeclParam(param) {
		return false
	}
	return inFuncLit(w.decl.Body, lhs.Pos())
}

// isDeclParam reports whether v is a parameter of w.decl.
func (w *walk) isDeclParam(v *types.Var) bool {
	fn, _ := w.info.Defs[w.decl.Name].(*types.Func)
	if fn == nil {
		return false
	}
	params := fn.Signature().Params()
	for i := 0; i < params.Len(); i++ {
		if params.At(i) == v {
			return true
		}
	}
	return false
}

// inFuncLit reports whether pos lies in a function literal within body.
func inFuncLit(body *ast.BlockStmt, pos token.Pos) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if lit, ok := n.(*ast.FuncLit); ok && lit.Pos() <= pos && pos < lit.End() {
			found = true
		}
		return !found
	})
	return found
}
