package retryscope

import (
	"go/ast"
	"go/constant"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// Error texts are tested with strings.Contains (refusals.call) and with
// regular expressions compiled once at package level:
//
//	var reErrorBusy = regexp.MustCompile(`is busy completing an operation.$`)
//	if reErrorBusy.MatchString(err.Error()) { continue }
//
// The pattern is read like the text of a Contains: a refusal's words
// (refusalWords) make the test a refusal.

// regexpPattern returns the constant pattern a regexp match tests:
// regexp.MatchString(pattern, s), or re.MatchString(s) (or Match) on a
// package-level variable compiled from a constant.
func (r *refusals) regexpPattern(call *ast.CallExpr, fn *types.Func) (string, bool) {
	if pkgOf(fn) != "regexp" || fn.Name() != "MatchString" && fn.Name() != "Match" {
		return "", false
	}
	var pattern ast.Expr
	if fn.Signature().Recv() == nil {
		if len(call.Args) != 2 {
			return "", false
		}
		pattern = call.Args[0]
	} else {
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return "", false
		}
		compile, ok := ast.Unparen(r.initializer(objOf(r.info, sel.X))).(*ast.CallExpr)
		if !ok || len(compile.Args) != 1 {
			return "", false
		}
		if c, _ := typeutil.Callee(r.info, compile).(*types.Func); c == nil || pkgOf(c) != "regexp" {
			return "", false
		}
		pattern = compile.Args[0]
	}
	v := r.constValue(pattern)
	if v == nil || v.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(v), true
}
