package model

import (
	"go/types"

	"github.com/twice-lint/twice/analyzers/internal/mutation"
)

// Handler chains. A client that passes each request through a chain of
// handlers calls the next one through an unexported interface
// (`h.next.Do(req, v)`); one handler of the chain may retry the next. The
// implementations of such an interface are all in its package, so the
// interface method gets the request roles its implementations have: it
// sends its request parameter when one of them does, and retries it when
// one of them does (a retrying handler). Writes (Op) are not merged here:
// the classifier judges those by implementations itself.

// interfaceFact returns the merged request roles of an unexported
// interface method of this package (or of one analyzed from source), or
// nil.
func (m *Model) interfaceFact(fn *types.Func) *mutation.FuncFact {
	recv := fn.Signature().Recv()
	if recv == nil || !types.IsInterface(recv.Type()) {
		return nil
	}
	named, _ := types.Unalias(recv.Type()).(*types.Named)
	if named == nil || named.Obj().Pkg() == nil || named.TypeParams().Len() > 0 {
		return nil
	}
	if pkg := named.Obj().Pkg(); pkg != m.pass.Pkg && !m.Analyzed(pkg) {
		return nil
	}
	if named.Obj().Exported() {
		return m.exportedInterfaceFact(fn, named)
	}
	var merged *mutation.FuncFact
	for _, impl := range m.implementations(fn, named) {
		merged = mergeRoles(merged, m.Fact(impl))
	}
	return merged
}

// implementations returns the methods implementing fn in the package of
// its interface type named, computed once per interface method: walking a
// package's scope (sorted names, a method-set check per type) for every
// call through the interface was a measurable share of the analysis of a
// large SDK package.
func (m *Model) implementations(fn *types.Func, named *types.Named) []*types.Func {
	m.implsMu.Lock()
	defer m.implsMu.Unlock()
	if impls, ok := m.impls[fn]; ok {
		return impls
	}
	iface := named.Underlying().(*types.Interface)
	scope := named.Obj().Pkg().Scope()
	var impls []*types.Func
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() || types.IsInterface(tn.Type()) {
			continue
		}
		if n, ok := tn.Type().(*types.Named); ok && n.TypeParams().Len() > 0 {
			continue
		}
		if impl := mutation.Implementation(tn.Type(), iface, fn.Name()); impl != nil && impl != fn {
			impls = append(impls, impl)
		}
	}
	if m.impls == nil {
		m.impls = map[*types.Func][]*types.Func{}
	}
	m.impls[fn] = impls
	return impls
}

// mergeRoles adds f's request roles (a sent request parameter, a retry of
// one) to merged.
func mergeRoles(merged, f *mutation.FuncFact) *mutation.FuncFact {
	if f == nil || f.Idempotent || f.RequestParam < 0 && (f.Retries == nil || f.Retries.RequestParam < 0) {
		return merged
	}
	if merged == nil {
		merged = mutation.NewFact()
	}
	if f.RequestParam >= 0 {
		merged.RequestParam = f.RequestParam
	}
	if f.Retries != nil && f.Retries.RequestParam >= 0 && merged.Retries == nil {
		merged.Retries = f.Retries
	}
	return merged
}
