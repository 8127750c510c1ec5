package mutation

import "go/types"

// NewFact returns a FuncFact that says nothing (every parameter index
// unset), for the model to fill.
func NewFact() *FuncFact { return emptyFact() }

// Implementation returns t's (or *t's) method name when that type
// implements iface, or nil.
func Implementation(t types.Type, iface *types.Interface, name string) *types.Func {
	return implementation(t, iface, name)
}
