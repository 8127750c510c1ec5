package retryscope

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
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
