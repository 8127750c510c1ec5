package retryscope

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// Resty requests handed out by the package's own helpers. An SDK often
// makes every request in one place and gives it to the operation as a
// callback argument:
//
//	func (m *Manager) r(ctx context.Context) *resty.Request { return m.rc.R().SetContext(ctx) }
//
//	func (c *Client) exec(ctx context.Context, fn func(*resty.Request) (*resty.Response, error)) error {
//		r := c.m.r(ctx)
//		r.SetAuthToken(c.token)
//		_, err := fn(r)
//		return err
//	}
//
//	c.exec(ctx, func(r *resty.Request) (*resty.Response, error) {
//		return r.SetBody(req).Post("/mail/v4/messages")
//	})
//
// The request the literal posts with comes from m.rc, whose retry
// configuration (set where the manager is built) decides. Both steps are
// followed within the package: a function returning a request or client
// is read at its returns, and a literal's request parameter at the calls
// the helper makes of the func it is given, through helpers passing it
// on (maxCallbackDepth).

// maxCallbackDepth bounds the helpers a callback is passed through
// (do → doRes → exec).
const maxCallbackDepth = 4

// litParam is a parameter of a function literal passed to a function of
// the package: the literal is argument arg of callee, the parameter its
// param-th.
type litParam struct {
	callee     *types.Func
	arg, param int
}

// noteCallbackArgs records the parameters of the function literals call
// passes to a function of this package.
func (cs *clientState) noteCallbackArgs(w *walk, call *ast.CallExpr, fn *types.Func) {
	if fn.Pkg() != w.f.pass.Pkg {
		return
	}
	for i, arg := range call.Args {
		lit, ok := ast.Unparen(arg).(*ast.FuncLit)
		if !ok {
			continue
		}
		sig, ok := w.info.TypeOf(lit).(*types.Signature)
		if !ok {
			continue
		}
		for j := 0; j < sig.Params().Len(); j++ {
			if p := sig.Params().At(j); restyVersion(p.Type()) != "" {
				if cs.litParams == nil {
					cs.litParams = map[types.Object]litParam{}
				}
				cs.litParams[p] = litParam{callee: fn, arg: i, param: j}
			}
		}
	}
}

// returnedFlags is the resty configuration of what a function of this
// package returns, read at each of its returns.
func (cs *clientState) returnedFlags(w *walk, fn *types.Func, seen map[types.Object]bool) restyFlags {
	fd := w.f.declOf(fn)
	if fd == nil || seen[fn] {
		return 0
	}
	seen[fn] = true
	saved := w.decl
	w.decl = fd
	defer func() { w.decl = saved }()
	var flags restyFlags
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			for _, r := range n.Results {
				if restyVersion(w.info.TypeOf(r)) != "" {
					flags |= cs.chainFlags(w, r, seen)
				}
			}
		}
		return true
	})
	return flags
}

// callbackFlags is the resty configuration of the request a function of
// this package passes as argument j when it calls its func parameter k,
// directly or through another function of the package it hands the func
// to.
func (cs *clientState) callbackFlags(w *walk, fn *types.Func, k, j, depth int, seen map[types.Object]bool) restyFlags {
	fd := w.f.declOf(fn)
	if fd == nil || depth > maxCallbackDepth {
		return 0
	}
	saved := w.decl
	w.decl = fd
	defer func() { w.decl = saved }()
	isParam := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && paramIndex(fn, w.info.Uses[id]) == k
	}
	var flags restyFlags
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		if isParam(call.Fun) && j < len(call.Args) {
			flags |= cs.chainFlags(w, call.Args[j], seen) // fn(r)
			return true
		}
		next, _ := typeutil.Callee(w.info, call).(*types.Func)
		if next == nil || next.Pkg() != w.f.pass.Pkg {
			return true
		}
		for m, arg := range call.Args {
			if isParam(arg) {
				flags |= cs.callbackFlags(w, next, m, j, depth+1, seen) // c.doRes(ctx, fn)
			}
		}
		return true
	})
	return flags
}
