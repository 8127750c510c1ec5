package mutation

import (
	"go/ast"
	"go/types"
)

// A request parameter re-bound to a copy of itself is still the caller's
// request:
//
//	func DoRequestWithClient(ctx context.Context, client *http.Client, req *http.Request) (*http.Response, error) {
//		req = req.WithContext(ctx)
//		return client.Do(req)
//	}
//
// (godo's shape). paramIndex gives up on any re-assigned parameter; this
// accepts the ones whose every assignment is v.WithContext(…) or
// v.Clone(…).

// selfDerivedParam returns the index of v, a parameter of the summarised
// function whose assignments all derive the request from itself.
func (c *Classifier) selfDerivedParam(v *types.Var) (int, bool) {
	if c.sum == nil {
		return 0, false
	}
	p, ok := c.sum.params[v]
	if !ok {
		return 0, false
	}
	for _, a := range c.idx().assigns[v] {
		call, ok := ast.Unparen(a.rhs).(*ast.CallExpr)
		if !ok || a.call != nil {
			return 0, false
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "WithContext" && sel.Sel.Name != "Clone" || c.varOf(sel.X) != v {
			return 0, false
		}
	}
	return p, true
}
