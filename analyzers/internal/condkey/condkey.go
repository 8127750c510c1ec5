// Package condkey normalises a boolean condition with a known outcome, so
// that two tests of the same thing compare equal: `!cfg.dryRun` true and
// `cfg.dryRun` false, `err != nil` false and `err == nil` true. The retry
// predicate reader and the resend analyzer use it to relate the conditions
// on different paths.
package condkey

import (
	"go/ast"
	"go/token"
	"go/types"
)

// Key returns the text of e without parentheses and negations, with !=
// turned into ==, and the outcome adjusted to match.
func Key(e ast.Expr, outcome bool) (string, bool) {
	for depth := 0; depth < 64; depth++ {
		switch x := ast.Unparen(e).(type) {
		case *ast.UnaryExpr:
			if x.Op == token.NOT {
				e, outcome = x.X, !outcome
				continue
			}
		case *ast.BinaryExpr:
			if x.Op == token.NEQ {
				return types.ExprString(&ast.BinaryExpr{X: x.X, Op: token.EQL, Y: x.Y}), !outcome
			}
		}
		break
	}
	return types.ExprString(ast.Unparen(e)), outcome
}
