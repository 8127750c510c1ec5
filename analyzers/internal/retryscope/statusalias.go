package retryscope

import (
	"go/ast"
	"go/token"
	"go/types"
)

// A retry loop often copies the status into a variable before testing it:
//
//	resp, err := c.hc.Do(req)
//	…
//	if code := resp.StatusCode; code/100 == 5 {
//		continue
//	}
//
// statusAliases maps such variables — defined once from a response's
// status (resp.StatusCode, resp.StatusCode()) and never assigned again —
// to that status expression, so a test of the copy is read as a test of
// the status. A variable assigned again may hold anything by the time it
// is tested, and is left out.
func (w *walk) statusAliases(body *ast.BlockStmt) map[types.Object]ast.Expr {
	defs := map[types.Object]ast.Expr{}
	reassigned := map[types.Object]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range x.Lhs {
				id, ok := ast.Unparen(lhs).(*ast.Ident)
				if !ok {
					continue
				}
				if obj := w.info.Defs[id]; obj != nil {
					if len(x.Lhs) == len(x.Rhs) && x.Tok == token.DEFINE && isStatusSelector(x.Rhs[i]) {
						defs[obj] = x.Rhs[i]
					}
					continue
				}
				if obj := w.info.Uses[id]; obj != nil {
					reassigned[obj] = true
				}
			}
		case *ast.IncDecStmt:
			if obj := objOf(w.info, x.X); obj != nil {
				reassigned[obj] = true
			}
		case *ast.UnaryExpr:
			if x.Op == token.AND {
				if obj := objOf(w.info, x.X); obj != nil {
					reassigned[obj] = true // may be written through the pointer
				}
			}
		}
		return true
	})
	for obj := range reassigned {
		delete(defs, obj)
	}
	return defs
}

// isStatusSelector recognises the shape of a status read, x.StatusCode,
// x.Status or a call of either, whatever x is; isStatus checks x against
// the attempt's results.
func isStatusSelector(e ast.Expr) bool {
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok && len(call.Args) == 0 {
		e = call.Fun
	}
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	return ok && (sel.Sel.Name == "StatusCode" || sel.Sel.Name == "Status")
}

// statusAlias returns the status expression a variable copies, nil when e
// is not such a variable.
func (w *walk) statusAlias(e ast.Expr) ast.Expr {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || len(w.aliases) == 0 {
		return nil
	}
	return w.aliases[w.info.Uses[id]]
}

// mentionsAlias reports whether n mentions a copy of the status of one of
// objs.
func (w *walk) mentionsAlias(n ast.Node, objs []types.Object) bool {
	for obj, status := range w.aliases {
		if refersTo(w.info, n, obj) && w.mentionsDirect(status, objs) {
			return true
		}
	}
	return false
}
