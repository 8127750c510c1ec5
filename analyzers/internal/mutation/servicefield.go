package mutation

import (
	"go/ast"
	"go/types"
)

// SDK service interfaces. An SDK that groups its operations into service
// interfaces hangs one implementation of each on its client struct:
//
//	type Client struct{ Domains DomainsService; … }
//	func NewClient(…) *Client { c.Domains = &DomainsServiceOp{client: c}; … }
//
//	client.Domains.CreateRecord(ctx, domain, req) // in the user's code
//
// The interface is exported (so that callers can mock it), and another
// package could implement it; but a call through the client's own field
// reaches what the SDK's constructor put there, one of the types the
// interface's package declares. So such a call is judged by those
// implementations, as a closed interface's call is, rather than by the
// method's name: a CreateRecord that POSTs to a collection is that
// create, one that PUTs is an absolute set.

// serviceFieldImplementations returns the implementations of the interface
// method fn declared in the interface's package when call reaches it
// through a field of a struct declared there (client.Domains.CreateRecord),
// and that package was analyzed from source; nil otherwise.
func (c *Classifier) serviceFieldImplementations(call *ast.CallExpr, fn *types.Func) []*types.Func {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	fieldSel, ok := ast.Unparen(sel.X).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	selection := c.info.Selections[fieldSel]
	if selection == nil || selection.Kind() != types.FieldVal {
		return nil
	}
	named := recvNamed(fn)
	if named == nil || named.Obj().Pkg() == nil || named.TypeParams().Len() > 0 {
		return nil
	}
	pkg := named.Obj().Pkg()
	if pkg == c.pass.Pkg || c.analyzed == nil || !c.analyzed(pkg) || selection.Obj().Pkg() != pkg {
		return nil
	}
	iface, ok := named.Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	return c.declaredImplementations(fn, iface)
}
