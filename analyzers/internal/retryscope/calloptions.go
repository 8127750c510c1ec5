package retryscope

import (
	"go/ast"
	"go/types"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
	"golang.org/x/tools/go/types/typeutil"
)

// Google's generated Cloud clients (GAPIC) run every RPC through
// gax.Invoke with the method's call options, and the generator gives many
// methods a default retry (on Unavailable, DeadlineExceeded, …):
//
//	opts = append((*c.CallOptions).CreateCertificate[0:len(…):len(…)], opts...)
//	err := gax.Invoke(ctx, func(ctx context.Context, settings gax.CallSettings) error {
//		resp, err = c.client.CreateCertificate(ctx, req, settings.GRPC...)
//		return err
//	}, opts...)
//
// where defaultCertificateAuthorityCallOptions() sets the field to a
// literal holding gax.WithRetry(…). gax.Invoke retries its func only when
// an option is a WithRetry: one given in the call, or one in a literal the
// package sets an options field to. Options only the caller passes are not
// in sight, and without a WithRetry in sight the call is no retry scope.

// gaxWithRetry is the full name of the option that turns gax's retry on.
const gaxWithRetry = "github.com/googleapis/gax-go/v2.WithRetry"

// optionsRetry reports whether a WithRetry option is in sight for the
// options of call that follow its func argument arg, and whether it is one
// of the package's defaults (an options field set to a literal with it)
// rather than one written in the call.
func (w *walk) optionsRetry(call *ast.CallExpr, arg int) (retries, byDefault bool) {
	for i := arg + 1; i < len(call.Args); i++ {
		if r, d := w.optionRetries(call.Args[i], 0); r {
			retries, byDefault = true, byDefault || d
		}
	}
	return retries, byDefault
}

// optionRetries reports whether an option expression (or a slice of
// options) holds a WithRetry in sight: a WithRetry call, a slice literal
// of options, an append of them, an options field the package sets to
// such a literal (byDefault), or a local assigned from any of these.
func (w *walk) optionRetries(e ast.Expr, depth int) (retries, byDefault bool) {
	if depth > 3 {
		return false, false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		if b, ok := w.info.Uses[astpath.CalleeIdent(x)].(*types.Builtin); ok && b.Name() == "append" {
			return w.anyRetries(x.Args, depth)
		}
		fn, _ := typeutil.Callee(w.info, x).(*types.Func)
		return fn != nil && fn.Pkg() != nil && unvendor(fn.Pkg().Path())+"."+fn.Name() == gaxWithRetry, false
	case *ast.CompositeLit:
		return w.anyRetries(x.Elts, depth)
	case *ast.SliceExpr:
		return w.optionRetries(x.X, depth+1)
	case *ast.StarExpr:
		return w.optionRetries(x.X, depth+1)
	case *ast.SelectorExpr:
		field, ok := w.info.Uses[x.Sel].(*types.Var)
		r := ok && field.IsField() && w.f.retryOptionFields()[field]
		return r, r
	case *ast.Ident:
		v, ok := w.info.Uses[x].(*types.Var)
		if !ok || v.IsField() || w.decl == nil || w.decl.Body == nil {
			return false, false
		}
		defs, _ := astpath.Definitions(w.info, w.decl.Body, v)
		var rhs []ast.Expr
		for _, d := range defs {
			if d.Rhs != nil && !d.Tuple {
				rhs = append(rhs, d.Rhs)
			}
		}
		return w.anyRetries(rhs, depth)
	}
	return false, false
}

// anyRetries applies optionRetries to each expression, one level deeper.
func (w *walk) anyRetries(es []ast.Expr, depth int) (retries, byDefault bool) {
	for _, e := range es {
		if r, d := w.optionRetries(e, depth+1); r {
			retries, byDefault = true, byDefault || d
		}
	}
	return retries, byDefault
}

// retryOptionFields returns the struct fields that a composite literal of
// the package sets to options holding a WithRetry (a generated client's
// default call options), computed once per package.
func (f *Finder) retryOptionFields() map[*types.Var]bool {
	if f.retryFields != nil {
		return f.retryFields
	}
	f.retryFields = map[*types.Var]bool{}
	w := &walk{f: f, info: f.info}
	for _, file := range f.pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			kv, ok := n.(*ast.KeyValueExpr)
			if !ok {
				return true
			}
			key, ok := kv.Key.(*ast.Ident)
			if !ok {
				return true
			}
			field, ok := w.info.Uses[key].(*types.Var)
			if !ok || !field.IsField() {
				return true
			}
			if r, _ := w.optionRetries(kv.Value, 1); r {
				f.retryFields[field] = true
			}
			return true
		})
	}
	return f.retryFields
}
