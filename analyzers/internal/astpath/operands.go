package astpath

import (
	"go/ast"
	"go/token"
)

// Operands splits a chain of the logical operator op (token.LAND or
// token.LOR) into its operands: a && b && c gives a, b, c; an expression
// of another kind is its only operand.
func Operands(e ast.Expr, op token.Token) []ast.Expr {
	if b, ok := ast.Unparen(e).(*ast.BinaryExpr); ok && b.Op == op {
		return append(Operands(b.X, op), Operands(b.Y, op)...)
	}
	return []ast.Expr{e}
}
