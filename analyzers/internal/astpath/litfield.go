package astpath

import (
	"go/ast"
	"go/token"
)

// LitField returns the value a composite literal (or the address of one,
// &T{…}) gives the named field, or nil when e is no such literal or
// leaves the field out.
func LitField(e ast.Expr, field string) ast.Expr {
	if u, ok := ast.Unparen(e).(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = u.X
	}
	lit, ok := ast.Unparen(e).(*ast.CompositeLit)
	if !ok {
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
