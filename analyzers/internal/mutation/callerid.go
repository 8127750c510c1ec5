package mutation

import (
	"go/ast"
	"go/types"
)

// An ID the package lets its caller set. A resource type passed to its
// create usually leaves its ID to the server (identityFieldDepth skips ID
// fields), but some APIs are named by the client: Marathon's apps and
// groups are created under the id the caller gives, and a second POST of
// the same id is refused (409). The package's API says which it is when a
// hand-written method of the type assigns one of its parameters to the ID:
//
//	func (r *Application) Name(id string) *Application { r.ID = validateID(id); return r }
//
// Generated setters (SetId) are left out: generators write one for every
// field, server-assigned or not.

// callerSetsID reports whether a method of t's named type, declared in
// this package outside generated files, assigns a parameter (directly or
// through a call) to the field named field.
func (c *Classifier) callerSetsID(t types.Type, field string) bool {
	named, ok := types.Unalias(deref(t)).(*types.Named)
	if !ok || named.Obj().Pkg() != c.pass.Pkg {
		return false
	}
	for i := 0; i < named.NumMethods(); i++ {
		m := named.Method(i)
		if c.generated(m) {
			continue
		}
		if d := c.declOf(m); d != nil && d.Body != nil && c.assignsParamTo(d, field) {
			return true
		}
	}
	return false
}

// assignsParamTo reports whether d's body assigns recv.field (recv being
// d's receiver) from an expression that reads one of d's parameters.
func (c *Classifier) assignsParamTo(d *ast.FuncDecl, field string) bool {
	if d.Recv == nil || len(d.Recv.List) != 1 || len(d.Recv.List[0].Names) != 1 {
		return false
	}
	recv := c.info.Defs[d.Recv.List[0].Names[0]]
	params := map[*types.Var]bool{}
	for _, fl := range d.Type.Params.List {
		for _, n := range fl.Names {
			if v, ok := c.info.Defs[n].(*types.Var); ok {
				params[v] = true
			}
		}
	}
	found := false
	ast.Inspect(d.Body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || found || len(as.Lhs) != len(as.Rhs) {
			return !found
		}
		for i, l := range as.Lhs {
			sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != field {
				continue
			}
			if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && recv != nil && c.info.Uses[id] == recv && c.mentions(as.Rhs[i], params) {
				found = true
			}
		}
		return !found
	})
	return found
}
