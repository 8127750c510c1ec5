package mutation

import (
	"go/types"
	"strings"
)

// Inert reports whether no call of the package can be classified as a
// write, now or after its own functions are summarised, so that
// summarising it is wasted work. It looks only at the functions the
// package references (pass.TypesInfo.Uses, which holds every callee that
// Call can resolve, called or passed as a value), not at bodies, and errs
// towards false:
//   - a function of another standard package can matter only through the
//     tables (net/http, database/sql, net/smtp) or an imported FuncFact; the verb
//     heuristic skips the standard library;
//   - a function of a non-standard package is always taken to matter
//     (tables, verb heuristic, facts);
//   - an interface method of the package itself matters (verb heuristic),
//     and so does any function of a package the tables know (analyzing
//     net/http itself); the other functions of the package are judged by
//     their bodies, whose references are in the same Uses map.
//
// It does not consider the -mutating/-idempotent settings, the
// //twice:idempotent directive or functions that build requests; callers
// check those (see the model).
func (c *Classifier) Inert() bool {
	for _, obj := range c.info.Uses {
		fn, ok := obj.(*types.Func)
		if !ok || fn.Pkg() == nil {
			continue
		}
		if fn.Pkg() == c.pass.Pkg {
			if recv := fn.Signature().Recv(); recv != nil && types.IsInterface(recv.Type()) || isTablePath(fn.Pkg().Path()) {
				return false
			}
			continue
		}
		path := fn.Pkg().Path()
		if !IsStd(path) || isTablePath(path) || c.facts(fn) != nil {
			return false
		}
	}
	return true
}

// isTablePath reports whether the built-in tables (Classifier.table) judge
// functions of the package at path.
func isTablePath(path string) bool {
	switch {
	case path == "net/http" || path == retryablehttpPath || path == "database/sql" || path == sqlxPath,
		strings.HasPrefix(path, "github.com/jackc/pgx/"), isRedisPkg(path), isRestyPkg(path),
		stripeCreate.MatchString(path):
		return true
	}
	for _, p := range publishers {
		if p.pkg == path {
			return true
		}
	}
	return isMailPath(path) || mongoPkgs[path]
}
