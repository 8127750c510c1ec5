package mutation

import "go/types"

// Calls that open a handle. CreateProducer, CreateShell, Storage.Create of
// a local database, NewSession: the result is a client-side object the
// caller closes — a producer session, a remote shell, an open file or
// database. Opening one again after a failed attempt leaves at most an
// unused session, which the server drops with its connection or lease;
// it does not repeat a record, a message or a charge. What the handle is
// then used for (a Send, a Write) is judged where it is called.

// openVerbs start the names of functions that open a handle.
var openVerbs = map[string]bool{"create": true, "new": true, "open": true, "dial": true, "connect": true}

// opensHandle reports whether fn is named like an opening (its first word
// is an open verb) and its first result has a Close method.
func opensHandle(fn *types.Func) bool {
	words := nameWords(fn.Name())
	if len(words) == 0 || !openVerbs[words[0]] {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Results().Len() == 0 {
		return false
	}
	return hasClose(sig.Results().At(0).Type())
}

// hasClose reports whether t, or a pointer to it, has a method Close.
func hasClose(t types.Type) bool {
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "Close")
	_, isMethod := obj.(*types.Func)
	return isMethod
}
