package retryscope

import (
	"go/ast"
	"go/token"
	"go/types"
)

// Attempts run in a goroutine. A retry loop may start each attempt in a
// goroutine and wait for its result on a channel, so that it can also
// give up on a deadline:
//
//	for i := 0; i <= retries; i++ {
//		go func(i int) { ch <- call(i) }(i)
//		select {
//		case <-ctx.Done():
//			return ctx.Err()
//		case err := <-ch:
//			if err == nil {
//				return nil
//			}
//		}
//	}
//
// The receive stands for the call whose result the goroutine sends: the
// loop's verdict on err is its verdict on call(i), and call(i) runs again
// on every round.

// goroutineSends maps each channel that a goroutine started at the top
// level of list sends a call's result on (`go func(…) { ch <- C(…) }(…)`)
// to that call.
func (w *walk) goroutineSends(list []ast.Stmt) map[types.Object]*ast.CallExpr {
	var out map[types.Object]*ast.CallExpr
	for _, st := range list {
		g, ok := st.(*ast.GoStmt)
		if !ok {
			continue
		}
		lit, ok := ast.Unparen(g.Call.Fun).(*ast.FuncLit)
		if !ok || len(lit.Body.List) == 0 {
			continue
		}
		send, ok := lit.Body.List[len(lit.Body.List)-1].(*ast.SendStmt)
		if !ok {
			continue
		}
		call, ok := ast.Unparen(send.Value).(*ast.CallExpr)
		ch := objOf(w.info, send.Chan)
		if !ok || ch == nil {
			continue
		}
		if out == nil {
			out = make(map[types.Object]*ast.CallExpr)
		}
		out[ch] = call
	}
	return out
}

// receivedAttempt returns the call behind `err := <-ch` (or `err = <-ch`)
// when a goroutine of the loop body sends that call's result on ch, and
// the variable the result goes to.
func (w *walk) receivedAttempt(as *ast.AssignStmt, sends map[types.Object]*ast.CallExpr) (*ast.CallExpr, []types.Object) {
	if len(sends) == 0 || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
		return nil, nil
	}
	recv, ok := ast.Unparen(as.Rhs[0]).(*ast.UnaryExpr)
	if !ok || recv.Op != token.ARROW {
		return nil, nil
	}
	call := sends[objOf(w.info, recv.X)]
	obj := objOf(w.info, as.Lhs[0])
	if call == nil || obj == nil {
		return nil, nil
	}
	return call, []types.Object{obj}
}

// commAttempt returns the attempt of a select clause that receives a
// goroutine's result (`case err := <-ch:`), judged over the clause's body
// and then rest.
func (w *walk) commAttempt(cc *ast.CommClause, rest []ast.Stmt, sends map[types.Object]*ast.CallExpr) (attempt, bool) {
	as, ok := cc.Comm.(*ast.AssignStmt)
	if !ok {
		return attempt{}, false
	}
	call, results := w.receivedAttempt(as, sends)
	if call == nil {
		return attempt{}, false
	}
	list := append([]ast.Stmt{as}, cc.Body...)
	return attempt{call: call, results: results, list: list, after: rest, inSelect: true}, true
}
