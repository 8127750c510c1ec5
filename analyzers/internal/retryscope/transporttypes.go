package retryscope

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
)

// Retrying transports of the module. A service often writes its own
// http.RoundTripper that re-sends a failed request and installs it in the
// clients it builds:
//
//	func (t *Transport) RoundTrip(req *http.Request) (*http.Response, error) {
//		for attempt := 0; attempt < t.Attempts; attempt++ {
//			if attempt > 0 && req.GetBody != nil { req.Body, _ = req.GetBody() }
//			resp, err = t.Next.RoundTrip(req)
//			if err == nil && resp.StatusCode < 500 { return resp, nil }
//		}
//		…
//
// Such a type is a retrying transport when a retry scope of its RoundTrip
// repeats the call that passes the request on, that scope does not go
// round only on refusals, no condition of RoundTrip reads the request's
// method (a transport that retries only GETs cannot repeat a write), and
// RoundTrip restores the body it re-sends (GetBody, or a buffer put back
// into req.Body). Without the body a second attempt of a request with a
// body fails instead of repeating it, and whether a bodiless write is
// re-sent is left unknown: unknown is never reported. A client whose
// Transport is a value of such a type (a literal, a constructor's result,
// wrapped or not) retries every request; other packages learn of the type
// through a fact on its RoundTrip method (Config.RetryingTransport).

// retryingTransports returns this package's RoundTrip methods that make
// their types retrying transports, with the mechanism for messages.
func (f *Finder) retryingTransports(scopes []*Scope) map[*types.Func]string {
	out := map[*types.Func]string{}
	for _, s := range scopes {
		fn, req := f.roundTripOf(s.Encl)
		if fn == nil || out[fn] != "" || (s.Guarded && len(s.Again) == 0) {
			continue
		}
		if !f.repeatsRequest(s, req) || f.readsMethod(s.Encl.Body, req) || !f.restoresBody(s.Encl.Body, req) {
			continue
		}
		at := f.pass.Fset.Position(s.Pos)
		out[fn] = fmt.Sprintf("the %s transport, whose RoundTrip re-sends every request with its body in %s (%s:%d)", typeLabel(fn), s.Mechanism, filepath.Base(at.Filename), at.Line)
	}
	return out
}

// roundTripOf returns the method fd declares and its request parameter
// when fd is RoundTrip(*http.Request) (*http.Response, error) of a type.
func (f *Finder) roundTripOf(fd *ast.FuncDecl) (*types.Func, *types.Var) {
	if fd == nil || fd.Recv == nil || fd.Name.Name != "RoundTrip" || fd.Body == nil {
		return nil, nil
	}
	fn, _ := f.info.Defs[fd.Name].(*types.Func)
	if fn == nil {
		return nil, nil
	}
	sig := fn.Signature()
	if sig.Params().Len() != 1 || sig.Results().Len() != 2 || !isNamed(sig.Params().At(0).Type(), "net/http", "Request") {
		return nil, nil
	}
	return fn, sig.Params().At(0)
}

// typeLabel names the receiver type of method fn as pkg.Type.
func typeLabel(fn *types.Func) string {
	t := fn.Signature().Recv().Type()
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Pkg().Name() + "." + n.Obj().Name()
	}
	return fn.Name()
}

// repeatsRequest reports whether scope s repeats a call that passes req
// (or a copy of it: req.Clone(ctx), req.WithContext(ctx)) on.
func (f *Finder) repeatsRequest(s *Scope, req *types.Var) bool {
	found := false
	ast.Inspect(s.Encl.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found || !s.Contains(call) {
			return !found
		}
		for _, a := range call.Args {
			if f.derivesFromRequest(a, req) {
				found = true
			}
		}
		return !found
	})
	return found
}

// derivesFromRequest reports whether e is req or a copy made by one of
// its methods.
func (f *Finder) derivesFromRequest(e ast.Expr, req *types.Var) bool {
	for range maxTransportDepth {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return f.info.Uses[x] == req
		case *ast.CallExpr:
			sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr)
			if !ok || (sel.Sel.Name != "Clone" && sel.Sel.Name != "WithContext") {
				return false
			}
			e = sel.X
		default:
			return false
		}
	}
	return false
}

// reqField reports whether e is req.name.
func (f *Finder) reqField(e ast.Expr, req *types.Var, name string) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != name {
		return false
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	return ok && f.info.Uses[id] == req
}

// readsMethod reports whether a condition in body reads req.Method.
func (f *Finder) readsMethod(body *ast.BlockStmt, req *types.Var) bool {
	mentions := func(e ast.Expr) bool {
		hit := false
		ast.Inspect(e, func(n ast.Node) bool {
			if x, ok := n.(ast.Expr); ok && f.reqField(x, req, "Method") {
				hit = true
			}
			return !hit
		})
		return hit
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.IfStmt:
			found = found || mentions(x.Cond)
		case *ast.SwitchStmt:
			found = found || (x.Tag != nil && mentions(x.Tag))
		case *ast.CaseClause:
			for _, e := range x.List {
				found = found || mentions(e)
			}
		case *ast.BinaryExpr:
			found = found || ((x.Op == token.EQL || x.Op == token.NEQ) && (mentions(x.X) || mentions(x.Y)))
		}
		return !found
	})
	return found
}

// restoresBody reports whether body puts the request's body back for
// another attempt: it reads req.GetBody, assigns req.Body, or buffers
// req.Body with a call (io.ReadAll).
func (f *Finder) restoresBody(body *ast.BlockStmt, req *types.Var) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.SelectorExpr:
			found = found || f.reqField(x, req, "GetBody")
		case *ast.AssignStmt:
			for _, l := range x.Lhs {
				found = found || f.reqField(l, req, "Body")
			}
		}
		return !found
	})
	return found
}

// transportTypeMechanism returns the mechanism of the retrying transport
// type of e (a value of the type or a pointer to it), or "".
func (cs *clientState) transportTypeMechanism(w *walk, e ast.Expr) string {
	t := w.info.TypeOf(e)
	if t == nil {
		return ""
	}
	if _, ok := t.Underlying().(*types.Interface); ok {
		return ""
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "RoundTrip")
	fn, _ := obj.(*types.Func)
	if fn == nil || fn.Pkg() == nil {
		return ""
	}
	if fn.Pkg() == w.f.pass.Pkg {
		return w.f.transports[fn]
	}
	if w.f.cfg.RetryingTransport != nil {
		return w.f.cfg.RetryingTransport(fn)
	}
	return ""
}
