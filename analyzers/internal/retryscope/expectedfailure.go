package retryscope

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// A loop whose "success" branch reports a failure is not a retry: a test
// harness that expects a call to fail (`if err == nil { errChan <-
// errors.New("should have failed"); return }`) leaves the loop when the
// call succeeds, as a retry does, but the loop goes round on the expected
// error, repeating the round's other calls by design.

// reportsFailure reports whether the branch, at its top level, sends an
// error on a channel or returns an error it makes in place.
func (w *walk) reportsFailure(branch ast.Stmt) bool {
	block, ok := branch.(*ast.BlockStmt)
	if !ok {
		return false
	}
	for _, s := range block.List {
		switch s := s.(type) {
		case *ast.SendStmt:
			if t := w.info.TypeOf(s.Value); t != nil && isErrorType(t) {
				return true
			}
		case *ast.ReturnStmt:
			for _, r := range s.Results {
				if w.madeError(r) {
					return true
				}
			}
		}
	}
	return false
}

// errorMakers build a new error from a message.
var errorMakers = map[libKey]bool{
	{pkg: "errors", name: "New"}: true, {pkg: "fmt", name: "Errorf"}: true,
	{pkg: "github.com/pkg/errors", name: "New"}: true, {pkg: "github.com/pkg/errors", name: "Errorf"}: true,
}

// madeError reports whether e is a call of an error maker.
func (w *walk) madeError(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, _ := typeutil.Callee(w.info, call).(*types.Func)
	return fn != nil && fn.Pkg() != nil && errorMakers[libKey{pkg: unvendor(fn.Pkg().Path()), name: fn.Name()}]
}
