package retryscope

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
)

// A sentinel or a predicate of another package has no declaration to read
// in the package that tests for it: errors.Is(err, store.ErrSessionGone)
// looks like an application error by its name, but store declares it as
// errors.New("connection closed by peer"); store.IsStale(err) holds only on
// store's ErrStale, which its name does not say. The package that declares
// them says so through facts (AmbiguousSentinels, SettledPredicates);
// without one, the name is the evidence there is.

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

// SettledPredicates returns the package's boolean functions of an error
// (func IsStale(err error) bool, a dialect's IsRetryable method) whose
// body holds only on refusals or specific application errors, so that a
// retry in another package asking them reads like one asking their body.
func SettledPredicates(pass *analysis.Pass, cfg Config) []*types.Func {
	if pass.Pkg == nil || isStdPath(pass.Pkg.Path()) {
		return nil
	}
	idx := map[*types.Func]*ast.FuncDecl{}
	var cands []*types.Func
	for _, file := range pass.Files {
		for _, d := range file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn, _ := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if fn == nil {
				continue
			}
			idx[fn] = fd
			if errorPredicate(fn) {
				cands = append(cands, fn)
			}
		}
	}
	if len(cands) == 0 {
		return nil
	}
	r := &refusals{info: pass.TypesInfo, files: pass.Files, pkg: pass.Pkg,
		decls:    func(fn *types.Func) *ast.FuncDecl { return idx[fn] },
		imported: cfg.RefusalPredicate, ambiguousImported: cfg.AmbiguousSentinel, settledImported: cfg.SettledPredicate,
		unavailable: cfg.UnavailableRefuses}
	var out []*types.Func
	for _, fn := range cands {
		if r.trueOnlyOnRefusal(idx[fn].Body, 0) {
			out = append(out, fn)
		}
	}
	return out
}

// errorPredicate reports whether fn returns one bool and takes an error,
// or is a method of an error (or of a struct wrapping one: a network
// error adapter's IsDialError).
func errorPredicate(fn *types.Func) bool {
	sig := fn.Signature()
	if sig.Results().Len() != 1 || !isBool(sig.Results().At(0).Type()) {
		return false
	}
	for i := 0; i < sig.Params().Len(); i++ {
		if implementsError(sig.Params().At(i).Type()) {
			return true
		}
	}
	return sig.Recv() != nil && (implementsError(sig.Recv().Type()) || wrapsError(sig.Recv().Type()))
}

// wrapsError reports whether t (or *t) is a struct with a field of type
// error.
func wrapsError(t types.Type) bool {
	return astpath.HasField(t, func(f *types.Var) bool { return isErrorType(f.Type()) })
}

// unreadPredicate judges a boolean function whose body is not in this
// package: one named for a refusal (apierrors.IsTooManyRequests), or one
// its package found to hold only on refusals or application errors.
func (r *refusals) unreadPredicate(fn *types.Func) bool {
	if !returnsBool(fn) {
		return false
	}
	return refusalWords.MatchString(fn.Name()) || r.settledImported != nil && r.settledImported(fn.Origin())
}
