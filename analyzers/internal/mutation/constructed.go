package mutation

import (
	"go/ast"
	"go/types"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
	"golang.org/x/tools/go/types/typeutil"
)

// An interface value the function built itself, by calling a constructor
// of a package analyzed from source (host, pod, err :=
// trafficmanager.NewTrafficRuleManager(cfg)), can only be of a type that
// constructor's package can make: its own or one of the packages it
// imports. When every such type's method is analyzed and does nothing
// mutating or remote, the call is as clean as their bodies, whatever the
// method is called (CreateHostRules programming local firewall rules).
// Values from parameters, fields or package variables may come from
// anywhere and keep the name heuristic.

// constructedClean reports whether the interface method call's receiver
// is a local variable every value of which comes from constructors whose
// implementations of the method are all known and clean.
func (c *Classifier) constructedClean(call *ast.CallExpr, fn *types.Func) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	named := recvNamed(fn)
	if !ok || named == nil {
		return false
	}
	decl := c.enclosingDecl(call.Pos())
	v := c.localVar(sel.X, decl)
	iface, ok := named.Underlying().(*types.Interface)
	if v == nil || !ok {
		return false
	}
	defs, addressed := astpath.Definitions(c.info, decl.Body, v)
	if addressed || len(defs) == 0 {
		return false
	}
	for _, d := range defs {
		ctor, isCall := ast.Unparen(d.Rhs).(*ast.CallExpr)
		if !isCall {
			return false
		}
		callee, _ := typeutil.Callee(c.info, ctor).(*types.Func)
		if callee == nil || callee.Pkg() == nil || !c.implementationsClean(callee.Pkg(), iface, fn.Name()) {
			return false
		}
	}
	return true
}

// implementationsClean reports whether pkg and the packages it imports
// implement the method name of iface at least once, all in packages
// analyzed from source, none with a write or a remote call.
func (c *Classifier) implementationsClean(pkg *types.Package, iface *types.Interface, name string) bool {
	if c.analyzed == nil || pkg != c.pass.Pkg && !c.analyzed(pkg) {
		return false
	}
	impls := c.constructorImplementations(pkg, iface, name)
	for _, impl := range impls {
		if impl.Pkg() != c.pass.Pkg && !c.analyzed(impl.Pkg()) {
			return false
		}
		if f := c.facts(impl); f != nil && !f.Idempotent && (f.Op != nil || f.Remote) {
			return false
		}
	}
	return len(impls) > 0
}

// ctorKey identifies the implementations of one interface method that one
// constructor package can make.
type ctorKey struct {
	pkg   *types.Package
	iface *types.Interface
	name  string
}

// constructorImplementations returns the implementations of the method
// name of iface declared in pkg and in the packages it imports (cached).
func (c *Classifier) constructorImplementations(pkg *types.Package, iface *types.Interface, name string) []*types.Func {
	c.implsMu.Lock()
	defer c.implsMu.Unlock()
	k := ctorKey{pkg, iface, name}
	if impls, ok := c.ctorImpls[k]; ok {
		return impls
	}
	impls := scopeImplementations(pkg.Scope(), iface, name)
	for _, imp := range pkg.Imports() {
		impls = append(impls, scopeImplementations(imp.Scope(), iface, name)...)
	}
	if c.ctorImpls == nil {
		c.ctorImpls = map[ctorKey][]*types.Func{}
	}
	c.ctorImpls[k] = impls
	return impls
}
