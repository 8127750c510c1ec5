package unsaferetry

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
	"github.com/twice-lint/twice/analyzers/internal/retryscope"
)

// doneStep reports whether call is a polling step that writes only when it
// returns done (its fact's DoneAfterWrite: `ok, err := converged(…)`, which
// records the new state and returns true), in a loop that leaves both when
// the step says done and when it fails. The loop then goes round only
// before the write, and never repeats it.
func (r *reporter) doneStep(call *ast.CallExpr, s *retryscope.Scope) bool {
	if s.Kind != retryscope.KindLoop {
		return false
	}
	fn, _ := typeutil.Callee(r.pass.TypesInfo, call).(*types.Func)
	f := r.m.Fact(fn)
	if f == nil || f.Op == nil || f.DoneAfterWrite < 0 {
		return false
	}
	list, i := stmtOfCall(s.Body, call)
	if list == nil {
		return false
	}
	as, ok := list[i].(*ast.AssignStmt)
	n := fn.Signature().Results().Len()
	if !ok || len(as.Rhs) != 1 || ast.Unparen(as.Rhs[0]) != ast.Expr(call) || len(as.Lhs) != n {
		return false
	}
	done, errv := r.localOf(as.Lhs[f.DoneAfterWrite]), r.localOf(as.Lhs[n-1])
	if done == nil || errv == nil {
		return false
	}
	rest := list[i+1:]
	return r.returnsWhen(rest, func(e ast.Expr) bool { return r.isLocal(e, done) }) &&
		r.returnsWhen(rest, func(e ast.Expr) bool {
			b, ok := ast.Unparen(e).(*ast.BinaryExpr)
			return ok && b.Op == token.NEQ && r.isLocal(b.X, errv) && astpath.IsZeroConstant(r.pass.TypesInfo, b.Y)
		})
}

// stmtOfCall finds the statement list (a block or a clause of body, not
// inside a function literal) whose statement holds call directly, and
// that statement's index.
func stmtOfCall(body *ast.BlockStmt, call *ast.CallExpr) ([]ast.Stmt, int) {
	var list []ast.Stmt
	at, found := 0, false
	astpath.Walk(body, func(n ast.Node, path []ast.Node) bool {
		if found {
			return false
		}
		if n != ast.Node(call) {
			return true
		}
		found = true
		if l, i, j := astpath.EnclosingStmt(path); j == len(path)-3 {
			list, at = l, i
		}
		return false
	})
	return list, at
}

// returnsWhen reports whether one of the if statements of list, before
// any assignment to what it tests, returns when a condition that test
// recognises holds (alone or as one operand of an || chain).
func (r *reporter) returnsWhen(list []ast.Stmt, test func(ast.Expr) bool) bool {
	for _, st := range list {
		ifs, ok := st.(*ast.IfStmt)
		if !ok {
			if _, assigns := st.(*ast.AssignStmt); assigns {
				return false
			}
			continue
		}
		if ifs.Init != nil || len(ifs.Body.List) == 0 {
			continue
		}
		if _, ret := ifs.Body.List[len(ifs.Body.List)-1].(*ast.ReturnStmt); !ret {
			continue
		}
		for _, cond := range astpath.Operands(ifs.Cond, token.LOR) {
			if test(cond) {
				return true
			}
		}
	}
	return false
}

// localOf is the variable an assignment's left side names, or nil for the
// blank identifier and anything else.
func (r *reporter) localOf(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil
	}
	v, _ := r.pass.TypesInfo.ObjectOf(id).(*types.Var)
	return v
}

func (r *reporter) isLocal(e ast.Expr, v *types.Var) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && r.pass.TypesInfo.Uses[id] == types.Object(v)
}
