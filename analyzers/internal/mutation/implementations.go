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
// sibling package is not what production calls). So is any interface of a
// command's package main, which nothing can import. Any other exported
// interface may be implemented by an importer twice never sees, and stays
// with the name heuristic.
//
// The package may also store a value of a type it imports behind its own
// interface: a wrapper's `Inner goamqpSender` field holding go-amqp's
// *amqp.Sender, an interface declared so tests can fake the dependency.
// So the types of the packages it imports that implement the interface
// are part of the set too, and the ones that write (a publisher the
// tables know, a function whose fact is a write) decide the call.

// byImplementations judges a call of an interface method by the package's
// implementations of the interface, then by the imported types that
// implement it. decided is false when the set is not known (an exported
// interface that is not sealed, a package without facts, no
// implementation of the package's own and no imported one that writes):
// only then may the caller judge the call by its name. When the set is
// known, the verdict is theirs: the first implementation (the package's
// own in name order, then the imported ones) that writes makes the call
// that write;
// implementations that write nothing, or whose remote calls twice could
// not classify (FuncFact.Remote), leave it silent — an analyzed body that
// twice cannot tell is unknown, and unknown is never judged by its name.
func (c *Classifier) byImplementations(call *ast.CallExpr, fn *types.Func) (op Op, decided bool) {
	impls, known := c.implementations(fn)
	if !known {
		if sdk := c.serviceFieldImplementations(call, fn); len(sdk) > 0 {
			impls, known = sdk, true // servicefield.go: an SDK client's service field
		}
	}
	for _, impl := range impls {
		if f := c.facts(impl); f != nil && !f.Idempotent && f.Op != nil {
			return c.implementationOp(fn, impl, f), true
		}
	}
	if !known && c.closedInterface(fn) == nil {
		return Op{}, false
	}
	for _, impl := range c.foreignImplementations(fn) {
		if op, handled := c.table(call, impl); handled {
			if op.Kind != KindNone {
				op.Desc = displayName(fn) + " (" + op.Desc + ")"
				return op, true
			}
			continue
		}
		if f := c.facts(impl); f != nil && !f.Idempotent && f.Op != nil {
			return c.implementationOp(fn, impl, f), true
		}
	}
	return Op{}, known
}

// byAllImplementations judges a call of an interface method whose known
// implementations all write, each on evidence (a request, a statement:
// not a name judged inside it): the call is the first one's write, whatever
// the method is called. ok is false otherwise, and the call is judged as
// byImplementations does, after the name heuristic's gates. An interface
// of the package with no implementation of its own is judged by the
// imported types that implement it (a wrapper's view of its client).
func (c *Classifier) byAllImplementations(call *ast.CallExpr, fn *types.Func) (op Op, ok bool) {
	impls, known := c.implementations(fn)
	if !known {
		return c.byForeignImplementations(call, fn)
	}
	for _, impl := range impls {
		f := c.facts(impl)
		if f == nil || f.Idempotent || f.Op == nil || f.Op.Primitive() == KindVerb {
			return Op{}, false
		}
	}
	return c.implementationOp(fn, impls[0], c.facts(impls[0])), true
}

// byForeignImplementations: every imported implementation of the
// interface method fn is a publisher or SDK write the tables know.
func (c *Classifier) byForeignImplementations(call *ast.CallExpr, fn *types.Func) (Op, bool) {
	impls := c.foreignImplementations(fn)
	var first Op
	for i, impl := range impls {
		op, handled := c.table(call, impl)
		if !handled || op.Kind == KindNone {
			return Op{}, false
		}
		if i == 0 {
			first = op
		}
	}
	if len(impls) == 0 {
		return Op{}, false
	}
	first.Desc = displayName(fn) + " (" + first.Desc + ")"
	return first, true
}

// implementationOp is the write of a call of the interface method fn
// made by its implementation impl, whose fact is f.
func (c *Classifier) implementationOp(fn, impl *types.Func, f *FuncFact) Op {
	return Op{
		Kind: KindCall, Root: f.Op.Primitive(), Desc: displayName(fn) + " (" + f.Op.Desc + " in " + displayName(impl) + ")",
		Write: f.Op.Desc, Effect: f.Op.Effect, Pos: c.posOf(f.Op.Posn), Posn: f.Op.Posn, Identity: "func " + impl.FullName(),
	}
}

// implementationsRemote reports, for an interface method whose
// implementations are known, whether calling it is a remote call of a kind
// twice could not tell: one of them writes or is itself such a call. An
// interface method whose implementations all do neither is as clean as
// their bodies.
func (c *Classifier) implementationsRemote(fn *types.Func) (remote, known bool) {
	impls, known := c.implementations(fn)
	for _, impl := range impls {
		if f := c.facts(impl); f != nil && !f.Idempotent && (f.Op != nil || f.Remote) {
			return true, known
		}
	}
	return false, known
}

// implementations returns the implementations of the interface method fn
// in the interface's package, in name order; known is false when they may
// not be all of them (see above), or when there is none.
func (c *Classifier) implementations(fn *types.Func) (impls []*types.Func, known bool) {
	iface := c.closedInterface(fn)
	if iface == nil {
		return nil, false
	}
	impls = c.declaredImplementations(fn, iface)
	return impls, len(impls) > 0
}

// declaredImplementations returns the implementations of the interface
// method fn (of interface iface) that the interface's package declares,
// computed once per method: walking a large SDK's scope for every call
// through the interface is a measurable cost.
func (c *Classifier) declaredImplementations(fn *types.Func, iface *types.Interface) []*types.Func {
	c.implsMu.Lock()
	defer c.implsMu.Unlock()
	impls, ok := c.impls[fn]
	if !ok {
		impls = scopeImplementations(recvNamed(fn).Obj().Pkg().Scope(), iface, fn.Name())
		if c.impls == nil {
			c.impls = map[*types.Func][]*types.Func{}
		}
		c.impls[fn] = impls
	}
	return impls
}

// closedInterface returns the interface of the method fn when its
// implementations can all be found (see above), or nil.
func (c *Classifier) closedInterface(fn *types.Func) *types.Interface {
	named := recvNamed(fn)
	if named == nil || named.Obj().Pkg() == nil || named.TypeParams().Len() > 0 {
		return nil
	}
	pkg := named.Obj().Pkg()
	if pkg != c.pass.Pkg && (c.analyzed == nil || !c.analyzed(pkg)) {
		return nil
	}
	iface, _ := named.Underlying().(*types.Interface)
	if iface == nil || named.Obj().Exported() && !sealed(iface) && !internalPath(pkg.Path()) && pkg.Name() != "main" {
		return nil
	}
	return iface
}

// ownInterface returns the interface of the method fn when this package
// declares it, exported or not, with several methods: a package that
// declares an interface over a client it imports (a KafkaClient with
// kgo.Client's ProduceSync, Close and ForceMetadataRefresh, so that tests
// can fake it) shows by that what the interface stands for, whoever else
// may implement it.
func (c *Classifier) ownInterface(fn *types.Func) *types.Interface {
	named := recvNamed(fn)
	if named == nil || named.Obj().Pkg() != c.pass.Pkg || named.TypeParams().Len() > 0 {
		return nil
	}
	iface, _ := named.Underlying().(*types.Interface)
	if iface == nil || iface.NumMethods() < 2 {
		return nil // a one-method role (Data, Write) that many imported types fill
	}
	return iface
}

// foreignImplementations returns the implementations of the interface
// method fn declared in the packages its interface's package imports, in
// import and name order (none for a sealed interface, which only its
// package can implement, or one whose set cannot be known).
func (c *Classifier) foreignImplementations(fn *types.Func) []*types.Func {
	named := recvNamed(fn)
	iface := c.closedInterface(fn)
	if iface == nil {
		iface = c.ownInterface(fn)
	}
	if iface == nil || sealed(iface) {
		return nil
	}
	c.implsMu.Lock()
	defer c.implsMu.Unlock()
	if impls, ok := c.foreignImpls[fn]; ok {
		return impls
	}
	var impls []*types.Func
	for _, imp := range named.Obj().Pkg().Imports() {
		impls = append(impls, scopeImplementations(imp.Scope(), iface, fn.Name())...)
	}
	if c.foreignImpls == nil {
		c.foreignImpls = map[*types.Func][]*types.Func{}
	}
	c.foreignImpls[fn] = impls
	return impls
}

// scopeImplementations returns the methods name of the concrete types of
// scope that implement iface, in name order.
func scopeImplementations(scope *types.Scope, iface *types.Interface, name string) []*types.Func {
	var impls []*types.Func
	for _, n := range scope.Names() {
		tn, ok := scope.Lookup(n).(*types.TypeName)
		if !ok || tn.IsAlias() || types.IsInterface(tn.Type()) {
			continue
		}
		if nt, ok := tn.Type().(*types.Named); ok && nt.TypeParams().Len() > 0 {
			continue // Implements is unspecified for uninstantiated generic types
		}
		if impl := implementation(tn.Type(), iface, name); impl != nil {
			impls = append(impls, impl)
		}
	}
	return impls
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
