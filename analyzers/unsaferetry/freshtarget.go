package unsaferetry

import (
	"go/ast"
	"go/types"

	"github.com/twice-lint/twice/analyzers/internal/retryscope"
)

// A write whose target was created earlier in the same attempt — a PATCH
// to the upload session that the attempt's own POST opened, an UPDATE of
// the row id the attempt's INSERT returned — goes to a new resource on
// every attempt: it cannot be applied twice to one resource. The create
// is still judged by itself.

// attemptResources returns the variables that the retried body assigns
// from the results of a write (location, id, session := create(…)), with
// the position of that write.
func (r *reporter) attemptResources(s *retryscope.Scope) map[types.Object]ast.Node {
	out := map[types.Object]ast.Node{}
	info := r.pass.TypesInfo
	ast.Inspect(s.Body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Rhs) != 1 {
			return true
		}
		call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
		if !ok {
			return true
		}
		if _, writes := r.m.Classifier.Call(call); !writes {
			return true
		}
		for _, lhs := range as.Lhs {
			id, ok := ast.Unparen(lhs).(*ast.Ident)
			if !ok {
				continue
			}
			// The first write that fills the variable created the
			// resource (location, err = stream(location) keeps it).
			if obj := info.ObjectOf(id); obj != nil && !isErrorOrBool(obj.Type()) && out[obj] == nil {
				out[obj] = call
			}
		}
		return true
	})
	return out
}

// writesToFresh reports whether call's arguments or receiver name a
// resource that the same attempt created before the call.
func writesToFresh(info *types.Info, call *ast.CallExpr, created map[types.Object]ast.Node) bool {
	if len(created) == 0 {
		return false
	}
	operands := append([]ast.Expr(nil), call.Args...)
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		operands = append(operands, sel.X)
	}
	for _, e := range operands {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			continue
		}
		if src, ok := created[info.Uses[id]]; ok && src.End() <= call.Pos() {
			return true
		}
	}
	return false
}

func isErrorOrBool(t types.Type) bool {
	if types.Identical(t, types.Universe.Lookup("error").Type()) {
		return true
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsBoolean != 0
}
