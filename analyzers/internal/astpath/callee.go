package astpath

import "go/ast"

// CalleeIdent is the identifier a call names: f in f(…), Sel in x.Sel(…);
// nil for a call of another expression (a func literal, an index).
func CalleeIdent(call *ast.CallExpr) *ast.Ident {
	return NameIdent(call.Fun)
}

// NameIdent is the last identifier an expression is spelled with: x, or
// Sel in a.b.Sel; nil for any other expression.
func NameIdent(e ast.Expr) *ast.Ident {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return x
	case *ast.SelectorExpr:
		return x.Sel
	}
	return nil
}

// CalleeName is the name of the function or method a call names, "" when
// it names none.
func CalleeName(call *ast.CallExpr) string {
	if id := CalleeIdent(call); id != nil {
		return id.Name
	}
	return ""
}
