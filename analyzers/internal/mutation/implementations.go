package mutation

import (
	"go/ast"
	"go/types"
	"strings"
)

// An interface method whose implementations are all known is judged by
// them, not by its name. An unexported interface can be named only in its
// own package, so the values behind it are (barring exotic code) of that
// package's types: when that package is this one or one analyzed from
// source, its implementing types are the whole set. So is an exported
// interface with an unexported method (sealed): no other package can
// declare that method. So is an exported interface of an internal package
// (module/internal/store): only the module's own packages can import it,
// and its implementations are its package's types (a test double in a
// sibling package is not what production calls). Any other exported
// interface may be implemented by an importer twice never sees, and stays
// with the name heuristic.

// byImplementations judges a call of an interface method by the package's
// implementations of the interface. decided is false when the set is not
// known (an exported interface that is not sealed, a package without facts, no implementation
// found, or one whose body makes an unclassified remote call).
func (c *Classifier) byImplementations(call *ast.CallExpr, fn *types.Func) (op Op, decided bool) {
	named := recvNamed(fn)
	if named == nil || named.Obj().Pkg() == nil || named.TypeParams().Len() > 0 {
		return Op{}, false
	}
	pkg := named.Obj().Pkg()
	if pkg != c.pass.Pkg && (c.analyzed == nil || !c.analyzed(pkg)) {
		return Op{}, false
	}
	iface, _ := named.Underlying().(*types.Interface)
	if iface == nil || named.Obj().Exported() && !sealed(iface) && !internalPath(pkg.Path()) {
		return Op{}, false
	}
	found := false
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() || types.IsInterface(tn.Type()) {
			continue
		}
		if n, ok := tn.Type().(*types.Named); ok && n.TypeParams().Len() > 0 {
			continue // Implements is unspecified for uninstantiated generic types
		}
		impl := implementation(tn.Type(), iface, fn.Name())
		if impl == nil {
			continue
		}
		found = true
		f := c.facts(impl)
		switch {
		case f == nil || f.Idempotent:
			continue
		case f.Op != nil:
			return Op{
				Kind: KindCall, Root: f.Op.Primitive(), Desc: displayName(fn) + " (" + f.Op.Desc + " in " + displayName(impl) + ")",
				Write: f.Op.Desc, Effect: f.Op.Effect, Pos: c.posOf(f.Op.Posn), Posn: f.Op.Posn, Identity: "func " + impl.FullName(),
			}, true
		case f.Remote:
			return Op{}, false
		}
	}
	return Op{}, found
}

// internalPath reports whether path is an internal package, which only
// the packages of its parent's tree may import.
func internalPath(path string) bool {
	return path == "internal" || strings.HasPrefix(path, "internal/") || strings.HasSuffix(path, "/internal") || strings.Contains(path, "/internal/")
}

// sealed reports whether iface has an unexported method, which only types
// declared in the interface's package can have (or embed from it).
func sealed(iface *types.Interface) bool {
	for i := 0; i < iface.NumMethods(); i++ {
		if !iface.Method(i).Exported() {
			return true
		}
	}
	return false
}

// recvNamed is the named interface type of an interface method's receiver.
func recvNamed(fn *types.Func) *types.Named {
	recv := fn.Signature().Recv()
	if recv == nil {
		return nil
	}
	n, _ := types.Unalias(recv.Type()).(*types.Named)
	return n
}

// implementation returns t's (or *t's) method name when that type
// implements iface, or nil.
func implementation(t types.Type, iface *types.Interface, name string) *types.Func {
	// An unexported method is found only with the package that declares it.
	var pkg *types.Package
	for i := 0; i < iface.NumMethods(); i++ {
		if m := iface.Method(i); m.Name() == name {
			pkg = m.Pkg()
		}
	}
	for _, cand := range []types.Type{t, types.NewPointer(t)} {
		if !types.Implements(cand, iface) {
			continue
		}
		obj, _, _ := types.LookupFieldOrMethod(cand, true, pkg, name)
		if m, ok := obj.(*types.Func); ok {
			return m
		}
	}
	return nil
}
