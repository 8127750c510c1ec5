package astpath

import (
	"go/ast"
	"go/token"
)

// LitField returns the value a composite literal (or the address of one,
// &T{…}) gives the named field, or nil when e is no such literal or
// leaves the field out.
func LitField(e ast.Expr, field string) ast.Expr {
	lit := Literal(e)
	if lit == nil {
		return nil
	}
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if k, ok := kv.Key.(*ast.Ident); ok && k.Name == field {
				return kv.Value
			}
		}
	}
	return nil
}

// Literal returns the composite literal e is (T{…}) or points to (&T{…}),
// or nil.
func Literal(e ast.Expr) *ast.CompositeLit {
	if e == nil {
		return nil
	}
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	lit, _ := e.(*ast.CompositeLit)
	return lit
}
