package retryscope

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
)

// Retry executors that hold the operation in a field:
//
//	type RetryExecutor struct {
//		MaxRetries       int
//		ExecutionHandler func() (shouldRetry bool, err error)
//	}
//	func (r *RetryExecutor) Execute() error {
//		for i := 0; i <= r.MaxRetries; i++ {
//			retry, err := r.ExecutionHandler()
//			if !retry { return err }
//			…
//		}
//	}
//
//	ex := utils.RetryExecutor{MaxRetries: 3, ExecutionHandler: func() (bool, error) { … POST … }}
//	err = ex.Execute()
//
// Execute is a retry helper of its receiver's field (Helper.FuncField),
// found from its own loop like a helper of a func parameter; a call of it
// retries the function the receiver's literal (or an assignment to the
// field) gives that field.

// noteFieldCall records a call of a func-typed field of the declaration's
// receiver (r.ExecutionHandler()): inside a retry loop, the method retries
// whatever its callers put in that field.
func (w *walk) noteFieldCall(call *ast.CallExpr) {
	if field := w.recvFuncField(call); field != "" {
		w.paramCalls = append(w.paramCalls, paramCall{decl: w.decl, call: call, param: -1, field: field})
	}
}

// recvFuncField returns the name of the func-typed field of the
// declaration's receiver that call calls, or "".
func (w *walk) recvFuncField(call *ast.CallExpr) string {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || w.decl == nil || w.decl.Recv == nil || len(w.decl.Recv.List) != 1 || len(w.decl.Recv.List[0].Names) != 1 {
		return ""
	}
	recv := w.info.Defs[w.decl.Recv.List[0].Names[0]]
	if recv == nil || objOf(w.info, sel.X) != recv {
		return ""
	}
	if s, ok := w.info.Selections[sel]; !ok || s.Kind() != types.FieldVal {
		return ""
	}
	if _, ok := w.info.TypeOf(sel).Underlying().(*types.Signature); !ok {
		return ""
	}
	return sel.Sel.Name
}

// addFieldScopes adds the scopes of a call of a field helper
// (ex.Execute()): the functions given to the field of its receiver in the
// enclosing declaration.
func (w *walk) addFieldScopes(call *ast.CallExpr, fn *types.Func, h *Helper) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || w.decl == nil {
		return
	}
	mech := ShortName(fn) + " (retries its " + h.FuncField + ")"
	for _, op := range w.fieldValues(sel.X, h.FuncField) {
		w.addHelperScopes(h, mech, call, op)
	}
}

// fieldValues returns the values the enclosing declaration gives field of
// the local variable recv: in the composite literal it is defined with
// (`ex := T{Field: f}`, `&T{…}`), and in assignments `ex.Field = f`.
func (w *walk) fieldValues(recv ast.Expr, field string) []ast.Expr {
	v, ok := objOf(w.info, recv).(*types.Var)
	if !ok {
		return nil
	}
	var out []ast.Expr
	ast.Inspect(w.decl.Body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range x.Lhs {
				if len(x.Lhs) != len(x.Rhs) {
					break
				}
				if objOf(w.info, lhs) == v {
					if f := astpath.LitField(x.Rhs[i], field); f != nil {
						out = append(out, f)
					}
				}
				if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok && x.Tok == token.ASSIGN && sel.Sel.Name == field && objOf(w.info, sel.X) == v {
					out = append(out, x.Rhs[i])
				}
			}
		case *ast.ValueSpec:
			for i, name := range x.Names {
				if w.info.Defs[name] == v && i < len(x.Values) {
					if f := astpath.LitField(x.Values[i], field); f != nil {
						out = append(out, f)
					}
				}
			}
		}
		return true
	})
	return out
}
