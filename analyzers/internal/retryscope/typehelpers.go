package retryscope

import (
	"go/ast"
	"go/types"
)

// Small helpers over go/types and go/ast shared by the finder's files.

// isVariadicParam reports whether parameter i of fn is its variadic one.
func isVariadicParam(fn *types.Func, i int) bool {
	sig := fn.Signature()
	return sig.Variadic() && i == sig.Params().Len()-1
}

// ShortName is "pkg.Func" or "Type.Method" for messages.
func ShortName(fn *types.Func) string {
	if recv := fn.Signature().Recv(); recv != nil {
		if named := namedOf(recv.Type()); named != nil {
			return named.Obj().Name() + "." + fn.Name()
		}
		return fn.Name()
	}
	if fn.Pkg() == nil {
		return fn.Name()
	}
	return fn.Pkg().Name() + "." + fn.Name()
}

// canFail reports whether a call of a func parameter can report a failure:
// one of its results is an error.
func canFail(info *types.Info, call *ast.CallExpr) bool {
	sig, ok := info.TypeOf(call.Fun).Underlying().(*types.Signature)
	if !ok {
		return false
	}
	errIface := types.Universe.Lookup("error").Type().Underlying().(*types.Interface)
	for i := 0; i < sig.Results().Len(); i++ {
		t := sig.Results().At(i).Type()
		if isErrorType(t) || i == sig.Results().Len()-1 && !types.IsInterface(t) && types.Implements(t, errIface) {
			return true // error, or a concrete error type last (an attempt's *retries.Err)
		}
	}
	return false
}

// refersTo reports whether n mentions obj.
func refersTo(info *types.Info, n ast.Node, obj types.Object) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if found {
			return false
		}
		if id, ok := n.(*ast.Ident); ok && info.Uses[id] == obj {
			found = true
		}
		return !found
	})
	return found
}

// objOf returns the variable, field or function that expr denotes.
func objOf(info *types.Info, expr ast.Expr) types.Object {
	switch e := ast.Unparen(expr).(type) {
	case *ast.Ident:
		return info.ObjectOf(e)
	case *ast.SelectorExpr:
		if sel := info.Selections[e]; sel != nil {
			return sel.Obj()
		}
		return info.Uses[e.Sel]
	case *ast.StarExpr:
		return objOf(info, e.X)
	}
	return nil
}
