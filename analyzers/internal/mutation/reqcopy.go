package mutation

import "go/ast"

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
	if decl.Type.Results == nil {
		return -1
	}
	i := 0
	for _, field := range decl.Type.Results.List {
		if t := c.info.TypeOf(field.Type); isNamed(t, "net/http", "Request") || isNamed(t, retryablehttpPath, "Request") {
			return i
		}
		i += max(1, len(field.Names))
	}
	return -1
}
