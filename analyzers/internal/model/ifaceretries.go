package model

import (
	"go/types"

	"github.com/twice-lint/twice/analyzers/internal/mutation"
)

// SDK clients behind an exported interface. An SDK's services take the
// client as an interface (so that callers can wrap or mock it) and its own
// package provides the implementation every constructor returns:
//
//	type Client interface{ SendRequest(*Request, *Response) error }
//	func (c *BceClient) SendRequest(req *Request, resp *Response) error {
//		for { … if c.retry.ShouldRetry(err, n) { continue } … }
//	}
//
// Other packages may implement an exported interface too, but the
// implementations declared beside it are what its package's constructors
// hand out. So the interface method retries its request argument when
// every implementation in that package that sends it retries it: one that
// sends once (or none that sends) leaves the call unknown, and unknown is
// silence.

// exportedInterfaceFact returns the retry role of an exported interface
// method shared by all of its implementations in the interface's package,
// or nil.
func (m *Model) exportedInterfaceFact(fn *types.Func, named *types.Named) *mutation.FuncFact {
	if !takesPointer(fn) {
		return nil // no request argument to re-send
	}
	var retries *mutation.ParamRetry
	for _, impl := range m.implementations(fn, named) {
		f := m.Fact(impl)
		if f == nil || f.Idempotent {
			continue
		}
		switch {
		case f.Retries != nil:
			if retries != nil && !sameRoles(retries, f.Retries) {
				return nil
			}
			retries = f.Retries
		case f.HTTPMethodParam >= 0 || f.RequestParam >= 0 || f.Op != nil || f.Remote:
			return nil // an implementation that sends once (or writes by itself)
		}
	}
	if retries == nil {
		return nil
	}
	return mutation.NewFact().WithRetries(retries)
}

// sameRoles reports whether two retries take the request from the same
// parameter roles.
func sameRoles(a, b *mutation.ParamRetry) bool {
	return a.MethodParam == b.MethodParam && a.MethodField == b.MethodField && a.RequestParam == b.RequestParam &&
		a.SQLParam == b.SQLParam && a.URLParam == b.URLParam && a.URLField == b.URLField
}

// takesPointer reports whether fn has a pointer parameter (a request).
func takesPointer(fn *types.Func) bool {
	params := fn.Signature().Params()
	for i := 0; i < params.Len(); i++ {
		if _, ok := types.Unalias(params.At(i).Type()).(*types.Pointer); ok {
			return true
		}
	}
	return false
}
