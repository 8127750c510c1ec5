package retryscope

import (
	"go/ast"
	"go/types"
	"strings"
)

// retriesBeforeCommit reports whether a loop retries a SQL transaction only
// while it has not committed: the body commits a transaction, and the
// commit's own failure does not drive the loop.
func (w *walk) retriesBeforeCommit(body *ast.BlockStmt, drivers []*ast.CallExpr) bool {
	for _, d := range drivers {
		if w.isTxCommit(d) {
			return false
		}
	}
	commits := false
	ast.Inspect(body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && w.isTxCommit(call) {
			commits = true
		}
		_, lit := n.(*ast.FuncLit)
		return !commits && !lit
	})
	return commits
}

// isTxCommit recognises tx.Commit() / tx.Commit(ctx) on a transaction type
// (a type named Tx, e.g. *sql.Tx, pgx.Tx, *sqlx.Tx).
func (w *walk) isTxCommit(call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Commit" {
		return false
	}
	t := w.info.TypeOf(sel.X)
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	return ok && strings.HasSuffix(named.Obj().Name(), "Tx")
}
