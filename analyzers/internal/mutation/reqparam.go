package mutation

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
)

// A request parameter re-bound to a copy of itself is still the caller's
// request:
//
//	func DoRequestWithClient(ctx context.Context, client *http.Client, req *http.Request) (*http.Response, error) {
//		req = req.WithContext(ctx)
//		return client.Do(req)
//	}
//
// (godo's shape), or `req = withContext(ctx, req)` through a helper that
// returns such a copy (go-github's shape). paramIndex gives up on any
// re-assigned parameter; this accepts the ones whose every assignment
// derives the request from itself (derivesFrom).

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
		if a.call != nil || !c.derivesFrom(a.rhs, v) {
			return 0, false
		}
	}
	return p, true
}

// An options parameter re-bound to a copy of itself keeps the caller's
// fields:
//
//	func (c *Client) callJSON(ctx context.Context, opts *Opts, in any) error {
//		if opts.Body == nil {
//			opts = opts.Copy() // func (o *Opts) Copy() *Opts { n := *o; return &n }
//			opts.Body = encode(in)
//		}
//		return c.Call(ctx, opts) // opts.Method is still the caller's
//	}
//
// copiedParam accepts a parameter whose every assignment is a call of a
// method of this package, on the parameter itself, whose body returns a
// copy of its receiver, and whose field is never assigned afterwards.

// copiedParam returns the index of v, a parameter of the summarised
// function re-bound only to copies of itself that keep field.
func (c *Classifier) copiedParam(v *types.Var, field string) (int, bool) {
	if c.sum == nil || field == "" {
		return 0, false
	}
	p, ok := c.sum.params[v]
	if !ok || c.idx().fieldSet[fieldKey{v, field}] > 0 {
		return 0, false
	}
	for _, a := range c.idx().assigns[v] {
		call, ok := ast.Unparen(a.rhs).(*ast.CallExpr)
		if !ok || a.call != nil || len(call.Args) != 0 {
			return 0, false
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || c.varOf(sel.X) != v || !c.copiesReceiver(c.calleeFunc(call)) {
			return 0, false
		}
	}
	return p, true
}

// copiesReceiver reports whether fn, a method declared in this package,
// returns only a copy of its receiver: n := *recv; return &n.
func (c *Classifier) copiesReceiver(fn *types.Func) bool {
	if fn == nil || fn.Pkg() != c.pass.Pkg {
		return false
	}
	d := c.declOf(fn)
	if d == nil || d.Recv == nil || len(d.Recv.List) != 1 || len(d.Recv.List[0].Names) != 1 || d.Body == nil {
		return false
	}
	recv, _ := c.info.Defs[d.Recv.List[0].Names[0]].(*types.Var)
	if recv == nil {
		return false
	}
	addr, ok := ast.Unparen(astpath.OnlyResult(d.Body)).(*ast.UnaryExpr)
	if !ok || addr.Op != token.AND {
		return false
	}
	cp := c.varOf(addr.X)
	if cp == nil {
		return false
	}
	as := c.idx().assigns[cp] // its address is returned: single refuses it
	if len(as) != 1 || as[0].rhs == nil {
		return false
	}
	star, ok := ast.Unparen(as[0].rhs).(*ast.StarExpr)
	return ok && c.varOf(star.X) == recv
}

// declOf returns the declaration of fn in this package, or nil.
func (c *Classifier) declOf(fn *types.Func) *ast.FuncDecl {
	for _, d := range c.idx().decls {
		if c.info.Defs[d.Name] == fn {
			return d
		}
	}
	return nil
}
