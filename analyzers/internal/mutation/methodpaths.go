package mutation

import (
	"go/ast"
	"go/constant"
	"go/token"
	"slices"
	"strings"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
)

// Request helpers often retry only some methods, deciding by the method
// their caller passes:
//
//	// Perform the request and retry it if it's not a POST or PUT request
//	if method == "POST" || method == "PUT" {
//		resp, err = client.HttpClient.Do(req)
//	} else {
//		resp, err = client.doRequestWithRetries(req, client.RetryTimeout)
//	}
//
// A wrapper forwarding its method to a retrying helper records the methods
// for which the way to that call is closed (ParamRetry.NotMethods): a
// caller passing POST is not retried; one passing PATCH still is.

// candidateMethods are the methods a branch is evaluated for.
var candidateMethods = []string{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"}

// excludedMethods returns the methods for which a condition on the way
// from decl's body to call is false, the method being decl's parameter
// param (compared with ==, != or strings.EqualFold to constants, under
// &&, || and !). Conditions that say something else are skipped.
func (c *Classifier) excludedMethods(decl *ast.FuncDecl, call *ast.CallExpr, param int) []string {
	if decl.Body == nil || param < 0 {
		return nil
	}
	var conds []astpath.Cond
	astpath.Walk(decl.Body, func(n ast.Node, path []ast.Node) bool {
		if conds != nil || n.End() <= call.Pos() || n.Pos() > call.Pos() {
			return false
		}
		if n == call {
			conds = astpath.Conditions(path, leavesBlock)
			return false
		}
		return true
	})
	var out []string
	for _, m := range candidateMethods {
		for _, cd := range conds {
			if cd.Expr == nil {
				continue
			}
			if v, ok := c.methodCond(cd.Expr, m, param); ok && v != cd.Truth {
				out = append(out, m)
				break
			}
		}
	}
	return out
}

// leavesBlock reports whether a statement never falls through: it ends in
// a return, a branch or a panic, so that the code after an `if` holding
// it runs only when the if's condition was false.
func leavesBlock(st ast.Stmt) bool {
	switch s := st.(type) {
	case *ast.ReturnStmt, *ast.BranchStmt:
		return true
	case *ast.BlockStmt:
		return len(s.List) > 0 && leavesBlock(s.List[len(s.List)-1])
	case *ast.ExprStmt:
		call, ok := s.X.(*ast.CallExpr)
		if !ok {
			return false
		}
		f, ok := call.Fun.(*ast.Ident)
		return ok && f.Name == "panic"
	}
	return false
}

// methodCond evaluates e for the method m held by parameter param: ok is
// false when e tests anything else.
func (c *Classifier) methodCond(e ast.Expr, m string, param int) (value, ok bool) {
	switch x := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		if x.Op == token.NOT {
			v, ok := c.methodCond(x.X, m, param)
			return !v, ok
		}
	case *ast.BinaryExpr:
		switch x.Op {
		case token.LAND, token.LOR:
			a, okA := c.methodCond(x.X, m, param)
			b, okB := c.methodCond(x.Y, m, param)
			if !okA || !okB {
				return false, false
			}
			if x.Op == token.LAND {
				return a && b, true
			}
			return a || b, true
		case token.EQL, token.NEQ:
			s, ok := c.comparedMethod(x.X, x.Y, param)
			if !ok {
				return false, false
			}
			return (s == m) == (x.Op == token.EQL), true
		}
	case *ast.CallExpr:
		// strings.EqualFold(method, "POST")
		fn := c.calleeFunc(x)
		if fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "strings" && fn.Name() == "EqualFold" && len(x.Args) == 2 {
			if s, ok := c.comparedMethod(x.Args[0], x.Args[1], param); ok {
				return s == m, true
			}
		}
	}
	return false, false
}

// comparedMethod returns the constant method one side gives when the
// other is the method parameter (upper-cased).
func (c *Classifier) comparedMethod(a, b ast.Expr, param int) (string, bool) {
	for _, pair := range [][2]ast.Expr{{a, b}, {b, a}} {
		v := c.varOf(pair[0])
		if v == nil || c.sum == nil {
			continue
		}
		if p, isParam := c.sum.params[v]; !isParam || p != param {
			continue
		}
		if tv, ok := c.info.Types[ast.Unparen(pair[1])]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
			return strings.ToUpper(constant.StringVal(tv.Value)), true
		}
	}
	return "", false
}

// notMethod reports whether r's way to the retry is closed for method m.
func (r *ParamRetry) notMethod(m string) bool {
	return r != nil && slices.Contains(r.NotMethods, strings.ToUpper(m))
}
