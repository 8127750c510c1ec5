package retryscope

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
)

// A loop `for !flag { flag = C() }` is a retry when C's flag means "done":
// false after a failure, true once the operation went through. When C's own
// body says the flag means "stop" instead — it returns false on the path
// that follows its handled errors, where the operation succeeded — the loop
// goes round after a success too: an event or replication loop that runs
// until told to stop, not a retry of C. Without C's body the flag keeps
// today's reading ("done").

// falseOnSuccess reports whether the attempt's callee, a function of this
// package returning a single bool, returns false from its success path: a
// top-level return that comes after a top-level `if err != nil { … return }`
// has handled the failure of an earlier call.
func (w *walk) falseOnSuccess(call *ast.CallExpr) bool {
	fn := typeutil.StaticCallee(w.info, call)
	if fn == nil {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Results().Len() != 1 || !isBool(sig.Results().At(0).Type()) {
		return false
	}
	d := w.f.declOf(fn)
	if d == nil || d.Body == nil {
		return false
	}
	named := sig.Results().At(0)
	if named.Name() == "" || named.Name() == "_" || assignsObj(w.info, d.Body, named) {
		named = nil // a bare return's value is not known
	}
	handled := false
	for _, st := range d.Body.List {
		st = unlabel(st)
		switch s := st.(type) {
		case *ast.IfStmt:
			if w.returnsOnError(s) {
				handled = true
			}
		case *ast.ReturnStmt:
			if handled && w.returnsFalse(s, named) {
				return true
			}
		}
	}
	return false
}

func unlabel(st ast.Stmt) ast.Stmt {
	for {
		ls, ok := st.(*ast.LabeledStmt)
		if !ok {
			return st
		}
		st = ls.Stmt
	}
}

// returnsOnError recognises `if err != nil { …; return … }`, also behind an
// `else if` of the same error (`if err == ErrNotFound { … } else if err !=
// nil { return }`).
func (w *walk) returnsOnError(s *ast.IfStmt) bool {
	for s != nil {
		if w.isErrNotNil(s.Cond) && len(s.Body.List) > 0 {
			if _, ok := s.Body.List[len(s.Body.List)-1].(*ast.ReturnStmt); ok {
				return true
			}
		}
		s, _ = s.Else.(*ast.IfStmt)
	}
	return false
}

func (w *walk) isErrNotNil(e ast.Expr) bool {
	b, ok := ast.Unparen(e).(*ast.BinaryExpr)
	if !ok || b.Op != token.NEQ {
		return false
	}
	return isErrorType(w.info.TypeOf(b.X)) && isNil(w.info, b.Y) || isErrorType(w.info.TypeOf(b.Y)) && isNil(w.info, b.X)
}

// returnsFalse reports whether the return yields false: the constant, or a
// bare return of a named result the body never assigns (named is nil when
// that is not known).
func (w *walk) returnsFalse(r *ast.ReturnStmt, named *types.Var) bool {
	if len(r.Results) == 0 {
		return named != nil
	}
	if len(r.Results) != 1 {
		return false
	}
	tv := w.info.Types[r.Results[0]]
	return tv.Value != nil && tv.Value.Kind() == constant.Bool && !constant.BoolVal(tv.Value)
}

// A loop may also keep its decision in a flag of its condition that the
// body sets once the attempt went through: `for i := 0; i < 3 && !sent;
// i++ { if err = C(); err == nil { sent = true } }`, `for retry := true;
// retry; { … retry = false }`. Setting the flag to the value that ends the
// loop is then the loop's exit, as a break would be.

// condFlags returns the boolean variables of a loop condition's
// conjunction with the value that makes the condition false: true for
// `!sent`, false for `retry`.
func (w *walk) condFlags(cond ast.Expr) map[types.Object]bool {
	var out map[types.Object]bool
	for _, d := range astpath.Operands(cond, token.LAND) {
		stop := false
		if u, ok := ast.Unparen(d).(*ast.UnaryExpr); ok && u.Op == token.NOT {
			d, stop = u.X, true
		}
		id, ok := ast.Unparen(d).(*ast.Ident)
		if !ok {
			continue
		}
		v, ok := w.info.Uses[id].(*types.Var)
		if !ok || v.IsField() || !isBool(v.Type()) || v.Parent() == v.Pkg().Scope() {
			continue // a package-level flag may be set by anyone
		}
		if out == nil {
			out = make(map[types.Object]bool)
		}
		out[v] = stop
	}
	return out
}

// setsStop reports whether as assigns one of the loop's condition flags
// the constant that ends the loop.
func (l loop) setsStop(as *ast.AssignStmt) bool {
	if len(l.stops) == 0 || as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
		return false
	}
	for i, lhs := range as.Lhs {
		id, ok := ast.Unparen(lhs).(*ast.Ident)
		if !ok {
			continue
		}
		stop, ok := l.stops[l.info.Uses[id]]
		if ok && boolConst(l.info, as.Rhs[i], stop) {
			return true
		}
	}
	return false
}

// boolConst reports whether e is the boolean constant b.
func boolConst(info *types.Info, e ast.Expr, b bool) bool {
	tv, ok := info.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value) == b
}
