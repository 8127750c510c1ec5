package retryscope

import (
	"go/ast"
	"go/types"
	"strings"
)

// An HTTP status in a comparison is recognised by its name (resp.StatusCode,
// apiErr.Code) or by the constant it is compared with (http.StatusConflict).

// isStatusExpr recognises an integer status: resp.StatusCode,
// resp.StatusCode(), apiErr.Code, e.HTTPStatusCode, a variable named
// status/code.
func isStatusExpr(info *types.Info, e ast.Expr) bool {
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok && len(call.Args) == 0 {
		e = call.Fun
	}
	var name string
	switch x := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		name = x.Sel.Name
	case *ast.Ident:
		name = x.Name
	default:
		return false
	}
	n := strings.ToLower(name)
	if !strings.Contains(n, "status") && !strings.HasSuffix(n, "code") {
		return false
	}
	t := info.TypeOf(e)
	if sig, isSig := t.Underlying().(*types.Signature); isSig && sig.Results().Len() == 1 {
		t = sig.Results().At(0).Type()
	}
	return isInt(t)
}

// isHTTPStatusConst reports whether e names one of net/http's Status…
// constants: whatever the other side of the comparison is called
// (gophercloud's e.Actual), it holds an HTTP status.
func isHTTPStatusConst(info *types.Info, e ast.Expr) bool {
	var id *ast.Ident
	switch x := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		id = x.Sel
	case *ast.Ident:
		id = x
	default:
		return false
	}
	c, ok := info.Uses[id].(*types.Const)
	return ok && c.Pkg() != nil && c.Pkg().Path() == "net/http" && strings.HasPrefix(c.Name(), "Status")
}
