package mutation

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
)

// A polling step often writes only once it sees that it is done: a
// `converged(…) (bool, error)` that records the cluster's new state when
// every shard reached it and then returns true, and otherwise returns
// false to be asked again. The loop around it goes round only on (false,
// nil), so the write is not repeated, however many times the step is.
// The fact's DoneAfterWrite says so, and the caller's loop is checked
// for leaving on true and on an error (unsaferetry's doneStep).

// summarizeDoneAfterWrite sets f.DoneAfterWrite to the index of a bool
// result that every return following a write of the body sets to true,
// when it does not return an error; -1 when there is none.
func (c *Classifier) summarizeDoneAfterWrite(decl *ast.FuncDecl, f *FuncFact) {
	f.DoneAfterWrite = -1
	fn, _ := c.info.Defs[decl.Name].(*types.Func)
	if f.Op == nil || fn == nil {
		return
	}
	res := fn.Signature().Results()
	n := res.Len()
	if n < 2 || !isErrorType(res.At(n-1).Type()) {
		return
	}
	for k := 0; k < n-1; k++ {
		if isBool(res.At(k).Type()) && c.writesOnlyWhenDone(decl, k, n) {
			f.DoneAfterWrite = k
			return
		}
	}
}

// writesOnlyWhenDone reports whether every write in decl's body is
// followed, on every path, by a return of true at result k or of an
// error.
func (c *Classifier) writesOnlyWhenDone(decl *ast.FuncDecl, k, n int) bool {
	ok, writes := true, 0
	astpath.Walk(decl.Body, func(node ast.Node, path []ast.Node) bool {
		if !ok {
			return false
		}
		if _, lit := node.(*ast.FuncLit); lit {
			return false // runs later, if at all; returns of its own
		}
		call, isCall := node.(*ast.CallExpr)
		if !isCall {
			return true
		}
		if _, w := c.Call(call); w {
			writes++
			ok = c.endsDone(path, k, n)
		}
		return ok
	})
	return ok && writes > 0
}

// endsDone reports whether the statements after the call at the end of
// path, in its innermost statement list, always return, and every return
// among them (and in the call's own statement) gives true at result k or
// an error.
func (c *Classifier) endsDone(path []ast.Node, k, n int) bool {
	list, i, at := astpath.EnclosingStmt(path)
	if list == nil {
		return false
	}
	above := path[: at+1 : at+1]
	rest := list[i+1:]
	if !alwaysReturns(rest) {
		return false
	}
	ok := true
	for _, st := range list[i:] {
		astpath.Walk(st, func(node ast.Node, p []ast.Node) bool {
			switch node := node.(type) {
			case *ast.FuncLit:
				return false
			case *ast.BranchStmt:
				ok = false // a break or continue may go round a loop of the body
			case *ast.ReturnStmt:
				ok = ok && c.doneReturn(node, append(above, p...), k, n)
			}
			return ok
		})
	}
	return ok
}

// alwaysReturns: the list ends in a return, or in an if whose branches
// both always return.
func alwaysReturns(list []ast.Stmt) bool {
	if len(list) == 0 {
		return false
	}
	switch last := list[len(list)-1].(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.IfStmt:
		if last.Else == nil || !alwaysReturns(last.Body.List) {
			return false
		}
		switch e := last.Else.(type) {
		case *ast.BlockStmt:
			return alwaysReturns(e.List)
		case *ast.IfStmt:
			return alwaysReturns([]ast.Stmt{e})
		}
	case *ast.BlockStmt:
		return alwaysReturns(last.List)
	}
	return false
}

// doneReturn: ret gives true at result k, or an error: one made there
// (errors.New, fmt.Errorf, a wrap, an error literal) or a variable the
// enclosing ifs test is not nil.
func (c *Classifier) doneReturn(ret *ast.ReturnStmt, path []ast.Node, k, n int) bool {
	if len(ret.Results) != n {
		return false
	}
	if tv := c.info.Types[ret.Results[k]]; tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value) {
		return true
	}
	switch e := ast.Unparen(ret.Results[n-1]).(type) {
	case *ast.CallExpr:
		return c.makesError(e)
	case *ast.CompositeLit:
		return true // StaleLockError{…}
	case *ast.UnaryExpr:
		_, lit := ast.Unparen(e.X).(*ast.CompositeLit)
		return e.Op == token.AND && lit
	case *ast.Ident:
		v, _ := c.info.Uses[e].(*types.Var)
		return v != nil && c.testedNotNil(path, v)
	}
	return false
}

// makesError: call makes a new error (fmt.Errorf, errors.New, a wrap of
// an errors package): a call of anything else may return nil.
func (c *Classifier) makesError(call *ast.CallExpr) bool {
	fn, _ := typeutil.Callee(c.info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	path := fn.Pkg().Path()
	return path == "fmt" && fn.Name() == "Errorf" || fn.Pkg().Name() == "errors" || strings.HasSuffix(path, "/errors")
}

// testedNotNil: an if on path has `v != nil` as its condition or one
// operand of its && chain, and the path goes through its body.
func (c *Classifier) testedNotNil(path []ast.Node, v *types.Var) bool {
	for j, node := range path {
		ifs, ok := node.(*ast.IfStmt)
		if !ok || j+1 >= len(path) || path[j+1] != ast.Node(ifs.Body) {
			continue
		}
		for _, cond := range astpath.Operands(ifs.Cond, token.LAND) {
			b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
			if !ok || b.Op != token.NEQ {
				continue
			}
			if id, ok := ast.Unparen(b.X).(*ast.Ident); ok && c.info.Uses[id] == types.Object(v) && astpath.IsZeroConstant(c.info, b.Y) {
				return true
			}
		}
	}
	return false
}

func isErrorType(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}
