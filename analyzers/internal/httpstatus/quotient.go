package httpstatus

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
)

// Quotient splits a status class, `resp.StatusCode / 100`, into the
// divided expression and the divisor, so that `x/100 == 5` can be read as
// the class 500–599 (WhereScaled). Any other expression is returned whole
// with divisor 1. Only a positive integer constant divisor counts: a
// division by a variable says nothing about which statuses a test holds for.
func Quotient(info *types.Info, e ast.Expr) (ast.Expr, int) {
	b, ok := ast.Unparen(e).(*ast.BinaryExpr)
	if !ok || b.Op != token.QUO {
		return e, 1
	}
	tv, ok := info.Types[b.Y]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return e, 1
	}
	d, exact := constant.Int64Val(tv.Value)
	if !exact || d < 1 || d > Max {
		return e, 1
	}
	return b.X, int(d)
}
