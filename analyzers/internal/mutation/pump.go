package mutation

import (
	"go/ast"
	"go/token"
	"go/types"
)

// A pump: a function that loops taking items from a channel and writes
// each one (`for { select { case msg := <-p.pending: p.publish(ch, msg) … } }`).
// Running it again — after its connection was re-opened, say — writes the
// items that arrive next, not the ones it already wrote: each write is of
// an item received in this run. So such a write is not the function's
// Op: a retry of the function repeats no write. (A pump that puts a
// failed item back on its channel retries it; that is judged where it
// happens, in the function's own body.)

// receivedItem reports whether an argument (or the receiver) of call uses
// a variable decl's body receives from a channel inside a loop: `x := <-ch`
// or `case x := <-ch:` within a for statement, or `for x := range ch`.
func (c *Classifier) receivedItem(call *ast.CallExpr, decl *ast.FuncDecl) bool {
	if decl.Body == nil {
		return false
	}
	vars := map[*types.Var]bool{}
	note := func(e ast.Expr) {
		ast.Inspect(e, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if v, ok := c.info.Uses[id].(*types.Var); ok {
					vars[v] = true
				}
			}
			return true
		})
	}
	for _, a := range call.Args {
		note(a) // msg, msg.Body, amqp.Publishing{Body: msg.body}
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		note(sel.X)
	}
	if len(vars) == 0 {
		return false
	}
	found := false
	var loops int
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		if found || n == nil {
			return false
		}
		switch n := n.(type) {
		case *ast.RangeStmt:
			if _, isChan := c.info.TypeOf(n.X).Underlying().(*types.Chan); isChan && c.definesAny(n.Key, vars) {
				found = true
				return false
			}
			loops++
			ast.Inspect(n.Body, visit)
			loops--
			return false
		case *ast.ForStmt:
			loops++
			ast.Inspect(n.Body, visit)
			loops--
			return false
		case *ast.AssignStmt:
			if loops > 0 && n.Tok == token.DEFINE && len(n.Rhs) == 1 && isReceive(n.Rhs[0]) && len(n.Lhs) > 0 && c.definesAny(n.Lhs[0], vars) {
				found = true
			}
		}
		return true
	}
	ast.Inspect(decl.Body, visit)
	return found
}

// isReceive reports whether e is a channel receive (<-ch).
func isReceive(e ast.Expr) bool {
	u, ok := ast.Unparen(e).(*ast.UnaryExpr)
	return ok && u.Op == token.ARROW
}

// definesAny reports whether e is an identifier defining one of vars.
func (c *Classifier) definesAny(e ast.Expr, vars map[*types.Var]bool) bool {
	id, ok := e.(*ast.Ident)
	if !ok {
		return false
	}
	v, _ := c.info.Defs[id].(*types.Var)
	return v != nil && vars[v]
}
