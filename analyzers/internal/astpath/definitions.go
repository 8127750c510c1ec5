package astpath

import (
	"go/ast"
	"go/token"
	"go/types"
)

// Definition is one place in a scope where a variable is given a value.
type Definition struct {
	// Rhs is the value: the expression assigned, or for `a, b := f()` the
	// call whose result Index the variable receives. nil for a var
	// declaration without a value and for v++, v--.
	Rhs   ast.Expr
	Index int
	// Tuple: Rhs is a multi-valued call and the variable gets its result
	// Index.
	Tuple bool
	// Spec: the definition is a var declaration (`var v T`, `var v = x`).
	Spec bool
	Pos  token.Pos
}

// Definitions lists, in source order, the assignments and var
// declarations of v within scope (function literals included: they may
// run and set it), and whether scope takes v's address, through which
// anything may set it. Compound assignments (v += x) count as
// definitions with their operand as the value.
func Definitions(info *types.Info, scope ast.Node, v *types.Var) (defs []Definition, addressed bool) {
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.ObjectOf(id) == v
	}
	ast.Inspect(scope, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if !is(lhs) {
					continue
				}
				d := Definition{Index: i, Pos: lhs.Pos()}
				switch {
				case len(n.Rhs) == len(n.Lhs):
					d.Rhs, d.Index = n.Rhs[i], 0
				case len(n.Rhs) == 1:
					d.Rhs, d.Tuple = n.Rhs[0], true
				}
				defs = append(defs, d)
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				if info.Defs[id] != v {
					continue
				}
				d := Definition{Spec: true, Pos: id.Pos()}
				switch {
				case len(n.Values) == len(n.Names):
					d.Rhs = n.Values[i]
				case len(n.Values) == 1:
					d.Rhs, d.Index, d.Tuple = n.Values[0], i, true
				}
				defs = append(defs, d)
			}
		case *ast.IncDecStmt:
			if is(n.X) {
				defs = append(defs, Definition{Pos: n.Pos()})
			}
		case *ast.UnaryExpr:
			addressed = addressed || n.Op == token.AND && is(n.X)
		}
		return true
	})
	return defs, addressed
}

// WithValues keeps the definitions that give a value (not `var v T`, not
// v++).
func WithValues(defs []Definition) []Definition {
	var out []Definition
	for _, d := range defs {
		if d.Rhs != nil {
			out = append(out, d)
		}
	}
	return out
}

// ParamObj returns the i-th declared parameter of d (the variables of a
// declaration's signature are the objects its parameter names define), or
// nil when there is none.
func ParamObj(info *types.Info, d *ast.FuncDecl, i int) types.Object {
	fn, ok := info.Defs[d.Name].(*types.Func)
	if !ok || i < 0 || i >= fn.Signature().Params().Len() {
		return nil
	}
	return fn.Signature().Params().At(i)
}
