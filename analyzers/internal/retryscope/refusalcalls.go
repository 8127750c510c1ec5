package retryscope

import (
	"go/ast"
	"go/constant"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
)

// Calls in retry conditions: errors.Is/As with a refusal, a text test, and
// a predicate helper whose body is judged with its parameters bound to the
// call's arguments.

// call judges a boolean call: errors.Is/As with a refusal, strings.Contains
// with a refusal text, a predicate whose body holds only on refusals, or
// (body unseen) one named for a refusal (apierrors.IsTooManyRequests).
func (r *refusals) call(call *ast.CallExpr, depth int) bool {
	fn, _ := typeutil.Callee(r.info, call).(*types.Func)
	if fn == nil {
		return r.valueCall(call, depth)
	}
	switch errorsPackage(pkgOf(fn)) + "." + fn.Name() {
	case "errors.Is":
		return len(call.Args) == 2 && r.settledValue(call.Args[1])
	case "errors.As":
		return len(call.Args) == 2 && settledType(r.pointee(call.Args[1]))
	case "strings.Contains", "strings.HasPrefix", "strings.HasSuffix", "strings.EqualFold":
		if len(call.Args) != 2 {
			return false
		}
		v := r.constValue(call.Args[1])
		if v == nil || v.Kind() != constant.String {
			return false
		}
		s := constant.StringVal(v)
		return refusalWords.MatchString(s) || abortedText.MatchString(s) || r.specificText(call.Args[0], call.Args[1], s)
	}
	if sentNothing(fn) {
		return true
	}
	if pattern, ok := r.regexpPattern(call, fn); ok {
		return refusalWords.MatchString(pattern) // reErrorBusy.MatchString(err.Error())
	}
	if !returnsBool(fn) {
		return false
	}
	if d := r.decls(fn.Origin()); d != nil {
		defer r.bind(d, call)()
		return r.trueOnlyOnRefusal(d.Body, depth+1)
	}
	return r.unreadPredicate(fn)
}

// errorsPackage returns "errors" for the standard library's errors and
// the packages that wrap its Is and As unchanged (github.com/pkg/errors,
// golang.org/x/xerrors, github.com/cockroachdb/errors), else path.
func errorsPackage(path string) string {
	switch path {
	case "github.com/pkg/errors", "golang.org/x/xerrors", "github.com/cockroachdb/errors":
		return "errors"
	}
	return path
}

// bind makes the constants call passes the parameters of the predicate d
// while its body is evaluated, so that a code test written once
// (`func isAWSErr(err error, code, message string) bool { … e.Code() ==
// code … }`) is read with the code each caller asks about. It returns
// the function that restores the bindings of the caller.
func (r *refusals) bind(d *ast.FuncDecl, call *ast.CallExpr) func() {
	outer := r.args
	var inner map[*types.Var]constant.Value // most calls pass no constant: no map
	i := 0
	for _, field := range d.Type.Params.List {
		for _, name := range field.Names {
			if v, ok := r.info.Defs[name].(*types.Var); ok && i < len(call.Args) {
				if c := r.constValue(call.Args[i]); c != nil {
					if inner == nil {
						inner = map[*types.Var]constant.Value{}
					}
					inner[v] = c
				}
			}
			i++
		}
		if len(field.Names) == 0 {
			i++
		}
	}
	outerMethods := r.methods
	if fn, ok := r.info.Defs[d.Name].(*types.Func); ok {
		r.methods = methodParams(r.info, fn, call, outerMethods)
	}
	r.args = inner
	return func() { r.args, r.methods = outer, outerMethods }
}

// constValue is the constant value of e: a constant expression, or a
// parameter bound to a constant by bind.
func (r *refusals) constValue(e ast.Expr) constant.Value {
	if tv := r.info.Types[e]; tv.Value != nil {
		return tv.Value
	}
	if id, ok := ast.Unparen(e).(*ast.Ident); ok && r.args != nil {
		if v, ok := r.info.Uses[id].(*types.Var); ok {
			return r.args[v]
		}
	}
	return nil
}

// pointee is the type a pointer argument points to (errors.As(err, &target)).
func (r *refusals) pointee(e ast.Expr) types.Type {
	if p, ok := r.info.TypeOf(e).Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	return nil
}

func returnsBool(fn *types.Func) bool {
	res := fn.Signature().Results()
	return res.Len() >= 1 && isBool(res.At(0).Type())
}

// definition returns the expression a local variable was defined with
// (`limited := isRateLimit(err)`), when it is assigned exactly once in
// scope.
func (r *refusals) definition(id *ast.Ident, scope ast.Node) ast.Expr {
	obj, ok := r.info.Uses[id].(*types.Var)
	if !ok || scope == nil || !isBool(obj.Type()) {
		return nil
	}
	defs, _ := astpath.Definitions(r.info, scope, obj)
	values := astpath.WithValues(defs)
	if len(values) != 1 || values[0].Tuple {
		return nil
	}
	return values[0].Rhs
}

// assertedType returns T when id is the ok of the one comma-ok type
// assertion `v, ok := x.(T)` that defines it in scope: ok is true only when
// x holds a T.
func (r *refusals) assertedType(id *ast.Ident, scope ast.Node) types.Type {
	obj, ok := r.info.Uses[id].(*types.Var)
	if !ok || scope == nil || !isBool(obj.Type()) {
		return nil
	}
	var t types.Type
	count := 0
	ast.Inspect(scope, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != 2 || len(as.Rhs) != 1 {
			return true
		}
		if l, ok := as.Lhs[1].(*ast.Ident); ok && r.info.ObjectOf(l) == obj {
			count++
			if ta, ok := ast.Unparen(as.Rhs[0]).(*ast.TypeAssertExpr); ok && ta.Type != nil {
				t = r.info.TypeOf(ta.Type)
			}
		}
		return true
	})
	if count != 1 {
		return nil
	}
	return t
}

// trueOnlyOnRefusal reports whether every return of a boolean predicate's
// body that can yield true does so only on a refusal: the returned
// expression is a refusal test, or the path to the return is guarded by
// one. A body with no true return says nothing.
func (r *refusals) trueOnlyOnRefusal(body *ast.BlockStmt, depth int) bool {
	return r.trueOnlyOnRefusalAt(body, 0, depth)
}

// trueOnlyOnRefusalAt is trueOnlyOnRefusal for result k of the body's
// returns.
func (r *refusals) trueOnlyOnRefusalAt(body *ast.BlockStmt, k, depth int) bool {
	return r.onlyOnRefusal(body, k, depth, func(e ast.Expr, _ []ast.Node) (bool, bool) {
		if tv := r.info.Types[e]; tv.Value != nil && tv.Value.Kind() == constant.Bool && !constant.BoolVal(tv.Value) {
			return false, false // return false
		}
		return true, r.when(e, true, body, depth)
	})
}
