package mutation

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// Request options that change the method. A helper that posts by default
// often takes functions that adjust the request before it is sent:
//
//	err = postMessage(ctx, url, payload, func(req *retryablehttp.Request) {
//		req.Method = http.MethodPut // PUT …/send/m.room.message/{txnId}
//	})
//
// The helper's fact says it retries a POST to the URL its caller gives;
// this caller sends a PUT. Which request the helper hands the option is
// not followed: an option is a function of one parameter, and one whose
// body sets that parameter's Method field to a constant adjusts a request.

// optionMethod returns the method a function-literal argument of call sets
// on the request it is given ("PUT"), or "" when no argument sets one.
// When several do, the last one wins, as it would when applied in order.
func (c *Classifier) optionMethod(call *ast.CallExpr) string {
	method := ""
	for _, arg := range call.Args {
		lit := c.funcLitOf(arg)
		if lit == nil {
			continue
		}
		if m := c.methodSetBy(lit); m != "" {
			method = m
		}
	}
	return method
}

// funcLitOf returns the function literal e is, or the one a local variable
// e is only ever given.
func (c *Classifier) funcLitOf(e ast.Expr) *ast.FuncLit {
	if lit, ok := ast.Unparen(e).(*ast.FuncLit); ok {
		return lit
	}
	if rhs := c.singleValue(e); rhs != nil {
		lit, _ := ast.Unparen(rhs).(*ast.FuncLit)
		return lit
	}
	return nil
}

// methodSetBy returns the constant method a function literal of one
// parameter assigns to that parameter's Method field (p.Method = "PUT"),
// upper-cased, or "".
func (c *Classifier) methodSetBy(lit *ast.FuncLit) string {
	params := lit.Type.Params
	if params == nil || len(params.List) != 1 || len(params.List[0].Names) != 1 {
		return ""
	}
	p, _ := c.info.Defs[params.List[0].Names[0]].(*types.Var)
	if p == nil {
		return ""
	}
	method := ""
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
			return true
		}
		for i, lhs := range as.Lhs {
			sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "Method" || c.varOf(sel.X) != p {
				continue
			}
			if v := c.str(as.Rhs[i], 0); v.known {
				method = strings.ToUpper(v.s)
			}
		}
		return true
	})
	return method
}

// isWriteMethod reports whether an HTTP method is one twice reports when
// retried (POST, PATCH): PUT, DELETE and the reads can be repeated.
func isWriteMethod(m string) bool { return m == "POST" || m == "PATCH" }
