package astpath

import "go/ast"

// CalleeIdent is the identifier a call names: f in f(…), Sel in x.Sel(…);
// nil for a call of another expression (a func literal, an index).
func CalleeIdent(call *ast.CallExpr) *ast.Ident {
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		return f
	case *ast.SelectorExpr:
		return f.Sel
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
