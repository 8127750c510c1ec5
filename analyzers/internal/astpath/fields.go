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
