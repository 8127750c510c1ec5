package mutation

import (
	"go/ast"
	"go/types"
)

// Helpers that copy the caller's request. A retry loop usually sends a
// fresh copy of its request parameter on each attempt, made by a helper
// that also rewinds the body:
//
//	func cloneRequest(req *http.Request, ctx context.Context) (*http.Request, error) {
//		cloned := req.Clone(ctx)
//		if req.ContentLength > 0 { cloned.Body, err = req.GetBody() … }
//		return cloned, nil
//	}
//	for { cloned, err := cloneRequest(req, ctx); resp, err = h.next.Do(cloned, v) … }
//
// The copy is the same request: the loop re-sends the caller's request, so
// the function retrying it takes its method from its caller. The fact
// records the parameter the result copies (FuncFact.CopiesRequestParam);
// requestCall follows it to the argument.

// summarizeCopy sets CopiesRequestParam when every return of decl gives
// nil or a request derived from the same *http.Request parameter.
func (c *Classifier) summarizeCopy(decl *ast.FuncDecl, f *FuncFact) {
	reqResult := requestResult(c, decl)
	if f.Op != nil || f.BuildsRequest || reqResult < 0 {
		return
	}
	param, consistent := -1, true
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok || !consistent {
			return false
		}
		ret, ok := n.(*ast.ReturnStmt)
		if !ok {
			return true
		}
		if len(ret.Results) <= reqResult {
			consistent = false // a bare return of named results, or a call's results
			return false
		}
		e := ret.Results[reqResult]
		if id, ok := ast.Unparen(e).(*ast.Ident); ok && id.Name == "nil" && c.varOf(id) == nil {
			return true
		}
		r, found := c.request(e, 0)
		if !found || r.param < 0 || param >= 0 && r.param != param {
			consistent = false
			return false
		}
		param = r.param
		return true
	})
	if consistent && param >= 0 {
		f.CopiesRequestParam = param
	}
}

// requestResult is the index of decl's *http.Request (or retryablehttp
// Request) result, or -1.
func requestResult(c *Classifier, decl *ast.FuncDecl) int {
	return resultIndex(c, decl, func(t types.Type) bool {
		return isNamed(t, "net/http", "Request") || isNamed(t, retryablehttpPath, "Request") || isRequestDefined(t)
	})
}

// resultIndex is the index of decl's first result whose type match
// accepts, or -1 (a field declaring several results counts each).
func resultIndex(c *Classifier, decl *ast.FuncDecl, match func(types.Type) bool) int {
	if decl.Type.Results == nil {
		return -1
	}
	i := 0
	for _, field := range decl.Type.Results.List {
		if match(c.info.TypeOf(field.Type)) {
			return i
		}
		i += max(1, len(field.Names))
	}
	return -1
}

// A library may define its own request type over net/http's
// (type Request http.Request), build it with a NewRequest of its own and
// convert it back to send it: c.Do((*http.Request)(req)). The conversion
// is the same request.

// isRequestDefined reports whether t (or *t) is a type defined with
// net/http.Request as its underlying type.
func isRequestDefined(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || isNamed(n, "net/http", "Request") {
		return false
	}
	st, ok := n.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	hasMethod, hasHeader := false, false
	for f := range st.Fields() {
		switch f.Name() {
		case "Method":
			hasMethod = types.Identical(f.Type(), types.Typ[types.String])
		case "Header":
			hasHeader = isNamed(f.Type(), "net/http", "Header")
		}
	}
	return hasMethod && hasHeader
}

// requestConversion returns the operand of a conversion between request
// types ((*http.Request)(req), (*Request)(req)), or nil.
func (c *Classifier) requestConversion(call *ast.CallExpr) ast.Expr {
	tv, ok := c.info.Types[call.Fun]
	if !ok || !tv.IsType() || len(call.Args) != 1 {
		return nil
	}
	if to, from := tv.Type, c.info.TypeOf(call.Args[0]); (isNamed(to, "net/http", "Request") || isRequestDefined(to)) &&
		(isNamed(from, "net/http", "Request") || isRequestDefined(from)) {
		return call.Args[0]
	}
	return nil
}
