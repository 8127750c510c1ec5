package astpath

import "go/types"

// HasField reports whether t (or what it points to) is a struct with a
// field for which match holds: a request config holding the request, an
// error adapter wrapping the error, an executor keeping a func.
func HasField(t types.Type, match func(*types.Var) bool) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		if match(st.Field(i)) {
			return true
		}
	}
	return false
}

// IsDoerMethod reports whether fn is an interface method whose signature
// is *http.Client's Do: one *http.Request in, (*http.Response, error)
// out. A client held behind such an interface sends what it is given.
func IsDoerMethod(fn *types.Func) bool {
	sig := fn.Signature()
	if sig.Recv() == nil || !types.IsInterface(sig.Recv().Type()) || sig.Params().Len() != 1 || sig.Results().Len() != 2 {
		return false
	}
	return pointerTo(sig.Params().At(0).Type(), "net/http", "Request") && pointerTo(sig.Results().At(0).Type(), "net/http", "Response") &&
		types.Identical(sig.Results().At(1).Type(), types.Universe.Lookup("error").Type())
}

// pointerTo reports whether t is *path.name.
func pointerTo(t types.Type, path, name string) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == path && n.Obj().Name() == name
}
