package retryscope

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
)

// A sentinel of another package has no declaration to read in the package
// that tests for it: errors.Is(err, store.ErrSessionGone) looks like an
// application error by its name, but store declares it as
// errors.New("connection closed by peer"). The package that declares it
// says so through a fact (AmbiguousSentinels); without one, the name is
// the evidence there is.

// AmbiguousSentinels returns the package-level error variables of the
// package that are not application sentinels: declared with a text or a
// value that says an ambiguous outcome (a timeout, a closed connection),
// wrapping one, or declared without an initializer that can be read. The
// standard library's are not listed (no sentinel of it is one).
func AmbiguousSentinels(pass *analysis.Pass) []*types.Var {
	if pass.Pkg == nil || isStdPath(pass.Pkg.Path()) {
		return nil
	}
	r := &refusals{info: pass.TypesInfo, files: pass.Files, pkg: pass.Pkg}
	var out []*types.Var
	for _, file := range pass.Files {
		for _, d := range file.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				for _, name := range spec.(*ast.ValueSpec).Names {
					v, ok := pass.TypesInfo.Defs[name].(*types.Var)
					if !ok || !implementsError(v.Type()) || ambiguousWords.MatchString(v.Name()) {
						continue // a name that says it already keeps it out
					}
					if !r.applicationObject(v, 0) && !refusalWords.MatchString(v.Name()) {
						out = append(out, v)
					}
				}
			}
		}
	}
	return out
}
