package model

import (
	"fmt"
	"regexp"
)

// fullName matches a function's or method's full name as go/types prints
// it (types.Func.FullName): "pkg/path.Func", "(pkg/path.Type).Method" or
// "(*pkg/path.Type).Method", type parameters allowed ("(*x.List[T]).Push").
var fullName = regexp.MustCompile(`^(?:\(\*?[^\s()*,\[\]]+\.[\p{L}_][\p{L}\p{N}_]*(?:\[[^\]]*\])?\)|[^\s()*,\[\]]+)\.[\p{L}_][\p{L}\p{N}_]*$`)

// checkFullName reports a name that no function can have, so that a typo
// in -unsaferetry.mutating and friends is a usage error instead of a
// setting that silently matches nothing.
func checkFullName(s string) error {
	if !fullName.MatchString(s) {
		return fmt.Errorf("%q is not a full function name: want a package path and name such as example.com/x/retry.Do or (*example.com/x/billing.Client).Charge", s)
	}
	return nil
}
