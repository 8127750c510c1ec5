package model

import (
	"go/ast"
	"go/types"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
	"github.com/twice-lint/twice/analyzers/internal/mutation"
	"github.com/twice-lint/twice/analyzers/internal/retryscope"
)

// Plugins retried through an interface. A package that sends through an
// interface it declares, in a retry loop, often gets its implementations
// from packages that import it and register themselves:
//
//	package notification
//	type Sender interface{ Send(event Event) error }
//	for attempts := 0; ; attempts++ { if err := sender.Send(event); err != nil { continue } … }
//
//	package webhook // imports notification, registers &sender{} in init
//	func (s *sender) Send(event notification.Event) error { … http.Post(s.endpoint, …) … }
//
// While notification is analyzed its implementations are out of sight
// (they depend on it), so the call is judged by the method's name only.
// A RetriedMethodFact on the interface method carries the retry to the
// packages that implement it, where the write is in sight: an
// implementation that writes is reported there.

// RetriedMethodFact marks a method of an interface declared in this
// package that a retry scope of the package calls again after a failure.
type RetriedMethodFact struct {
	Mechanism string // "a retry loop"
	Encl      string // the function holding the retry: "notification.Manager.Send"
	Posn      string // file:line:col of the retried call
}

func (*RetriedMethodFact) AFact() {}

func (f *RetriedMethodFact) String() string { return "retried by " + f.Mechanism + " at " + f.Posn }

// RetriedImpl is a method of this package implementing an interface
// method that a retry of another package calls again.
type RetriedImpl struct {
	Method *types.Func
	Decl   *ast.FuncDecl
	// Iface names the interface and its package ("notification.Sender").
	Iface string
	Fact  RetriedMethodFact
}

// exportRetriedMethods exports a RetriedMethodFact for each method of an
// interface declared in this package that a retry scope here repeats (a
// retry going round only on refusals repeats nothing). The standard
// library is left out: its interfaces (RoundTripper, Writer) are
// implemented everywhere, and what its own loops repeat is not the
// user's write.
func (m *Model) exportRetriedMethods() {
	if mutation.IsStd(m.pass.Pkg.Path()) {
		return
	}
	done := map[*types.Func]bool{}
	for _, s := range m.Scopes {
		if s.Body == nil || s.Guarded && len(s.Again) == 0 || astpath.InTestFile(m.pass.Fset, s.Body.Pos()) {
			continue
		}
		ast.Inspect(s.Body, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || !s.Contains(call) {
				return true
			}
			fn, _ := typeutil.Callee(m.pass.TypesInfo, call).(*types.Func)
			if fn == nil || done[fn] || !m.ownInterfaceMethod(fn) {
				return true
			}
			done[fn] = true
			m.pass.ExportObjectFact(fn, &RetriedMethodFact{Mechanism: s.Mechanism, Encl: m.enclName(s.Encl), Posn: m.posn(call.Pos())})
			return true
		})
	}
}

// ownInterfaceMethod reports whether fn is a method of a named interface
// type declared in this package.
func (m *Model) ownInterfaceMethod(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	if recv == nil || fn.Pkg() != m.pass.Pkg || !types.IsInterface(recv.Type()) {
		return false
	}
	named, _ := types.Unalias(recv.Type()).(*types.Named)
	return named != nil && named.Obj().Pkg() == m.pass.Pkg && named.TypeParams().Len() == 0
}

// findRetriedImpls lists the methods of this package that implement an
// interface method carrying a RetriedMethodFact, declared in a package
// this one imports (a plugin imports the package it registers with).
// Reading the imports' interfaces, rather than every fact in sight, keeps
// the cost to the few interfaces a package can see directly.
func (m *Model) findRetriedImpls() {
	retried := m.importedRetriedMethods()
	if len(retried) == 0 {
		return
	}
	for _, d := range m.decls {
		if d.Recv == nil || d.Body == nil {
			continue
		}
		method, _ := m.pass.TypesInfo.Defs[d.Name].(*types.Func)
		if method == nil {
			continue
		}
		for _, r := range retried {
			if r.fn.Name() != method.Name() || !implementsIface(method, r.fn) {
				continue
			}
			m.RetriedImpls = append(m.RetriedImpls, RetriedImpl{Method: method, Decl: d, Iface: r.iface, Fact: *r.fact})
			break
		}
	}
}

// importedRetriedMethods returns the interface methods with a
// RetriedMethodFact among the named interfaces of the direct imports.
func (m *Model) importedRetriedMethods() []retriedMethod {
	var out []retriedMethod
	for _, pkg := range m.pass.Pkg.Imports() {
		if mutation.IsStd(pkg.Path()) {
			continue
		}
		scope := pkg.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || tn.IsAlias() {
				continue
			}
			named, _ := tn.Type().(*types.Named)
			if named == nil || named.TypeParams().Len() > 0 {
				continue
			}
			it, ok := named.Underlying().(*types.Interface)
			if !ok {
				continue
			}
			for i := 0; i < it.NumExplicitMethods(); i++ {
				fn := it.ExplicitMethod(i)
				f := new(RetriedMethodFact)
				if m.pass.ImportObjectFact(fn, f) {
					out = append(out, retriedMethod{fn: fn, fact: f, iface: pkg.Name() + "." + tn.Name()})
				}
			}
		}
	}
	return out
}

// retriedMethod is an interface method of another package and its fact.
type retriedMethod struct {
	fn    *types.Func
	fact  *RetriedMethodFact
	iface string // "notification.Sender"
}

// implementsIface reports whether method is what its receiver type (or a
// pointer to it) has for the interface method ifaceMethod.
func implementsIface(method, ifaceMethod *types.Func) bool {
	it, ok := ifaceMethod.Signature().Recv().Type().Underlying().(*types.Interface)
	if !ok {
		return false
	}
	t := method.Signature().Recv().Type()
	if p, isPtr := t.(*types.Pointer); isPtr {
		t = p.Elem()
	}
	return mutation.Implementation(t, it, ifaceMethod.Name()) == method
}

// enclName names the function a scope is written in, with its package:
// "notification.Manager.Send", "notification.deliver".
func (m *Model) enclName(d *ast.FuncDecl) string {
	if d == nil {
		return ""
	}
	fn, _ := m.pass.TypesInfo.Defs[d.Name].(*types.Func)
	if fn == nil {
		return ""
	}
	name := retryscope.ShortName(fn)
	if fn.Signature().Recv() != nil {
		name = m.pass.Pkg.Name() + "." + name
	}
	return name
}
