package retryscope

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// formatHosts marks the argument of fmt.Sprintf whose verb follows
// "://" in a constant format ("http://%s/db/execute").
func (w *walk) formatHosts(call *ast.CallExpr, mark func(ast.Expr)) {
	fn := typeutil.StaticCallee(w.info, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "fmt" || fn.Name() != "Sprintf" || len(call.Args) < 2 {
		return
	}
	format, ok := w.stringConst(call.Args[0])
	if !ok {
		return
	}
	for _, i := range verbsAfterScheme(format) {
		if 1+i < len(call.Args) {
			mark(call.Args[1+i])
		}
	}
}

// verbsAfterScheme returns the indexes of the format's verbs that directly
// follow "://". A format with explicit argument indexes or a verb taking
// its width or precision from an argument gives none: the verbs no longer
// map one to one onto the arguments.
func verbsAfterScheme(format string) []int {
	var out []int
	n := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		if i+1 < len(format) && format[i+1] == '%' {
			i++
			continue
		}
		j := i + 1
		for j < len(format) && strings.IndexByte("+-# 0123456789.", format[j]) >= 0 {
			j++
		}
		if j >= len(format) || format[j] == '[' || format[j] == '*' {
			return nil
		}
		if strings.HasSuffix(format[:i], "://") {
			out = append(out, n)
		}
		n++
		i = j
	}
	return out
}

// helperHosts marks an argument passed to a function of this package whose
// parameter goes only into the host of a URL (an endpoint or request
// builder: `func (c *Conn) endpoint(p peer, path string) string { u :=
// url.URL{Host: string(p), Path: path}; … }`).
func (w *walk) helperHosts(call *ast.CallExpr, vars []types.Object, depth int, mark func(ast.Expr)) {
	fn := typeutil.StaticCallee(w.info, call)
	decl := w.f.declOf(fn)
	if decl == nil {
		return
	}
	sig := fn.Type().(*types.Signature)
	for i, arg := range call.Args {
		if i >= sig.Params().Len() || sig.Variadic() && i >= sig.Params().Len()-1 {
			break
		}
		// Only an argument that is the element's value is worth following.
		if w.hostValue(arg, vars) != nil && w.hostOnlyParam(decl, sig.Params().At(i), depth+1) {
			mark(arg)
		}
	}
}

// hostOnlyParam reports whether every use of param in decl's body sits
// where a URL's host goes (and there is one).
func (w *walk) hostOnlyParam(decl *ast.FuncDecl, param *types.Var, depth int) bool {
	vars := []types.Object{param}
	host := w.hostIdents(decl.Body, vars, depth)
	if len(host) == 0 {
		return false
	}
	other := false
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && w.info.Uses[id] == param && !host[id] {
			other = true
		}
		return !other
	})
	return !other
}
