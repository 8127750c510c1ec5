package unsaferetry

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
	"github.com/twice-lint/twice/analyzers/internal/retryscope"
)

// A request built anew in each attempt around a reader made once, before
// the retry, sends its body whole only once:
//
//	body := bytes.NewBuffer(payload)
//	for i := 0; i < 3; i++ {
//		req, _ := http.NewRequest("POST", url, body) // empty after the first read
//		resp, err := client.Do(req)
//		…
//	}
//
// The first Do reads the reader to its end, and http.NewRequest sizes the
// next request (and its GetBody) from what is left: the server is sent an
// empty request, not the write again. The retry is broken, but nothing is
// applied twice. Only readers that are never nil and cannot rewind
// themselves count (bytes.Reader, bytes.Buffer, strings.Reader), and only
// when nothing in the retried code fills or rewinds the reader again.
//
// A request built once, before the retry, and sent again whole is NOT
// such a case: http.NewRequest gives a request over these readers a
// GetBody, and the client sends the full body again on every Do (measured
// on go1.26: five attempts, five full bodies). An earlier version of this
// rule silenced it, wrongly.

// sendsDrainedRequest reports whether call is (*http.Client).Do or a
// RoundTrip of a request whose body scope s cannot send whole again.
func (r *reporter) sendsDrainedRequest(call *ast.CallExpr, s *retryscope.Scope) bool {
	info := r.pass.TypesInfo
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil || len(call.Args) != 1 || !(fn.FullName() == "(*net/http.Client).Do" || fn.Name() == "RoundTrip") {
		return false
	}
	v := requestVar(info, call.Args[0])
	if v == nil || s.Encl == nil || s.Encl.Body == nil || v.Parent() == nil || !within(s.Encl.Body, v.Pos()) {
		return false // a parameter or a field: its body is not known here
	}
	build := r.onlyAssignment(s.Encl.Body, v)
	if build == nil || rebodied(info, s.Body, v) {
		return false
	}
	if !within(s.Body, build.Pos()) {
		return false // built once: GetBody re-sends the whole body
	}
	body := r.requestBody(build)
	// Built in each attempt: drained only when its reader was made before.
	id, ok := ast.Unparen(body).(*ast.Ident)
	if !ok {
		return false
	}
	rv, _ := info.Uses[id].(*types.Var)
	return rv != nil && rv.Parent() != nil && within(s.Encl.Body, rv.Pos()) && !within(s.Body, rv.Pos()) &&
		r.oneShotBody(s.Encl.Body, body) && !r.refilled(s.Encl.Body, s.Body, body)
}

// refilled reports whether the retried code uses a variable that the body
// expression reads, or that the body variable was made from (body := &buf),
// more than once: buf.Reset(); enc.Encode(&buf) would fill the request's
// buffer again for the next attempt. The request built in the attempt uses
// the reader once, as its body.
func (r *reporter) refilled(encl, retried *ast.BlockStmt, body ast.Expr) bool {
	info := r.pass.TypesInfo
	vars := map[types.Object]bool{}
	collect := func(e ast.Expr) {
		ast.Inspect(e, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if v, ok := info.Uses[id].(*types.Var); ok {
					vars[v] = true
				}
			}
			return true
		})
	}
	collect(body)
	if id, ok := ast.Unparen(body).(*ast.Ident); ok {
		if v, ok := info.Uses[id].(*types.Var); ok {
			if src := r.onlyAssignment(encl, v); src != nil {
				collect(src)
			}
		}
	}
	uses := 0
	ast.Inspect(retried, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && vars[info.Uses[id]] {
			uses++
		}
		return true
	})
	return uses > 1
}

// requestVar returns the local variable a request argument names, through
// req.WithContext(ctx) and req.Clone(ctx), which share req's Body.
func requestVar(info *types.Info, e ast.Expr) *types.Var {
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok {
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "WithContext" && sel.Sel.Name != "Clone" {
			return nil
		}
		e = ast.Unparen(sel.X)
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := info.Uses[id].(*types.Var)
	if v == nil || pointee(v.Type()) != "net/http.Request" {
		return nil
	}
	return v
}

// onlyAssignment returns the right-hand side of the single assignment of
// v in body (for `req, err := http.NewRequest(…)`, the call), or nil when
// v is assigned more than once, declared with a value (not the usual
// shape), or addressed (&req may be set elsewhere).
func (r *reporter) onlyAssignment(body *ast.BlockStmt, v *types.Var) ast.Expr {
	all, addressed := astpath.Definitions(r.pass.TypesInfo, body, v)
	defs := astpath.WithValues(all) // var req *http.Request is set below
	if addressed || len(defs) != 1 || defs[0].Spec || defs[0].Tuple && defs[0].Index != 0 {
		return nil
	}
	return defs[0].Rhs
}

// requestBody returns the body argument of http.NewRequest(method, url,
// body) or http.NewRequestWithContext(ctx, method, url, body), or nil.
func (r *reporter) requestBody(e ast.Expr) ast.Expr {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return nil
	}
	fn, _ := typeutil.Callee(r.pass.TypesInfo, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "net/http" {
		return nil
	}
	switch {
	case fn.Name() == "NewRequest" && len(call.Args) == 3:
		return call.Args[2]
	case fn.Name() == "NewRequestWithContext" && len(call.Args) == 4:
		return call.Args[3]
	}
	return nil
}

// oneShotBody reports whether e, a request body, is a *bytes.Buffer, a
// *bytes.Reader or a *strings.Reader (bytes.NewReader(b), &buf), or an
// io.Reader variable of the enclosing function given one of those once:
// never nil, read once to its end by the first send.
func (r *reporter) oneShotBody(encl *ast.BlockStmt, e ast.Expr) bool {
	if e == nil {
		return false
	}
	info := r.pass.TypesInfo
	if isOneShotReader(info.TypeOf(e)) {
		return true
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v, _ := info.Uses[id].(*types.Var)
	if v == nil || v.Parent() == nil || !within(encl, v.Pos()) {
		return false
	}
	src := r.onlyAssignment(encl, v)
	return src != nil && isOneShotReader(info.TypeOf(src))
}

// isOneShotReader reports whether t is *bytes.Buffer, *bytes.Reader or
// *strings.Reader.
func isOneShotReader(t types.Type) bool {
	switch pointee(t) {
	case "bytes.Buffer", "bytes.Reader", "strings.Reader":
		return true
	}
	return false
}

// rebodied reports whether body touches v's Body or GetBody, which is how a
// request is given its body again.
func rebodied(info *types.Info, body *ast.BlockStmt, v *types.Var) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok || found {
			return !found
		}
		if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && info.Uses[id] == v && (sel.Sel.Name == "Body" || sel.Sel.Name == "GetBody") {
			found = true
		}
		return true
	})
	return found
}

func within(n ast.Node, p token.Pos) bool { return n.Pos() <= p && p < n.End() }

// pointee returns "path.Name" of the named type t points to, or "".
func pointee(t types.Type) string {
	p, ok := t.(*types.Pointer)
	if !ok {
		return ""
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return ""
	}
	return n.Obj().Pkg().Path() + "." + n.Obj().Name()
}
