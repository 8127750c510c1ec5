package mutation

import (
	"go/types"
	"strings"
)

// Callback interfaces. A library that lets the application veto or observe
// its work declares an interface for it and calls it from its own bodies:
// memberlist's MergeDelegate.NotifyMerge, an EventListener's
// NotifyJoin, a progress Observer's SendUpdate. The application
// implements it; the call informs the process, it is no remote write,
// whatever verb the method starts with. The type's name says the role.

// callbackRoles end the names of interfaces a library calls back into.
var callbackRoles = []string{"Delegate", "Listener", "Observer", "Callback", "Callbacks"}

// callbackInterface reports whether fn is a method of an interface named
// for a callback role.
func callbackInterface(fn *types.Func) bool {
	n := recvNamed(fn)
	if n == nil {
		return false
	}
	name := n.Obj().Name()
	for _, r := range callbackRoles {
		if strings.HasSuffix(name, r) {
			return true
		}
	}
	return false
}
