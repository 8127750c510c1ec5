package resend

import (
	"go/ast"
	"go/token"
	"go/types"
)

// structure compares two non-identifier expressions part by part.
func (c *argComparer) structure(a ast.Expr, pa token.Pos, b ast.Expr, pb token.Pos, depth int) sameness {
	cmp := func(x, y ast.Expr) sameness { return c.compare(x, pa, y, pb, depth+1) }
	switch a := a.(type) {
	case *ast.CallExpr:
		b, ok := b.(*ast.CallExpr)
		if !ok || len(a.Args) != len(b.Args) || !c.sameCallee(a, b) {
			return undecided
		}
		v := same
		if ra, rb := c.receiver(a), c.receiver(b); ra != nil && rb != nil {
			v = cmp(ra, rb)
		}
		for i := range a.Args {
			v = join(v, cmp(a.Args[i], b.Args[i]))
		}
		return v
	case *ast.SelectorExpr:
		b, ok := b.(*ast.SelectorExpr)
		if !ok {
			return undecided
		}
		fa, fb := c.info.Uses[a.Sel], c.info.Uses[b.Sel]
		if fa == nil || fb == nil {
			return undecided
		}
		if _, qualified := c.info.Selections[a]; !qualified {
			if fa == fb {
				return same // pkg.Name
			}
			return undecided
		}
		base := cmp(a.X, b.X)
		if fa != fb {
			if base == same && isField(fa) && isField(fb) {
				return different // two fields of one value
			}
			return undecided
		}
		return base
	case *ast.UnaryExpr:
		if b, ok := b.(*ast.UnaryExpr); ok && a.Op == b.Op {
			return cmp(a.X, b.X)
		}
	case *ast.StarExpr:
		if b, ok := b.(*ast.StarExpr); ok {
			return cmp(a.X, b.X)
		}
	case *ast.BinaryExpr:
		if b, ok := b.(*ast.BinaryExpr); ok && a.Op == b.Op {
			return join(cmp(a.X, b.X), cmp(a.Y, b.Y))
		}
	case *ast.IndexExpr:
		if b, ok := b.(*ast.IndexExpr); ok {
			return join(cmp(a.X, b.X), cmp(a.Index, b.Index))
		}
	case *ast.CompositeLit:
		if b, ok := b.(*ast.CompositeLit); ok {
			return c.literals(a, b, cmp)
		}
	}
	return undecided
}

// literals compares two composite literals of one type element by element
// (by key when keyed): a key one of them sets and the other does not makes
// them different.
func (c *argComparer) literals(a, b *ast.CompositeLit, cmp func(x, y ast.Expr) sameness) sameness {
	if !types.Identical(c.info.TypeOf(a), c.info.TypeOf(b)) {
		return undecided
	}
	if len(a.Elts) != len(b.Elts) {
		return different
	}
	v := same
	for i := range a.Elts {
		ka, isKA := a.Elts[i].(*ast.KeyValueExpr)
		kb, isKB := b.Elts[i].(*ast.KeyValueExpr)
		switch {
		case isKA && isKB:
			if kv := c.keys(ka.Key, kb.Key, cmp); kv != same {
				return join(v, kv)
			}
			v = join(v, cmp(ka.Value, kb.Value))
		case !isKA && !isKB:
			v = join(v, cmp(a.Elts[i], b.Elts[i]))
		default:
			return undecided
		}
	}
	return v
}

// keys compares two keys of composite literals: struct field names by
// the field they name (two different fields set: two different values),
// other keys as values.
func (c *argComparer) keys(a, b ast.Expr, cmp func(x, y ast.Expr) sameness) sameness {
	ia, okA := a.(*ast.Ident)
	ib, okB := b.(*ast.Ident)
	if okA && okB {
		if fa, fb := c.info.Uses[ia], c.info.Uses[ib]; isField(fa) && isField(fb) {
			if fa == fb {
				return same
			}
			return different
		}
	}
	return cmp(a, b)
}

// sameCallee reports whether two calls call the same function (or convert
// to the same type).
func (c *argComparer) sameCallee(a, b *ast.CallExpr) bool {
	if fa, fb := calledFunc(c.info, a), calledFunc(c.info, b); fa != nil || fb != nil {
		return fa == fb
	}
	ta, tb := c.info.Types[a.Fun], c.info.Types[b.Fun]
	if ta.IsType() && tb.IsType() {
		return types.Identical(ta.Type, tb.Type)
	}
	if ta.IsBuiltin() && tb.IsBuiltin() {
		return types.ExprString(a.Fun) == types.ExprString(b.Fun)
	}
	return false
}

func isField(obj types.Object) bool {
	v, ok := obj.(*types.Var)
	return ok && v.IsField()
}
