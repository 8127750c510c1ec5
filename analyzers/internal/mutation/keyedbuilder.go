package mutation

import (
	"go/ast"
	"strings"
)

// Builders that key their requests. An SDK's request builder often adds
// an idempotency key to every write it builds, made once per request:
//
//	req, err := http.NewRequest(method, s.URL+path, nil)
//	…
//	} else if isHTTPWriteMethod(method) {
//		req.Header.Add("Idempotency-Key", NewIdempotencyKey())
//	}
//
// (stripe-go's NewRequest). The request then goes to a retrying Do whole,
// header and all: every attempt carries the same key, and the server
// answers a repeat with the first result. The builder's summary records
// it (FuncFact.KeysRequest); a retried request built by such a builder is
// not a repeated write.

// summarizeKeyedBuilder sets KeysRequest on a builder whose body sets an
// idempotency-key header (Header.Set/Add, or Header[…] = …).
func (c *Classifier) summarizeKeyedBuilder(decl *ast.FuncDecl, f *FuncFact) {
	if !f.BuildsRequest || decl.Body == nil {
		return
	}
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		if f.KeysRequest {
			return false
		}
		var name ast.Expr
		switch x := n.(type) {
		case *ast.CallExpr:
			sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr)
			if ok && (sel.Sel.Name == "Set" || sel.Sel.Name == "Add") && len(x.Args) == 2 && isHeaderExpr(sel.X) {
				name = x.Args[0]
			}
		case *ast.IndexExpr:
			if isHeaderExpr(x.X) {
				name = x.Index
			}
		}
		if name != nil {
			if v := c.str(name, 0); v.known && isKeyHeader(strings.ToLower(v.s)) {
				f.KeysRequest = true
			}
		}
		return true
	})
}

// isHeaderExpr: req.Header (the header map of a request).
func isHeaderExpr(e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "Header"
}

// keyedRequest reports whether the request expression req was built by a
// builder that keys its requests (a variable defined by its call, or the
// call itself).
func (c *Classifier) keyedRequest(req ast.Expr) bool {
	call, ok := ast.Unparen(req).(*ast.CallExpr)
	if !ok {
		v := c.varOf(req)
		if v == nil {
			return false
		}
		a, ok := c.single(v)
		if !ok {
			return false
		}
		call, _ = ast.Unparen(a.rhs).(*ast.CallExpr)
		if call == nil {
			call = a.call
		}
	}
	if call == nil {
		return false
	}
	fn := c.calleeFunc(call)
	if fn == nil {
		return false
	}
	f := c.facts(fn)
	return f != nil && f.KeysRequest
}

// keyedArg reports whether a call gives a retrying function's request
// parameter (or the request config a method is called on) a request its
// builder keyed.
func (c *Classifier) keyedArg(call *ast.CallExpr, r *ParamRetry) bool {
	arg := c.callArg(call, r.RequestParam)
	return arg != nil && c.keyedRequest(arg)
}
