package retryscope

import (
	"go/ast"
	"go/token"
	"go/types"
)

// A failure test may look at the attempt's error through a type assertion
// made in the if statement itself:
//
//	resp, err = b.httpClient.Do(req)
//	if herr, ok := err.(httpError); ok && herr.Timeout() {
//		continue // one retry for a timeout
//	}
//	break
//
// The condition names only the asserted variables, which hold a value
// only when the attempt failed: it is a failure test of the attempt. What
// it goes round on is judged as for any failure test: a view whose type
// names a refusal (a rate-limit error) is a refusal (refusal.go).

// testsErrorView reports whether s's condition tests variables its init
// defines by a type assertion of one of the attempt's error results, and
// not the results themselves.
func (w *walk) testsErrorView(s *ast.IfStmt, results []types.Object) bool {
	views := w.errorViews(s.Init, results)
	return len(views) > 0 && w.mentions(s.Cond, views) && !w.mentions(s.Cond, results)
}

// errorViews lists the variables `v, ok := err.(T)` (or `v := err.(T)`)
// defines in init when err is one of the error results.
func (w *walk) errorViews(init ast.Stmt, results []types.Object) []types.Object {
	as, ok := init.(*ast.AssignStmt)
	if !ok || as.Tok != token.DEFINE || len(as.Rhs) != 1 {
		return nil
	}
	ta, ok := ast.Unparen(as.Rhs[0]).(*ast.TypeAssertExpr)
	if !ok || ta.Type == nil || !w.isErrOperand(ta.X, results) {
		return nil
	}
	var views []types.Object
	for _, lhs := range as.Lhs {
		if id, ok := lhs.(*ast.Ident); ok && w.info.Defs[id] != nil {
			views = append(views, w.info.Defs[id])
		}
	}
	return views
}
