package retryscope

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
)

// Operations built by a function of the package and handed to the retry
// as its result:
//
//	resp, err := retries.Poll(ctx, timeout, c.attempt(ctx, method, url, body))
//
//	func (c *ApiClient) attempt(ctx context.Context, method, url string, body []byte) func() (*Response, *retries.Err) {
//		return func() (*Response, *retries.Err) { … c.hc.Do(req) … }
//	}
//
// The retried code is the literal the builder returns. Its scope is
// written in the builder (Scope.Encl): what the literal sends is decided by
// the builder's parameters, so the model records the retried request's
// roles on the builder (a ParamRetry) and its callers that pass a POST
// through perform and Do are reported.

// returnedLiteral returns the function literal a call of a function of
// this package returns, when its body ends with its only return statement
// and that returns a literal, with the function's declaration; nil
// otherwise.
func (w *walk) returnedLiteral(call *ast.CallExpr) (*ast.FuncLit, *ast.FuncDecl) {
	fn, _ := typeutil.Callee(w.info, call).(*types.Func)
	d := w.f.declOf(fn)
	if d == nil {
		return nil, nil
	}
	lit, _ := ast.Unparen(astpath.OnlyResult(d.Body)).(*ast.FuncLit)
	if lit == nil {
		return nil, nil
	}
	return lit, d
}
