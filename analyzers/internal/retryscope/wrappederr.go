package retryscope

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
)

// Comparisons that never hold. net/http's client wraps every error it
// returns in a *url.Error, so an error from (*http.Client).Do compared
// with a sentinel by == (err == io.EOF) is never equal: the branch it
// guards is never taken, and a `continue` there repeats nothing.
//
//	response, err = HttpClient.Do(request)
//	if err != nil {
//		if err == io.EOF {
//			continue // never: err is a *url.Error
//		}
//		return nil, err
//	}
//
// errors.Is(err, io.EOF) unwraps and can hold; it is not judged here.

// httpClientCalls are the net/http calls whose error is always a
// *url.Error.
var httpClientCalls = map[string]bool{"Do": true, "Get": true, "Post": true, "PostForm": true, "Head": true}

// neverEqual reports whether the comparison x (== or !=) compares an
// error that the latest assignment before it took from a net/http client
// call with a package-level sentinel error: the two are never equal.
func (r *refusals) neverEqual(x *ast.BinaryExpr, scope ast.Node) bool {
	for _, pair := range [][2]ast.Expr{{x.X, x.Y}, {x.Y, x.X}} {
		id, ok := ast.Unparen(pair[0]).(*ast.Ident)
		if !ok || !r.sentinel(pair[1]) {
			continue
		}
		if call := r.latestSource(id, x, scope); call != nil && r.httpClientCall(call) {
			return true
		}
	}
	return false
}

// sentinel reports whether e names a package-level variable of an error
// type (io.EOF, ErrClosed).
func (r *refusals) sentinel(e ast.Expr) bool {
	id := astpath.NameIdent(e)
	if id == nil {
		return false
	}
	v, ok := r.info.Uses[id].(*types.Var)
	return ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope() && isErrorType(v.Type())
}

// latestSource returns the call whose error result the variable id last
// received before the comparison at, when that assignment's block
// encloses the comparison (so it runs on every way there) and nothing
// later in that block assigns the variable again; or nil.
func (r *refusals) latestSource(id *ast.Ident, at ast.Node, scope ast.Node) *ast.CallExpr {
	v, ok := r.info.Uses[id].(*types.Var)
	if !ok || scope == nil {
		return nil
	}
	defs, addressed := astpath.Definitions(r.info, scope, v)
	if addressed {
		return nil
	}
	var last *astpath.Definition
	for i := range defs {
		if defs[i].Pos < at.Pos() && (last == nil || defs[i].Pos > last.Pos) {
			last = &defs[i]
		}
	}
	if last == nil || !last.Tuple {
		return nil
	}
	call, ok := ast.Unparen(last.Rhs).(*ast.CallExpr)
	holder := assignmentBlock(scope, last.Pos)
	if !ok || holder == nil || at.Pos() < holder.Pos() || holder.End() < at.End() {
		return nil
	}
	for _, d := range defs {
		if d.Pos > at.Pos() && holder.Pos() <= d.Pos && d.Pos < holder.End() {
			return nil // a later assignment in the block may reach the comparison on the next round of a loop
		}
	}
	sig, ok := r.info.TypeOf(call.Fun).Underlying().(*types.Signature)
	if !ok || last.Index != sig.Results().Len()-1 {
		return nil
	}
	return call
}

// assignmentBlock returns the innermost block holding, as one of its
// statements, the assignment at pos: code after it in that block runs
// only after it. nil when the assignment is not a statement of a block
// (an if's init).
func assignmentBlock(scope ast.Node, pos token.Pos) *ast.BlockStmt {
	var holder *ast.BlockStmt
	ast.Inspect(scope, func(n ast.Node) bool {
		b, ok := n.(*ast.BlockStmt)
		if !ok {
			return true
		}
		for _, st := range b.List {
			if _, isAssign := st.(*ast.AssignStmt); isAssign && st.Pos() <= pos && pos < st.End() {
				holder = b
			}
		}
		return true
	})
	return holder
}

// httpClientCall reports whether call is (*http.Client).Do, Get, Post,
// PostForm or Head, or the package-level http.Get, Post, PostForm or Head.
func (r *refusals) httpClientCall(call *ast.CallExpr) bool {
	fn, _ := typeutil.Callee(r.info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "net/http" || !httpClientCalls[fn.Name()] {
		return false
	}
	recv := fn.Signature().Recv()
	return recv == nil && fn.Name() != "Do" || recv != nil && isNamed(recv.Type(), "net/http", "Client")
}
